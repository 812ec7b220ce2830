from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlmodel import Field

from .base import (
    DateQualifiers,
    Extracted,
    keyset_index,
    number,
    reference,
    slug_key,
    vocabulary,
)


class Statistic(DateQualifiers, Extracted, table=True):
    """A reported number about people: what, how many, as of when, and who claims it."""

    # Migration 0004 also indexes a series, (metric, lower(population), as_of, id):
    # an expression index, which SQLite cannot reflect (see api.migrate).
    __table_args__ = (keyset_index("statistic", "as_of"), keyset_index("statistic", "value"),
                      keyset_index("statistic", "metric", "as_of"))

    id: str = slug_key()
    source_id: str = reference("source.id", nullable=False)
    metric: str = vocabulary()
    population: str = Field(sa_type=String(200))
    value: float = number(nullable=False)
    value_text: str = Field(sa_type=String(100))
    qualifier: str = vocabulary()
    unit: str = vocabulary()
    as_of: date | None = None
    period_start: date | None = None
    claimed_by_id: str | None = reference("actor.id")
    location_id: str | None = reference("location.id")
