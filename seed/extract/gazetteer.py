"""Find the gazetteers' actors and places in a text.

Names and aliases match whatever their case and accents, as whole words, the
longest name first. Short all-capital aliases ("US", "UN") match only as printed,
so the pronoun "us" is not the United States. A person named once in full is then
found by surname alone (or, in the Arab style, by honorific and first name: "Sheikh
Mohammed"), and by their title ("the Egyptian Foreign Minister") only
after they have been named, because a title changes hands and a name does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .text import Document, Segment, fold_text

PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "van", "von", "der", "la"})
HONORIFICS = ("sheikh", "sheikha", "prince", "princess", "emir")


@dataclass(frozen=True)
class Mention(Segment):
    actor: str | None = None
    location: str | None = None
    #: "name" (a name or alias), "surname", "title" or "demonym" ("Egyptian").
    via: str = "name"


@dataclass(frozen=True)
class ActorInfo:
    id: str
    name: str
    kind: str
    affiliation: str | None
    title: str | None


@dataclass
class Gazetteer:
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    _names: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    _exact: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    _demonyms: dict[str, str] = field(default_factory=dict)
    _titles: dict[str, list[str]] = field(default_factory=dict)
    _pattern: re.Pattern | None = None
    _exact_pattern: re.Pattern | None = None
    _surname_patterns: dict[str, re.Pattern] = field(default_factory=dict)
    #: A person's office: "Netanyahu's office" is the body titled "Office of the Israeli
    #: Prime Minister" when he is titled "Israeli Prime Minister".
    _offices: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, actors: Iterable[dict], locations: Iterable[dict]) -> Gazetteer:
        gazetteer = cls()
        for actor in actors:
            gazetteer.actors[actor["id"]] = ActorInfo(
                actor["id"], actor["name"], actor["kind"], actor.get("affiliation"),
                actor.get("title"))
            for name in [actor["name"], *actor.get("aliases", [])]:
                gazetteer._add(name, actor=actor["id"])
            for metonym in actor.get("metonyms", []):
                gazetteer._add(metonym, actor=actor["id"])
            for demonym in actor.get("demonyms", []):
                gazetteer._demonyms[fold_text(demonym)] = actor["id"]
            if actor.get("title") and actor["kind"] == "person":
                gazetteer._titles.setdefault(fold_text(actor["title"]), []).append(actor["id"])
        for place in locations:
            for name in [place["name"], *place.get("aliases", [])]:
                gazetteer._add(name, location=place["id"])
        offices = {fold_text(a.title): a.id for a in gazetteer.actors.values()
                   if a.kind == "government_body" and a.title
                   and fold_text(a.title).startswith("office of ")}
        for info in gazetteer.actors.values():
            if info.kind == "person" and info.title:
                title = fold_text(info.title)
                office = offices.get(f"office of the {title}") or offices.get(f"office of {title}")
                if office:
                    gazetteer._offices[info.id] = office
        gazetteer._compile()
        return gazetteer

    def _add(self, name: str, actor: str | None = None, location: str | None = None) -> None:
        table = self._exact if _is_acronym(name) else self._names
        key = name if _is_acronym(name) else fold_text(name)
        old_actor, old_location = table.get(key, (None, None))
        table[key] = (actor or old_actor, location or old_location)

    def _compile(self) -> None:
        folded = sorted([*self._names, *self._demonyms, *self._titles], key=len, reverse=True)
        self._pattern = _alternation(folded)
        self._exact_pattern = _alternation(sorted(self._exact, key=len, reverse=True))

    def is_person(self, actor_id: str | None) -> bool:
        return actor_id is not None and actor_id in self.actors and (
            self.actors[actor_id].kind == "person")

    def kind(self, actor_id: str | None) -> str | None:
        info = self.actors.get(actor_id or "")
        return info.kind if info else None

    def mentions(self, doc: Document) -> list[Mention]:
        found: list[Mention] = []
        for match in self._pattern.finditer(doc.folded):
            key = match.group(0)
            if key in self._names:
                actor, location = self._names[key]
                found.append(Mention(match.start(), match.end(), actor, location))
            elif key in self._demonyms:
                found.append(Mention(match.start(), match.end(), self._demonyms[key],
                                     via="demonym"))
            else:
                found += [Mention(match.start(), match.end(), holder, via="title")
                          for holder in self._titles[key]]
        for match in self._exact_pattern.finditer(doc.body):
            actor, location = self._exact[match.group(0)]
            found.append(Mention(match.start(), match.end(), actor, location))
        found = _longest_first(self._resolve_titles(sorted(found, key=lambda m: m.start)))
        found = _longest_first(found + self._surnames(doc, found))
        return _longest_first(found + self._offices_of(doc, found))

    def _offices_of(self, doc: Document, found: list[Mention]) -> list[Mention]:
        """"Netanyahu's office", "the president's office": the person's office."""
        extra = []
        for mention in found:
            office = self._offices.get(mention.actor or "")
            if office and (tail := _OFFICE.match(doc.folded, mention.end)):
                extra.append(Mention(mention.start, tail.end(), office))
        return extra

    def _resolve_titles(self, found: list[Mention]) -> list[Mention]:
        """A title names the holder named most recently, and nobody right before a name."""
        named: dict[str, int] = {}
        kept: list[Mention] = []
        for index, mention in enumerate(found):
            if mention.via != "title":
                if mention.actor:
                    named[mention.actor] = index
                kept.append(mention)
                continue
            following = next((m for m in found[index + 1:] if m.start >= mention.end), None)
            if following and following.start - mention.end <= 2:
                continue
            holders = [m for m in found if m.start == mention.start and m.via == "title"
                       and m.actor in named]
            if holders and mention is max(holders, key=lambda m: named[m.actor]):
                kept.append(mention)
        return kept

    def _surnames(self, doc: Document, found: list[Mention]) -> list[Mention]:
        first_seen: dict[str, int] = {}
        for mention in found:
            if mention.via == "name" and self.is_person(mention.actor):
                first_seen.setdefault(mention.actor, mention.end)
        extra: list[Mention] = []
        for actor_id, after in first_seen.items():
            for match in self._surname_pattern(actor_id).finditer(doc.folded, after):
                if _NAME_GOES_ON.match(doc.folded, match.end()):
                    continue  # "Crown Prince Mohammed bin Salman" is another Mohammed
                extra.append(Mention(match.start(), match.end(), actor_id, via="surname"))
        return extra

    def _surname_pattern(self, actor_id: str) -> re.Pattern:
        pattern = self._surname_patterns.get(actor_id)
        if pattern is None:
            surname = _surname(self.actors[actor_id].name)
            names = {surname, *(_surname(n) for n in self._aliases_of(actor_id))}
            # Gulf and Arab styles name a royal by honorific and first name: "Sheikh Mohammed".
            first = fold_text(self.actors[actor_id].name).split()[0]
            names |= {f"{honorific} {first}" for honorific in HONORIFICS}
            pattern = _alternation(sorted(n for n in names if n), boundary_only=True)
            self._surname_patterns[actor_id] = pattern
        return pattern

    def _aliases_of(self, actor_id: str) -> list[str]:
        return [name for name, (actor, _) in self._names.items() if actor == actor_id]


_OFFICE = re.compile(r"'s?\s+office\b")
#: A particle after a first name: the name goes on, so it is someone else's.
_NAME_GOES_ON = re.compile(r"\s+(?:bin|ibn|bint|abu)\s|\s+(?:al|el)-")


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace(" ", "")
    return len(letters) <= 4 and letters.isupper()


def _surname(name: str) -> str:
    tokens = fold_text(name).split()
    if len(tokens) < 2:
        return ""
    surname = [tokens[-1]]
    for token in reversed(tokens[:-1]):
        if token not in PARTICLES:
            break
        surname.insert(0, token)
    return " ".join(surname)


def _alternation(names: list[str], boundary_only: bool = False) -> re.Pattern:
    if not names:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])" if boundary_only
                      else rf"(?<![\w])(?:{body})(?![\w])")


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside longer ones; sort by position."""
    mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
