"""What every rule sees of an article: its text, the names in it, its date."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from . import dates
from .gazetteer import Gazetteer, Mention
from .people import Provisional
from .text import Document, Segment

#: A preposition right before a name makes it a place or an object, not a subject.
PREPOSITIONS = re.compile(
    r"(?:\b(?:in|into|to|from|at|with|on|against|of|for|between|toward|towards|across|"
    r"over|near|inside|outside|via|and|by|throughout|within)|['’]s?)\s*$",
    re.IGNORECASE)


@dataclass
class Context:
    doc: Document
    gazetteer: Gazetteer
    mentions: list[Mention]
    published: dt.date | None
    published_basis: str | None
    provisional: Provisional = field(default_factory=Provisional)
    records: dict[str, list[dict]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Mentions do not overlap and are sorted, so their starts and ends both ascend.
        self._starts = [m.start for m in self.mentions]
        self._ends = [m.end for m in self.mentions]

    def kind(self, actor_id: str | None) -> str | None:
        """The actor's kind, whether the gazetteer knows it or the rules made it up."""
        return self.gazetteer.kind(actor_id) or self.provisional.kinds.get(actor_id or "")

    def is_person(self, actor_id: str | None) -> bool:
        return self.kind(actor_id) == "person"

    def title(self, actor_id: str | None) -> str | None:
        info = self.gazetteer.actors.get(actor_id or "")
        return info.title if info else self.provisional.titles.get(actor_id or "")

    def affiliation(self, actor_id: str | None) -> str | None:
        """The body or state the actor belongs to: from the gazetteer, or the one named
        in the title the article gave a provisional person ("Hamas official X")."""
        info = self.gazetteer.actors.get(actor_id or "")
        return info.affiliation if info else self.provisional.affiliations.get(actor_id or "")

    @property
    def body(self) -> str:
        return self.doc.body

    def text(self, segment: Segment) -> str:
        return self.doc.body[segment.start:segment.end]

    def mentions_in(self, start: int, end: int, actors_only: bool = True) -> list[Mention]:
        within = self.mentions[bisect_left(self._starts, start):bisect_right(self._ends, end)]
        return [m for m in within if m.actor] if actors_only else within

    def last_actor_before(self, offset: int, predicate) -> Mention | None:
        for at in range(bisect_right(self._ends, offset) - 1, -1, -1):
            mention = self.mentions[at]
            if mention.actor and predicate(mention):
                return mention
        return None

    def is_object(self, mention: Mention, floor: int = 0) -> bool:
        """Whether a preposition or possessive governs the name (``in Lebanon``)."""
        return bool(PREPOSITIONS.search(self.body[max(floor, mention.start - 12):mention.start]))

    def date_in(self, start: int, end: int, future: bool = False) -> dict:
        """The date mentioned between ``start`` and ``end``, as annotation fields."""
        chunk = self.body[start:end]
        found = dates.explicit_dates(chunk, start, self.published) + dates.weekday_dates(
            chunk, start, self.published, future)
        if not found:
            return {}
        return self.date_fields(found[0])

    def date_fields(self, mention: dates.DateMention) -> dict:
        words = self.body[mention.start:mention.end]
        if not mention.relative:
            return {"date": mention.value.isoformat(), "date_basis": "stated"}
        if self.published_basis == "stated":
            return {"date": mention.value.isoformat(), "date_basis": "relative"}
        return {"date": mention.value.isoformat(), "date_basis": "inferred",
                "date_note": f'"{words}", resolved against the publication date '
                             f"{self.published} ({self.published_basis})."}
