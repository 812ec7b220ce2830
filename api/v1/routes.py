"""The list and detail operations every collection has, declared once.

Names follow the resource: ``list_statements``/``get_statement`` (operationIds
``listStatements``/``getStatement``), path parameter ``statement_id``, page schema
``StatementPage``; the list links to the detail in the spec, and both use the
examples recorded under their operationIds.
"""

from __future__ import annotations

from flask import request
from marshmallow import Schema

from api.http import direct
from api.http.params import detail_args
from api.http.smorest import Blueprint, camel_case, links_to
from schemas.common import page_of

from .examples import example
from .resource import Resource


def collection_routes(blp: Blueprint, resource: Resource, *, args: type[Schema],
                      schema: type[Schema], list_doc: str, get_doc: str) -> None:
    name = resource.record_type
    kind = "".join(word.capitalize() for word in name.split("_"))
    parameter = f"{name}_id"

    def list_view(query: dict):
        return resource.list_response(query, request)

    def get_view(query: dict, **path: str):
        return resource.get(path[parameter], query.get("expand", []))

    list_view.__name__, list_view.__doc__ = f"list_{resource.path}", list_doc
    get_view.__name__, get_view.__doc__ = f"get_{name}", get_doc
    list_id, get_id = camel_case(list_view.__name__), camel_case(get_view.__name__)

    arguments, page = args(), page_of(schema, f"{kind}Page")
    blp.route("")(blp.doc(**links_to(get_id, parameter))(
        blp.arguments(arguments, location="query")(
            blp.response(200, page, example=example(list_id))(list_view))))
    direct.route(blp.url_prefix, resource.list_response, arguments, page)
    blp.route(f"/<id:{parameter}>")(
        blp.arguments(detail_args(f"{kind}DetailArgs", list(resource.expansions)),
                      location="query")(
            blp.response(200, schema, example=example(get_id))(get_view)))
