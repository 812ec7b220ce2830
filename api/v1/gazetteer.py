"""What actors and locations share: aliases, and accent-insensitive name search."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement

from api.names import fold

from .resource import Children


def name_matches(search_key, query: str | None) -> Iterable[ColumnElement]:
    """Names or aliases containing ``query``, case and accents ignored."""
    if query:
        escaped = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        yield search_key.like(f"%{escaped}%", escape="\\")


def aliases_of(model: type, key: str) -> Children:
    """The alias table ``model``'s rows, alphabetical, by its ``key`` (the owner's id)."""
    return Children(model, key, model.__table__.c.alias)


def attach_aliases(aliases: Children, records: list[dict]) -> None:
    found = aliases.of(records)
    for record in records:
        record["aliases"] = [row["alias"] for row in found[record["id"]]]
