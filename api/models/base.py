"""Shared column helpers for the tables.

Enumerated fields are stored as plain strings (see ``api.vocab``): adding a value
to a vocabulary then needs no database migration.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, Index, String, Text
from sqlmodel import Field, SQLModel

# Stable constraint names, so Alembic can alter them on both databases.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SLUG_LENGTH = 80
RECORD_ID_LENGTH = 24


def keyset_index(table: str, *columns: str) -> Index:
    """An index on ``columns`` then ``id``: it serves ``ORDER BY column, id`` and the
    keyset comparison ``(column, id) > (v, i)`` of every page (``api.v1.keyset``)."""
    return Index(f"ix_{table}_{'_'.join(columns)}_id", *columns, "id")


def slug_key(**kwargs) -> str:
    """A primary key holding a readable slug or a derived record id."""
    return Field(primary_key=True, sa_type=String(SLUG_LENGTH), **kwargs)


def reference(target: str, *, nullable: bool = True, index: bool = True, **kwargs):
    """A foreign key to ``target`` (``"table.column"``) holding a slug or record id."""
    return Field(
        default=None if nullable else ...,
        foreign_key=target,
        index=index,
        sa_type=String(SLUG_LENGTH),
        nullable=nullable,
        **kwargs,
    )


def vocabulary(*, nullable: bool = False, index: bool = False):
    """A column holding one value of a vocabulary in ``api.vocab``."""
    return Field(
        default=None if nullable else ...,
        sa_type=String(32),
        nullable=nullable,
        index=index,
    )


def long_text(*, nullable: bool = True):
    return Field(default=None if nullable else ..., sa_type=Text, nullable=nullable)


def number(*, nullable: bool = True):
    return Field(default=None if nullable else ..., sa_type=Float, nullable=nullable)


class DateQualifiers(SQLModel):
    """How a record's date is known (API guide, 'Dates of events')."""

    date_precision: str | None = vocabulary(nullable=True)
    date_basis: str | None = vocabulary(nullable=True)
    date_note: str | None = long_text()


class EventDate(DateQualifiers):
    """An event's date and how it is known."""

    date: dt.date | None = None  # indexed with the id: see ``keyset_index``


class Extracted(SQLModel):
    """How a record was made (API guide, 'Provenance'): curated by hand, or found by an
    extraction rule (``extraction_rule``) with a confidence between 0 and 1."""

    extraction_method: str = Field(default="curated", sa_type=String(16), index=True)
    extraction_rule: str | None = Field(default=None, sa_type=String(64))
    extraction_confidence: float | None = number()
