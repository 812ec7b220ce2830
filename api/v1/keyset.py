"""Keyset pagination that an index serves at any depth.

A page is the rows after the last one served, in the order (sort column, id),
both ascending or both descending, with the rows that have no value last. The
rows with a value are read with a row-value comparison, ``(column, id) > (v, i)``,
which SQLite and PostgreSQL answer from an index on (column, id) by seeking, not
by scanning and sorting what came before; the rows without one follow, by id.

Each query is prepared once per dataset version and ``key`` (the resource and the
filters: what ``query`` embeds), with the cursor and the page size as parameters,
so paging through a filter runs its SQL without rebuilding it (``api.prepared``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Column, Select, bindparam, tuple_

from api.prepared import Shape, run_per_version


def keyset_rows(query: Callable[[], Select], key: Hashable, column: Column,
                id_column: Column, descending: bool, after: tuple[Any, str] | None,
                size: int, shape: Shape | None = None) -> list:
    """Up to ``size`` rows of ``query()`` after ``after`` = (value, id), in order (in
    ``shape``, ``api.prepared``)."""

    def after_value():  # parameters are made only when a statement is built (once)
        return bindparam("after_value", type_=column.type)

    def after_id():
        return bindparam("after_id", type_=id_column.type)

    def direction(c: Column):
        return c.desc() if descending else c.asc()

    def beyond(left, right):
        return left < right if descending else left > right

    def run(phase: str, where: Callable[[], list], order: Callable[[], list], n: int) -> list:
        params = {"size": n}
        if after is not None:
            params.update(after_value=after[0], after_id=after[1])
        return run_per_version(
            ("keyset", key, column.key, descending, phase),
            lambda: query().where(*where()).order_by(*order()).limit(bindparam("size")), params,
            shape)

    if column.key == id_column.key:
        return run("ids" if after is None else "ids after",
                   lambda: [] if after is None else [beyond(id_column, after_id())],
                   lambda: [direction(id_column)], size)
    rows: list = []
    if after is None or after[0] is not None:
        rows = run("values" if after is None else "values after",
                   lambda: [column.is_not(None)] + (
                       [] if after is None
                       else [beyond(tuple_(column, id_column), tuple_(after_value(), after_id()))]),
                   lambda: [direction(column), direction(id_column)], size)
    if len(rows) < size and column.nullable:
        resumes = after is not None and after[0] is None
        rows += run("nulls after" if resumes else "nulls",
                    lambda: [column.is_(None),
                             *([beyond(id_column, after_id())] if resumes else [])],
                    lambda: [direction(id_column)], size - len(rows))
    return rows
