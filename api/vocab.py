"""Controlled vocabularies: every enumerated field, each value with what it means.

One definition serves the database (values are stored as plain strings, so adding
a value needs no migration), input validation, the OpenAPI enums and the
``/v1/vocabularies`` endpoint.
"""

from __future__ import annotations

from enum import StrEnum


class Vocabulary(StrEnum):
    """A string enum whose members carry a one-line description.

    Declare members as ``NAME = "value", "What the value means."``.
    """

    description: str

    def __new__(cls, value: str, description: str) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]

    @classmethod
    def describe(cls) -> dict[str, str]:
        return {member.value: member.description for member in cls}


class DatePrecision(Vocabulary):
    DAY = "day", "The date is known to the day."
    MONTH = "month", "Only the month is known; the day is stored as the 1st."
    YEAR = "year", "Only the year is known; the date is stored as 1 January."


class DateBasis(Vocabulary):
    STATED = "stated", "The article gives the date."
    RELATIVE = "relative", (
        "Resolved against the article's stated date: from words such as 'on Saturday' or "
        "'earlier Thursday', or from the present tense (a figure as of the article's date)."
    )
    INFERRED = "inferred", "Reasoned from other facts; date_note says how."


class ActorKind(Vocabulary):
    PERSON = "person", "A named individual."
    STATE = "state", "A country, standing for its government."
    GOVERNMENT_BODY = "government_body", (
        "An office, ministry, cabinet, agency or armed force of a state."
    )
    INTERNATIONAL_ORGANIZATION = "international_organization", (
        "An intergovernmental body or international court (UN, EU, ICJ)."
    )
    ARMED_GROUP = "armed_group", "A non-state movement with an armed wing (Hamas, Hezbollah)."
    POLITICAL_PARTY = "political_party", "A political party or movement without an armed wing."
    MEDIA_OUTLET = "media_outlet", "A newspaper, broadcaster, news site or wire agency."


class LocationKind(Vocabulary):
    COUNTRY = "country", "A sovereign state's territory."
    TERRITORY = "territory", "A territory or region that is not a country (the Gaza Strip)."
    CITY = "city", "A city or town."
    CROSSING = "crossing", "A border crossing."
    BUILDING = "building", "A building or compound."


class MeetingMode(Vocabulary):
    IN_PERSON = "in_person", "The participants met face to face."
    PHONE_CALL = "phone_call", "A telephone call."
    VIDEO_CALL = "video_call", "A video conference."
    INDIRECT_TALKS = "indirect_talks", "The parties negotiated through mediators, not face to face."
    VISIT = "visit", "A visit to a place, with whom it was not stated."


class MeetingStatus(Vocabulary):
    HELD = "held", "It took place, or was under way when reported."
    SCHEDULED = "scheduled", "Announced or planned; not yet held when reported."
    CANCELLED = "cancelled", "Planned, then called off."


class ParticipantRole(Vocabulary):
    HOST = "host", "Received the others."
    MEDIATOR = "mediator", "Mediated between other participants."
    DELEGATION = "delegation", "Sent a delegation to negotiate."
    PARTY = "party", "Took part in its own name."
    VISITOR = "visitor", "Travelled to the place of the meeting or visit."


class ProposalStage(Vocabulary):
    FLOATED = "floated", "Ideas put forward informally, without a text."
    TABLED = "tabled", "A proposal presented to the parties."
    AGREED_IN_PRINCIPLE = "agreed_in_principle", "The parties accepted it in principle."
    AGREED = "agreed", "The parties agreed to it."
    IN_FORCE = "in_force", "Being implemented."


class ProposalStatus(Vocabulary):
    OPEN = "open", "Under negotiation, or awaiting a party's answer."
    ACCEPTED = "accepted", "Accepted by all its parties."
    REJECTED = "rejected", "Rejected by a party it needs."
    SUPERSEDED = "superseded", "Replaced by a later proposal."
    WITHDRAWN = "withdrawn", "Withdrawn by its proposer."


class PartyRole(Vocabulary):
    PROPOSER = "proposer", "Put the proposal forward."
    MEDIATOR = "mediator", "Carries it between the parties."
    GUARANTOR = "guarantor", "Would guarantee its implementation."
    PARTY = "party", "Would be bound by it."


class TermKind(Vocabulary):
    TRUCE_DURATION = "truce_duration", "How long a truce or pause would last."
    PHASES = "phases", "How many phases or stages the deal has."
    PHASE_DURATION = "phase_duration", "How long each phase lasts."
    PERMANENT_CEASEFIRE = "permanent_ceasefire", "An end to the war, not a pause."
    HOSTAGE_RELEASE = "hostage_release", "Release of hostages or captives."
    PRISONER_RELEASE = "prisoner_release", "Release of prisoners."
    WITHDRAWAL = "withdrawal", "Withdrawal, or continued presence, of armed forces."
    RETURN_OF_DISPLACED = "return_of_displaced", "Return of displaced people to their homes."
    AID = "aid", "Entry or delivery of humanitarian aid."
    CROSSING = "crossing", "Opening or control of a border crossing."
    MONITORING = "monitoring", "A body or mechanism to oversee implementation."
    OTHER = "other", "Any other term; the text says what."


