"""Article text: sentence templates, the options of their slots, and search terms cached
per text fragment.

The templates' fragments never share a word (a slot never touches a letter, digit or
hyphen of the literal text around it), so ``search.terms`` of a sentence is the join
of its fragments' terms, and those are cached.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
import string
from collections.abc import Iterable

from api import search

WORDISH = re.compile(r"[\w\-\u2010\u2011]")


@functools.cache
def compound_terms(compound: str) -> str:
    """What ``search.terms`` makes of one word or hyphenated compound."""
    return search.terms(compound)


@functools.cache
def fragment_terms(fragment: str) -> str:
    """``search.terms(fragment)``: its compounds' terms, each stemmed once in all."""
    return " ".join([compound_terms(m.group()) for m in search.COMPOUND.finditer(fragment)])


def joined_terms(fragments: Iterable[str]) -> str:
    """``search.terms("".join(fragments))``, given word-safe fragment boundaries."""
    return " ".join([t for t in map(fragment_terms, fragments) if t])


class Template:
    """``"We want {ISSUE} now"``: literal fragments and slots filled from ``SLOTS``."""

    def __init__(self, pattern: str, topics: str = ""):
        self.parts: list[tuple[str, str | None]] = []
        for literal, name, _, _ in string.Formatter().parse(pattern):
            if literal:
                self.parts.append((literal, None))
            if name:
                self.parts.append(("", name))
        for (left, a), (right, b) in itertools.pairwise(self.parts):
            if a and b:
                raise ValueError(f"adjacent slots in {pattern!r}")
            if (b and WORDISH.match(left[-1])) or (a and WORDISH.match(right[0])):
                raise ValueError(f"a slot touches a word in {pattern!r}")
        self.topics = tuple(topics.split())

    def fill(self, rng: random.Random, pieces: list[str], topics: list[str]) -> None:
        topics.extend(self.topics)
        for literal, name in self.parts:
            if name is None:
                pieces.append(literal)
            else:
                option, option_topics = rng.choice(SLOTS[name])
                pieces.append(option)
                topics.extend(option_topics)


def _options(*entries: str) -> list[tuple[str, tuple[str, ...]]]:
    """``"text | topic topic"`` entries."""
    found = []
    for entry in entries:
        words, _, topics = entry.partition("|")
        found.append((words.strip(), tuple(topics.split())))
    return found


SLOTS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "ISSUE": _options(
        "a permanent ceasefire | ceasefire", "a lasting truce | ceasefire",
        "the release of all hostages | hostages", "the return of the hostages | hostages",
        "the release of Palestinian prisoners | prisoners",
        "the release of detainees held without charge | prisoners",
        "the full withdrawal of Israeli forces | withdrawal",
        "the withdrawal of troops from populated areas | withdrawal",
        "the return of displaced people to northern Gaza | displacement",
        "the return of displaced families to their homes | displacement",
        "the entry of humanitarian aid | humanitarian_aid",
        "the delivery of food, water and medicine | humanitarian_aid",
        "the reopening of the Rafah crossing | crossings",
        "control of the Philadelphi corridor | crossings withdrawal",
        "guarantees from the mediators | mediation", "a timetable for the talks | mediation",
        "a plan for the day after the war | post_war", "the reconstruction of Gaza | post_war",
        "who will govern Gaza after the war | post_war",
        "the protection of civilians | civilians", "an end to the killing of civilians | civilians",
        "an end to the offensive in Rafah | military_operations",
        "a halt to air strikes | military_operations",
        "a mechanism to monitor the truce | implementation",
        "the implementation of the first phase | implementation"),
    "DEAL": _options(
        "a ceasefire deal | ceasefire", "an agreement | mediation", "a truce | ceasefire",
        "a comprehensive deal | ceasefire hostages", "a hostage deal | hostages",
        "a 42-day truce | ceasefire", "a six-week pause in the fighting | ceasefire",
        "an exchange deal | hostages prisoners"),
    "PARTY": _options("Hamas | ", "Israel | ", "the Israeli government | ", "the movement | ",
                      "the Israeli side | ", "the Palestinian side | "),
    "MEDIATORS": _options("Egypt and Qatar | mediation", "the mediators | mediation",
                          "Washington | mediation", "the Egyptian and Qatari mediators | mediation",
                          "the United States, Egypt and Qatar | mediation",
                          "Cairo and Doha | mediation"),
    "CITY": _options("Cairo | ", "Doha | ", "Paris | ", "Sharm el-Sheikh | ", "Riyadh | ",
                     "Abu Dhabi | ", "Istanbul | ", "Amman | ", "Washington | ", "Rome | "),
    "WHEN": _options("in the coming days | ", "this week | ", "within hours | ",
                     "by the end of the month | ", "before Ramadan | ", "soon | ",
                     "as early as next week | "),
    "QUALITY": _options("constructive | mediation", "serious and positive | mediation",
                        "very difficult | mediation", "a step in the right direction | mediation",
                        "frankly disappointing | mediation", "a positive spirit | mediation",
                        "unacceptable | ", "a last chance | ceasefire",
                        "a catastrophe | civilians", "a red line | "),
    "PLACE": _options("Rafah | military_operations", "Khan Younis | military_operations",
                      "northern Gaza | displacement", "Gaza City | military_operations",
                      "Jabalia | military_operations", "the central camps | civilians",
                      "al-Mawasi | displacement", "Deir al-Balah | civilians"),
}

