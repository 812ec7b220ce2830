"""Configuration, read from the environment.

Every setting has a default that works on a fresh machine; each can be overridden
by an environment variable of the same name prefixed with ``PARLEY_`` (Flask's
``from_prefixed_env``), except the database URL, which also honours the
conventional ``DATABASE_URL``.
"""

from __future__ import annotations


class Config:
    #: SQLAlchemy URL. Unset: an SQLite file in the Flask instance folder.
    DATABASE_URL: str | None = None
    #: Seed the embedded database from ``seed/`` when it is empty at start-up.
    SEED_IF_EMPTY: bool = True
    #: Render responses with the schemas compiled to functions (``schemas.compiled``);
    #: off, marshmallow's ``Schema.dump`` renders them: same bytes, slower.
    COMPILED_SCHEMAS: bool = True
    #: Serve plain GETs of lists, records, the timeline, search and series without
    #: Flask's request dispatch (``api.http.direct``); off, Flask serves them: same
    #: responses, slower.
    DIRECT_GETS: bool = True
    #: Rendered responses kept per worker process, in MiB, for the current dataset
    #: version (``api.http.cache``). 0 turns the response cache off.
    RESPONSE_CACHE_MB: float = 32
    #: Per-version results kept per worker (the ``total`` of each filter seen).
    MEMO_ENTRIES: int = 4096
