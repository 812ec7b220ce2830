"""Sources: the articles every record points into."""

from __future__ import annotations

from sqlalchemy import func

from api import models
from api.http.params import DateRangeArgs, PageArgs, full_text, sort_field, text
from api.http.smorest import Blueprint
from schemas.source import SourceSchema

from .resource import Resource, matching
from .routes import collection_routes


class Sources(Resource):
    record_type = "source"
    path = "sources"
    model = models.Source
    schema = SourceSchema
    attaches_output = True
    sorts = {"published_on": "published_on", "id": "id"}
    default_sort = "published_on"

    def conditions(self, args: dict):
        table = self.table
        if args.get("outlet"):
            yield func.lower(table.c.outlet) == args["outlet"].lower()
        if args.get("date_from"):
            yield table.c.published_on >= args["date_from"]
        if args.get("date_to"):
            yield table.c.published_on <= args["date_to"]
        yield from matching(self.record_type, table.c.id, args.get("q"))

    def links(self, record: dict) -> dict[str, str]:
        filters = f"source={record['id']}"
        return {"self": f"/v1/sources/{record['id']}",
                **{kind: f"/v1/{kind}?{filters}"
                   for kind in ("statements", "statistics", "meetings", "proposals")}}


sources = Sources()


class SourceArgs(PageArgs, DateRangeArgs):
    sort = sort_field(sources.sort_options, sources.default_sort)
    outlet = text("The outlet, as named (case ignored): `Euronews`, `BBC`.")
    q = full_text("titles and article text")


blp = Blueprint("sources", __name__, url_prefix="/v1/sources", description=(
    "The articles: metadata, the publication date and how it is known, and the cleaned "
    "text that every evidence span points into."))


collection_routes(
    blp, sources, args=SourceArgs, schema=SourceSchema,
    list_doc="""List sources

    `date_from`/`date_to` filter on `published_on`.
    """,
    get_doc="Get a source",
)

