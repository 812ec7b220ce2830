"""A resource: its table, how it is filtered, sorted and paged, and how its rows
become its records.

Subclasses set class attributes and override ``conditions`` and ``attach``; the
list, detail and batch-fetch logic lives here once. Related records (evidence,
children, expansions) are fetched in one query per relation for a whole page,
never one per row.

Records come in two forms. Raw, they are dicts of the columns completed with
what ``attach`` adds, for the response schema to dump (marshmallow's reference
path). Rendered, they are what the schema outputs, and the views return them
(lists, records, the timeline's embedded records) as ``Rendered`` bodies: where ``attach`` adds
only values in output form (``attaches_output``), each row is rendered straight
from the query (``schemas.compiled.compile_render``), and completed in place;
otherwise the complete raw record is rendered by the compiled schema. Either
way a record is rendered once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any, ClassVar

from flask import current_app
from flask_smorest import abort
from marshmallow import Schema
from sqlalchemy import ColumnElement, Select, Table, bindparam, false, func, select
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Request

from api import models, search
from api.db import get_session
from api.http.cache import memo
from api.http.paging import InvalidCursor, Page, decode_cursor, encode_cursor, page_response
from api.prepared import Shape, keyed_row_builder, run
from schemas.compiled import Dump, Rendered, compile_dump, compile_render

from .keyset import keyset_rows

REGISTRY: dict[str, Resource] = {}


@dataclass(frozen=True)
class Expansion:
    """``expand=<name>`` embeds the ``resource`` that ``field`` points to.

    With ``within``, the reference sits in each item of that child list
    (``participants[].actor_id``).
    """

    field: str
    resource: str
    within: str | None = None

    @property
    def into(self) -> str:
        return self.field.removesuffix("_id")


class Resource:
    record_type: ClassVar[str]
    path: ClassVar[str]
    model: ClassVar[type]
    sorts: ClassVar[dict[str, str]]  # public sort name -> column
    default_sort: ClassVar[str]
    #: In the order of the schema's fields (rendered records get them in this order).
    expansions: ClassVar[dict[str, Expansion]] = {}
    has_evidence: ClassVar[bool] = True
    #: The schema the API outputs the records with.
    schema: ClassVar[type[Schema]]
    #: Whether ``links`` and ``attach`` add only values as ``schema`` outputs them
    #: (text, numbers, lists of those, evidence): then a row is rendered straight
    #: from the query and completed in place.
    attaches_output: ClassVar[bool] = False

    def __init__(self) -> None:
        REGISTRY[self.record_type] = self

    @property
    def table(self) -> Table:
        return self.model.__table__

    @cached_property
    def by_ids(self) -> Select:
        return select(self.table).where(self.table.c.id.in_(bindparam("ids", expanding=True)))

    @cached_property
    def dump(self) -> Dump:
        return compile_dump(self.schema)

    @cached_property
    def render(self) -> Shape | None:
        """The ``api.prepared`` shape that renders rows as records, if they can be."""
        if not self.attaches_output:
            return None
        schema = self.schema()
        if compile_render(schema, list(self.table.c), []) is None:
            return None
        return partial(compile_render, schema)

    @property
    def sort_options(self) -> list[str]:
        return [option for name in self.sorts for option in (name, f"-{name}")]

    # What subclasses override

    def conditions(self, args: dict) -> Iterable[ColumnElement]:
        return ()

    def links(self, record: dict) -> dict[str, str]:
        return {"self": f"/v1/{self.path}/{record['id']}"}

    def attach(self, records: list[dict]) -> None:
        """Add child lists to the records (in place), one query per child table."""

    # Lists

    def list_response(self, args: dict, request: Request
                      ) -> tuple[dict | Rendered, int, dict[str, str]]:
        rendered = rendering()
        return page_view(self.page(args, rendered), request, rendered)

    def page(self, args: dict, rendered: bool = False) -> Page:
        sort = args["sort"]
        column = self.table.c[self.sorts[sort.lstrip("-")]]
        filters = filters_of(args)
        total = memo(("total", self.record_type, filters), lambda: get_session().scalar(
            select(func.count()).select_from(self.table).where(*self.filtered(args))))
        after = cursor_key(args["cursor"], sort, column) if args.get("cursor") else None
        rows = keyset_rows(lambda: select(self.table).where(*self.filtered(args)),
                           (self.record_type, filters), column, self.table.c.id,
                           sort.startswith("-"), after, args["limit"] + 1,
                           self.render if rendered else None)
        more = len(rows) > args["limit"]
        rows = rows[: args["limit"]]
        # A rendered row's sort value makes the same cursor (``encode_cursor``).
        next_cursor = encode_cursor(sort, [rows[-1][column.name], rows[-1]["id"]]) if more else None
        return Page(self.represent(rows, args.get("expand", []), rendered), total,
                    args["limit"], next_cursor)

    def filtered(self, args: dict) -> list[ColumnElement]:
        """The conditions of the list's filters, the extraction method's included."""
        conditions = list(self.conditions(args))
        if "extraction_method" in self.table.c:
            conditions += any_of(self.table.c.extraction_method, args.get("extraction"))
        return conditions

    # Single records and batches

    def get(self, record_id: str, expand: list[str]) -> dict | Rendered:
        rendered = rendering()
        found = self.fetch([record_id], expand, rendered)
        if record_id not in found:
            raise NotFound(f"No {self.record_type.replace('_', ' ')} with id {record_id!r}.")
        return Rendered(found[record_id]) if rendered else found[record_id]

    def fetch(self, ids: Iterable[str], expand: Iterable[str] = (), rendered: bool = False
              ) -> dict[str, dict]:
        ids = list(dict.fromkeys(i for i in ids if i is not None))
        if not ids:
            return {}
        rows = run(self.by_ids, {"ids": ids}, self.render if rendered else None)
        return {record["id"]: record for record in self.represent(rows, expand, rendered)}

    def represent(self, rows: list[dict], expand: Iterable[str], rendered: bool = False
                  ) -> list[dict]:
        """The records of ``rows`` (fresh dicts from a query, rendered by ``render`` if
        ``rendered`` and it can), completed in place; rendered if ``rendered``."""
        from_rows = rendered and self.render is not None
        for record in rows:
            record["type"] = self.record_type
            record["links"] = self.links(record)
        if self.has_evidence:
            attach_evidence(self.record_type, rows)
        self.attach(rows)
        for name, expansion in self.expansions.items():
            if name in expand:
                self._expand(rows, expansion, from_rows)
        if rendered and not from_rows:
            return [self.dump(record) for record in rows]
        return rows

    @staticmethod
    def _expand(records: list[dict], expansion: Expansion, rendered: bool) -> None:
        holders = ([child for r in records for child in r[expansion.within]]
                   if expansion.within else records)
        targets = REGISTRY[expansion.resource].fetch(
            (h[expansion.field] for h in holders), rendered=rendered)
        for holder in holders:
            holder[expansion.into] = targets.get(holder[expansion.field])


PAGING = frozenset({"cursor", "limit", "sort", "expand"})


def rendering() -> bool:
    """Whether views return rendered records (off: marshmallow dumps raw ones)."""
    return current_app.config["COMPILED_SCHEMAS"]


def page_view(page: Page, request: Request, rendered: bool
              ) -> tuple[dict | Rendered, int, dict[str, str]]:
    """What a view returns for ``page``, whose items are in output form if ``rendered``."""
    body, status, headers = page_response(page, request)
    return (Rendered(body) if rendered else body), status, headers


def filters_of(args: dict) -> tuple:
    """The filters of a list request, hashable: what its ``total`` depends on."""
    return tuple(sorted((name, tuple(value) if isinstance(value, list) else value)
                        for name, value in args.items() if name not in PAGING))


def cursor_key(token: str, sort: str, column) -> tuple[Any, str]:
    """The (sort value, id) a cursor resumes after, typed like ``column``; 400 otherwise."""
    try:
        value, last_id = decode_cursor(token, sort)
        return _typed(value, column.type.python_type), _typed(last_id, str)
    except InvalidCursor as error:
        message = str(error)
    except (ValueError, TypeError):
        message = "cursor is not one this API issued"
    abort(400, messages={"query": {"cursor": [message]}})


def _typed(value: Any, python_type: type) -> Any:
    if value is None and python_type is not str:
        return None
    if python_type is dt.date:
        return dt.date.fromisoformat(value)
    if python_type is float and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if python_type is str and isinstance(value, str):
        return value
    raise TypeError(value)


# Children, fetched for a page at once

class Children:
    """A child table's rows for a page of records, in one query.

    Declared once, at import: its statement is then built and prepared once per
    process (``api.prepared.run``). Building it per request cost more than the query,
    and a statement made per request (an ``ORDER BY date NULLS LAST`` is a new
    expression each time) was prepared and kept again on every request.
    """

    def __init__(self, model: type, key: str, *order: ColumnElement):
        table = model.__table__
        self.key = key
        self.statement = (select(table).where(table.c[key].in_(bindparam("ids", expanding=True)))
                          .order_by(table.c[key], *order))

    def of(self, records: list[dict]) -> dict[str, list[dict]]:
        """The rows of each record's children, by the record's id."""
        grouped: dict[str, list[dict]] = defaultdict(list)
        if records:
            for row in run(self.statement, {"ids": [r["id"] for r in records]}):
                grouped[row[self.key]].append(row)
        return grouped


EVIDENCE = models.Evidence.__table__
EVIDENCE_OF = (
    select(EVIDENCE.c.record_id, EVIDENCE.c.source_id, EVIDENCE.c.span_start.label("start"),
           EVIDENCE.c.span_end.label("end"), EVIDENCE.c.text)
    .where(EVIDENCE.c.record_type == bindparam("record_type"),
           EVIDENCE.c.record_id.in_(bindparam("ids", expanding=True)))
    .order_by(EVIDENCE.c.record_id, EVIDENCE.c.ordinal))


def attach_evidence(record_type: str, records: list[dict]) -> None:
    if not records:
        return
    rows = run(EVIDENCE_OF, {"record_type": record_type, "ids": [r["id"] for r in records]},
               keyed_row_builder)
    spans: dict[str, list[dict]] = defaultdict(list)
    for record_id, span in rows:  # span: source_id, start, end, text
        spans[record_id].append(span)
    for record in records:
        record["evidence"] = spans[record["id"]]


# Conditions shared by several resources

def any_of(column, values: list | None) -> Iterable[ColumnElement]:
    # One value is an equality, not IN (v): then an index on (column, sort, id)
    # gives the rows in page order; for IN, SQLite sorts every match first.
    if values and len(values) == 1:
        yield column == values[0]
    elif values:
        yield column.in_(values)


def linked(id_column, link: Table, owner: str, column: str, values: list) -> ColumnElement:
    """Records that a link table ties to any of ``values`` (a meeting's participants,
    a proposal's parties, a statement's topics)."""
    return id_column.in_(select(link.c[owner]).where(link.c[column].in_(values)))


def between(column, args: dict) -> Iterable[ColumnElement]:
    if args.get("date_from"):
        yield column >= args["date_from"]
    if args.get("date_to"):
        yield column <= args["date_to"]


def reported_in(record_type: str, id_column, sources: list[str] | None
                ) -> Iterable[ColumnElement]:
    """Records with evidence in any of the given sources."""
    if sources:
        evidence = models.Evidence.__table__
        yield id_column.in_(select(evidence.c.record_id).where(
            evidence.c.record_type == record_type, evidence.c.source_id.in_(sources)))


def within_locations(column, location_ids: list[str] | None) -> Iterable[ColumnElement]:
    """At any of the locations or anywhere inside them (Cairo includes Tahrir Palace)."""
    if location_ids:
        location = models.Location.__table__
        tree = select(location.c.id).where(location.c.id.in_(location_ids)).cte(recursive=True)
        tree = tree.union_all(select(location.c.id).where(location.c.parent_id == tree.c.id))
        yield column.in_(select(tree.c.id))


def matching(record_type: str, id_column, query: str | None) -> Iterable[ColumnElement]:
    """Full-text ``q``: the records whose search document matches."""
    if query is None:
        return
    stems = search.query_stems(query)
    if not stems:
        yield false()
        return
    dialect = get_session().get_bind().dialect.name
    yield id_column.in_(search.matching_ids(dialect, stems, record_type))
