from __future__ import annotations

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from .base import EventDate, Extracted, keyset_index, long_text, reference, slug_key, vocabulary


class Statement(EventDate, Extracted, table=True):
    """Who said what: a quote or paraphrase, with the text exactly as printed."""

    __table_args__ = (keyset_index("statement", "date"),
                      keyset_index("statement", "speaker_id", "date"))

    id: str = slug_key()
    source_id: str = reference("source.id", nullable=False)
    speaker_id: str = reference("actor.id", nullable=False, index=False)
    speaker_description: str | None = Field(default=None, sa_type=String(300))
    via_id: str | None = reference("actor.id")
    kind: str = vocabulary(index=True)
    text: str = long_text(nullable=False)
    proposal_id: str | None = reference("proposal.id")
    note: str | None = long_text()


class StatementTopic(SQLModel, table=True):
    __tablename__ = "statement_topic"

    statement_id: str = reference("statement.id", nullable=False, primary_key=True, index=False)
    topic: str = Field(primary_key=True, sa_type=String(32))
