from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import long_text


class SearchDocument(SQLModel, table=True):
    """One searchable record: its display text, and its stemmed, accent-folded terms.

    ``terms`` is what both databases index (FTS5 on SQLite; a generated ``tsvector``
    column with a GIN index on PostgreSQL, created by migration 0002 and unknown to
    this model), so both match the same documents for the same query.
    """

    __tablename__ = "search_document"
    __table_args__ = (UniqueConstraint("record_type", "record_id"),)

    id: int = Field(primary_key=True)
    record_type: str = Field(sa_type=String(32), index=True)
    record_id: str = Field(sa_type=String(80))
    title: str = long_text(nullable=False)
    content: str = long_text(nullable=False)
    terms: str = long_text(nullable=False)
