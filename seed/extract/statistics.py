"""Statistics: a qualifier, a number, what is counted, what happened to it, who says so.

"has killed at least 40,173 Palestinians since 7 October 2023, according to the
Health Ministry": the metric comes from the nearest casualty verb, the qualifier
from the words right before the number, the claimant from an attribution in the
same sentence. Counts of days, phases, delegations or officials are not statistics.
"""

from __future__ import annotations

import re

from .context import Context
from .dates import explicit_dates
from .numbers import Number, numbers
from .text import Segment

METRIC_CUES = [
    ("killed", r"killed|kills|killing|died|dead|deaths?|death toll|lost their lives"),
    ("wounded", r"wounded|injured|injuring|wounding|injuries"),
    ("sheltering", r"sought refuge|seeking refuge|sheltering|taking shelter|shelters"),
    ("displaced", r"displaced|displacement|fled their homes|forced from their homes|uprooted"),
    ("missing", r"missing|under the rubble"),
    ("released", r"released|freed|set free"),
    ("held", r"held|holds|holding|being held|in captivity|captive|detained|imprisoned|jailed"),
]
CUE = re.compile("|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in METRIC_CUES),
                 re.IGNORECASE)
COUNTED = re.compile(
    r"^\s*(?:(?:[A-Z][a-z]+|more|other|additional|civilian|foreign|Israeli|Palestinian)\s+)?"
    r"(?P<noun>people|persons|individuals|Palestinians|Israelis|civilians|children|women|"
    r"hostages|captives|prisoners|detainees|soldiers|others|residents|Gazans|Lebanese|"
    r"journalists|aid workers|health workers|fighters|militants|patients|families)\b")
PERCENT_OF = re.compile(r"^\s*of\s+(?P<noun>(?:[\w'’-]+\s+){0,3}?(?:population|people|"
                        r"residents|inhabitants|population's|Gazans|Palestinians))\b")
QUALIFIERS = [
    ("at_least", r"at least|a minimum of"),
    ("over", r"more than|over|upwards of|in excess of|above"),
    ("nearly", r"nearly|almost|close to|just under"),
    ("about", r"about|around|approximately|some|roughly|an estimated|estimated|nearly about"),
    ("up_to", r"up to|as many as"),
]
QUALIFIER = re.compile(r"(?:" + "|".join(rf"(?P<{n}>\b(?:{p}))" for n, p in QUALIFIERS)
                       + r")\s+$", re.IGNORECASE)
HOSTAGE_NOUNS = {"israelis", "hostages", "captives"}
CLAIM = re.compile(r"\b(?:according to|as reported by|reported by|said|says|believes|"
                   r"estimates|estimated|reported|reports|told)\b")


