"""Keyset pagination that an index serves at any depth.

A page is the rows after the last one served, in the order (sort column, id),
both ascending or both descending, with the rows that have no value last. The
rows with a value are read with a row-value comparison, ``(column, id) > (v, i)``,
which SQLite and PostgreSQL answer from an index on (column, id) by seeking, not
by scanning and sorting what came before; the rows without one follow, by id.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Select, tuple_
from sqlalchemy.orm import Session

from api.db import as_dicts


def keyset_rows(session: Session, query: Select, column: Column, id_column: Column,
                descending: bool, after: tuple[Any, str] | None, size: int) -> list[dict]:
    """Up to ``size`` rows of ``query`` after ``after`` = (value, id), in order."""
    def direction(c: Column):
        return c.desc() if descending else c.asc()

    connection = session.connection()  # Core: the ORM's per-statement work buys nothing here

    def run(where: list, order: list, n: int) -> list[dict]:
        return as_dicts(connection.execute(query.where(*where).order_by(*order).limit(n)))

    def beyond(left, right):
        return left < right if descending else left > right

    if column.key == id_column.key:
        where = [] if after is None else [beyond(id_column, after[1])]
        return run(where, [direction(id_column)], size)
    rows: list[dict] = []
    if after is None or after[0] is not None:
        where = [column.is_not(None)]
        if after is not None:
            where.append(beyond(tuple_(column, id_column), tuple_(*after)))
        rows = run(where, [direction(column), direction(id_column)], size)
    if len(rows) < size and column.nullable:
        where = [column.is_(None)]
        if after is not None and after[0] is None:
            where.append(beyond(id_column, after[1]))
        rows += run(where, [direction(id_column)], size - len(rows))
    return rows
