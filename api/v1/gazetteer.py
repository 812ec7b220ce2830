"""What actors and locations share: aliases, and accent-insensitive name search."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement

from api.names import fold

from .resource import children


def name_matches(search_key, query: str | None) -> Iterable[ColumnElement]:
    """Names or aliases containing ``query``, case and accents ignored."""
    if query:
        escaped = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        yield search_key.like(f"%{escaped}%", escape="\\")


def attach_aliases(model: type, key: str, records: list[dict]) -> None:
    aliases = children(model, key, [r["id"] for r in records], order=[model.__table__.c.alias])
    for record in records:
        record["aliases"] = [row["alias"] for row in aliases[record["id"]]]
