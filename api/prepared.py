"""SELECTs compiled once and run on the DB-API cursor: the hot path's queries.

On a page of 20 rows, SQLAlchemy's per-execution work (building the statement,
its cache key, the compiled-cache lookup, parameter and result processing) cost
about five times the query itself (bench/RESULTS.md, 'Uncached pages'). A
``Prepared`` statement is compiled once, for the engine's dialect, with its
parameters typed as the statement declares them; a run only expands ``IN``
lists, applies the bind processors and converts each row with the result
processors, as SQLAlchemy would: the same rows, as dicts.

``run_per_version`` keeps a statement that embeds request values (a list's
filters) per dataset version and key (``api.http.cache.memo``); ``run`` keeps one
without (children by ids) once per process.

What a row becomes is the run's ``shape``: a function of the column keys and their
converters that makes the function from fetched tuples to rows, built at the
first run of each shape. ``row_builder``'s dicts of the columns by default;
a resource's records as its schema outputs them, for instance
(``schemas.compiled.compile_render``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, Dialect, Select

from api.db import get_connection
from api.http.cache import memo

Converters = list[tuple[int, Callable[[Any], Any]]]
Shape = Callable[[list[ColumnElement], Converters], Callable[[list[tuple]], list]]


class Prepared:
    def __init__(self, statement: Select, dialect: Dialect):
        self.compiled = statement.compile(dialect=dialect)
        self.positional = dialect.positional
        self.baked = self.compiled.params  # the values the statement embeds
        self.lists = sorted({name for bind, name in self.compiled.bind_names.items()
                             if bind.expanding})
        self.layouts: dict[tuple[int, ...], _Layout] = {}
        self.dialect = dialect
        self.columns = list(statement.selected_columns)
        #: Known at the first run: some dialects' converters need the DB-API's
        #: description of the result.
        self.converters: Converters | None = None
        self.builders: dict[Shape, Callable[[list[tuple]], list]] = {}

    def rows(self, connection: Connection, params: dict[str, Any] | None = None,
             shape: Shape | None = None) -> list:
        """The rows, as dicts of the columns (or in ``shape``)."""
        params = {**self.baked, **(params or {})}
        layout = self.layout(tuple(len(params[name]) for name in self.lists), params)
        sql, values = layout.sql, layout.values(params)
        cursor = connection.connection.dbapi_connection.cursor()
        try:
            # The engine's cursor events still fire: query logs and counters see these.
            if events := connection.dispatch.before_cursor_execute:
                events(connection, cursor, sql, values, None, False)
            cursor.execute(sql, values)
            fetched = cursor.fetchall()
            if self.converters is None:
                self.converters = self.result_converters(cursor.description)
        finally:
            cursor.close()
        shape = shape or row_builder
        build = self.builders.get(shape)
        if build is None:
            build = self.builders[shape] = shape(self.columns, self.converters)
        return build(fetched)

    def result_converters(self, description) -> Converters:
        """What SQLAlchemy's result processing does per column (given the DB-API's
        type codes, which some dialects need): the columns it converts, and how."""
        dialect, converters = self.dialect, []
        for index, (column, described) in enumerate(zip(self.columns, description, strict=True)):
            processor = column.type.dialect_impl(dialect).result_processor(dialect, described[1])
            if processor is not None:
                converters.append((index, processor))
        return converters

    def layout(self, lengths: tuple[int, ...], params: dict[str, Any]) -> _Layout:
        """The SQL for lists of these lengths, and where each value goes in it."""
        layout = self.layouts.get(lengths)
        if layout is None:
            state = self.compiled.construct_expanded_state(params)
            origin = {name: (name, None) for name in state.parameters}
            for name, expanded in state.parameter_expansion.items():
                origin.update({each: (name, i) for i, each in enumerate(expanded)})
            names = state.positiontup if self.positional else list(state.parameters)
            slots = [(name, *origin[name], state.processors.get(name)) for name in names]
            layout = self.layouts[lengths] = _Layout(state.statement, slots, self.positional)
        return layout


def row_builder(columns: list[ColumnElement], converters: Converters
                ) -> Callable[[list[tuple]], list[dict]]:
    """A function from fetched tuples to dicts, each value through its converter: one
    generated comprehension with a dict display, three times faster than converting
    a list per row and zipping it with the keys (1,000 rows: 0.9 -> 0.3 ms)."""
    return _comprehension(columns, converters, "dict")


def keyed_row_builder(columns: list[ColumnElement], converters: Converters
                      ) -> Callable[[list[tuple]], list[tuple[Any, dict]]]:
    """Like ``row_builder``, but each row is (its first column, a dict of the others):
    rows to group by the first column, without a second dict made per row."""
    return _comprehension(columns, converters, "keyed")


def tuple_builder(columns: list[ColumnElement], converters: Converters
                  ) -> Callable[[list[tuple]], list[tuple]]:
    """Like ``row_builder``, but each row is a plain tuple: rows that sort as they are,
    in C, with no key."""
    return _comprehension(columns, converters, "tuple")


def _comprehension(columns: list[ColumnElement], converters: Converters, form: str
                   ) -> Callable[[list[tuple]], list]:
    keys = [column.key for column in columns]
    namespace: dict[str, Any] = {f"convert{index}": function for index, function in converters}
    values = [f"convert{i}(row[{i}])" if f"convert{i}" in namespace else f"row[{i}]"
              for i in range(len(keys))]
    pairs = list(zip(keys, values, strict=True))
    if form == "tuple":
        item = f"({', '.join(values)},)"
    elif form == "keyed":
        item = f"({values[0]}, {{{', '.join(f'{key!r}: {value}' for key, value in pairs[1:])}}})"
    else:
        item = f"{{{', '.join(f'{key!r}: {value}' for key, value in pairs)}}}"
    # Our own generated source: column keys (repr'd) and the converters' names.
    exec(f"def build(fetched):\n    return [{item} for row in fetched]", namespace)
    return namespace["build"]


class _Layout:
    def __init__(self, sql: str, slots: list[tuple], positional: bool):
        self.sql, self.slots, self.positional = sql, slots, positional

    def values(self, params: dict[str, Any]) -> tuple | dict:
        """The DB-API parameters: each value from ``params`` (an item of a list,
        where the SQL expanded one), through its bind processor."""
        values = []
        for _, name, index, process in self.slots:
            value = params[name] if index is None else params[name][index]
            values.append(value if process is None else process(value))
        if self.positional:
            return tuple(values)
        return {slot[0]: value for slot, value in zip(self.slots, values, strict=True)}


def run(statement: Select, params: dict[str, Any] | None = None, shape: Shape | None = None
        ) -> list:
    """The rows of a statement that embeds no request values, prepared once per process."""
    connection = get_connection()
    return _prepared(statement, connection.dialect).rows(connection, params, shape)


def run_per_version(key: Hashable, build: Callable[[], Select], params: dict[str, Any],
                    shape: Shape | None = None) -> list:
    """The rows of the statement ``build()`` makes, which embeds request values (a
    list's filters): prepared once per dataset version and ``key``."""
    connection = get_connection()
    statement = memo(key, lambda: Prepared(build(), connection.dialect))
    return statement.rows(connection, params, shape)


@cache
def _prepared(statement: Select, dialect: Dialect) -> Prepared:
    return Prepared(statement, dialect)
