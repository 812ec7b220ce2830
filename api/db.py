"""Database engine and what a request reads through.

The engine lives on the app (``app.extensions["parley.engine"]``). A request reads
one snapshot (``api.snapshot``): the prepared hot-path queries on its connection
(``get_connection``), anything else through an ORM session bound to it, on ``g``
(``get_session``); both end when the request does (Flask tutorial pattern).
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy import Connection, Engine, Result, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from .snapshot import Snapshots

ENGINE_KEY = "parley.engine"
SNAPSHOTS_KEY = "parley.snapshots"


def normalize_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs that name no driver.

    ``postgresql://`` would otherwise select psycopg2, which is not installed.
    """
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def default_sqlite_url(instance_path: str) -> str:
    Path(instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(instance_path) / 'parley.sqlite3'}"


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    # A server can drop idle connections: ping them on checkout. A file cannot.
    engine = create_engine(url, pool_pre_ping=make_url(url).get_backend_name() != "sqlite")
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Enforce foreign keys as PostgreSQL does; WAL lets readers run during a load.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def init_app(app: Flask) -> None:
    engine = app.extensions[ENGINE_KEY] = make_engine(app.config["DATABASE_URL"])
    app.extensions[SNAPSHOTS_KEY] = Snapshots(engine)
    app.teardown_appcontext(end_reads)


def get_engine() -> Engine:
    return get_engine_of(current_app)


def get_engine_of(app: Flask) -> Engine:
    return app.extensions[ENGINE_KEY]


def snapshots_of(app: Flask) -> Snapshots:
    return app.extensions[SNAPSHOTS_KEY]


def get_connection() -> Connection:
    """The connection of this request's snapshot."""
    return snapshots_of(current_app).connection()


def get_session() -> Session:
    """An ORM session on this request's snapshot."""
    if "db_session" not in g:
        g.db_session = Session(bind=get_connection())
    return g.db_session


def end_reads(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
    snapshots_of(current_app).end()


def as_dicts(result: Result) -> list[dict]:
    """Rows as plain dicts (tuples zipped with the keys: cheaper than RowMapping)."""
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.all()]
