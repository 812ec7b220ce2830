"""People the gazetteer lacks, found where an article introduces them by their title.

"Egyptian President Abdel Fattah el-Sisi", "the Egyptian president, Abdel Fattah
el-Sisi", "his Algerian counterpart Abdelmadjid Tebboune", "Mossad chief David Barnea":
a name of two or more capitalized words right after a title is a person. Each becomes a
provisional actor flagged for review (never a guess at a known one), and the mention
covers the title too, so the state in it ("Egyptian") is the person's description, not
a participant or a speaker of its own. Later, the surname alone refers back to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Mention
from .text import ABBREVIATIONS, Document, fold_text

#: Words that name an office or a role; the last one before a name is its title.
TITLE_WORDS = frozenset("""
    president premier minister secretary emir king prince sheikh sheikha director chief head
    leader spokesman spokeswoman spokesperson official envoy ambassador negotiator adviser
    advisor counterpart commander general chairman mediator coordinator mayor governor
    mr mrs ms dr
""".split())  # noqa: SIM905 - a word list reads better than a list literal
#: Words that may stand in a title before its last word: "deputy foreign minister".
TITLE_MODIFIERS = frozenset("""
    senior top deputy former acting foreign defence defense war cabinet political bureau
    intelligence security national vice crown prime interim supreme special chief army
    military state de facto
""".split())  # noqa: SIM905
DETERMINERS = frozenset({"the", "his", "her", "its", "their"})
#: Capitalized words that are never a person's name.
NOT_NAME = frozenset("""
    the a an and in on at of for to by with but however meanwhile earlier later then
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december ministry department office
    council committee cabinet authority agency army forces government house court union
    state states strip crossing news radio times post
