from __future__ import annotations

from marshmallow import fields

from api import models
from api.vocab import ActorKind

from .common import Record, SelfLink, choice, column, expanded, extraction, resource_type


class ActorLinks(SelfLink):
    statements = fields.String(required=True, metadata={"description": "What the actor said."})
    meetings = fields.String(required=True, metadata={"description": "Meetings it took part in."})
    proposals = fields.String(required=True, metadata={"description": "Proposals it is party to."})


class ActorSchema(Record):
    """A person, state, body, group or outlet."""

    class Meta:
        model = models.Actor

    id = column(metadata={"example": "badr-abdelatty"})
    extraction = extraction()
    type = resource_type("actor")
    name = column()
    kind = choice(ActorKind)
    title = column(metadata={"description": "Title or role, as the articles give it."})
    affiliation_id = column()
    aliases = fields.List(fields.String(), required=True, metadata={
        "description": "Other spellings and transliterations of the name."})
    links = fields.Nested(ActorLinks, required=True)
    affiliation = expanded(lambda: ActorSchema(exclude=("affiliation",)), "affiliation")
