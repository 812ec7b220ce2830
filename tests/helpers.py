"""Helpers shared by tests: editing a corpus copy, dumping a database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select

from api.models import metadata


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the first ``old`` in a corpus file; fail loudly if it is not there."""
    path = root / relative
    content = path.read_text(encoding="utf-8")
    assert old in content, f"fixture text not in {relative}: {old!r}"
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def dump(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, for comparing a database before and after."""
    with engine.connect() as connection:
        existing = set(connection.dialect.get_table_names(connection))
        return {
            table.name: sorted(map(tuple, connection.execute(select(table))), key=repr)
            for table in metadata.sorted_tables
            if table.name in existing
        }
