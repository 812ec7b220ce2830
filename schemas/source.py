from __future__ import annotations

from marshmallow import fields

from api import models
from api.vocab import DateBasis, DatePrecision

from .common import Record, SelfLink, choice, column, evidence, resource_type


class SourceLinks(SelfLink):
    statements = fields.String(required=True)
    statistics = fields.String(required=True)
    meetings = fields.String(required=True)
    proposals = fields.String(required=True)


class SourceSchema(Record):
    """An article: its metadata, and the cleaned text all evidence offsets point into."""

    class Meta:
        model = models.Source

    id = column(metadata={"description": "The article's file stem.",
                          "example": "000_97309580062fd272"})
    type = resource_type("source")
    title = column()
    outlet = column()
    agency = column(metadata={"description": "Wire agency, where named (\"AP\")."})
    url = column()
    published_on = fields.Date(required=True, allow_none=True)
    date_precision = choice(DatePrecision, nullable=True)
    date_basis = choice(DateBasis, nullable=True)
    date_note = column()
    language = column()
    raw_sha256 = column(metadata={"description": "SHA-256 of the article file as received."})
    body = column(metadata={"description": "The article without web debris; evidence "
                                           "offsets count characters into this text."})
    evidence = evidence()
    links = fields.Nested(SourceLinks, required=True)
