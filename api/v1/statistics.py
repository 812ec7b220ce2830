"""Statistics: reported numbers about people, and their series over time."""

from __future__ import annotations

from marshmallow import fields, validate
from sqlalchemy import func, select

from api import models
from api.db import get_session
from api.http.params import (
    PRINTABLE,
    DateRangeArgs,
    ExtractionArgs,
    PageArgs,
    choices,
    expand_field,
    ids,
    sort_field,
    text,
)
from api.http.smorest import Blueprint
from api.vocab import Metric, Qualifier
from schemas.series import SeriesSchema
from schemas.statistic import StatisticSchema
from schemas.vocabulary import VocabularyField

from .examples import example
from .resource import Expansion, Resource, any_of, between, within_locations
from .routes import collection_routes


class Statistics(Resource):
    record_type = "statistic"
    path = "statistics"
    model = models.Statistic
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

    def series(self, args: dict) -> dict:
        table = self.table
        query = (select(table).where(table.c.as_of.is_not(None),
                                     *self.conditions({**args, "metric": [args["metric"]]}))
                 .order_by(table.c.as_of, table.c.id))
        points = [
            {"date": row["as_of"], "value": row["value"], "value_text": row["value_text"],
             "qualifier": row["qualifier"], "unit": row["unit"], "date_basis": row["date_basis"],
             "claimed_by_id": row["claimed_by_id"], "source_id": row["source_id"],
             "statistic_id": row["id"]}
            for row in get_session().execute(query).mappings()
        ]
        return {"id": f"{args['metric']}:{args['population']}", "type": "statistic_series",
                "metric": args["metric"], "population": args["population"], "points": points}


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


class SeriesArgs(DateRangeArgs):
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


@blp.route("/series")
@blp.arguments(SeriesArgs, location="query")
@blp.response(200, SeriesSchema, example=example("getStatisticSeries"))
def get_statistic_series(args: dict):
    """Get a statistic's series over time

    Every dated figure for one metric and one population, oldest first: one point
    per report, with its qualifier and who claims it, ready to chart.
    """
    return statistics.series(args)



