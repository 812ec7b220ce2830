"""Headers every response carries: request id, CORS, caching, and conditional GET."""

from __future__ import annotations

import os
import re

from flask import Flask, Response, g, request

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
CACHEABLE = "public, max-age=60"
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Link, X-Request-Id",
}
#: Request headers that can make a 200 a 304 or a 412 (``Response.make_conditional``);
#: without one, there is nothing to check.
CONDITIONAL = frozenset({"HTTP_IF_NONE_MATCH", "HTTP_IF_MATCH", "HTTP_IF_MODIFIED_SINCE",
                         "HTTP_IF_UNMODIFIED_SINCE"})
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, X-Request-Id",
    "Access-Control-Max-Age": "86400",
}


def init_app(app: Flask) -> None:
    app.after_request(finish_response)


def current_request_id() -> str:
    """This request's id, decided the first time it is asked for (a problem's body,
    the response's header)."""
    if "request_id" not in g:
        g.request_id = request_id(request.environ.get("HTTP_X_REQUEST_ID", ""))
    return g.request_id


def request_id(given: str) -> str:
    """The client's X-Request-Id when it is a sane token; otherwise a new one."""
    return given if _REQUEST_ID.match(given) else os.urandom(16).hex()


def finish_response(response: Response) -> Response:
    response.headers["X-Request-Id"] = current_request_id()
    response.headers.update(CORS)
    if request.method == "OPTIONS":
        response.headers.update(PREFLIGHT)
    if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
        response.headers.setdefault("Cache-Control", CACHEABLE)
    if request.method in ("GET", "HEAD") and response.status_code == 200:
        # Strong: data views carry one from api.http.cache; others, a digest of the bytes.
        response.add_etag()
        if CONDITIONAL.intersection(request.environ):
            response.make_conditional(request)  # If-None-Match -> 304, no body
    return response
