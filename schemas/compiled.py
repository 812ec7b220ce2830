"""Schemas compiled into plain functions for the hot path.

The response schemas stay the contract (the spec is generated from them), but
``Schema.dump`` pays per field for hooks, accessors and error handling that our
schemas do not use: about 380 µs for a page of 20 statements. ``compile_dump``
reads a schema's fields once and generates one straight-line function that
produces the same output for the dicts the query layer hands over: a dict
lookup and an inline conversion per field. Fields it does not know go through
marshmallow's own ``Field._serialize`` or ``Field.serialize``, so an unusual field
is slower, never different; ``tests/test_compiled_schemas.py`` compares both
paths on every endpoint.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any

from marshmallow import Schema, fields, missing
from sqlalchemy import ColumnElement, String

Dump = Callable[[Any], Any]
Render = Callable[[list[tuple]], list[dict]]
#: A conversion written inline: the expression for a value held in ``{0}``.
TEXT = "{0} if {0} is None or {0}.__class__ is str else str({0})"
INTEGER = "None if {0} is None else int({0})"
FLOAT = "None if {0} is None else float({0})"
ISO_DATE = "None if {0} is None else {0}.isoformat()"


class Rendered:
    """A response body already as its schema outputs it: sent as it is, never dumped
    (``output``)."""

    __slots__ = ("data",)

    def __init__(self, data: Any):
        self.data = data


def output(body: Any, dump: Dump) -> Any:
    """The output of a view's body: ``dump`` of it, unless it is ``Rendered``."""
    return body.data if isinstance(body, Rendered) else dump(body)


def compile_dump(schema: Schema | type[Schema]) -> Dump:
    """A function equal to ``schema.dump`` (``many`` honoured) on dict input."""
    instance = schema() if isinstance(schema, type) else schema
    one = _Compiler().function(instance)
    if instance.many:
        return lambda objs: [one(obj) for obj in objs]
    return one


def compile_render(schema: Schema, columns: list[ColumnElement],
                   converters: list[tuple[int, Callable[[Any], Any]]]) -> Render | None:
    """A function from a query's fetched tuples (of ``columns``, each value through its
    result converter) straight to records as ``schema`` dumps them: one dict per row,
    made once, where ``dump`` would first need a dict of the row and then make the
    output from it. A text column's value is copied as it is (``holds_text``).

    A field that is not a column gets None in its place, for the caller to fill in
    with what ``schema`` would output for it (type, links, evidence, child lists);
    fields that may be missing at the end (expansions) are left out, for the caller
    to add in the schema's order. None if a field cannot be made from a column (the
    caller renders the rows' dicts with ``compile_dump`` instead).
    """
    return _Compiler().render(schema, columns, dict(converters))


def compilable(schema: Schema) -> bool:
    """Whether ``compile_dump`` inlines the schema (else it defers to ``dump``)."""
    dump_hooks = schema._hooks.get("pre_dump") or schema._hooks.get("post_dump")
    return not (dump_hooks or schema.only or schema.exclude)


def holds_text(column: ColumnElement | None) -> bool:
    """Whether the column is a text column. Its value, as the query layer reads it, is
    a ``str`` or None, so ``String`` has nothing to convert: SQLite stores whatever is
    written to a text column as text (type affinity), and PostgreSQL's driver reads
    text as ``str`` (``tests/test_compiled_schemas.py``)."""
    return column is not None and isinstance(column.type, String)


def is_text_column(schema: Schema, attribute: str) -> bool:
    """Whether the attribute is a text column of the schema's model (``holds_text``)."""
    model = getattr(getattr(schema, "opts", None), "model", None)
    return holds_text(None if model is None else model.__table__.columns.get(attribute))


def inline_conversion(field: fields.Field) -> str | None:
    """The inline expression for a plain string, number or ISO date field
    (subclasses too, as long as they keep the base class's ``_serialize``)."""
    serialize = type(field)._serialize
    if serialize is fields.String._serialize:
        return TEXT
    if serialize is fields.Number._serialize and not field.as_string:
        return {int: INTEGER, float: FLOAT}.get(field.num_type)
    if isinstance(field, fields.Date) and serialize is fields.Date._serialize:
        return ISO_DATE if (field.format or field.DEFAULT_FORMAT) == "iso" else None
    return None


