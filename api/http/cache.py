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

A hit is served by ``CachedResponses``, a WSGI middleware in front of Flask: a
cached page costs a version read, a digest and a dict lookup, not a request
context, routing, argument parsing and the response hooks (those ran when the
page was rendered and stored). It adds what every response carries per request
(``X-Request-Id``, CORS) exactly as ``api.http.headers`` does.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from flask import Flask, Response, current_app, g, request
from werkzeug.datastructures import ETags
from werkzeug.http import parse_etags

from api.db import snapshots_of
from api.snapshot import Snapshots

from . import headers

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


def dataset_version() -> str:
    """The version of the data this request reads (``api.snapshot``)."""
    return snapshots_of(current_app).version()


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
    def __init__(self, max_bytes: int):
        self.responses = VersionedLRU(max_bytes)

    def request_etag(self) -> str:
        return etag_for(dataset_version(), request.environ)

    def before(self) -> Response | None:
        if request.method not in ("GET", "HEAD") or not _cached_view():
            return None
        g.etag = etag = self.request_etag()
        if matches(request.if_none_match, etag):
            response = Response(status=304)
            response.set_etag(etag)
            return response
        return None  # a cached page never gets here: CachedResponses served it

    def after(self, response: Response) -> Response:
        etag = g.get("etag")
        if etag is None or response.status_code != 200:
            return response
        response.set_etag(etag)
        if self.responses.max_size and not response.is_streamed:
            self.store(dataset_version(), etag, response.get_data(),
                       [(name, response.headers[name]) for name in REPLAYED
                        if name in response.headers])
        return response

    def store(self, version: str, etag: str, body: bytes, headers: list[tuple[str, str]]
              ) -> None:
        """Keep a rendered 200 and the headers it is replayed with (``REPLAYED``)."""
        if self.responses.max_size:
            self.responses.put(version, etag, (body, headers), len(body) + 200)


def matches(sent: ETags, etag: str, rendered: bool = False) -> bool:
    """If-None-Match names this ETag. "*" (any current representation) matches only a
    page known to be a 200 (``rendered``): before the view runs it may yet be a 400."""
    return (rendered and sent.star_tag) or sent.is_strong(etag) or sent.is_weak(etag)


def request_target(environ: dict) -> str:
    """The request's path and query exactly as sent: what a response is keyed by."""
    return (f"{environ.get('SCRIPT_NAME', '')}{environ.get('PATH_INFO', '')}"
            f"?{environ.get('QUERY_STRING', '')}")


def etag_for(version: str, environ: dict) -> str:
    identity = f"{CODE_DIGEST}\0{version}\0{request_target(environ)}"
    return hashlib.blake2b(identity.encode(), digest_size=12).hexdigest()


class CachedResponses:
    """WSGI middleware: answers a GET or HEAD whose page is cached, without Flask."""

    def __init__(self, wsgi_app: Callable, cache: ResponseCache, snapshots: Snapshots):
        self.wsgi_app = wsgi_app
        self.cache = cache
        self.snapshots = snapshots

    def __call__(self, environ: dict, start_response: Callable):
        try:  # however the request ends, its snapshot (if the app opened one) ends too
            hit = self.lookup(environ) if self.cache.responses.size else None
            if hit is not None:
                return self.replay(environ, start_response, *hit)
            return self.wsgi_app(environ, start_response)
        finally:
            self.snapshots.end()

    def lookup(self, environ: dict) -> tuple | None:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        try:
            version = self.snapshots.peek()
        except Exception:  # the database is down: the app behind answers, as a problem
            return None
        etag = etag_for(version, environ)
        hit = self.cache.responses.get(version, etag)
        return None if hit is None else (etag, *hit)

    @staticmethod
    def replay(environ: dict, start_response: Callable, etag: str, body: bytes,
               stored: list[tuple[str, str]]):
        response_headers = [*stored, *headers.CORS.items(),
                            ("X-Request-Id", headers.request_id(
                                environ.get("HTTP_X_REQUEST_ID", "")))]
        if not any(name == "Cache-Control" for name, _ in stored):
            response_headers.append(("Cache-Control", headers.CACHEABLE))
        # A stored page was a 200, as flask-smorest answers "*" once it has rendered one.
        if matches(parse_etags(environ.get("HTTP_IF_NONE_MATCH")), etag, rendered=True):
            response_headers = [(n, v) for n, v in response_headers if n != "Content-Type"]
            start_response("304 NOT MODIFIED", response_headers)
            return [b""]
        response_headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", response_headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def _cached_view() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return bool(view is not None and getattr(view, "cached", False))


def init_app(app: Flask) -> None:
    cache = ResponseCache(int(app.config["RESPONSE_CACHE_MB"] * 2**20))
    app.extensions[CACHE_KEY] = cache
    app.extensions[MEMO_KEY] = VersionedLRU(app.config["MEMO_ENTRIES"])
    app.before_request(cache.before)
    app.after_request(cache.after)
    app.wsgi_app = CachedResponses(app.wsgi_app, cache, snapshots_of(app))
