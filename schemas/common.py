"""Building blocks of the API's response schemas.

The query layer hands schemas plain dicts, so ``Record`` reads attributes with
``dict.get``: no per-field probing of ORM objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marshmallow import Schema, fields, validate
from marshmallow_sqlalchemy import SQLAlchemySchema, auto_field

from api import models
from api.vocab import DateBasis, DatePrecision, ExtractionMethod, Vocabulary

from .vocabulary import VocabularyField


class DictSchema(Schema):
    def get_attribute(self, obj: dict, attr: str, default: Any) -> Any:
        return obj.get(attr, default)


class Record(DictSchema, SQLAlchemySchema):
    """A resource: columns of ``Meta.model`` plus what each subclass declares."""


def column(name: str | None = None, **kwargs) -> fields.Field:
    """A model column, always present in the output (null where the column allows)."""
    return auto_field(name, required=True, **kwargs)


def choice(vocabulary: type[Vocabulary], nullable: bool = False, **kwargs) -> VocabularyField:
    return VocabularyField(vocabulary, required=True, allow_none=nullable, **kwargs)


class ExtractionSchema(DictSchema):
    """How the record was made: curated by a person, or found by an extraction rule."""

    method = choice(ExtractionMethod, metadata={"description": "curated or rule."})
    rule = fields.String(required=True, allow_none=True, metadata={
        "description": "The rule that found it (rule records only).",
        "example": "statement.direct_quote.name"})
    confidence = fields.Float(required=True, allow_none=True, metadata={
        "description": "The rule's confidence, 0 to 1 (rule records only)."})


class _ExtractionField(fields.Nested):
    """Gathers the record's three ``extraction_*`` columns into one object."""

    #: Output key -> (record column, value when the record lacks it).
    COLUMNS = {"method": ("extraction_method", "curated"),
               "rule": ("extraction_rule", None),
               "confidence": ("extraction_confidence", None)}

    def get_value(self, obj, attr, accessor=None, default=None):
        return {key: obj.get(column, absent) for key, (column, absent) in self.COLUMNS.items()}

    def compiled_value(self, get: Callable[[str, Any], str]) -> str:
        """The output as one expression, for ``schemas.compiled`` (``get(column,
        absent)`` is the expression of a column's value): ``get_value``'s dict as
        ``ExtractionSchema`` dumps it, which leaves the values as they are: they come
        from the record's text columns and its float column."""
        return "{" + ", ".join(f"{key!r}: {get(column, absent)}"
                               for key, (column, absent) in self.COLUMNS.items()) + "}"


def extraction() -> fields.Nested:
    return _ExtractionField(ExtractionSchema, required=True)


class Number(fields.Float):
    """A JSON number, written without ``.0`` when it is whole (44466, not 44466.0)."""

    def _serialize(self, value, attr, obj, **kwargs):
        return whole_or_float(value)

    def compiled_serialize(self, compile_dump) -> Callable[[Any], Any]:
        return whole_or_float


def whole_or_float(value: Any) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def expanded(schema, expansion: str) -> fields.Nested:
    """An embedded object that ``expand=<expansion>`` adds; null when the reference is."""
    return fields.Nested(schema, allow_none=True, metadata={
        "description": f"With `expand={expansion}`; null when there is nothing to embed."})


def resource_type(name: str) -> fields.String:
    return fields.String(required=True, validate=validate.OneOf([name]),
                         metadata={"description": "The resource name."})


class EvidenceSchema(DictSchema, SQLAlchemySchema):
    """A span of a source's body: ``text == body[start:end]`` (characters)."""

    class Meta:
        model = models.Evidence
        title = "Evidence"

    source_id = column()
    start = column()
    end = column()
    text = column()


def evidence() -> fields.List:
    return fields.List(fields.Nested(EvidenceSchema), required=True, metadata={
        "description": "Where in which article this record comes from."})


def event_date() -> tuple[fields.Field, ...]:
    """An event's date and how it is known (API guide, 'Dates of events'), declared in
    place: ``date, date_precision, date_basis, date_note = event_date()``."""
    return (fields.Date(required=True, allow_none=True),
            choice(DatePrecision, nullable=True), choice(DateBasis, nullable=True),
            fields.String(required=True, allow_none=True, metadata={
                "description": "How an inferred date was reasoned."}))


class SelfLink(DictSchema):
    self = fields.String(required=True, metadata={"description": "This resource's URL."})


class PageMeta(DictSchema):
    total = fields.Integer(required=True, metadata={"description": "Records matching the filters."})
    limit = fields.Integer(required=True)
    next_cursor = fields.String(required=True, allow_none=True, metadata={
        "description": "Pass as `cursor` for the next page; null on the last page."})


class PageLinks(DictSchema):
    self = fields.String(required=True)
    next = fields.String(required=True, allow_none=True)


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The collection envelope for ``item``: ``data``, ``meta`` and ``links``."""
    return type(name, (DictSchema,), {
        "data": fields.List(fields.Nested(item), required=True),
        "meta": fields.Nested(PageMeta, required=True),
        "links": fields.Nested(PageLinks, required=True),
        "Meta": type("Meta", (), {"title": name}),
    })
