"""Dates in news prose, resolved against the article's publication date.

A past-tense weekday ("talks resumed on Saturday") is the most recent such day, the
publication day included; a future-tense one ("will meet on Monday") is the next, the
publication day included too ("next Monday" is the one after it).
Explicit dates ("7 October 2023", "May 02,2024") need no publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {name: index for index, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
EXPLICIT = [
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?:,?\s*{_YEAR})?\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d)", re.IGNORECASE),
    re.compile(r"\b(?P<year>20\d{2})-(?P<nmonth>\d{2})-(?P<day>\d{2})\b"),
]
WEEKDAY = re.compile(
    r"\b(?:(?:on|earlier|late|early|last|this|next|since|by|until)\s+)?"
    r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.IGNORECASE)
RELATIVE_DAY = re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow)\b", re.IGNORECASE)
FUTURE = re.compile(
    r"\b(?:will|would|shall|is set to|are set to|(?:is|are|was|were) due to|expected to|"
    r"expected in|due in|scheduled|plans? to|planned|to be held|next|upcoming|soon)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: dt.date
    precision: str  # "day" or "month"
    relative: bool  # resolved against the publication date


#: A cheap first look: every explicit date starts a word with a month's first three
#: letters or "20": the lookahead skips most positions without trying the alternatives.
_ANY_DATE = re.compile(r"\b(?=[jfmasond2])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                       r"20\d{2}-\d{2})", re.IGNORECASE)


def explicit_dates(text: str, offset: int = 0,
                   published: dt.date | None = None) -> list[DateMention]:
    if not _ANY_DATE.search(text):
        return []  # most sentences name no month: skip the four patterns
    found: list[DateMention] = []
    for pattern in EXPLICIT:
        for match in pattern.finditer(text):
            if any(f.start <= offset + match.start() < f.end for f in found):
                continue
            value = _explicit(match, published)
            if value:
                found.append(DateMention(offset + match.start(), offset + match.end(), value,
                                         "day", "year" not in match.groupdict()
                                         or match.group("year") is None))
    return sorted(found, key=lambda d: d.start)


def _explicit(match: re.Match, published: dt.date | None) -> dt.date | None:
    parts = match.groupdict()
    month = int(parts["nmonth"]) if parts.get("nmonth") else MONTHS[parts["month"].lower()]
    year = parts.get("year")
    try:
        if year:
            return dt.date(int(year), month, int(parts["day"]))
        if published is None:
            return None
        guess = dt.date(published.year, month, int(parts["day"]))
        return guess if guess <= published else guess.replace(year=published.year - 1)
    except ValueError:
        return None


def weekday_dates(text: str, offset: int, published: dt.date | None,
                  future: bool) -> list[DateMention]:
    if published is None:
        return []
    found = []
    for match in WEEKDAY.finditer(text):
        target = WEEKDAYS.index(match.group("weekday").lower())
        lead = match.group(0).split()[0].lower()
        if lead == "next":
            delta = (target - published.weekday()) % 7 or 7
        elif future and lead != "last":
            # news style names even the publication day by its weekday: "talks will
            # resume on Sunday" in a Sunday article is that day, not a week later
            delta = (target - published.weekday()) % 7
        else:
            delta = -((published.weekday() - target) % 7)
            if lead == "last" and delta == 0:
                delta = -7
        found.append(DateMention(offset + match.start(), offset + match.end(),
                                 published + dt.timedelta(days=delta), "day", True))
    for match in RELATIVE_DAY.finditer(text):
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
        found.append(DateMention(offset + match.start(), offset + match.end(),
                                 published + dt.timedelta(days=shift[match.group(1).lower()]),
                                 "day", True))
    return sorted(found, key=lambda d: d.start)


def is_future(clause: str) -> bool:
    return bool(FUTURE.search(clause))


def publication_date(text: str) -> tuple[dt.date, int, int] | None:
    """A date the article states as its own: a dateline or a "Published" line."""
    for line in re.finditer(r"[^\n]+", text[:600]):
        content = line.group(0)
        if not re.search(r"\b(?:published|updated|date|posted)\b|^\s*\d{4}-\d{2}-\d{2}\b",
                         content, re.IGNORECASE) or len(content) > 120:
            continue
        for mention in explicit_dates(content, line.start()):
            if not mention.relative:
                return mention.value, mention.start, mention.end
    return None
