"""flask-smorest, adapted to the API guide.

- ``Parser``: a bad or unknown query parameter is a 400, never ignored; a query is
  loaded by ``api.http.arguments.quick_load`` where it can, by webargs otherwise.
- ``Blueprint``: every route's operationId is its view's name in camelCase
  (``list_statements`` -> ``listStatements``), and every route answers errors as
  problems (documented once, here). Responses are rendered by the schema compiled
  into a function (``schemas.compiled``); with ``COMPILED_SCHEMAS`` off, by
  marshmallow's ``dump``, which the tests hold the compiled output equal to.
- ``Api``: error responses are RFC 9457 problems, documented as
  ``application/problem+json``; that needs the private ``_register_responses``,
  hence flask-smorest is pinned to 0.47.* and a test checks the spec's error
  content type.
"""

from __future__ import annotations

import http
from functools import wraps

import flask_smorest
from apispec import BasePlugin
from flask import Response, current_app
from flask_smorest.utils import prepare_response, unpack_tuple_response
from marshmallow import RAISE, Schema
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException
from werkzeug.routing import BaseConverter

from schemas.compiled import compile_dump, output
from schemas.problem import PROBLEM_EXAMPLES, ProblemSchema

from .arguments import query_of, quick_load
from .json import json_response
from .problems import MEDIA_TYPE, invalid_parameters, problem

ID_PATTERN = r"[A-Za-z0-9_.:-]{1,80}"


class Parser(FlaskParser):
    DEFAULT_VALIDATION_STATUS = 400
    DEFAULT_UNKNOWN_BY_LOCATION = {
        **FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": RAISE, "querystring": RAISE,
    }

    def parse(self, argmap, req=None, *, location=None, **kwargs):
        if location == "query" and isinstance(argmap, Schema) and not kwargs.get("validate"):
            loaded = quick_load(argmap, self.load_querystring(req or self.get_default_request(),
                                                              argmap))
            if loaded is not None:
                return loaded
        return super().parse(argmap, req, location=location, **kwargs)

    def load_querystring(self, req, schema: Schema) -> dict:
        return query_of(req.args, schema)


def camel_case(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


class NoArgs(Schema):
    """The query of an endpoint that takes no parameters."""


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = Parser()
    #: Whether its GET responses are cached and tagged per dataset version
    #: (``api.http.cache``); False for what is not a function of the data.
    cached = True

    def route(self, rule: str, *, parameters=None, tags=None, **options):
        register = super().route(rule, parameters=parameters, tags=tags, **options)

        def decorator(view):
            if "arguments" not in getattr(view, "_apidoc", {}):
                # No parameters is still a contract: an unknown one is a 400.
                view = self.arguments(NoArgs, location="query", as_kwargs=True)(view)
            documented = self.doc(operationId=camel_case(view.__name__))(view)
            if "<" in rule:
                documented = self.alt_response(404, response="NOT_FOUND")(documented)
            documented.cached = self.cached
            return register(documented)

        return decorator

    def arguments(self, schema, *args, **kwargs):
        # A class would be instantiated by webargs on every request (~0.3 ms).
        return super().arguments(schema() if isinstance(schema, type) else schema,
                                 *args, **kwargs)

    def response(self, status_code, schema=None, **kwargs):
        document = super().response(status_code, schema, **kwargs)
        if schema is None:
            return document
        dump = compile_dump(schema)

        def decorator(view):
            @wraps(view)
            def rendered(*args, **kwargs):
                result = view(*args, **kwargs)
                if not current_app.config["COMPILED_SCHEMAS"]:
                    return result  # flask-smorest dumps it with the schema
                body, status, headers = unpack_tuple_response(result)
                if isinstance(body, Response):
                    return result
                response = json_response(output(body, dump), status or status_code)
                response.headers.update(headers or {})
                return response

            return document(rendered)

        return decorator


def links_to(operation_id: str, parameter: str) -> dict:
    """OpenAPI ``links`` from a list's first item to its detail operation (they let
    clients and schemathesis follow list -> detail)."""
    return {"responses": {200: {"links": {operation_id[0].upper() + operation_id[1:]: {
        "operationId": operation_id, "parameters": {parameter: "$response.body#/data/0/id"},
    }}}}}


class IdConverter(BaseConverter):
    """Path ids: slugs, file stems and record ids. Anything else is a 404."""

    regex = ID_PATTERN


class ConditionalGetPlugin(BasePlugin):
    """Documents, on every GET, what ``api.http.headers`` does to every GET."""

    def operation_helper(self, path=None, operations=None, **kwargs) -> None:
        get = (operations or {}).get("get")
        if get is None:
            return
        get.setdefault("parameters", []).extend([
            {"in": "header", "name": "If-None-Match", "required": False,
             "schema": {"type": "string"},
             "description": "An ETag from an earlier response: 304 if unchanged."},
            {"in": "header", "name": "X-Request-Id", "required": False,
             "schema": {"type": "string"},
             "description": "Echoed in the response when it is 1-128 of `A-Za-z0-9._:-`; "
                            "otherwise a new id is minted."},
        ])
        responses = get.setdefault("responses", {})
        responses[304] = {"description": "Not Modified: the ETag still matches."}
        ok = responses.get(200, responses.get("200"))  # flask-smorest keys are ints
        if isinstance(ok, dict):
            if get.get("operationId", "").startswith(("list", "search")):
                ok.setdefault("headers", {})["Link"] = {
                    "description": 'The next page: `<url>; rel="next"`. Absent on the last.',
                    "schema": {"type": "string"}}
            ok.setdefault("headers", {}).update({
                "ETag": {"description": "Strong validator of this representation.",
                         "schema": {"type": "string"}},
                "X-Request-Id": {"description": "Identifies the request in our logs.",
                                 "schema": {"type": "string"}},
            })


class Api(flask_smorest.Api):
    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self) -> None:
        for status in http.HTTPStatus:
            response: dict = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
                response["example"] = PROBLEM_EXAMPLES.get(status, PROBLEM_EXAMPLES[500])
            prepare_response(response, self.spec, MEDIA_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        default = {"description": "An error, as an RFC 9457 problem.",
                   "schema": self.ERROR_SCHEMA, "example": PROBLEM_EXAMPLES[500]}
        prepare_response(default, self.spec, MEDIA_TYPE)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, default, lazy=True)

    def _register_pagination_header(self) -> None:
        """Paging is in the body envelope, not flask-smorest's X-Pagination header."""

    def handle_http_exception(self, error: HTTPException):
        data = getattr(error, "data", None) or {}
        if "messages" in data:  # webargs validation, or an abort() naming the parameter
            return invalid_parameters(data["messages"])
        headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
        customized = error.description != type(error).description
        return problem(error.code or 500, error.description if customized else None,
                       headers=headers)
