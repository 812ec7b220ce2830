"""Routes declared once: the GET operations answered from a query and the path
alone (served directly too), and the list and detail operations every collection has.

Names follow the resource: ``list_statements``/``get_statement`` (operationIds
``listStatements``/``getStatement``), path parameter ``statement_id``, page schema
``StatementPage``; the list links to the detail in the spec, and every operation
uses the example recorded under its operationId.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import request
from marshmallow import Schema
from werkzeug.wrappers import Request

from api.http import direct
from api.http.params import detail_args
from api.http.smorest import Blueprint, camel_case, links_to
from schemas.common import page_of

from .examples import example
from .resource import Resource

#: (loaded query, request, path parameters) -> (body, status, headers)
Respond = Callable[..., tuple[Any, int, dict[str, str]]]


def query_route(blp: Blueprint, rule: str, respond: Respond, *, name: str, doc: str,
                arguments: type[Schema], response: type[Schema], **documentation) -> None:
    """GET ``rule``, answered by ``respond``: routed by Flask, and served directly
    (``api.http.direct``) when its query loads. ``documentation`` goes to ``blp.doc``."""

    def view(query: dict, **path: str):
        return respond(query, request, **path)

    view.__name__, view.__doc__ = name, doc
    loaded = arguments()
    blp.route(rule)(blp.doc(**documentation)(blp.arguments(loaded, location="query")(
        blp.response(200, response, example=example(camel_case(name)))(view))))
    direct.route(blp.url_prefix + rule, respond, loaded, response)


def collection_routes(blp: Blueprint, resource: Resource, *, args: type[Schema],
                      schema: type[Schema], list_doc: str, get_doc: str) -> None:
    name = resource.record_type
    kind = "".join(word.capitalize() for word in name.split("_"))
    parameter = f"{name}_id"

    def get_response(query: dict, request: Request, **path: str):
        return resource.get(path[parameter], query.get("expand", [])), 200, {}

    query_route(blp, "", resource.list_response, name=f"list_{resource.path}", doc=list_doc,
                arguments=args, response=page_of(schema, f"{kind}Page"),
                **links_to(camel_case(f"get_{name}"), parameter))
    query_route(blp, f"/<id:{parameter}>", get_response, name=f"get_{name}", doc=get_doc,
                arguments=detail_args(f"{kind}DetailArgs", list(resource.expansions)),
                response=schema)
