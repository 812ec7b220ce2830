from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlmodel import Field

from .base import DateQualifiers, keyset_index, long_text, slug_key


class Source(DateQualifiers, table=True):
    """An article, as served: cleaned body, metadata, and the hash of the raw file."""

    __table_args__ = (keyset_index("source", "published_on"),)

    id: str = slug_key()
    title: str | None = long_text()
    outlet: str | None = Field(default=None, sa_type=String(200), index=True)
    agency: str | None = Field(default=None, sa_type=String(200))
    url: str | None = long_text()
    published_on: date | None = None
    language: str = Field(default="en", sa_type=String(16))
    body: str = long_text(nullable=False)
    raw_sha256: str = Field(sa_type=String(64), unique=True)