DIRECT = [Template(*t) for t in [
    ("We are ready to reach {DEAL} that ends the war and brings the hostages home",
     "ceasefire hostages"),
    ("There will be no agreement without {ISSUE}", "mediation"),
    ("The ball is now in the court of {PARTY}", "mediation"),
    ("We have made real progress in {CITY}, but gaps remain on {ISSUE}", "mediation"),
    ("Our priority is {ISSUE}", ""),
    ("The people of Gaza cannot wait any longer for {ISSUE}", "civilians"),
    ("We will not accept a deal that does not guarantee {ISSUE}", ""),
    ("I believe {DEAL} can be reached {WHEN}", "mediation"),
    ("The situation in {PLACE} is catastrophic", "civilians humanitarian_aid"),
    ("We call on {PARTY} to accept the proposal without delay", "mediation"),
    ("Every day without {DEAL} costs more lives", "civilians"),
    ("We are working day and night with {MEDIATORS} to close the remaining gaps",
     "mediation"),
    ("Any agreement must include {ISSUE} and {ISSUE}", ""),
    ("The military pressure on Hamas is what brings the hostages back", "hostages"),
    ("There is no military solution to this conflict", "ceasefire"),
    ("We will continue the operation in {PLACE} until our goals are achieved",
     "military_operations"),
    ("The talks in {CITY} were useful, and they will resume {WHEN}", "mediation"),
    ("Humanitarian aid must reach every part of Gaza, including {PLACE}", "humanitarian_aid"),
    ("We have given our answer to {MEDIATORS}", "mediation"),
    ("The proposal on the table is the best chance we have for {ISSUE}", ""),
]]
PARTIAL = [Template(*t) for t in [
    ("the talks in {CITY} had been \u201c{QUALITY}\u201d", "mediation"),
    ("the latest proposal was \u201c{QUALITY}\u201d", "mediation"),
    ("{PARTY} was approaching the negotiations with \u201ca positive spirit\u201d", "mediation"),
    ("the offensive in {PLACE} would be \u201c{QUALITY}\u201d", "military_operations"),
    ("there would be \u201cno deal\u201d without {ISSUE}", ""),
    ("an \u201cimplementation cell\u201d would be set up in {CITY}", "implementation"),
    ("the situation in {PLACE} was \u201cbeyond catastrophic\u201d",
     "civilians humanitarian_aid"),
    ("a deal was \u201cwithin reach\u201d {WHEN}", "ceasefire"),
]]
PARAPHRASE = [Template(*t) for t in [
    ("{PARTY} was studying the latest proposal", "mediation"),
    ("the mediators would meet again in {CITY} {WHEN}", "mediation"),
    ("{PARTY} had agreed in principle to {DEAL}", "mediation"),
    ("the main sticking point remained {ISSUE}", "mediation"),
    ("aid deliveries to {PLACE} had almost stopped", "humanitarian_aid"),
    ("any deal would have to include {ISSUE}", ""),
    ("the army would expand its operations in {PLACE}", "military_operations"),
    ("{MEDIATORS} had presented a new draft to both sides", "mediation"),
    ("the first phase would begin with {ISSUE}", "implementation"),
    ("thousands of families had fled {PLACE} in recent days", "displacement civilians"),
    ("a delegation would travel to {CITY} {WHEN}", "mediation"),
    ("{PARTY} had rejected the latest terms", "mediation"),
]]
FILLER = [
    "Talks have continued for months, with the mediators shuttling between the parties.",
    "The war began after the Hamas-led attack on southern Israel on 7 October 2023.",
    "Negotiations have repeatedly stalled over the sequencing of the deal.",
    "Aid agencies have warned of famine conditions in parts of the territory.",
    "Diplomats said the coming days would be decisive.",
    "Neither side has commented publicly on the details of the draft.",
]
TITLES = [Template(t) for t in [
    "Gaza ceasefire talks resume in {CITY}",
    "Mediators press {PARTY} to accept truce proposal",
    "Hamas and Israel weigh new hostage deal",
    "Delegations head to {CITY} for new round of Gaza talks",
    "What we know about the latest Gaza ceasefire proposal",
    "Gaza truce talks stall over {ISSUE}",
    "Hopes rise for a deal as talks in {CITY} continue",
    "Fighting rages in {PLACE} as negotiators meet",
]]
