from __future__ import annotations

from marshmallow import fields

from api.vocab import DateBasis, Metric, Qualifier, Unit

from .common import DictSchema, Number, PageLinks, PageMeta, choice, resource_type


class SeriesPointSchema(DictSchema):
    """A statistic's row, as a point (``attribute``: the column it is)."""

    date = fields.Date(required=True, attribute="as_of",
                       metadata={"description": "The figure's as-of date."})
    value = Number(required=True)
    value_text = fields.String(required=True)
    qualifier = choice(Qualifier)
    unit = choice(Unit)
    date_basis = choice(DateBasis)
    claimed_by_id = fields.String(required=True, allow_none=True)
    source_id = fields.String(required=True)
    statistic_id = fields.String(required=True, attribute="id")


class SeriesSchema(DictSchema):
    """One metric for one population over time, ready to chart."""

    id = fields.String(required=True, metadata={"description": "`metric:population`."})
    type = resource_type("statistic_series")
    metric = choice(Metric)
    population = fields.String(required=True)
    points = fields.List(fields.Nested(SeriesPointSchema), required=True, metadata={
        "description": "Dated figures, oldest first; undated ones are left out. At most "
                       "`limit` of them: `links.next` has the rest."})
    meta = fields.Nested(PageMeta, required=True)
    links = fields.Nested(PageLinks, required=True)
