"""Schemas of the curated files: gazetteers and per-article annotations.

They check the shape and the values of each entry; references between files
(actor and location ids, proposal keys) and evidence in the article bodies are
checked by ``seed.build``, which sees the whole corpus.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, ValidationError, fields, pre_load, validate, validates_schema

from api.vocab import (
    ActorKind,
    DateBasis,
    DurationUnit,
    ExtractionMethod,
    LocationKind,
    MeetingMode,
    MeetingStatus,
    Metric,
    ParticipantRole,
    PartyRole,
    ProposalStage,
    ProposalStatus,
    Qualifier,
    ReviewAction,
    Stance,
    StatementKind,
    TermKind,
    Topic,
    Unit,
    Vocabulary,
)
from schemas.vocabulary import VocabularyField

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or the year."""

    value: dt.date
    precision: str


class PartialDateField(fields.Field):
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; the form gives the precision."""

    default_error_messages = {"invalid": "Not a date: use YYYY-MM-DD, YYYY-MM or YYYY."}
    _FORMS = (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year"))

    def _deserialize(self, value: Any, attr, data, **kwargs) -> PartialDate:
        text = str(value)
        for form, precision in self._FORMS:
            try:
                return PartialDate(dt.datetime.strptime(text, form).date(), precision)
            except ValueError:
                continue
        raise self.make_error("invalid")


def choice(vocabulary: type[Vocabulary], **kwargs) -> VocabularyField:
    return VocabularyField(vocabulary, **kwargs)


def slug(**kwargs) -> fields.String:
    return fields.String(
        validate=validate.Regexp(SLUG, error="Not a slug: lowercase words joined by '-'."),
        **kwargs,
    )


def optional(field: fields.Field) -> fields.Field:
    field.allow_none = True
    field.load_default = None
    return field


class EvidenceSchema(Schema):
    """Text copied verbatim from the article; ``occurrence`` picks among repeats."""

    text = fields.String(required=True, validate=validate.Length(min=1))
    occurrence = optional(fields.Integer(strict=True, validate=validate.Range(min=1)))

    @pre_load
    def accept_plain_text(self, data: Any, **kwargs) -> Any:
        return {"text": data} if isinstance(data, str) else data


def evidence(required: bool = True) -> fields.List:
    spans = fields.Nested(EvidenceSchema)
    if required:
        return fields.List(spans, required=True, validate=validate.Length(min=1))
    return fields.List(spans, load_default=[])


class ExtractionSchema(Schema):
    """How a record was made: curated (the default in these files) or by a rule."""

    method = choice(ExtractionMethod, load_default=ExtractionMethod.CURATED.value)
    rule = optional(fields.String(validate=validate.Length(max=64)))
    confidence = optional(fields.Float(validate=validate.Range(0, 1)))


def extraction() -> fields.Nested:
    return fields.Nested(ExtractionSchema, load_default=lambda: {
        "method": ExtractionMethod.CURATED.value, "rule": None, "confidence": None})


class DatedSchema(Schema):
    """An event date: ``date`` with how it is known (``date_basis``, ``date_note``)."""

    date_field = "date"

    date_basis = optional(choice(DateBasis))
    date_note = optional(fields.String())

    @validates_schema
    def check_date_qualifiers(self, data: dict, **kwargs) -> None:
        when = data.get(self.date_field)
        if when is not None and data.get("date_basis") is None:
            raise ValidationError("A date needs its date_basis.", "date_basis")
        if when is None and data.get("date_basis") is not None:
            raise ValidationError("date_basis given without a date.", "date_basis")
        if data.get("date_basis") == DateBasis.INFERRED and not data.get("date_note"):
            raise ValidationError("An inferred date needs a date_note saying how.", "date_note")


class EventSchema(DatedSchema):
    date = optional(PartialDateField())


class ActorSchema(Schema):
    id = slug(required=True)
    name = fields.String(required=True)
    kind = choice(ActorKind, required=True)
    title = optional(fields.String())
    affiliation = optional(slug())
    aliases = fields.List(fields.String(validate=validate.Length(min=1)), load_default=[])
    #: Adjectives that name a state's people or government ("Egyptian"), for the
    #: extraction rules ("an Egyptian source"); not stored in the database.
    demonyms = fields.List(fields.String(validate=validate.Length(min=1)), load_default=[])
    #: Place names news prose uses for the actor ("Cairo proposed"), for the rules too.
    metonyms = fields.List(fields.String(validate=validate.Length(min=1)), load_default=[])


class LocationSchema(Schema):
    id = slug(required=True)
    name = fields.String(required=True)
    kind = choice(LocationKind, required=True)
    parent = optional(slug())
    country_code = optional(
        fields.String(validate=validate.Regexp(r"^[A-Z]{2}$", error="Not an ISO 3166 code."))
    )
    latitude = optional(fields.Float(validate=validate.Range(-90, 90)))
    longitude = optional(fields.Float(validate=validate.Range(-180, 180)))
    aliases = fields.List(fields.String(validate=validate.Length(min=1)), load_default=[])


class SourceMetaSchema(DatedSchema):
    date_field = "published_on"

    title = optional(fields.String())
    outlet = optional(fields.String())
    agency = optional(fields.String())
    url = optional(fields.Url())
    language = fields.String(load_default="en", validate=validate.Length(min=2, max=16))
    published_on = optional(PartialDateField())
    evidence = evidence(required=False)


class FrontMatterSchema(Schema):
    """What an article file may say about itself above its text (``seed.frontmatter``)."""

    title = optional(fields.String())
    outlet = optional(fields.String())
    agency = optional(fields.String())
    url = optional(fields.Url())
    language = optional(fields.String(validate=validate.Length(min=2, max=16)))
    published_on = optional(PartialDateField())


class MeetingParticipantSchema(Schema):
    actor = slug(required=True)
    role = choice(ParticipantRole, required=True)
    description = optional(fields.String())


class MeetingSchema(EventSchema):
    key = optional(fields.String())
    summary = fields.String(required=True)
    location = optional(slug())
    mode = optional(choice(MeetingMode))
    status = choice(MeetingStatus, required=True)
    participants = fields.List(fields.Nested(MeetingParticipantSchema), load_default=[])
    note = optional(fields.String())
    evidence = evidence()
    extraction = extraction()


class ProposalPartySchema(Schema):
    actor = slug(required=True)
    role = choice(PartyRole, required=True)


class ProposalTermSchema(Schema):
    """A term; ``text`` is the article's words, and its evidence unless given."""

    kind = choice(TermKind, required=True)
    value = optional(fields.Float())
    unit = optional(choice(DurationUnit))
    text = fields.String(required=True)
    occurrence = optional(fields.Integer(strict=True, validate=validate.Range(min=1)))
    extraction = extraction()

    @validates_schema
    def value_has_unit(self, data: dict, **kwargs) -> None:
        if (data.get("value") is None) != (data.get("unit") is None):
            raise ValidationError("value and unit go together.", "unit")


