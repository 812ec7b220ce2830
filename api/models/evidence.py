from __future__ import annotations

from sqlalchemy import Column, Integer, String
from sqlmodel import Field, SQLModel

from .base import long_text, reference


class Evidence(SQLModel, table=True):
    """A span of a source's body that supports a record.

    ``text == source.body[start:end]`` (characters, Python slice semantics).
    ``start``/``end`` are stored as ``span_start``/``span_end``: ``end`` is an SQL keyword.
    """

    record_type: str = Field(primary_key=True, sa_type=String(32))
    record_id: str = Field(primary_key=True, sa_type=String(80))
    ordinal: int = Field(primary_key=True)
    source_id: str = reference("source.id", nullable=False)
    start: int = Field(sa_column=Column("span_start", Integer, nullable=False))
    end: int = Field(sa_column=Column("span_end", Integer, nullable=False))
    text: str = long_text(nullable=False)
