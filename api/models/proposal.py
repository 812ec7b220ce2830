from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from .base import (
    DateQualifiers,
    EventDate,
    Extracted,
    keyset_index,
    long_text,
    number,
    reference,
    slug_key,
    vocabulary,
)


class Proposal(DateQualifiers, Extracted, table=True):
    """A proposal, plan or agreement, as reported across one or more articles."""

    __table_args__ = (keyset_index("proposal", "first_reported_on"),)

    id: str = slug_key()
    key: str = Field(sa_type=String(80), unique=True)
    name: str = Field(sa_type=String(200))
    summary: str = long_text(nullable=False)
    stage: str = vocabulary(index=True)
    status: str = vocabulary(index=True)
    first_reported_on: date | None = None
    revises_id: str | None = reference("proposal.id")
    note: str | None = long_text()


class ProposalParty(SQLModel, table=True):
    __tablename__ = "proposal_party"

    proposal_id: str = reference("proposal.id", nullable=False, primary_key=True, index=False)
    actor_id: str = reference("actor.id", nullable=False, primary_key=True)
    role: str = Field(primary_key=True, sa_type=String(32))


class ProposalTerm(Extracted, table=True):
    """One term of a proposal; ``text`` is the article's own words."""

    __tablename__ = "proposal_term"

    id: str = slug_key()
    proposal_id: str = reference("proposal.id", nullable=False)
    kind: str = vocabulary(index=True)
    value: float | None = number()
    unit: str | None = vocabulary(nullable=True)
    text: str = Field(sa_type=String(1000))
    source_id: str = reference("source.id", nullable=False)


class ProposalPosition(EventDate, Extracted, table=True):
    """An actor's stance on a proposal at a point in time."""

    __tablename__ = "proposal_position"
    __table_args__ = (keyset_index("proposal_position", "date"),)

    id: str = slug_key()
    proposal_id: str = reference("proposal.id", nullable=False)
    actor_id: str = reference("actor.id", nullable=False)
    stance: str = vocabulary(index=True)
    note: str | None = long_text()
    source_id: str = reference("source.id", nullable=False)
