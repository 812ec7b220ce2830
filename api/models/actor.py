from __future__ import annotations

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from .base import Extracted, long_text, reference, slug_key, vocabulary


class Actor(Extracted, table=True):
    """A person, state, body, group or outlet that negotiates, speaks or is counted."""

    id: str = slug_key()
    name: str = Field(sa_type=String(200))
    kind: str = vocabulary(index=True)
    title: str | None = long_text()
    affiliation_id: str | None = reference("actor.id")
    #: Name and aliases folded (case, accents) for substring search; see seed.names.fold.
    search_key: str = long_text(nullable=False)


class ActorAlias(SQLModel, table=True):
    """Another spelling or transliteration of an actor's name."""

    __tablename__ = "actor_alias"

    actor_id: str = reference("actor.id", nullable=False, primary_key=True)
    alias: str = Field(primary_key=True, sa_type=String(200))
