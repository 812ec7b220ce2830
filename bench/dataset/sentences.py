"""The sentences an article reports: statements, statistics, meetings, proposal terms
and positions. Each is ``(kind, pieces, marks, payload)``: the sentence as text
fragments, the ``(first piece, end piece)`` ranges of its marked parts, and what the
rows need; ``Generator`` places them in a body and emits the rows."""

from __future__ import annotations

import bisect
import datetime as dt
import math
import random
from typing import Any

from .model import Actor, Proposal, capitalized, indefinite, iso, pick
from .tables import CURATED
from .text import DIRECT, PARAPHRASE, PARTIAL, SLOTS
from .vocabulary import (
    COMMON_NOUNS,
    MEDIATOR_STATES,
    MEETING_CITIES,
    METRIC_VERBS,
    QUALIFIER_WORDS,
    SMALL_NUMBERS,
    STANCE_PHRASES,
    TERMS,
    WEEKDAYS,
)

Sentence = tuple[str, list[str], list[tuple[int, int]], dict[str, Any]]


def _interpolate(knots: list[tuple[int, float]], ordinal: int) -> float:
    """The series' figure on day ``ordinal``: linear between knots, flat outside them."""
    at = bisect.bisect(knots, (ordinal, math.inf))
    if at == 0:
        return knots[0][1]
    if at == len(knots):
        return knots[-1][1]
    (d0, v0), (d1, v1) = knots[at - 1], knots[at]
    return v0 + (v1 - v0) * (ordinal - d0) / (d1 - d0)


def _figure(rng: random.Random, base: float, unit: str) -> tuple[int, str, str]:
    """(value, value as written, qualifier) of a reported figure near ``base``."""
    if unit == "percent":
        value = max(1, min(100, round(base + rng.gauss(0, 1.5))))
        value_text = f"{value}%" if rng.random() < 0.6 else f"{value} percent"
        qualifier = rng.choices(["exact", "about", "nearly", "over"], [5, 3, 1, 1])[0]
        return value, value_text, qualifier
    value = max(0, round(base * (1 + rng.gauss(0, 0.015))))
    if value >= 1_000_000:
        value = round(value / 100_000) * 100_000
        value_text = f"{value / 1_000_000:.1f} million"
        qualifier = rng.choices(["about", "over", "nearly", "exact"], [5, 2, 2, 1])[0]
    elif value >= 10_000 and rng.random() < 0.4:
        value = round(value / 100) * 100
        value_text = f"{value:,}"
        qualifier = rng.choices(["about", "over", "nearly", "at_least"], [4, 3, 2, 2])[0]
    elif value <= 10:
        value_text = SMALL_NUMBERS[value]
        qualifier = "exact"
    else:
        value_text = f"{value:,}"
        qualifier = rng.choices(["exact", "at_least", "over", "about", "up_to"],
                                [6, 5, 1, 1, 1])[0]
    return value, value_text, qualifier


