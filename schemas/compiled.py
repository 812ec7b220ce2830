"""Schemas compiled into plain functions for the hot path.

The response schemas stay the contract (the spec is generated from them), but
``Schema.dump`` pays per field for hooks, accessors and error handling that our
schemas do not use: about 380 µs for a page of 20 statements. ``compile_dump``
walks a schema's fields once and returns a function that produces the same
output for the dicts the query layer hands over. Fields it does not know how to
inline go through marshmallow's own ``Field.serialize``, so an unusual field is
slower, never different; ``tests/test_compiled_schemas.py`` compares both paths on
every endpoint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marshmallow import Schema, fields, missing

Dump = Callable[[Any], Any]


def _text(value: Any) -> Any:
    return value if value is None or type(value) is str else str(value)


def _integer(value: Any) -> Any:
    return None if value is None else int(value)


def _float(value: Any) -> Any:
    return None if value is None else float(value)


def _date(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _leaf(field: fields.Field) -> Callable[[Any], Any] | None:
    """The conversion of a plain string, number or ISO date field (subclasses too,
    as long as they keep the base class's ``_serialize``)."""
    serialize = type(field)._serialize
    if serialize is fields.String._serialize:
        return _text
    if serialize is fields.Number._serialize and not field.as_string:
        return {int: _integer, float: _float}.get(field.num_type)
    if isinstance(field, fields.Date) and serialize is fields.Date._serialize:
        return _date if (field.format or field.DEFAULT_FORMAT) == "iso" else None
    return None


def compile_dump(schema: Schema | type[Schema]) -> Dump:
    """A function equal to ``schema.dump`` (``many`` honoured) on dict input."""
    instance = schema() if isinstance(schema, type) else schema
    one = _compile_instance(instance)
    if instance.many:
        return lambda objs: [one(obj) for obj in objs]
    return one


def compilable(schema: Schema) -> bool:
    """Whether ``compile_dump`` inlines the schema (else it defers to ``dump``)."""
    dump_hooks = schema._hooks.get("pre_dump") or schema._hooks.get("post_dump")
    return not (dump_hooks or schema.only or schema.exclude)


def _compile_instance(schema: Schema) -> Dump:
    if not compilable(schema):
        return lambda obj: schema.dump(obj, many=False)
    steps = [_step(name, field, schema) for name, field in schema.dump_fields.items()]

    def dump(obj: Any) -> dict:
        out: dict = {}
        for step in steps:
            step(obj, out)
        return out

    return dump


def _step(name: str, field: fields.Field, schema: Schema) -> Callable[[Any, dict], None]:
    """Copy one field into the output the way ``Schema._serialize`` does."""
    key = field.data_key if field.data_key is not None else name
    if not field._CHECK_ATTRIBUTE or field.dump_default is not missing:
        def generic(obj: Any, out: dict) -> None:
            value = field.serialize(name, obj, accessor=schema.get_attribute)
            if value is not missing:
                out[key] = value
        return generic

    attribute = field.attribute or name
    if type(field).get_value is fields.Field.get_value and "." not in attribute:
        def get(obj: Any) -> Any:
            return obj.get(attribute, missing)
    else:
        def get(obj: Any) -> Any:
            return field.get_value(obj, name, accessor=schema.get_attribute)

    convert = _converter(field)
    if convert is None:
        def serialized(obj: Any, out: dict) -> None:
            value = get(obj)
            if value is not missing:
                out[key] = field._serialize(value, name, obj)
        return serialized

    def converted(obj: Any, out: dict) -> None:
        value = get(obj)
        if value is not missing:
            out[key] = convert(value)

    return converted


def _converter(field: fields.Field) -> Callable[[Any], Any] | None:
    """``field._serialize`` as a function of the value alone, where that is known.

    A field class with a conversion of its own can say so by defining
    ``compiled_serialize(compile_dump) -> (value -> output)``.
    """
    own = getattr(field, "compiled_serialize", None)
    if own is not None:
        return own(compile_dump)
    leaf = _leaf(field)
    if leaf is not None:
        return leaf
    serialize = type(field)._serialize
    if serialize is fields.Nested._serialize:
        nested = field.schema
        if nested.many or field.many:
            return None
        one = _compile_instance(nested)
        return lambda value: None if value is None else one(value)
    if serialize is fields.List._serialize:
        inner = _converter(field.inner)
        if inner is None:
            return None
        return lambda value: None if value is None else [inner(each) for each in value]
    return None
