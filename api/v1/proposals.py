"""Proposals: what was proposed, with which terms, and who stood where."""

from __future__ import annotations

from collections import defaultdict

from api import models
from api.http.params import (
    DateRangeArgs,
    ExtractionArgs,
    PageArgs,
    choices,
    expand_field,
    full_text,
    ids,
    sort_field,
)
from api.http.smorest import Blueprint
from api.vocab import ProposalStage, ProposalStatus
from schemas.proposal import ProposalPositionSchema, ProposalSchema

from .resource import (
    Children,
    Expansion,
    Resource,
    any_of,
    attach_evidence,
    between,
    linked,
    matching,
    reported_in,
)
from .routes import collection_routes

PARTY = models.ProposalParty.__table__
TERM = models.ProposalTerm.__table__
POSITION = models.ProposalPosition.__table__
PARTIES = Children(models.ProposalParty, "proposal_id", PARTY.c.role, PARTY.c.actor_id)
TERMS = Children(models.ProposalTerm, "proposal_id", TERM.c.source_id, TERM.c.kind, TERM.c.id)
POSITIONS = Children(models.ProposalPosition, "proposal_id",
                     POSITION.c.date.asc().nulls_last(), POSITION.c.id)


class Positions(Resource):
    """Stances, served inside their proposal and as timeline events."""

    record_type = "proposal_position"
    path = "proposals"
    model = models.ProposalPosition
    schema = ProposalPositionSchema
    expansions = {"actor": Expansion("actor_id", "actor")}

    def links(self, record: dict) -> dict[str, str]:
        return {"self": f"/v1/proposals/{record['proposal_id']}"}


class Proposals(Resource):
    record_type = "proposal"
    path = "proposals"
    model = models.Proposal
    schema = ProposalSchema
    sorts = {"first_reported_on": "first_reported_on", "name": "name", "id": "id"}
    default_sort = "first_reported_on"
    expansions = {
        "revises": Expansion("revises_id", "proposal"),
        "parties": Expansion("actor_id", "actor", within="parties"),
        "positions": Expansion("actor_id", "actor", within="positions"),
    }

    def conditions(self, args: dict):
        table = self.table
        if args.get("party"):
            yield linked(table.c.id, PARTY, "proposal_id", "actor_id", args["party"])
        yield from any_of(table.c.status, args.get("status"))
        yield from any_of(table.c.stage, args.get("stage"))
        yield from between(table.c.first_reported_on, args)
        yield from reported_in(self.record_type, table.c.id, args.get("source"))
        yield from matching(self.record_type, table.c.id, args.get("q"))

    def attach(self, records: list[dict]) -> None:
        ids_ = [r["id"] for r in records]
        parties = PARTIES.of(records)
        term_rows = TERMS.of(records)
        position_rows = POSITIONS.of(records)
        terms = [term for i in ids_ for term in term_rows[i]]
        for term in terms:
            term["type"] = "proposal_term"
        attach_evidence("proposal_term", terms)  # fills the grouped dicts in place
        positions: dict[str, list[dict]] = defaultdict(list)
        for position in positions_.represent([p for i in ids_ for p in position_rows[i]], ()):
            positions[position["proposal_id"]].append(position)
        for record in records:
            record["parties"] = parties[record["id"]]
            record["terms"] = term_rows[record["id"]]
            record["positions"] = positions[record["id"]]


positions_ = Positions()
proposals = Proposals()


class ProposalArgs(ExtractionArgs, PageArgs, DateRangeArgs):
    sort = sort_field(proposals.sort_options, proposals.default_sort)
    expand = expand_field(list(proposals.expansions))
    party = ids("Any of these actors is a party (proposer, mediator, guarantor or party).")
    status = choices(ProposalStatus, "Where it stands.")
    stage = choices(ProposalStage, "How far it has got.")
    source = ids("Reported in one of these articles.")
    q = full_text("names, summaries and terms")


blp = Blueprint("proposals", __name__, url_prefix="/v1/proposals", description=(
    "Proposals, plans and agreements: their terms in the articles' words, the parties and "
    "their roles, and each party's stance over time. A proposal reported by several "
    "articles is one record with evidence from each."))


collection_routes(
    blp, proposals, args=ProposalArgs, schema=ProposalSchema,
    list_doc="""List proposals

    `date_from`/`date_to` filter on `first_reported_on`.
    """,
    get_doc="Get a proposal",
)

