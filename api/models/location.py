from __future__ import annotations

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from .base import long_text, number, reference, slug_key, vocabulary


class Location(SQLModel, table=True):
    """A place where something happened or was counted."""

    id: str = slug_key()
    name: str = Field(sa_type=String(200))
    kind: str = vocabulary(index=True)
    parent_id: str | None = reference("location.id")
    country_code: str | None = Field(default=None, sa_type=String(2))
    latitude: float | None = number()
    longitude: float | None = number()
    #: Name and aliases folded (case, accents) for substring search; see seed.names.fold.
    search_key: str = long_text(nullable=False)


class LocationAlias(SQLModel, table=True):
    """Another name for a location ('the Strip', 'Egyptian capital')."""

    __tablename__ = "location_alias"

    location_id: str = reference("location.id", nullable=False, primary_key=True)
    alias: str = Field(primary_key=True, sa_type=String(200))
