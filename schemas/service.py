"""Schemas of the endpoints that are not one resource: timeline, search, meta."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields

from api.search import SEARCHABLE

from .common import DictSchema, resource_type
from .meeting import MeetingSchema
from .proposal import ProposalPositionSchema
from .statement import StatementSchema
from .statistic import StatisticSchema


class TypedRecord(fields.Field):
    """A record whose schema is chosen by its ``type``; the spec shows a ``oneOf``
    with a discriminator (see ``typed_record_property``)."""

    def __init__(self, schemas: dict[str, type[Schema]], **kwargs):
        super().__init__(**kwargs)
        self.schemas = {name: schema() for name, schema in schemas.items()}

    def _serialize(self, value: dict, attr, obj, **kwargs) -> Any:
        return self.schemas[value["type"]].dump(value)

    def compiled_serialize(self, compile_dump) -> Any:
        """The same, with each schema compiled (see ``schemas.compiled``)."""
        dumps = {name: compile_dump(schema) for name, schema in self.schemas.items()}
        return lambda value: dumps[value["type"]](value)


def typed_record_property(converter, field: fields.Field, **kwargs) -> dict:
    """apispec attribute function for ``TypedRecord``."""
    if not isinstance(field, TypedRecord):
        return {}
    refs = {name: converter.resolve_nested_schema(schema)
            for name, schema in field.schemas.items()}
    return {"oneOf": list(refs.values()),
            "discriminator": {"propertyName": "type",
                              "mapping": {name: ref["$ref"] for name, ref in refs.items()}}}


TIMELINE_RECORDS = {"meeting": MeetingSchema, "statement": StatementSchema,
                    "proposal_position": ProposalPositionSchema, "statistic": StatisticSchema}


class TimelineItemSchema(DictSchema):
    id = fields.String(required=True, metadata={"description": "The record's id."})
    type = fields.String(required=True, metadata={"enum": list(TIMELINE_RECORDS),
                                                  "description": "The record's type."})
    date = fields.Date(required=True, metadata={
        "description": "The event's date (a statistic's as-of date)."})
    record = TypedRecord(TIMELINE_RECORDS, required=True)


class HitLinks(DictSchema):
    self = fields.String(required=True)


class SearchHitSchema(DictSchema):
    id = fields.String(required=True, metadata={"description": "The matching record's id."})
    type = fields.String(required=True, metadata={"enum": list(SEARCHABLE),
                                                  "description": "The record's type."})
    title = fields.String(required=True)
    snippet = fields.String(required=True, metadata={
        "description": "A passage around the first match."})
    highlights = fields.List(fields.List(fields.Integer()), required=True, metadata={
        "description": "[start, end] of each matched word in the snippet (characters)."})
    score = fields.Float(required=True, metadata={
        "description": "Relevance, comparable within one response only."})
    links = fields.Nested(HitLinks, required=True)


class MetaSchema(DictSchema):
    """The dataset: its version, when it was loaded, and what it holds."""

    id = fields.String(required=True)
    type = resource_type("meta")
    api_version = fields.String(required=True)
    dataset_version = fields.String(required=True, allow_none=True, metadata={
        "description": "Changes whenever the data changes; null before the first load."})
    loaded_at = fields.DateTime(required=True, allow_none=True, format="iso")
    schema_revision = fields.String(required=True, allow_none=True)
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)


class VocabularyValueSchema(DictSchema):
    value = fields.String(required=True)
    description = fields.String(required=True)


class VocabulariesSchema(DictSchema):
    """Every enumerated field's values, and what each means."""

    id = fields.String(required=True)
    type = resource_type("vocabularies")
    vocabularies = fields.Dict(keys=fields.String(),
                               values=fields.List(fields.Nested(VocabularyValueSchema)),
                               required=True)


class HealthSchema(DictSchema):
    status = fields.String(required=True)
    database = fields.String(metadata={"description": "The database backend, when ready."})
