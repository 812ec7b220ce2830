"""Locations: where things happened or were counted."""

from __future__ import annotations

from marshmallow import fields, validate

from api import models
from api.http.params import (
    PageArgs,
    choices,
    expand_field,
    ids,
    several,
    sort_field,
    text,
)
from api.http.smorest import Blueprint
from api.vocab import LocationKind
from schemas.location import LocationSchema

from .gazetteer import aliases_of, attach_aliases, name_matches
from .resource import Expansion, Resource, any_of
from .routes import collection_routes

ALIASES = aliases_of(models.LocationAlias, "location_id")


class Locations(Resource):
    record_type = "location"
    path = "locations"
    model = models.Location
    schema = LocationSchema
    attaches_output = True
    sorts = {"name": "name", "id": "id"}
    default_sort = "name"
    expansions = {"parent": Expansion("parent_id", "location")}
    has_evidence = False

    def conditions(self, args: dict):
        yield from any_of(self.table.c.kind, args.get("kind"))
        yield from any_of(self.table.c.parent_id, args.get("parent"))
        yield from any_of(self.table.c.country_code, args.get("country_code"))
        yield from name_matches(self.table.c.search_key, args.get("q"))

    def links(self, record: dict) -> dict[str, str]:
        place = record["id"]
        return {"self": f"/v1/locations/{place}", "meetings": f"/v1/meetings?location={place}",
                "statistics": f"/v1/statistics?location={place}"}

    def attach(self, records: list[dict]) -> None:
        attach_aliases(ALIASES, records)


locations = Locations()


class LocationArgs(PageArgs):
    sort = sort_field(locations.sort_options, locations.default_sort)
    expand = expand_field(list(locations.expansions))
    kind = choices(LocationKind, "What kind of place.")
    parent = ids("The enclosing location.")
    country_code = several(fields.String(validate=validate.Regexp(r"^[A-Z]{2}$")),
                           "ISO 3166-1 alpha-2 codes: `EG,PS`.")
    q = text("Part of a name or alias; case and accents ignored.")


blp = Blueprint("locations", __name__, url_prefix="/v1/locations", description=(
    "Countries, territories, cities, crossings and buildings, nested by `parent_id`."))


collection_routes(
    blp, locations, args=LocationArgs, schema=LocationSchema,
    list_doc="""List locations""",
    get_doc="Get a location",
)

