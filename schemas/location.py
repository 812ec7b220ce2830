from __future__ import annotations

from marshmallow import fields

from api import models
from api.vocab import LocationKind

from .common import Number, Record, SelfLink, choice, column, expanded, resource_type


class LocationLinks(SelfLink):
    meetings = fields.String(required=True, metadata={
        "description": "Meetings held here or anywhere within."})
    statistics = fields.String(required=True)


class LocationSchema(Record):
    """A place where something happened or was counted."""

    class Meta:
        model = models.Location

    id = column(metadata={"example": "cairo"})
    type = resource_type("location")
    name = column()
    kind = choice(LocationKind)
    parent_id = column()
    country_code = column(metadata={"description": "ISO 3166-1 alpha-2."})
    latitude = Number(required=True, allow_none=True)
    longitude = Number(required=True, allow_none=True)
    aliases = fields.List(fields.String(), required=True)
    links = fields.Nested(LocationLinks, required=True)
    parent = expanded(lambda: LocationSchema(exclude=("parent",)), "parent")