class ProposalPositionSchema(EventSchema):
    actor = slug(required=True)
    stance = choice(Stance, required=True)
    note = optional(fields.String())
    evidence = evidence()
    extraction = extraction()


class ProposalSchema(DatedSchema):
    """A proposal's declaration (with ``name``) or, in another article, an extension.

    A proposal is declared once, in one article's file, and identified by its
    ``key``; other articles that report on it list the same key with the terms,
    positions and evidence they add.
    """

    date_field = "first_reported_on"
    _DECLARATION_ONLY = ("name", "summary", "stage", "status", "first_reported_on", "revises")

    key = slug(required=True)
    name = optional(fields.String())
    summary = optional(fields.String())
    stage = optional(choice(ProposalStage))
    status = optional(choice(ProposalStatus))
    first_reported_on = optional(PartialDateField())
    revises = optional(slug())
    note = optional(fields.String())
    parties = fields.List(fields.Nested(ProposalPartySchema), load_default=[])
    terms = fields.List(fields.Nested(ProposalTermSchema), load_default=[])
    positions = fields.List(fields.Nested(ProposalPositionSchema), load_default=[])
    evidence = evidence(required=False)
    extraction = extraction()

    @validates_schema
    def declaration_is_complete(self, data: dict, **kwargs) -> None:
        if data.get("name") is None:
            extra = [f for f in self._DECLARATION_ONLY if data.get(f) is not None]
            if extra:
                raise ValidationError(
                    f"{', '.join(extra)} belong to the declaration (the entry with a name)."
                )
            return
        missing = [f for f in ("summary", "stage", "status") if data.get(f) is None]
        if missing:
            raise ValidationError(f"A declaration needs {', '.join(missing)}.")
        if not data.get("evidence"):
            raise ValidationError("A declaration needs evidence.", "evidence")


