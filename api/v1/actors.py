"""Actors: people, states, bodies, groups and outlets."""

from __future__ import annotations

from api import models
from api.http.params import ExtractionArgs, PageArgs, choices, expand_field, ids, sort_field, text
from api.http.smorest import Blueprint
from api.vocab import ActorKind
from schemas.actor import ActorSchema

from .gazetteer import aliases_of, attach_aliases, name_matches
from .resource import Expansion, Resource, any_of
from .routes import collection_routes

ALIASES = aliases_of(models.ActorAlias, "actor_id")


class Actors(Resource):
    record_type = "actor"
    path = "actors"
    model = models.Actor
    schema = ActorSchema
    attaches_output = True
    sorts = {"name": "name", "id": "id"}
    default_sort = "name"
    expansions = {"affiliation": Expansion("affiliation_id", "actor")}
    has_evidence = False

    def conditions(self, args: dict):
        yield from any_of(self.table.c.kind, args.get("kind"))
        yield from any_of(self.table.c.affiliation_id, args.get("affiliation"))
        yield from name_matches(self.table.c.search_key, args.get("q"))

    def links(self, record: dict) -> dict[str, str]:
        actor = record["id"]
        return {"self": f"/v1/actors/{actor}", "statements": f"/v1/statements?speaker={actor}",
                "meetings": f"/v1/meetings?participant={actor}",
                "proposals": f"/v1/proposals?party={actor}"}

    def attach(self, records: list[dict]) -> None:
        attach_aliases(ALIASES, records)


actors = Actors()


class ActorArgs(ExtractionArgs, PageArgs):
    sort = sort_field(actors.sort_options, actors.default_sort)
    expand = expand_field(list(actors.expansions))
    kind = choices(ActorKind, "What kind of actor.")
    affiliation = ids("The actor they belong to.")
    q = text("Part of a name or alias; case and accents ignored (`sejourne` finds "
             "Stéphane Séjourné).")


blp = Blueprint("actors", __name__, url_prefix="/v1/actors", description=(
    "People, states, government bodies, armed groups and media outlets, with the "
    "spellings they go by. An actor's links lead to what it said, the meetings it took "
    "part in and the proposals it is party to."))


collection_routes(
    blp, actors, args=ActorArgs, schema=ActorSchema,
    list_doc="""List actors""",
    get_doc="Get an actor",
)

