"""The timeline: every dated event in one chronological stream."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from marshmallow import fields, validate
from sqlalchemy import Select, bindparam, func, literal, select, tuple_
from werkzeug.wrappers import Request

from api import models
from api.db import get_session
from api.http.cache import memo
from api.http.paging import Page, encode_cursor
from api.http.params import DateRangeArgs, PageArgs, ids, several, sort_field
from api.http.smorest import Blueprint
from api.prepared import run_per_version, tuple_builder
from schemas.common import page_of
from schemas.compiled import Rendered
from schemas.service import TimelineItemSchema

from .resource import (
    REGISTRY,
    between,
    cursor_key,
    filters_of,
    linked,
    page_view,
    rendering,
    within_locations,
)
from .routes import query_route

PARTICIPANT = models.MeetingParticipant.__table__
DATE = models.Statement.__table__.c.date  # how a cursor's date is typed
#: (date, type, id): how events sort, reversed for ``-date``.
Event = tuple[dt.date, str, str]


@dataclass(frozen=True)
class EventKind:
    """How one record type sits on the timeline."""

    date_column: str
    by_actors: Callable  # (table, actor ids) -> condition
    location_column: str | None  # None: it has no place, so a location filter drops it


EVENT_KINDS = {
    "meeting": EventKind("date", lambda t, actors: linked(
        t.c.id, PARTICIPANT, "meeting_id", "actor_id", actors), "location_id"),
    "statement": EventKind("date", lambda t, actors: t.c.speaker_id.in_(actors), None),
    "proposal_position": EventKind("date", lambda t, actors: t.c.actor_id.in_(actors), None),
    "statistic": EventKind("as_of", lambda t, actors: t.c.claimed_by_id.in_(actors),
                           "location_id"),
}


def placed(record_type: str, args: dict) -> bool:
    """Whether the type can match the filters: a type without a place cannot match a
    location filter."""
    return not args.get("location") or EVENT_KINDS[record_type].location_column is not None


def events(record_type: str, args: dict) -> Select:
    """One type's events matching the filters, as (date, type, id): the timeline's order."""
    kind, table = EVENT_KINDS[record_type], REGISTRY[record_type].table
    when = table.c[kind.date_column]
    conditions = [when.is_not(None), *between(when, args)]
    if args.get("actor"):
        conditions.append(kind.by_actors(table, args["actor"]))
    if args.get("location"):
        conditions += within_locations(table.c[kind.location_column], args["location"])
    return select(when.label("date"), literal(record_type).label("type"),
                  table.c.id.label("id")).where(*conditions)


def in_order(query: Select, record_type: str, args: dict, after: tuple | None) -> Select:
    """``query`` from the cursor on, sorted by (date, id), at most ``size`` rows (the
    cursor's date and id and the size are parameters: the statement is prepared once)."""
    kind, table = EVENT_KINDS[record_type], REGISTRY[record_type].table
    when, descending = table.c[kind.date_column], args["sort"] == "-date"
    if after:
        query = query.where(past_cursor(record_type, when, table.c.id, after[1], descending))
    order = (when.desc(), table.c.id.desc()) if descending else (when, table.c.id)
    return query.order_by(*order).limit(bindparam("size"))


def events_after(record_type: str, args: dict, after: tuple | None) -> list[Event]:
    """Up to a page and one of the type's events after the cursor, in order."""
    params = {"size": args["limit"] + 1}
    if after:
        params.update(after_date=after[0], after_id=after[2])
    return run_per_version(
        ("timeline", record_type, filters_of(args), args["sort"], after and after[1]),
        lambda: in_order(events(record_type, args), record_type, args, after), params,
        tuple_builder)  # tuples in the timeline's order: the merge sorts them as they are


def timeline_page(args: dict, rendered: bool = False) -> Page:
    """The page, merged from one keyset query per type; its items in output form if
    ``rendered`` (the records rendered as their resources render them).

    Events sort by (date, type, id), all reversed for ``-date``. Within one type
    that is (date, id), which
    the date indexes give in order, so each type contributes at most ``limit + 1``
    rows after the cursor, and a page costs the same at any depth and size: a
    UNION sorted as a whole would sort every event on each request.
    """
    types = [t for t in args.get("type") or EVENT_KINDS if placed(t, args)]
    total = memo(("total", "timeline", filters_of(args)), lambda: sum(
        get_session().scalar(select(func.count()).select_from(events(t, args).subquery()))
        for t in types))
    descending = args["sort"] == "-date"
    after = None
    if args.get("cursor"):
        # The cursor's tie-breaker is "type id": events sort by date, type, then id.
        date, position = cursor_key(args["cursor"], args["sort"], DATE)
        after = (date, *position.partition(" ")[::2])
    rows = [event for t in types for event in events_after(t, args, after)]
    rows.sort(reverse=descending)
    more = len(rows) > args["limit"]
    rows = rows[: args["limit"]]
    records: dict[tuple[str, str], dict] = {}
    for record_type in {kind for _, kind, _ in rows}:
        fetched = REGISTRY[record_type].fetch(
            (id_ for _, kind, id_ in rows if kind == record_type), rendered=rendered)
        records.update({(record_type, i): record for i, record in fetched.items()})
    # TimelineItemSchema's fields, in its order; its date is output as ISO 8601.
    items = [{"id": id_, "type": kind, "date": date.isoformat() if rendered else date,
              "record": records[(kind, id_)]} for date, kind, id_ in rows]
    next_cursor = None
    if more and rows:
        date, kind, id_ = rows[-1]
        next_cursor = encode_cursor(args["sort"], [date, f"{kind} {id_}"])
    return Page(items, total, args["limit"], next_cursor)


def past_cursor(record_type: str, date, id_column, last_type: str, descending: bool):
    """This type's events after the cursor's (date, type, id) in timeline order, as
    comparisons an index on (date, id) answers by seeking."""
    last_date = bindparam("after_date", type_=date.type)
    if record_type == last_type:
        pair, last = tuple_(date, id_column), tuple_(last_date, bindparam("after_id"))
        return pair < last if descending else pair > last
    same_day_follows = record_type < last_type if descending else record_type > last_type
    if same_day_follows:
        return date <= last_date if descending else date >= last_date
    return date < last_date if descending else date > last_date



class TimelineArgs(PageArgs, DateRangeArgs):
    sort = sort_field(["date", "-date"], "date")
    type = several(fields.String(validate=validate.OneOf(list(EVENT_KINDS))),
                   "Only these event types.")
    actor = ids("Events involving these actors: participants, speakers, stance holders, "
                "or who a figure is attributed to.")
    location = ids("Events at these locations or inside them (statements and stances "
                   "have no place, so this leaves them out).")


blp = Blueprint("timeline", __name__, url_prefix="/v1/timeline", description=(
    "Every dated event (meetings, statements, proposal positions, and statistics as of "
    "their date) in one chronological stream."))


def timeline_response(args: dict, request: Request) -> tuple[dict | Rendered, int, dict]:
    rendered = rendering()
    return page_view(timeline_page(args, rendered), request, rendered)


query_route(
    blp, "", timeline_response,
    name="list_timeline", arguments=TimelineArgs,
    response=page_of(TimelineItemSchema, "TimelinePage"), doc="""List timeline events

    Each item says its `type` and embeds the record. Events on the same day are
    ordered by type, then id (both reversed with `sort=-date`). Undated records are
    not on the timeline.
    """)