class StatementSchema(EventSchema):
    key = optional(fields.String())
    speaker = slug(required=True)
    speaker_description = optional(fields.String())
    via = optional(slug())
    kind = choice(StatementKind, required=True)
    text = fields.String(required=True, validate=validate.Length(min=1))
    proposal = optional(slug())
    topics = fields.List(choice(Topic), load_default=[])
    note = optional(fields.String())
    evidence = evidence()
    extraction = extraction()


class StatisticSchema(DatedSchema):
    date_field = "as_of"

    key = optional(fields.String())
    metric = choice(Metric, required=True)
    population = fields.String(required=True)
    value = fields.Float(required=True, validate=validate.Range(min=0))
    value_text = fields.String(required=True)
    qualifier = choice(Qualifier, required=True)
    unit = choice(Unit, required=True)
    as_of = optional(PartialDateField())
    period_start = optional(PartialDateField())
    claimed_by = optional(slug())
    location = optional(slug())
    evidence = evidence()
    extraction = extraction()


class NotAnnotatedSchema(Schema):
    """A number or quotation deliberately left out, and why (see ``seed.coverage``)."""

    text = fields.String(required=True)
    occurrence = optional(fields.Integer(strict=True, validate=validate.Range(min=1)))
    reason = fields.String(required=True, validate=validate.Length(min=3))


class ProvisionalActorSchema(Schema):
    """A speaker the rules found who is not in the gazetteer, kept for review."""

    id = slug(required=True)
    name = fields.String(required=True)
    kind = choice(ActorKind, required=True)
    extraction = extraction()


class ReviewSchema(Schema):
    """A correction of an automatic record, found by its evidence (the text it cites)."""

    action = choice(ReviewAction, required=True)
    type = fields.String(required=True, validate=validate.OneOf(
        ["meeting", "proposal", "statement", "statistic"]))
    evidence = fields.String(required=True, validate=validate.Length(min=1))
    occurrence = optional(fields.Integer(strict=True, validate=validate.Range(min=1)))
    set = fields.Dict(keys=fields.String(), load_default=dict)
    reason = fields.String(required=True, validate=validate.Length(min=3))

    @validates_schema
    def patch_sets_fields(self, data: dict, **kwargs) -> None:
        if data["action"] == ReviewAction.PATCH and not data["set"]:
            raise ValidationError("A patch needs the fields to set.", "set")
        if data["action"] == ReviewAction.REJECT and data["set"]:
            raise ValidationError("A rejection sets no fields.", "set")


class AnnotationSchema(Schema):
    source = fields.Nested(SourceMetaSchema, required=True)
    meetings = fields.List(fields.Nested(MeetingSchema), load_default=[])
    proposals = fields.List(fields.Nested(ProposalSchema), load_default=[])
    statements = fields.List(fields.Nested(StatementSchema), load_default=[])
    statistics = fields.List(fields.Nested(StatisticSchema), load_default=[])
    not_annotated = fields.List(fields.Nested(NotAnnotatedSchema), load_default=[])
    review = fields.List(fields.Nested(ReviewSchema), load_default=[])
    #: Set by the rules only: speakers not in the gazetteer.
    actors = fields.List(fields.Nested(ProvisionalActorSchema), load_default=[])
