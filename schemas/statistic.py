from __future__ import annotations

from marshmallow import fields

from api import models
from api.vocab import DateBasis, DatePrecision, Metric, Qualifier, Unit

from .actor import ActorSchema
from .common import (
    Number,
    Record,
    SelfLink,
    choice,
    column,
    evidence,
    expanded,
    extraction,
    resource_type,
)
from .location import LocationSchema
from .source import SourceSchema


class StatisticSchema(Record):
    """A reported number about people: what, how many, as of when, and who claims it."""

    class Meta:
        model = models.Statistic

    id = column(metadata={"example": "stat_1ee73986c2"})
    extraction = extraction()
    type = resource_type("statistic")
    source_id = column()
    metric = choice(Metric)
    population = column(metadata={"description": "Who is counted (\"Palestinians in Gaza\")."})
    value = Number(required=True)
    value_text = column(metadata={"description": "The number as printed (\"44,466\")."})
    qualifier = choice(Qualifier)
    unit = choice(Unit)
    as_of = fields.Date(required=True, allow_none=True)
    date_precision = choice(DatePrecision, nullable=True)
    date_basis = choice(DateBasis, nullable=True)
    date_note = column()
    period_start = fields.Date(required=True, allow_none=True, metadata={
        "description": "The date counting starts from, where stated (\"since 7 October 2023\")."})
    claimed_by_id = column(metadata={"description": "Who the article says the figure is from."})
    location_id = column()
    evidence = evidence()
    links = fields.Nested(SelfLink, required=True)
    claimed_by = expanded(ActorSchema, "claimed_by")
    source = expanded(SourceSchema, "source")
    location = expanded(LocationSchema, "location")
