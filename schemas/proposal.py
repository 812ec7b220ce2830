from __future__ import annotations

from marshmallow import fields

from api import models
from api.vocab import (
    DateBasis,
    DatePrecision,
    DurationUnit,
    PartyRole,
    ProposalStage,
    ProposalStatus,
    Stance,
    TermKind,
)

from .actor import ActorSchema
from .common import (
    DictSchema,
    Number,
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


class ProposalPartySchema(DictSchema):
    actor_id = fields.String(required=True)
    role = choice(PartyRole)
    actor = expanded(ActorSchema, "parties")


class ProposalTermSchema(Record):
    """One term; ``text`` is the article's own words."""

    class Meta:
        model = models.ProposalTerm

    id = column()
    extraction = extraction()
    type = resource_type("proposal_term")
    kind = choice(TermKind)
    value = Number(required=True, allow_none=True)
    unit = choice(DurationUnit, nullable=True)
    text = column()
    source_id = column()
    evidence = evidence()


class ProposalPositionSchema(Record):
    """An actor's stance on a proposal at a point in time."""

    class Meta:
        model = models.ProposalPosition

    id = column(metadata={"example": "pos_3d1f0a9b2c"})
    extraction = extraction()
    type = resource_type("proposal_position")
    proposal_id = column()
    actor_id = column()
    stance = choice(Stance)
    date, date_precision, date_basis, date_note = event_date()
    note = column()
    source_id = column()
    evidence = evidence()
    actor = expanded(ActorSchema, "positions")


class ProposalSchema(Record):
    """A proposal, plan or agreement, with its terms and each party's stance over time."""

    class Meta:
        model = models.Proposal

    id = column(metadata={"example": "prop_e7a7b17968"})
    extraction = extraction()
    type = resource_type("proposal")
    key = column(metadata={"description": "The curators' readable key."})
    name = column()
    summary = column()
    stage = choice(ProposalStage)
    status = choice(ProposalStatus)
    first_reported_on = fields.Date(required=True, allow_none=True)
    date_precision = choice(DatePrecision, nullable=True)
    date_basis = choice(DateBasis, nullable=True)
    date_note = column()
    revises_id = column(metadata={"description": "The proposal this one revises."})
    note = column(metadata={"description": "What the curator inferred, and how."})
    parties = fields.List(fields.Nested(ProposalPartySchema), required=True)
    terms = fields.List(fields.Nested(ProposalTermSchema), required=True)
    positions = fields.List(fields.Nested(ProposalPositionSchema), required=True)
    evidence = evidence()
    links = fields.Nested(SelfLink, required=True)
    revises = expanded(lambda: ProposalSchema(exclude=("revises",)), "revises")