""".split())  # noqa: SIM905
#: A word of a name: "Abdel", "el-Sisi", "Al", or a joining particle ("bin", "abu").
_NAME_WORD = r"(?:[A-Z][\w’'-]*|(?:al|el)-[A-Z][\w’'-]*|bin|ibn|bint|abu|de|van|von|der|la|al|el)"
#: A title's last word, where the search for a name starts (most sentences have none).
#: Matched on the folded text (lowercase, one character per character) to be quick.
TITLE = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in TITLE_WORDS})) + "])(?:"
                   + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + r")\b\.?(?!['\w])")
#: The name right after a title, or after its apposition's comma.
NAME_AFTER = re.compile(rf",?[ ]+(?P<name>(?:[A-Z][\w’'-]*|(?:al|el)-[A-Z][\w’'-]*)"
                        rf"(?:[ ]+{_NAME_WORD})+)(?![\w’'-])")
PARTICLES = frozenset({"bin", "ibn", "bint", "abu", "de", "van", "von", "der", "la", "al", "el"})


@dataclass
class Provisional:
    """The actors the rules made up for this article, shared by every rule."""

    actors: list[dict] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    #: What the article calls them ("Egyptian President") and whom that ties them to
    titles: dict[str, str] = field(default_factory=dict)
    affiliations: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, kind: str, rule: str, title: str | None = None,
            affiliation: str | None = None) -> str:
        actor_id = slugify(name)
        if actor_id not in self.kinds:
            self.kinds[actor_id] = kind
            if title:
                self.titles[actor_id] = title
            if affiliation:
                self.affiliations[actor_id] = affiliation
            self.actors.append({"id": actor_id, "name": name, "kind": kind, "extraction": {
                "method": "rule", "rule": rule, "confidence": 0.5}})
        return actor_id


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_text(name)).strip("-")


def titled_people(doc: Document, known: list[Mention], provisional: Provisional
                  ) -> list[Mention]:
    """Mentions of the people named after a title that no known name covers, and of
    their surnames later on; ``known`` mentions inside a title give way to them."""
    body = doc.body
    taken = [(m.start, m.end) for m in known]
    found: list[Mention] = []
    surnames: dict[str, tuple[str, int]] = {}
    # Title Case capitalizes every word of a headline: no telling a name from a verb
    first = doc.paragraphs[0] if doc.paragraphs else None
    start = first.end if first and doc.is_headline(first) else 0
    for title in TITLE.finditer(doc.folded, start):
        person = _person(body, title)
        if person is None:
            continue
        title_start, name_start, name_end = person
        if _overlaps(taken, name_start, name_end):
            continue  # a known person, or a place ("Rafah Crossing")
        name = _without_honorific(body[name_start:name_end])
        title = re.sub(r"^(?:the|his|her|its|their)\s+|[\s,]+$", "",
                       body[title_start:name_start], flags=re.IGNORECASE)
        tied = next((m.actor for m in known if title_start <= m.start and m.end <= name_start
                     and m.actor), None)
        actor = provisional.add(name, "person", "actor.provisional_titled", title, tied)
        found.append(Mention(title_start, name_end, actor, via="name"))
        surname = _surname(name)
        if surname:
            surnames.setdefault(surname, (actor, name_end))
    for surname, (actor, after) in surnames.items():
        bare = re.sub(r"^(?:al|el)-", "", surname)
        pattern = re.compile(rf"(?<![\w’'-])(?:{re.escape(surname)}|{re.escape(bare)})(?![\w-])")
        for match in pattern.finditer(body, after):
            found.append(Mention(match.start(), match.end(), actor, via="surname"))
    kept = [m for m in found if m.via == "name" or not _overlaps(taken, m.start, m.end)]
    spans = [(m.start, m.end) for m in kept if m.via == "name"]
    # a known mention inside a title ("Egyptian" in "Egyptian President X") gives way
    return sorted([m for m in known if not _inside(spans, m.start, m.end)] + kept,
                  key=lambda m: m.start)


def _person(body: str, title: re.Match) -> tuple[int, int, int] | None:
    """(title start, name start, name end) when a name follows the title word."""
    after = NAME_AFTER.match(body, title.end())
    if after is None:
        return None
    names = after.group("name").split()
    if not 2 <= len(names) <= 6 or any(
            n.lower() in NOT_NAME or n.lower() in TITLE_WORDS or n.isupper() for n in names):
        return None  # "President Joe" of "Vice President Joe …" is tried from "Vice"
    if names[-1].lower() in PARTICLES or names[0].lower() in PARTICLES:
        return None
    return _title_start(body, title.start()), after.start("name"), after.end("name")


def _title_start(body: str, title_word: int) -> int:
    """Walk back from a title's last word over what may stand in a title: modifiers,
    capitalized names (a state, a body: "Mossad chief"), a possessive, a determiner."""
    start = title_word
    while prior := _word_before(body, start):
        word, word_start, comma = prior
        if word.endswith(".") and word.lower().rstrip(".") not in ABBREVIATIONS:
            return start  # the sentence before
        bare = re.sub(r"['’]s?$", "", word)
        lowered = bare.lower()
        if lowered in DETERMINERS:
            return word_start
        if comma and lowered not in TITLE_WORDS:
            return start  # only a title may come before the apposition's comma
        if not (lowered in TITLE_WORDS or lowered in TITLE_MODIFIERS or (
                bare[:1].isupper() and lowered not in NOT_NAME)):
            return start
        start = word_start
    return start


_TAIL_WORD = re.compile(r"[\w’'.-]+$")


def _word_before(body: str, at: int) -> tuple[str, int, bool] | None:
    """The word before the spaces before ``at``, where it starts, and whether a comma
    follows it; None if no space, or no word, comes before ``at``."""
    floor = max(0, at - 40)
    chunk = body[floor:at].rstrip()
    if floor + len(chunk) == at or not chunk:
        return None
    comma = chunk.endswith(",")
    word = _TAIL_WORD.search(chunk[:-1] if comma else chunk)
    if word is None:
        return None
    return word.group(0), floor + word.start(), comma


def _without_honorific(name: str) -> str:
    return re.sub(r"^(?:Sheikh|Sheikha|Prince|Princess|Emir)\s+", "", name)


def _surname(name: str) -> str:
    words = name.split()
    surname = [words[-1]]
    for word in reversed(words[:-1]):
        if word.lower() not in PARTICLES:
            break
        surname.insert(0, word)
    return " ".join(surname) if len(surname[-1]) > 2 else ""


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)
