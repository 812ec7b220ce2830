from __future__ import annotations

from marshmallow import fields

from api import models
from api.vocab import MeetingMode, MeetingStatus, ParticipantRole

from .actor import ActorSchema
from .common import (
    DictSchema,
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
from .location import LocationSchema


class MeetingParticipantSchema(DictSchema):
    actor_id = fields.String(required=True)
    role = choice(ParticipantRole)
    description = fields.String(required=True, allow_none=True)
    actor = expanded(ActorSchema, "participants")


class MeetingSchema(Record):
    """A meeting, call, visit or round of talks."""

    class Meta:
        model = models.Meeting

    id = column(metadata={"example": "mtg_7b9eea265f"})
    extraction = extraction()
    type = resource_type("meeting")
    summary = column()
    date, date_precision, date_basis, date_note = event_date()
    location_id = column()
    mode = choice(MeetingMode, nullable=True)
    status = choice(MeetingStatus)
    note = column(metadata={"description": "What the curator inferred, and how."})
    participants = fields.List(fields.Nested(MeetingParticipantSchema), required=True)
    evidence = evidence()
    links = fields.Nested(SelfLink, required=True)
    location = expanded(LocationSchema, "location")
