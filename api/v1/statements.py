"""Statements: who said what, verbatim."""

from __future__ import annotations

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
from api.vocab import StatementKind, Topic
from schemas.statement import StatementSchema

from .resource import Children, Expansion, Resource, any_of, between, linked, matching
from .routes import collection_routes

TOPICS = Children(models.StatementTopic, "statement_id", models.StatementTopic.__table__.c.topic)


class Statements(Resource):
    record_type = "statement"
    path = "statements"
    model = models.Statement
    schema = StatementSchema
    attaches_output = True
    sorts = {"date": "date", "id": "id"}
    default_sort = "date"
    expansions = {
        "speaker": Expansion("speaker_id", "actor"),
        "via": Expansion("via_id", "actor"),
        "source": Expansion("source_id", "source"),
        "proposal": Expansion("proposal_id", "proposal"),
    }

    def conditions(self, args: dict):
        table = self.table
        yield from any_of(table.c.speaker_id, args.get("speaker"))
        yield from any_of(table.c.source_id, args.get("source"))
        yield from any_of(table.c.kind, args.get("kind"))
        yield from any_of(table.c.proposal_id, args.get("proposal"))
        if args.get("topic"):
            yield linked(table.c.id, models.StatementTopic.__table__, "statement_id", "topic",
                         args["topic"])
        yield from between(table.c.date, args)
        yield from matching(self.record_type, table.c.id, args.get("q"))

    def attach(self, records: list[dict]) -> None:
        topics = TOPICS.of(records)
        for record in records:
            record["topics"] = [row["topic"] for row in topics[record["id"]]]


statements = Statements()


class StatementArgs(ExtractionArgs, PageArgs, DateRangeArgs):
    sort = sort_field(statements.sort_options, statements.default_sort)
    expand = expand_field(list(statements.expansions))
    speaker = ids("Who said it.")
    source = ids("The article it comes from.")
    kind = choices(StatementKind, "Direct quote, partial quote or paraphrase.")
    proposal = ids("The proposal it is about.")
    topic = choices(Topic, "What it is about.")
    q = full_text("the statement's text and its speaker's name")


blp = Blueprint("statements", __name__, url_prefix="/v1/statements", description=(
    "Who said what, verbatim: direct quotes, partial quotes and paraphrases, each with "
    "its speaker (an unnamed one is its group, with a `speaker_description`) and the "
    "evidence it comes from."))


collection_routes(
    blp, statements, args=StatementArgs, schema=StatementSchema,
    list_doc="""List statements

    Dates: `date_from`/`date_to` filter on the statement's `date`; undated
    statements sort last and drop out of a date filter.
    """,
    get_doc="Get a statement",
)

