from __future__ import annotations

from marshmallow import fields

from api import models
from api.vocab import StatementKind, Topic

from .actor import ActorSchema
from .common import (
    Record,
    SelfLink,
    choice,
    column,
    event_date,
    evidence,
    expanded,
    extraction,
    resource_type,
)
from .proposal import ProposalSchema
from .source import SourceSchema


class StatementSchema(Record):
    """Who said what: a quote or paraphrase, with the text exactly as printed."""

    class Meta:
        model = models.Statement

    id = column(metadata={"example": "stmt_f94f954fcd"})
    extraction = extraction()
    type = resource_type("statement")
    source_id = column()
    speaker_id = column()
    speaker_description = column(metadata={
        "description": "How the article describes an unnamed speaker (\"a Hamas official\")."})
    via_id = column(metadata={"description": "The outlet the words were given to or reported "
                                             "by (\"told AFP\")."})
    kind = choice(StatementKind)
    text = column()
    date, date_precision, date_basis, date_note = event_date()
    proposal_id = column(metadata={"description": "The proposal it is about, where stated."})
    topics = fields.List(choice(Topic), required=True)
    note = column(metadata={"description": "What the curator inferred, and how."})
    evidence = evidence()
    links = fields.Nested(SelfLink, required=True)
    speaker = expanded(ActorSchema, "speaker")
    via = expanded(ActorSchema, "via")
    source = expanded(SourceSchema, "source")
    proposal = expanded(ProposalSchema, "proposal")
