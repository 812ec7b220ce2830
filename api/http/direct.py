"""GETs answered from their path and query alone, without Flask's request dispatch.

On an uncached page of 20 statements, the way to the view and back (request
context, routing, flask-smorest's and webargs' wrappers, the header hooks) cost
about 250 µs of the request's 890, second only to the page's queries
(bench/RESULTS.md). ``DirectGets``, a WSGI middleware behind the response cache,
serves the common case of the routes declared with ``api.v1.routes.query_route``
(the collections' lists and records, the timeline, search, the statistic series)
itself: a GET of the route's path, with no conditional header, whose query
``quick_load`` loads. It runs the route's own view code in an application context,
renders with the route's compiled schema and answers with the headers a cached copy
is replayed with. Anything else (HEAD, a conditional request, a query it cannot
load, an error while reading, a record that is not there) goes on to Flask, which
answers as it always has; what is served here is what Flask serves, byte for byte
and header for header (``tests/test_direct.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask
from marshmallow import Schema
from werkzeug.http import quote_etag

from schemas.compiled import Dump, compile_dump, output

from .arguments import load_query
from .cache import CACHE_KEY, CachedResponses, ResponseCache, dataset_version, etag_for
from .headers import CONDITIONAL
from .json import encode
from .smorest import ID_PATTERN

#: path -> route, filled as the routes are declared (``route``); a route whose path
#: ends in an id is under its prefix and ``/<id>``.
ROUTES: dict[str, DirectRoute] = {}
#: A rule ending in an id, as Flask's rules name it: ``/v1/statements/<id:statement_id>``.
ENDS_IN_ID = re.compile(r"(?P<prefix>.*)/<id:(?P<parameter>\w+)>")
#: What Flask's ``id`` converter takes.
AN_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class DirectRoute:
    #: The view's own code: (loaded query, request, path parameters) -> (body,
    #: status, headers), the body dumped by ``dump`` unless it is ``Rendered``.
    view: Callable[..., tuple[Any, int, dict[str, str]]]
    arguments: Schema
    dump: Dump
    #: The name of the id the path ends in, if it does.
    parameter: str | None = None


def route(rule: str, view: Callable, arguments: Schema, response: type[Schema]) -> None:
    """Serve GET ``rule`` directly too: a path, or one ending in an id (it must also be
    a Flask rule, with these arguments and this response schema: Flask answers what
    is not served here)."""
    ends_in_id = ENDS_IN_ID.fullmatch(rule)
    if ends_in_id:
        ROUTES[f"{ends_in_id['prefix']}/<id>"] = DirectRoute(
            view, arguments, compile_dump(response), ends_in_id["parameter"])
    else:
        ROUTES[rule] = DirectRoute(view, arguments, compile_dump(response))


def match(routes: dict[str, DirectRoute], path: str
          ) -> tuple[DirectRoute | None, dict[str, str]]:
    """The route of ``path`` and its path parameters, as Flask would route it: a path
    of its own comes before an id (``/v1/statistics/series``)."""
    found = routes.get(path)
    if found is not None:
        return found, {}
    prefix, _, last = path.rpartition("/")
    found = routes.get(f"{prefix}/<id>")
    if found is not None and AN_ID.fullmatch(last):
        return found, {found.parameter: last}
    return None, {}


class DirectGets:
    def __init__(self, app: Flask, wsgi_app: Callable, routes: dict[str, DirectRoute]):
        self.app = app
        self.wsgi_app = wsgi_app
        self.routes = routes

    def __call__(self, environ: dict, start_response: Callable):
        found, path = match(self.routes, environ.get("PATH_INFO", ""))
        if (found is not None and environ.get("REQUEST_METHOD") == "GET"
                and not CONDITIONAL.intersection(environ)):
            answer = self.answer(found, path, environ)
            if answer is not None:
                return CachedResponses.replay(environ, start_response, *answer)
        return self.wsgi_app(environ, start_response)

    def answer(self, found: DirectRoute, path: dict[str, str], environ: dict
               ) -> tuple[str, bytes, list] | None:
        """(ETag, body, headers) of the 200, or None for Flask to answer."""
        request = self.app.request_class(environ)
        with self.app.app_context():  # its teardown ends the snapshot the view read
            arguments = load_query(found.arguments, request)
            if arguments is None:
                return None  # Flask's parser answers: the 400, or what only it loads
            try:
                version = dataset_version()
                body, status, links = found.view(arguments, request, **path)
                if status != 200:
                    return None
                content = encode(output(body, found.dump))
            except Exception:  # Flask runs it again, and answers the error its way
                return None
        etag = etag_for(version, environ)
        headers = [("Content-Type", "application/json"), *links.items(),
                   ("ETag", quote_etag(etag))]
        cache: ResponseCache = self.app.extensions[CACHE_KEY]
        cache.store(version, etag, content, headers)
        return etag, content, headers


def init_app(app: Flask) -> None:
    """Before ``api.http.cache``'s, so that the cache answers first. Only with the
    compiled schemas: without them, responses are rendered by marshmallow itself."""
    if app.config["DIRECT_GETS"] and app.config["COMPILED_SCHEMAS"]:
        app.wsgi_app = DirectGets(app, app.wsgi_app, ROUTES)