class Stance(Vocabulary):
    ACCEPTED = "accepted", "Agreed to it."
    ACCEPTED_IN_PRINCIPLE = "accepted_in_principle", "Agreed in principle, details open."
    REJECTED = "rejected", "Turned it down."
    SEEKING_AMENDMENTS = "seeking_amendments", "Asked for changes to it."
    SEEKING_CLARIFICATIONS = "seeking_clarifications", "Asked for clarifications of it."
    REVIEWING = "reviewing", "Studying it; a response is pending."
    NONCOMMITTAL = "noncommittal", "Has not said whether it accepts it in its current form."
    SKEPTICAL = "skeptical", "Voiced doubts about it without rejecting it."
    SUPPORTIVE = "supportive", "Backs it, as a third party or mediator."


class ExtractionMethod(Vocabulary):
    CURATED = "curated", "Written or checked by a person, in the seed annotations."
    RULE = "rule", "Found by an extraction rule; extraction_rule names it."


class ReviewAction(Vocabulary):
    REJECT = "reject", "Drop the automatic record: it is wrong."
    PATCH = "patch", "Correct fields of the automatic record."


class StatementKind(Vocabulary):
    DIRECT_QUOTE = "direct_quote", (
        "The speaker's own words in quote marks; text holds them without the marks "
        "(and without the comma that joins them to 'he said')."
    )
    PARTIAL_QUOTE = "partial_quote", (
        "Reported speech that quotes some of the speaker's words; text is the reported "
        "clause as printed, quote marks included."
    )
    PARAPHRASE = "paraphrase", (
        "Reported speech with no quoted words; text is the reported clause as printed."
    )


class Topic(Vocabulary):
    CEASEFIRE = "ceasefire", "A truce, pause or end to the fighting."
    HOSTAGES = "hostages", "Hostages or captives held in Gaza."
    PRISONERS = "prisoners", "Palestinian prisoners or detainees."
    HUMANITARIAN_AID = "humanitarian_aid", "Aid, food, water, medicine."
    WITHDRAWAL = "withdrawal", "Withdrawal or presence of troops."
    CROSSINGS = "crossings", "Border crossings such as Rafah."
    MILITARY_OPERATIONS = "military_operations", "Offensives, operations, strikes."
    MEDIATION = "mediation", "The negotiation process and mediators' efforts."
    IMPLEMENTATION = "implementation", "Carrying out or monitoring an agreement."
    POST_WAR = "post_war", "Governance and arrangements for the day after the war."
    DISPLACEMENT = "displacement", "Displaced people and their protection or return."
    CIVILIANS = "civilians", "Civilian suffering and casualties."


class Metric(Vocabulary):
    KILLED = "killed", "People killed."
    WOUNDED = "wounded", "People wounded or injured."
    HOSTAGES_HELD = "hostages_held", "People held hostage or captive."
    PRISONERS_HELD = "prisoners_held", "People held in prisons or detention."
    DISPLACED = "displaced", "People displaced from their homes."
    SHELTERING = "sheltering", "People sheltering or having sought refuge in a place."
    MISSING = "missing", "People missing."
    RELEASED = "released", "People released from captivity or prison."


class Qualifier(Vocabulary):
    EXACT = "exact", "The number as printed, with no qualifier."
    AT_LEAST = "at_least", "'at least': a floor."
    OVER = "over", "'over', 'more than': strictly above."
    ABOUT = "about", "'about', 'around', 'approximately', 'some'."
    NEARLY = "nearly", "'nearly', 'almost': just below."
    UP_TO = "up_to", "'up to': a ceiling."


class Unit(Vocabulary):
    PEOPLE = "people", "A count of people."
    PERCENT = "percent", "A share of the population, in percent."


class DurationUnit(Vocabulary):
    DAYS = "days", "Days."
    WEEKS = "weeks", "Weeks."
    MONTHS = "months", "Months."
    PHASES = "phases", "Phases or stages."
    PEOPLE = "people", "A count of people."


VOCABULARIES: dict[str, type[Vocabulary]] = {
    "date_precision": DatePrecision,
    "date_basis": DateBasis,
    "actor_kind": ActorKind,
    "location_kind": LocationKind,
    "meeting_mode": MeetingMode,
    "meeting_status": MeetingStatus,
    "participant_role": ParticipantRole,
    "proposal_stage": ProposalStage,
    "proposal_status": ProposalStatus,
    "party_role": PartyRole,
    "term_kind": TermKind,
    "term_unit": DurationUnit,
    "stance": Stance,
    "statement_kind": StatementKind,
    "topic": Topic,
    "metric": Metric,
    "qualifier": Qualifier,
    "unit": Unit,
    "extraction_method": ExtractionMethod,
}
