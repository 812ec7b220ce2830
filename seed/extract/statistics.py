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
    ("displaced", r"displaced|displacement|fled|forced from their homes|uprooted|"
                   r"driven (?:from|out of) their homes|forced to flee"),
    ("missing", r"missing|under the rubble"),
    ("released", r"released|freed|set free"),
    ("held", r"held|holds|holding|being held|in captivity|captive|detained|imprisoned|jailed|"
             r"taken hostage|taken captive|took|taken|taking|seized|abducted|kidnapped|remain|"
             r"remains|remaining|still in"),
]
#: Cues that count hostages only: "took 250 hostages", "130 remain in Gaza", "136 hostages
#: are still in Gaza" (a million Palestinians still in Rafah are not held).
HOSTAGE_ONLY_CUE = re.compile(r"took|taken|taking|remain|still in", re.IGNORECASE)
#: Whoever was seized or abducted was taken hostage: "seized about 250 people".
ABDUCTED_CUE = re.compile(r"taken hostage|taken captive|seized|abducted|kidnapped",
                          re.IGNORECASE)
#: A count the source only believes ("31 of whom are believed to be dead"): the hedge
#: stays in the population, so no death is stated as fact.
HEDGE = re.compile(r"\b(?:believed|believes|believe|thought|presumed|feared|reportedly)\b")
CUE = re.compile("|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in METRIC_CUES),
                 re.IGNORECASE)
COUNTED = re.compile(
    r"^\s*(?:(?:[A-Z][a-z]+|more|other|additional|civilian|foreign|Israeli|Palestinian)\s+)?"
    r"(?P<noun>people|persons|individuals|Palestinians|Israelis|civilians|children|women|"
    r"hostages|captives|prisoners|detainees|soldiers|others|residents|Gazans|Lebanese|"
    r"journalists|aid workers|health workers|fighters|militants|patients|families|combatants|"
    r"gunmen|men|boys|girls|babies|infants|students|doctors|medics|refugees)\b")