class SentencesMixin:
    """Part of ``Generator``: who speaks, and what each kind of sentence says."""

    rng: random.Random
    by_id: dict[str, Actor]
    speakers: list[Actor]
    speaker_weights: list[float]
    people: list[Actor]
    people_weights: list[float]
    outlets: list[Actor]
    outlet_weights: list[float]
    proposals: list[Proposal]
    launch_days: list[dt.date]
    series: list[tuple]
    series_weights: list[float]
    location_names: dict[str, str]

    def _extraction(self, rule: str, share: float = 0.25) -> tuple:
        """(method, rule, confidence): a ``share`` of rows come from an extraction rule."""
        rng = self.rng
        if rng.random() < share:
            return ("rule", rule, round(rng.uniform(0.55, 0.95), 2))
        return CURATED

    def _speaker(self) -> Actor:
        return pick(self.rng, self.speakers, self.speaker_weights)

    def _person(self) -> Actor:
        return pick(self.rng, self.people, self.people_weights)

    def _outlet(self) -> Actor:
        return pick(self.rng, self.outlets, self.outlet_weights)

    def _active_proposal(self, day: dt.date) -> Proposal | None:
        """One of the few proposals launched most recently before ``day``."""
        launched = bisect.bisect_right(self.launch_days, day)
        if launched == 0:
            return None
        back = min(launched, 1 + int(self.rng.expovariate(1.0)))
        return self.proposals[launched - back]

    def _event_date(self, day: dt.date, undated: float = 0.2) -> tuple:
        """(date, precision, basis, note) of an event an article of ``day`` reports."""
        rng = self.rng
        roll = rng.random()
        if roll < undated:
            return (None, None, None, None)
        if roll < undated + 0.55:
            return (iso(day), "day", "relative", None)
        if roll < undated + 0.7:
            return (iso(day - dt.timedelta(1)), "day", "relative", None)
        if roll < undated + 0.75:
            when = day - dt.timedelta(rng.randint(2, 6))
            return (iso(when), "day", "inferred",
                    f"Reported as earlier in the week of {iso(day)}.")
        return (iso(day), "day", "stated", None)

    def _statement(self, day: dt.date, active: Proposal | None) -> Sentence:
        rng = self.rng
        speaker = self._speaker()
        description = None
        reference = speaker.reference
        if speaker.kind != "person" and rng.random() < 0.25:
            adjective = speaker.demonym or speaker.name
            description = rng.choice([f"A senior {adjective} official",
                                      indefinite(f"{adjective} official"),
                                      indefinite(f"{adjective} source familiar with the talks")])
            reference = description
        via = self._outlet() if rng.random() < 0.15 else None
        told = f" told {via.name}" if via else " said"
        topics: list[str] = []
        text: list[str] = []
        roll = rng.random()
        if roll < 0.45:
            kind = "direct_quote"
            rng.choice(DIRECT).fill(rng, text, topics)
            if rng.random() < 0.5:
                pieces = ["\u201c", *text, ",\u201d ", reference, told, "."]
                mark = (1, 1 + len(text))
            else:
                pieces = [reference, told, ": \u201c", *text, ".\u201d"]
                mark = (3, 3 + len(text))
        else:
            kind = "partial_quote" if roll < 0.65 else "paraphrase"
            rng.choice(PARTIAL if kind == "partial_quote" else PARAPHRASE).fill(rng, text, topics)
            when = rng.choice([" that ", " on " + WEEKDAYS[day.weekday()] + " that ", " "])
            pieces = [reference, told, when, *text, "."]
            mark = (3, 3 + len(text))
        topics = list(dict.fromkeys(topics))[:3] or ["mediation"]
        proposal = None
        if active is not None and {"ceasefire", "hostages", "mediation"} & set(topics) \
                and rng.random() < 0.3:
            proposal = active.id
        return ("statement", pieces, [mark], {
            "speaker": speaker, "description": description, "via": via.id if via else None,
            "kind": kind, "topics": topics, "proposal": proposal,
            "date": self._event_date(day), "extraction": self._extraction(
                f"statement.{kind}.{'named' if description is None else 'description'}")})

    def _statistic(self, day: dt.date) -> Sentence:
        rng = self.rng
        metric, population, place, unit, since, claimants, weights, knots = pick(
            rng, self.series, self.series_weights)
        as_of = day if rng.random() < 0.85 else day - dt.timedelta(rng.randint(1, 3))
        value, value_text, qualifier = _figure(rng, _interpolate(knots, as_of.toordinal()),
                                               unit)
        words = rng.choice(QUALIFIER_WORDS[qualifier])
        claimed_by = rng.choices(claimants, weights)[0]
        claimant = self.by_id[claimed_by] if claimed_by else None
        period = " since 7 October 2023" if since else ""
        if population.split()[0] in COMMON_NOUNS:
            population_text = population[:1].lower() + population[1:]
        else:
            population_text = population
        counted = ["of the ", population_text] if unit == "percent" else [population_text]
        tail = [*counted, " ", METRIC_VERBS[metric], period]
        if claimant and rng.random() < 0.5:
            pieces = [claimant.reference, " said ", words, value_text, " ", *tail, "."]
        else:
            claim = (f", according to {claimant.mention}" if claimant
                     else ", local officials said")
            if words:
                pieces = [capitalized(words), value_text, " ", *tail, claim, "."]
            else:
                pieces = [capitalized(value_text), " ", *tail, claim, "."]
        basis = "relative" if as_of == day else "inferred"
        note = None if as_of == day else f"The figure as reported on {iso(day)}."
        return ("statistic", pieces, [], {
            "row": (metric, population, float(value), value_text, qualifier, unit, iso(as_of),
                    "2023-10-07" if since else None, claimed_by, place, "day", basis, note),
            "value_text": value_text, "extraction": self._extraction(f"statistic.{metric}")})

    def _meeting(self, day: dt.date) -> Sentence:
        rng = self.rng
        first = self._person()
        second = self._person()
        while second.affiliation == first.affiliation or second is first:
            second = self._speaker()
        city = rng.choice(MEETING_CITIES)
        city_name = self.location_names[city]
        issue = rng.choice(SLOTS["ISSUE"])[0]
        roll = rng.random()
        when = day - dt.timedelta(rng.choice([0, 0, 1, 2]))
        weekday = WEEKDAYS[when.weekday()]
        if roll < 0.5:
            pieces = [first.reference, " met ", second.mention, " in ", city_name, " on ",
                      weekday, " to discuss ", issue, "."]
            mode, status, location = "in_person", "held", city
            roles = [(first.id, "visitor"), (second.id, "host")]
        elif roll < 0.7:
            pieces = [first.reference, " spoke by phone with ", second.mention, " on ",
                      weekday, " about ", issue, "."]
            mode, status, location = "phone_call", "held", None
            roles = [(first.id, "party"), (second.id, "party")]
        elif roll < 0.85:
            mediators = rng.sample(MEDIATOR_STATES, 2)
            side = rng.choice(["hamas", "israel"])
            pieces = [indefinite(self.by_id[side].demonym or self.by_id[side].name),
                      " delegation held indirect talks in ", city_name, " with mediators from ",
                      self.by_id[mediators[0]].mention, " and ", self.by_id[mediators[1]].mention,
                      " on ", weekday, "."]
            mode, status, location = "indirect_talks", "held", city
            roles = [(side, "delegation"), (mediators[0], "mediator"), (mediators[1], "mediator")]
        elif roll < 0.95:
            when = day + dt.timedelta(rng.randint(2, 9))
            pieces = [first.reference, " is expected to travel to ", city_name,
                      " next week for talks with ", second.mention, "."]
            mode, status, location = "visit", "scheduled", city
            roles = [(first.id, "visitor"), (second.id, "host")]
        else:
            pieces = ["A planned meeting between ", first.mention, " and ", second.mention,
                      " in ", city_name, " was called off."]
            mode, status, location = "in_person", "cancelled", city
            roles = [(first.id, "party"), (second.id, "party")]
            when = day
        basis = "relative" if status == "held" else "inferred"
        note = None if basis == "relative" else "Planned for the week after the report."
        return ("meeting", pieces, [], {
            "row": (location, mode, status, None, iso(when), "day", basis, note),
            "roles": roles, "extraction": self._extraction(f"meeting.{mode}", 0.3)})

    def _mention(self, proposal: Proposal) -> Sentence:
        rng = self.rng
        terms = rng.sample(TERMS, rng.randint(1, 3))
        pieces = [capitalized(proposal.mention), " would provide for ", terms[0][0]]
        marks = [(2, 3)]
        for n, term in enumerate(terms[1:], start=1):
            pieces += [" and " if n == len(terms) - 1 else ", ", term[0]]
            marks.append((len(pieces) - 1, len(pieces)))
        pieces.append(".")
        return ("mention", pieces, marks, {"proposal": proposal, "terms": terms})

    def _position(self, day: dt.date, proposal: Proposal) -> Sentence:
        rng = self.rng
        actor = self.by_id[rng.choice(["israel", "hamas", "hamas", "israel", "egypt", "qatar",
                                       "united-states", "benjamin-netanyahu", "khalil-al-hayya",
                                       "palestinian-authority"])]
        stance = rng.choice(list(STANCE_PHRASES))
        pieces = [actor.reference, " ", STANCE_PHRASES[stance], " ", proposal.mention, "."]
        return ("position", pieces, [], {"proposal": proposal, "actor": actor.id,
                                         "stance": stance, "date": self._event_date(day, 0.0)})
