"""Statistics: reported numbers about people, and their series over time."""

from __future__ import annotations

from functools import partial

from marshmallow import fields, validate
from sqlalchemy import func, select
from werkzeug.wrappers import Request

from api import models
from api.db import get_session
from api.http.cache import memo
from api.http.paging import Page, encode_cursor, paging_of
from api.http.params import (
    PRINTABLE,
    DateRangeArgs,
    ExtractionArgs,
    PageArgs,
    choices,
    cursor_field,
    expand_field,
    ids,
    limit_field,
    sort_field,
    text,
)
from api.http.smorest import Blueprint
from api.vocab import Metric, Qualifier
from schemas.compiled import Rendered, compile_render
from schemas.series import SeriesPointSchema, SeriesSchema
from schemas.statistic import StatisticSchema
from schemas.vocabulary import VocabularyField

from .keyset import keyset_rows
from .resource import (
    Expansion,
    Resource,
    any_of,
    between,
    cursor_key,
    filters_of,
    rendering,
    within_locations,
)
from .routes import collection_routes, query_route

#: What a series point shows: all in the series index (migration 0005), so that a page
#: of points is read from the index alone.
POINT_COLUMNS = ("as_of", "id", "value", "value_text", "qualifier", "unit", "date_basis",
                 "claimed_by_id", "source_id")
#: A series' rows rendered straight into points (``schemas.compiled.compile_render``).
RENDERED_POINTS = partial(compile_render, SeriesPointSchema())


class Statistics(Resource):
    record_type = "statistic"
    path = "statistics"
    model = models.Statistic
    schema = StatisticSchema
    attaches_output = True
    sorts = {"as_of": "as_of", "value": "value", "id": "id"}
    default_sort = "as_of"
    expansions = {
        "claimed_by": Expansion("claimed_by_id", "actor"),
        "source": Expansion("source_id", "source"),
        "location": Expansion("location_id", "location"),
    }

    def conditions(self, args: dict):
        table = self.table
        yield from any_of(table.c.metric, args.get("metric"))
        if args.get("population"):
            yield func.lower(table.c.population) == args["population"].lower()
        yield from any_of(table.c.qualifier, args.get("qualifier"))
        yield from any_of(table.c.claimed_by_id, args.get("claimed_by"))
        yield from any_of(table.c.source_id, args.get("source"))
        yield from within_locations(table.c.location_id, args.get("location"))
        yield from between(table.c.as_of, args)

    def series(self, args: dict, request: Request) -> dict | Rendered:
        """The series' points from the cursor on, oldest first, and its paging."""
        table, filters = self.table, filters_of(args)

        def conditions() -> list:
            return [table.c.as_of.is_not(None),
                    *self.conditions({**args, "metric": [args["metric"]]})]

        total = memo(("total", "series", filters), lambda: get_session().scalar(
            select(func.count()).select_from(table).where(*conditions())))
        after = cursor_key(args["cursor"], SERIES_ORDER, table.c.as_of) if args.get(
            "cursor") else None
        rendered = rendering()
        points = keyset_rows(
            lambda: select(*(table.c[name] for name in POINT_COLUMNS)).where(*conditions()),
            ("series", filters), table.c.as_of, table.c.id, False, after, args["limit"] + 1,
            RENDERED_POINTS if rendered else None)
        more, points = len(points) > args["limit"], points[: args["limit"]]
        # A rendered point holds the as-of date and id under its output keys (the same
        # cursor: ``encode_cursor``).
        date, point_id = ("date", "statistic_id") if rendered else ("as_of", "id")
        next_cursor = (encode_cursor(SERIES_ORDER, [points[-1][date], points[-1][point_id]])
                       if more else None)
        paging, _ = paging_of(Page(points, total, args["limit"], next_cursor), request)
        body = {"id": f"{args['metric']}:{args['population']}", "type": "statistic_series",
                "metric": args["metric"], "population": args["population"], "points": points,
                **paging}
        return Rendered(body) if rendered else body


statistics = Statistics()
POPULATION = "Who is counted, exactly as in `population` (case ignored): `Palestinians in Gaza`."


class StatisticArgs(ExtractionArgs, PageArgs, DateRangeArgs):
    sort = sort_field(statistics.sort_options, statistics.default_sort)
    expand = expand_field(list(statistics.expansions))
    metric = choices(Metric, "What is counted.")
    population = text(POPULATION)
    qualifier = choices(Qualifier, "How exact the figure is.")
    claimed_by = ids("Who the figure is attributed to.")
    source = ids("The article it comes from.")
    location = ids("Counted at one of these locations or anywhere inside it.")


SERIES_ORDER = "as_of"  # what a series cursor is issued for


class SeriesArgs(DateRangeArgs):
    limit = limit_field(1000, 5000, "Points")
    cursor = cursor_field()
    metric = VocabularyField(Metric, required=True, metadata={"description": "What is counted."})
    population = fields.String(required=True, validate=[validate.Length(1, 200), PRINTABLE],
                               metadata={"description": POPULATION})
    claimed_by = ids("Only figures attributed to these actors.")
    location = ids("Only figures counted at these locations or inside them.")


blp = Blueprint("statistics", __name__, url_prefix="/v1/statistics", description=(
    "Reported numbers about people (killed, wounded, hostages and prisoners held, "
    "displaced, sheltering): value and qualifier as printed, as-of date, the period "
    "counted, and who claims the figure."))


collection_routes(
    blp, statistics, args=StatisticArgs, schema=StatisticSchema,
    list_doc="""List statistics

    `date_from`/`date_to` filter on `as_of`.
    """,
    get_doc="Get a statistic",
)


query_route(
    blp, "/series", lambda args, request: (statistics.series(args, request), 200, {}),
    name="get_statistic_series", arguments=SeriesArgs, response=SeriesSchema,
    doc="""Get a statistic's series over time

    Every dated figure for one metric and one population, oldest first: one point
    per report, with its qualifier and who claims it, ready to chart. A long series
    comes in pages of `limit` points (default 1000): follow `links.next`.
    """)