PERCENT_OF = re.compile(r"^\s*of\s+(?P<noun>(?:[\w'’.,-]+\s+){0,3}?(?:population|people|"
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
#: A number with no noun, standing for people named just before: "Of those, 125 are
#: still held", "around 30 of whom are believed to be dead", "39 whom the army has
#: declared dead". The group ``rel`` lets the clause run on to its verb.
ELLIPSIS = re.compile(
    r"^\s+(?:(?P<rel>(?:of\s+)?(?:whom|them|those|these)\b|who\b)|(?=(?:are|were|is|was|have|has|"
    r"had|remain\w*|still|confirmed|believed|presumed|declared|reported)\b)"
    r"|(?=(?i:" + "|".join(pattern for _, pattern in METRIC_CUES) + r")\b))")
#: "Of those, 125 are still held": a sentence that opens by pointing back.
POINTS_BACK = re.compile(r"^(?:Of|Among)\s+(?:those|them|these|whom)\b")
#: A bare number stands for the people of an earlier sentence only when it counts
#: what then happened to the same group: still held, freed.
CARRIED_OVER = {"held", "released"}
#: What may stand between such a number and its verb: "are still held", "are believed
#: to be dead", "confirmed dead".
AUXILIARIES = re.compile(
    r"(?:\s+(?:are|were|is|was|have|has|had|been|be|being|still|now|already|reportedly|also|"
    r"believed|thought|presumed|confirmed|declared|feared|known|to))*\s+")
#: A number closing a clause after its verb: "and wounded over 65,900, according to".
CLAUSE_END = re.compile(r"\s*(?:[,;.]|$|\s(?:since|in|on|according|across|during)\b)")
#: "the death toll in Gaza passed 40,000": a total that a verb of change reaches.
TOLL = re.compile(r"\btoll\b[^,.;]{0,40}?\b(?:passed|reached|rose\s+to|risen\s+to|climbed\s+to|"
                  r"stood\s+at|stands\s+at|surpassed|exceeded|topped|hit|crossed)\s+$")
#: A subject, its appositive and then its verb: "About 1.7 million people, more than
#: 75 percent of Gaza's population, have been displaced", or between dashes.
APPOSITIVE = re.compile(r"(?:(?:,[^,;.]{1,80})?,|\s+[—–][^—–;.]{1,80}[—–])"
                        r"\s+(?:have|has|had|are|were|is|was)\s+(?:been\s+)?")
#: A figure in a conditional or future clause ("would see 33 hostages freed") is a
#: term of a deal, not a count of what happened.
HYPOTHETICAL = re.compile(r"\b(?:would|could|might|should|will|shall)\b", re.IGNORECASE)
#: "Gaza's 2.3 million people": a possessive before a number gives a population's total.
POSSESSIVE_BEFORE = re.compile(r"\w['’]s?\s+$")
CLAIM = re.compile(r"\b(?:according to|as reported by|reported by|said|says|believes|"
                   r"estimates|estimated|reported|reports|told)\b")


class StatisticRules:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.body = ctx.body

    def run(self) -> list[dict]:
        found: list[dict] = []
        #: The people last counted, and in which sentence: what a bare number stands for.
        self.antecedent: tuple[str, int] | None = None
        for index, sentence in enumerate(self.ctx.doc.sentences):
            text = self.body[sentence.start:sentence.end]
            dated = explicit_dates(text, sentence.start, self.ctx.published)
            previous: dict | None = None
            for number in numbers(text, sentence.start):
                if any(d.start <= number.start < d.end for d in dated) or (
                        1900 <= number.value <= 2100 and not number.percent):
                    continue
                record = self._statistic(sentence, number, previous, dated, index)
                if record:
                    found.append(record)
                    previous = record
        return found

    def _statistic(self, sentence: Segment, number: Number, previous: dict | None,
                   dated: list, index: int = 0) -> dict | None:
        after = self.body[number.end:sentence.end]
        counted = PERCENT_OF.match(after) if number.percent else COUNTED.match(after)
        if counted and not number.percent and POSSESSIVE_BEFORE.search(
                self.body[max(sentence.start, number.start - 20):number.start]):
            return None  # "Gaza's 2.3 million people": the whole population
        if counted:
            noun = counted.group("noun")
            noun_end = number.end + counted.end()
            noun_start = number.end + counted.start("noun")
            if not number.percent:
                self.antecedent = (noun, index)
            cue = self._nearest_cue(sentence, number, noun_end)
        elif not number.percent:
            found = self._elliptic(sentence, number, previous, index)
            if found is None:
                return None
            noun, noun_end, cue = found
            noun_start = None
        else:
            return None
        if cue is None:
            return None
        if self._hypothetical(sentence, number, noun_end, cue):
            return None
        metric = cue[0]
        abducted = metric == "held" and ABDUCTED_CUE.match(self.body, cue[1])
        if metric == "held" and not abducted and HOSTAGE_ONLY_CUE.match(self.body, cue[1]) and (
                noun.lower() not in HOSTAGE_NOUNS):
            return None
        if abducted:
            metric = "hostages_held"
        elif metric == "held":
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
                      else self._population(noun, noun_start, end) if noun_start is not None
                      else noun)
        if abducted and noun.lower() not in HOSTAGE_NOUNS:
            population = f"{population} {self.body[cue[1]:cue[2]]}"  # "people seized"
        hedge = HEDGE.search(self.body, max(sentence.start, number.start - 25), cue[1])
        if hedge and cue[1] > number.start:  # "31 of whom are believed to be dead"
            population = f"{population}, {self.body[hedge.start():cue[2]]}"
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

    def _elliptic(self, sentence: Segment, number: Number, previous: dict | None, index: int
                  ) -> tuple[str, int, tuple[str, int, int]] | None:
        """A number standing alone for people counted just before, and its cue."""
        after = self.body[number.end:sentence.end]
        before = self.body[max(sentence.start, number.start - 60):number.start]
        qualifier = QUALIFIER.search(before)
        lead = before[:qualifier.start()] if qualifier else before
        if ellipsis := ELLIPSIS.match(after):
            if self.antecedent is None or index - self.antecedent[1] > 2:
                return None
            noun_end = number.end + (ellipsis.end() if ellipsis.group("rel") else 0)
            cue = self._nearest_cue(sentence, number, noun_end, after_only=True)
            if cue is None or not (ellipsis.group("rel") or AUXILIARIES.fullmatch(
                    self.body, noun_end, cue[1])):
                return None
            noun = self.antecedent[0]
            if (self.antecedent[1] != index and not (
                    ellipsis.group("rel") or cue[0] in CARRIED_OVER
                    or POINTS_BACK.match(self.body, sentence.start))) or noun.lower() == "others":
                noun = "people"  # "According to the ministry, 34,600 have been killed"
            return noun, noun_end, cue
        if not CLAUSE_END.match(after):
            return None
        if TOLL.search(lead):  # "the death toll passed 40,000"
            cue = self._nearest_cue(sentence, number, number.end, before_only=True)
            return ("people", number.end, cue) if cue and cue[0] == "killed" else None
        if previous is None:
            return None
        cue = self._nearest_cue(sentence, number, number.end, before_only=True)
        if cue is None or self.body[cue[2]:number.start - len(before) + len(lead)].strip():
            return None  # only a qualifier between the verb and the number
        return previous["population"], number.end, cue

    def _hypothetical(self, sentence: Segment, number: Number, noun_end: int,
                      cue: tuple[str, int, int]) -> bool:
        """"40 captives would be released", "would see 33 hostages freed", "released in
        exchange for 400": a modal in the clause of the number or of its verb."""
        clause = max(sentence.start, self.body.rfind(",", sentence.start, number.start) + 1)
        if HYPOTHETICAL.search(self.body, max(clause, number.start - 60), number.start):
            return True
        if cue[1] >= noun_end:
            return bool(HYPOTHETICAL.search(self.body, noun_end, cue[1]))
        return bool(HYPOTHETICAL.search(self.body, max(sentence.start, cue[1] - 30), cue[1]))

    def _nearest_cue(self, sentence: Segment, number: Number, noun_end: int,
                     after_only: bool = False, before_only: bool = False
                     ) -> tuple[str, int, int] | None:
        best: tuple[int, tuple[str, int, int]] | None = None
        window = Segment(max(sentence.start, number.start - 70),
                         min(sentence.end, noun_end + 70))
        for match in CUE.finditer(self.body, window.start, window.end):
            start, end = match.start(), match.end()
            if (after_only and start < noun_end) or (before_only and end > number.start):
                continue
            between = (self.body[end:number.start] if end <= number.start
                       else self.body[noun_end:start])
            if start > number.start and APPOSITIVE.fullmatch(between):
                pass  # "1.7 million people, more than 75 percent of…, have been displaced"
            elif numbers(between) or re.search(r"[;.]\s", between) or (
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