class _Compiler:
    """Generates the source of one function per schema, nested ones included."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {"MISSING": missing}
        self.numbers = count()

    def name(self, value: Any, prefix: str) -> str:
        name = f"{prefix}{next(self.numbers)}"
        self.names[name] = value
        return name

    def function(self, schema: Schema) -> Dump:
        """One dict display of every field, in the schema's order, nested schemas
        inlined. A required field is read with ``obj[key]``: a record that lacks one
        (never one the query layer built) raises ``KeyError`` and is dumped by
        marshmallow itself. A field that may be missing is computed as ``MISSING`` and
        left out, as ``dump`` leaves it out.
        """
        if not compilable(schema):
            return lambda obj: schema.dump(obj, many=False)
        computed = self.entries(schema, "obj", 0)
        # Fields that may be missing at the end (expansions) are added when present.
        display = len(computed)
        while display and computed[display - 1][2]:
            display -= 1
        reference = self.name(lambda obj: schema.dump(obj, many=False), "reference")
        lines = ["def dump(obj):", "    try:", f"        out = {_display(computed[:display])}",
                 "    except KeyError:", f"        return {reference}(obj)"]
        lines += [line for key, _, omissible in computed[:display] if omissible for line in (
            f"    if out[{key!r}] is MISSING:", f"        del out[{key!r}]")]
        lines += [line for key, expression, _ in computed[display:] for line in (
            f"    if (value := {expression}) is not MISSING:", f"        out[{key!r}] = value")]
        lines.append("    return out")
        namespace = dict(self.names)
        exec("\n".join(lines), namespace)  # our own generated source, from our schemas
        return namespace["dump"]

    def render(self, schema: Schema, selected: list[ColumnElement],
               converters: dict[int, Callable]) -> Render | None:
        if not compilable(schema):
            return None
        columns, converted = {}, []  # key -> expression of its value; converted values
        for index, column in enumerate(selected):
            columns[column.key] = f"row[{index}]"
            if index in converters:
                columns[column.key] = f"c{index}"  # converted once, then read as a local
                converted.append(f"for c{index} in [{self.name(converters[index], 'convert')}"
                                 f"(row[{index}])]")
        text = {column.key for column in selected if holds_text(column)}
        entries, trailing = [], True
        for name, field in reversed(schema.dump_fields.items()):
            key = field.data_key if field.data_key is not None else name
            try:
                entry = self.column_entry(name, field, columns, text)
            except _NotFromColumns:
                return None
            if entry is None and not field.required and trailing:
                continue  # an expansion, added by the caller when asked for
            trailing = False
            if entry is None and not field.required:
                return None  # may be missing, in the middle: only ``dump`` knows
            entries.append((key, "None" if entry is None else entry, False))
        namespace = dict(self.names)
        # Our own generated source, from our schemas and the query's column keys.
        # ``for c in [value]`` in a comprehension is compiled as an assignment.
        exec(f"def render(fetched):\n    return [{_display(entries[::-1])} for row in fetched "
             f"{' '.join(converted)}]", namespace)
        return namespace["render"]

    def column_entry(self, name: str, field: fields.Field, columns: dict[str, str],
                     text: set[str]) -> str | None:
        """The expression of a field made from the row's columns; None if the field is
        not a column (``_NotFromColumns`` if it is, but not one this can convert)."""
        own = getattr(field, "compiled_value", None)
        if own is not None:
            return own(lambda column, absent: columns.get(column, repr(absent)))
        attribute = field.attribute or name
        if attribute not in columns:
            return None
        if (not field._CHECK_ATTRIBUTE or field.dump_default is not missing
                or type(field).get_value is not fields.Field.get_value):
            raise _NotFromColumns(name)
        if inline_conversion(field) == TEXT and attribute in text:
            return columns[attribute]
        # A row's value or a local: cheap to read as often as the conversion does.
        expression = self.conversion(field, columns[attribute])
        if expression is None:
            raise _NotFromColumns(name)
        return f"({expression})"

    def entries(self, schema: Schema, obj: str, depth: int) -> list[tuple[str, str, bool]]:
        """(output key, expression, may be missing) of each field of ``schema``, whose
        input is in the variable ``obj``; ``depth`` keeps nested variables apart."""
        accessor = self.name(schema.get_attribute, "accessor")
        return [(field.data_key if field.data_key is not None else name,
                 *self.field(schema, name, field, accessor, obj, depth))
                for name, field in schema.dump_fields.items()]

    def field(self, schema: Schema, name: str, field: fields.Field, accessor: str, obj: str,
              depth: int) -> tuple[str, bool]:
        """The expression of one field's output the way ``Schema._serialize`` makes it,
        and whether it may be ``MISSING`` (then the key is left out)."""
        own = getattr(field, "compiled_value", None)
        if own is not None:
            return own(lambda column, absent: f"{obj}.get({column!r}, {absent!r})"), False
        if not field._CHECK_ATTRIBUTE or field.dump_default is not missing:
            generic = self.name(field, "field")
            return f"{generic}.serialize({name!r}, {obj}, accessor={accessor})", True
        attribute = field.attribute or name
        plain = type(field).get_value is fields.Field.get_value and "." not in attribute
        if plain and field.required:
            get, may_be_missing = f"{obj}[{attribute!r}]", False
        elif plain:
            get, may_be_missing = f"{obj}.get({attribute!r}, MISSING)", True
        else:
            get = (f"{self.name(field, 'field')}.get_value({obj}, {name!r}, "
                   f"accessor={accessor})")
            may_be_missing = True
        if inline_conversion(field) == TEXT and is_text_column(schema, attribute):
            return get, may_be_missing  # already text or null (``is_text_column``)
        value = f"v{depth}"
        expression = self.conversion(field, value, depth)
        if expression is None:
            expression = f"{self.name(field, 'field')}._serialize({value}, {name!r}, {obj})"
        return (f"(({expression}) if ({value} := {get}) is not MISSING else MISSING)",
                may_be_missing)

    def conversion(self, field: fields.Field, value: str, depth: int = 0) -> str | None:
        """``field._serialize`` of ``value`` as an expression, where that is known.

        A field class with a conversion of its own can say so by defining
        ``compiled_serialize(compile_dump) -> (value -> output)``; one that makes its
        whole output from the object, by ``compiled_value(obj) -> expression`` (read
        in ``field``).
        """
        own = getattr(field, "compiled_serialize", None)
        if own is not None:
            return f"{self.name(own(compile_dump), 'convert')}({value})"
        inline = inline_conversion(field)
        if inline is not None:
            return inline.format(value)
        serialize = type(field)._serialize
        if serialize is fields.Nested._serialize:
            if field.schema.many or field.many:
                return None
            nested = self.inlined(field.schema, value, depth + 1)
            if nested is None:
                nested = f"{self.name(self.function(field.schema), 'nested')}({value})"
            return f"None if {value} is None else {nested}"
        if serialize is fields.List._serialize:
            each = f"each{depth}"
            inner = self.conversion(field.inner, each, depth + 1)
            if inner is None:
                return None
            return f"None if {value} is None else [{inner} for {each} in {value}]"
        return None

    def inlined(self, schema: Schema, obj: str, depth: int) -> str | None:
        """A nested schema as a dict display over ``obj``, when none of its fields may
        be missing (a missing one needs statements: it gets a function of its own)."""
        if not compilable(schema):
            return None
        computed = self.entries(schema, obj, depth)
        return None if any(omissible for *_, omissible in computed) else _display(computed)


class _NotFromColumns(Exception):
    """A field that is a column, but one ``compile_render`` cannot convert."""


def _display(computed: list[tuple[str, str, bool]]) -> str:
    return "{" + ", ".join(f"{key!r}: {expression}" for key, expression, _ in computed) + "}"
