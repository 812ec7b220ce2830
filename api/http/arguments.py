"""Query arguments loaded as marshmallow loads them, without its machinery around.

``Schema.load`` of a list's query cost about 30 µs, most of it the error store,
hook lookups and per-field closures around the work itself. ``quick_load`` does
that work the way ``Schema._deserialize`` does: each field, present or absent,
through its own ``Field.deserialize`` (conversion, validators, default), then the
schema's ``validates_schema`` hooks. Whatever it does not handle (a parameter the
schema does not declare, a value that fails validation, a schema with other
hooks) gives None, and the caller runs ``Schema.load``, which returns the result
or raises the error exactly as before. ``tests/test_arguments.py`` holds the two
to the same results.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from marshmallow import Schema, ValidationError, missing
from marshmallow.decorators import VALIDATES_SCHEMA
from webargs.multidictproxy import MultiDictProxy
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Request

from .kept import Kept

Fields = tuple[tuple[str, str, Any], ...]


def query_of(args: MultiDict, schema: Schema) -> dict[str, Any]:
    """The query as a plain dict: a list for each multi-valued field, else the first
    value, as webargs' ``MultiDictProxy`` gives it. The proxy answers marshmallow's
    lookup of every absent field with a ``KeyError`` raised inside werkzeug: a dozen
    exceptions on every request."""
    multiple = multiple_keys(schema)
    return {key: args.getlist(key) if key in multiple else args[key] for key in args}


@cache  # argument schemas are instantiated once, when the routes are declared
def multiple_keys(schema: Schema) -> frozenset[str]:
    return frozenset(MultiDictProxy(MultiDict(), schema).multiple_keys)


_LOADED: Kept[dict[str, Any]] = Kept()


def load_query(schema: Schema, request: Request) -> dict[str, Any] | None:
    """``quick_load`` of the request's query, kept per schema and query string: the
    same query loads the same way, and loading it was a fifth of an uncached record's
    time and a tenth of a filtered page's. The arguments are shared by the requests
    that send that query: views read them and never change them."""
    return _LOADED.get((schema, request.query_string),
                       lambda: quick_load(schema, query_of(request.args, schema)))


def quick_load(schema: Schema, data: dict[str, Any]) -> dict[str, Any] | None:
    """``schema.load(data)``, or None where only ``schema.load`` can say."""
    plan = _plan(schema)
    if plan is None:
        return None
    fields, data_keys, validators = plan
    if not data_keys.issuperset(data):
        return None  # an unknown parameter: marshmallow raises (or excludes) it
    loaded: dict[str, Any] = {}
    try:
        for data_key, attribute, field in fields:
            value = field.deserialize(data.get(data_key, missing), data_key, data)
            if value is not missing:
                loaded[attribute] = value
        for validator in validators:
            validator(loaded, partial=None, many=False, unknown=schema.unknown)
    except ValidationError:
        return None
    return loaded


@cache  # argument schemas are instantiated once, when the routes are declared
def _plan(schema: Schema) -> tuple[Fields, frozenset[str], list] | None:
    """The fields in load order and the schema validators, if the schema is simple
    enough: no hooks but ``validates_schema`` on single items, without the original
    data; no ``partial`` loading."""
    hooks = {name for name, attached in schema._hooks.items() if attached}
    if hooks - {VALIDATES_SCHEMA} or schema.partial:
        return None
    validators = []
    for attribute, many, options in schema._hooks[VALIDATES_SCHEMA]:
        if many or options.get("pass_original"):
            return None
        validators.append(getattr(schema, attribute))
    fields = tuple((field.data_key if field.data_key is not None else name,
                    field.attribute or name, field)
                   for name, field in schema.load_fields.items())
    return fields, frozenset(key for key, _, _ in fields), validators
