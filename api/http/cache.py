"""Responses and counts cached per dataset version; ETags that need no rendering.

A data response is a function of the code, the loaded dataset and the request
(path and query). The dataset's version (``dataset_state.current``, changed by
every seed, load and ingest) is read on every request, so:

- the ETag is a digest of (code, version, request), known before the view runs:
  an ``If-None-Match`` that matches is answered 304 without a query or a render;
- a rendered 200 is kept, keyed the same way, in a per-process LRU bounded in
  bytes (``RESPONSE_CACHE_MB``; 0 turns it off). A load changes the version, so
  the next request misses and no client ever sees a stale page;
- ``memo`` keeps other per-version results, such as the ``total`` of a filter.

Views opt out with a blueprint whose ``cached`` is False (health checks).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from flask import Flask, Response, current_app, g, request
from sqlalchemy import Engine

from api import models

T = TypeVar("T")
CACHE_KEY = "parley.cache"
MEMO_KEY = "parley.memo"
#: Headers of a rendered response that a cached copy replays (the rest is per request).
REPLAYED = ("Content-Type", "Link", "Cache-Control", "ETag")


def _code_digest() -> str:
    """What the code renders depends on: every module of the API and its schemas."""
    digest = hashlib.blake2b(digest_size=8)
    root = Path(__file__).resolve().parents[2]
    for package in ("api", "schemas"):
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


CODE_DIGEST = _code_digest()


class VersionedLRU:
    """An LRU of values valid for one dataset version, bounded by their total size.

    A new version empties it: entries of the old one can never be served again.
    """

    def __init__(self, max_size: int):
        self.max_size = max_size
        self.version: str | None = None
        self.entries: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, version: str, key: Hashable) -> Any:
        with self.lock:
            if version != self.version or key not in self.entries:
                return None
            self.entries.move_to_end(key)
            return self.entries[key][0]

    def put(self, version: str, key: Hashable, value: Any, size: int = 1) -> None:
        if size > self.max_size:
            return
        with self.lock:
            if version != self.version:
                self.entries.clear()
                self.version, self.size = version, 0
            if key in self.entries:
                self.size -= self.entries.pop(key)[1]
            self.entries[key] = (value, size)
            self.size += size
            while self.size > self.max_size:
                self.size -= self.entries.popitem(last=False)[1][1]


class VersionProbe:
    """Reads the dataset version on a connection each thread keeps for it.

    The probe is one indexed single-row SELECT; a kept DB-API connection avoids
    a pool checkout and an ORM session for it on every request.
    """

    QUERY = f"SELECT version FROM {models.DatasetState.__tablename__} WHERE name = 'current'"

    def __init__(self, engine: Engine):
        self.engine = engine
        self.local = threading.local()

    def read(self) -> str:
        connection = getattr(self.local, "connection", None)
        if connection is None:
            # Detached from the pool: closed with its thread, never checked back in.
            connection = self.local.connection = self.engine.raw_connection()
            connection.detach()
        cursor = connection.cursor()
        try:
            cursor.execute(self.QUERY)
            row = cursor.fetchone()
        finally:
            cursor.close()
            connection.rollback()  # no transaction left open between requests
        return row[0] if row else ""


def dataset_version() -> str:
    if "dataset_version" not in g:
        g.dataset_version = current_app.extensions[CACHE_KEY].probe.read()
    return g.dataset_version


def memo(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per dataset version and key (in this process)."""
    store: VersionedLRU = current_app.extensions[MEMO_KEY]
    version = dataset_version()
    found = store.get(version, key)
    if found is None:
        found = compute()
        store.put(version, key, found)
    return found


class ResponseCache:
    def __init__(self, engine: Engine, max_bytes: int):
        self.probe = VersionProbe(engine)
        self.responses = VersionedLRU(max_bytes)

    def request_etag(self) -> str:
        identity = f"{CODE_DIGEST}\0{dataset_version()}\0{request.full_path}"
        return hashlib.blake2b(identity.encode(), digest_size=12).hexdigest()

    def before(self) -> Response | None:
        if request.method not in ("GET", "HEAD") or not _cached_view():
            return None
        g.etag = etag = self.request_etag()
        sent = request.if_none_match  # "*" is not ours to answer: the view may be a 400
        if sent.is_strong(etag) or sent.is_weak(etag):
            response = Response(status=304)
            response.set_etag(etag)
            return response
        hit = self.responses.get(dataset_version(), etag)
        if hit is None:
            return None
        g.cache_hit = True
        body, headers = hit
        return Response(body, headers=headers)

    def after(self, response: Response) -> Response:
        etag = g.get("etag")
        if etag is None or g.get("cache_hit") or response.status_code != 200:
            return response
        response.set_etag(etag)
        if self.responses.max_size and not response.is_streamed:
            body = response.get_data()
            headers = [(name, response.headers[name]) for name in REPLAYED
                       if name in response.headers]
            self.responses.put(dataset_version(), etag, (body, headers), len(body) + 200)
        return response


def _cached_view() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return bool(view is not None and getattr(view, "cached", False))


def init_app(app: Flask, engine: Engine) -> None:
    cache = ResponseCache(engine, int(app.config["RESPONSE_CACHE_MB"] * 2**20))
    app.extensions[CACHE_KEY] = cache
    app.extensions[MEMO_KEY] = VersionedLRU(app.config["MEMO_ENTRIES"])
    app.before_request(cache.before)
    app.after_request(cache.after)