class StatisticRules:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.body = ctx.body

    def run(self) -> list[dict]:
        found: list[dict] = []
        for sentence in self.ctx.doc.sentences:
            text = self.body[sentence.start:sentence.end]
            dated = explicit_dates(text, sentence.start, self.ctx.published)
            previous: dict | None = None
            for number in numbers(text, sentence.start):
                if any(d.start <= number.start < d.end for d in dated) or (
                        1900 <= number.value <= 2100 and not number.percent):
                    continue
                record = self._statistic(sentence, number, previous, dated)
                if record:
                    found.append(record)
                    previous = record
        return found

    def _statistic(self, sentence: Segment, number: Number, previous: dict | None,
                   dated: list) -> dict | None:
        after = self.body[number.end:sentence.end]
        counted = PERCENT_OF.match(after) if number.percent else COUNTED.match(after)
        if not counted:
            return None
        noun = counted.group("noun")
        noun_end = number.end + counted.end()
        cue = self._nearest_cue(sentence, number, noun_end)
        if cue is None:
            return None
        metric = cue[0]
        if metric == "held":
            is_prison = re.search(r"prison|jail|detention", self.body[sentence.start:sentence.end])
            metric = ("hostages_held" if noun.lower() in HOSTAGE_NOUNS and not is_prison
                      else "prisoners_held")
        if metric == "prisoners_held" and noun.lower() in HOSTAGE_NOUNS:
            metric = "hostages_held"
        qualifier = QUALIFIER.search(self.body[max(sentence.start, number.start - 30):number.start])
        start = min(cue[1], qualifier.start() + max(sentence.start, number.start - 30)
                    if qualifier else number.start)
        end = max(noun_end, cue[2])
        end = self._extend(end, sentence)
        population = (previous["population"] if noun.lower() == "others" and previous
                      else self._population(noun, number.end + counted.start("noun"), end))
        record = {
            "metric": metric, "population": population, "value": number.value,
            "value_text": self.body[number.start:number.end].strip(),
            "qualifier": qualifier.lastgroup if qualifier else "exact",
            "unit": "percent" if number.percent else "people",
            "claimed_by": self._claimant(sentence),
            "location": self._location(sentence),
            "extraction": {"method": "rule", "rule": f"statistic.{cue[0]}",
                           "confidence": 0.8 if qualifier or number.percent else 0.7},
            "_spans": [Segment(start, end)],
        }
        if self.ctx.published:
            record.update({"as_of": self.ctx.published.isoformat(), "date_basis": "inferred",
                           "date_note": "As of the article's publication date."})
        since = next((d for d in dated if d.start > number.start
                      and self.body[d.start - 6:d.start] == "since "), None)
        if since:
            record["period_start"] = since.value.isoformat()
        return record

    def _nearest_cue(self, sentence: Segment, number: Number, noun_end: int
                     ) -> tuple[str, int, int] | None:
        best: tuple[int, tuple[str, int, int]] | None = None
        window = Segment(max(sentence.start, number.start - 70),
                         min(sentence.end, noun_end + 70))
        for match in CUE.finditer(self.body, window.start, window.end):
            start, end = match.start(), match.end()
            between = (self.body[end:number.start] if end <= number.start
                       else self.body[noun_end:start])
            if numbers(between) or re.search(r"[;.]\s", between) or (
                    start > number.start and re.search(r",|\band\b", between)):
                continue
            distance = number.start - end if end <= number.start else start - noun_end
            if distance < 0:
                continue
            if best is None or distance < best[0]:
                best = (distance, (match.lastgroup, start, end))
        return best[1] if best else None

    def _extend(self, end: int, sentence: Segment) -> int:
        """Take in a trailing place or period: "in Gaza", "since 7 October 2023"."""
        tail = re.match(r"(?:\s+(?:in|into|inside|since|from)\s+(?:the\s+)?[\w'’.-]+"
                        r"(?:\s+(?:\d{4}|Strip|[A-Z][\w'’-]+))*)+", self.body[end:sentence.end])
        return end + tail.end() if tail else end

    def _population(self, noun: str, start: int, end: int) -> str:
        place = next((m for m in self.ctx.mentions_in(start, end, actors_only=False)
                      if m.location), None)
        text = self.body[start:start + len(noun)]
        if place:
            return f"{text} in {self.body[place.start:place.end]}"
        return text

    def _claimant(self, sentence: Segment) -> str | None:
        text = self.body[sentence.start:sentence.end]
        for match in CLAIM.finditer(text):
            at = sentence.start + match.start()
            if match.group(0) in ("according to", "as reported by", "reported by"):
                after = self.ctx.mentions_in(sentence.start + match.end(),
                                             sentence.start + match.end() + 60)
                if after:
                    return after[0].actor
            else:
                before = [m for m in self.ctx.mentions_in(sentence.start, at)
                          if not self.ctx.is_object(m, sentence.start) and m.via != "demonym"]
                if before:
                    return before[-1].actor
        ministry = next((m for m in self.ctx.mentions_in(sentence.start, sentence.end)
                         if m.actor and "health" in m.actor), None)
        return ministry.actor if ministry else None

    def _location(self, sentence: Segment) -> str | None:
        places = [m for m in self.ctx.mentions_in(sentence.start, sentence.end,
                                                  actors_only=False) if m.location]
        return places[0].location if len(places) == 1 else None
