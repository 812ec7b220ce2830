"""What the generator keeps track of (ids, actors, proposals) and small helpers."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from api.names import fold
from seed.ids import record_id

from .vocabulary import MONTHS

T = TypeVar("T")


# Text

def slug(name: str) -> str:
    return fold(name).replace(" ", "-")


def iso(day: dt.date) -> str:
    return day.isoformat()


def spelled(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def capitalized(text: str) -> str:
    """``text`` with its first letter upper case (the rest untouched)."""
    return text[:1].upper() + text[1:]


def indefinite(word: str) -> str:
    return f"An {word}" if word[:1] in "AEIOU" else f"A {word}"


# Randomness

def composition(rng: random.Random, total: int, parts: int, allow_zero: bool) -> list[int]:
    """``total`` split into ``parts`` random sizes (each at least one, or zero)."""
    if parts <= 0:
        return []
    extra = parts if allow_zero else 0
    if total + extra < parts:
        return [0] * parts
    cuts = sorted(rng.sample(range(1, total + extra), parts - 1))
    sizes = [b - a for a, b in itertools.pairwise([0, *cuts, total + extra])]
    return [s - 1 for s in sizes] if allow_zero else sizes


def zipf_weights(count: int, exponent: float = 1.07) -> list[float]:
    """Cumulative Zipf weights of ``count`` ranks, for ``pick``."""
    return list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(count)))


def pick(rng: random.Random, items: Sequence[T], cum_weights: list[float]) -> T:
    """One of ``items`` by cumulative weight, drawing a single ``rng.random()``."""
    return items[bisect.bisect(cum_weights, rng.random() * cum_weights[-1])]


# Records

class Ids:
    """Record ids as the seed makes them (``seed.ids.record_id``), never twice."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def new(self, record_type: str, *identity: object) -> str:
        salt = 0
        while True:
            made = record_id(record_type, *identity, salt or None)
            if made not in self.seen:
                self.seen.add(made)
                return made
            salt += 1


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    title: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonym: str | None = None

    @property
    def mention(self) -> str:
        """How an article names it within a sentence."""
        if self.kind == "person":
            return f"{self.title} {self.name}" if self.title else self.name
        if self.name.startswith("United ") or (
                self.kind in ("government_body", "international_organization")
                and " " in self.name and not self.name.startswith("The ")):
            return f"the {self.name}"
        return self.name

    @property
    def reference(self) -> str:
        """How an article names it at the start of a sentence."""
        return capitalized(self.mention)


@dataclass
class Proposal:
    id: str
    key: str
    name: str
    mention: str  # "the Egyptian ceasefire proposal"
    launched: dt.date
    proposer: str
    row: tuple = ()
    term_texts: list[str] = field(default_factory=list)
    evidence: int = 0  # evidence ordinals used so far
