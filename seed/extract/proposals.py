"""Proposals: who put a deal forward, its terms, and each party's stance on it.

A mention ("Egypt's proposal", "a plan announced by Joe Biden", "Cairo is proposing
an agreement", "Israel and Hezbollah agreed on a ceasefire deal") names a proposal;
an indefinite one ("a truce proposal") starts a new record, a definite one ("the
proposal") refers to the last. Terms ("a 40-day pause", "three stages, each lasting
42 days", "the release of hostages") and stances ("Hamas approved", "sought
amendments") are read from the sentences of its mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import Context
from .gazetteer import Mention
from .numbers import parse_number
from .text import Segment

_KIND = r"(?:truce|ceasefire|cease-fire|peace|hostage|hostage-release|captive|prisoner|swap|" \
        r"exchange|bridging|framework|new|latest|revised|current|updated|final)"
MENTION = re.compile(
    rf"\b(?:(?P<det>an?|the|this|that|its|their|his|her|[\w’']+['’]s)\s+)?"
    rf"(?:(?!(?:an?|the)\s)[\w\"“”-]+\s+)?"
    rf"(?:{_KIND}[\s-]+){{0,3}}(?P<noun>(?:counter-?)?proposals?|plan|offer|initiative|"
    rf"framework|roadmap|"
    rf"draft)\b"
    rf"|\b(?P<proposing>proposing|proposed)\s+(?:an?|the)\s+(?:[\w-]+\s+)?"
    rf"(?:agreement|deal|truce|ceasefire)\b"
    rf"|\b(?P<dealdet>an?|the)\s+(?:{_KIND}[\s-]+){{1,3}}deal\b(?=\s+(?:proposed|put\s+forward))"
    rf"|\bproposed\s+(?:{_KIND}[\s-]+)?(?:truce|deal|agreement|ceasefire)\b",
    re.IGNORECASE)
#: A cheap first look: sentences without these words mention no proposal.
CANDIDATE = re.compile(r"(?=[poifrda])(?:propos|plan\b|offer|initiative|framework|roadmap|"
                       r"draft|deal|agreement)", re.IGNORECASE)
AGREED_DEAL = re.compile(rf"\b(?:agreed|signed)\s+(?:on|to)\s+an?\s+(?:{_KIND}[\s-]+){{0,2}}"
                         rf"(?:deal|agreement)\b", re.IGNORECASE)
BY = re.compile(r"(?:\s+(?:on|in|at)\s+the\s+\w+)?"
                # "The plan now before Hamas was drawn up by Egypt": a few words, then a passive
                r"(?:(?:\s+[^.;,“”\"]{0,40}?)?\s+(?:was|were|is|are|has\s+been|had\s+been))?"
                r",?\s*(?:announced|put\s+forward|presented|drafted|drawn\s+up|submitted|"
                r"unveiled|proposed|brokered|backed|set\s+out|led|floated|hammered\s+out)\s+by\s+"
                r"(?:(?:the\s+)?mediators\s+(?:from|of)\s+)?", re.IGNORECASE)
#: "the framework Biden laid out": a name right after the mention, then its verb.
LAID_OUT = re.compile(r"\s+(?:that\s+|which\s+)?(?P<name>[^\s,.;]+(?:\s+[^\s,.;]+){0,2}?)\s+"
                      r"(?:had\s+|has\s+)?(?:laid\s+out|put\s+forward|proposed|unveiled|"
                      r"presented|floated|drew\s+up|drafted|tabled)\b")
#: "X presented Israel and Hamas with a proposal": X proposes.
PRESENTED = re.compile(r"\b(?:(?:has|have|had)\s+made|presented|put\s+forward|submitted|"
                       r"tabled|unveiled|offered|floated|laid\s+out)\s+(?:[\w\s]{0,40}?\bwith\s+)?\S*\s*$")
#: "to present a proposal": one not yet made.
NOT_YET = re.compile(r"\bto\s+(?:present|make|submit|draft|offer|table|put\s+forward)\s+$")
STANCES = [
    ("accepted_in_principle", r"agreed in principle|accepted in principle"),
    ("seeking_amendments", r"(?:suggested|sought|seeks|seeking|proposed|requested|wants)\s+"
                           r"(?:\w+\s+)?(?:amendments|changes)"),
    ("seeking_clarifications", r"(?:sought|seeks|seeking|requested)\s+clarifications"),
    ("rejected", r"rejected|rejects|refused|refuses|turned down|dismissed"),
    ("accepted", r"approved|approves|accepted|accepts|agreed (?:to|on)|endorsed"),
    ("reviewing", r"reviewing|reviews|studying|studies|examining|considering|"
                  r"discussed the proposed|response[^.]{0,40}\bis pending"),
    ("skeptical", r"expressed doubts|doubts about|skeptical|sceptical"),
]
STANCE = re.compile("|".join(rf"(?P<{n}>\b(?:{p})\b)" for n, p in STANCES), re.IGNORECASE)
_N = r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|" \
     r"forty|forty-two|fifty|sixty|ninety)"
TERMS = [
    ("truce_duration", rf"\b(?:an?\s+)?{_N}[\s-](?P<unit>day|week|month)s?[\s-]"
                       r"(?:\w+\s+)?(?:pause|truce|ceasefire|cease-fire|halt|lull)\b"),
    ("truce_duration", rf"\b(?:truce|pause|ceasefire|cease-fire)\s+(?:period\s+)?"
                       rf"(?:of|lasting)\s+{_N}\s+(?P<unit>day|week|month)s?\b"),
    ("phases", rf"\b{_N}\s+(?P<unit>stage|phase)s\b"),
    ("phase_duration", rf"\beach\s+(?:lasting|of)\s+{_N}\s+(?P<unit>day|week)s?\b"),
    ("hostage_release", r"\b(?:release|freeing|exchange)\s+(?:of\s+)?(?:the\s+)?"
                        r"(?:\w+\s+){0,2}?(?:hostages|captives)(?:\s+held\s+in\s+[\w\s]+?)?\b"),
    ("prisoner_release", r"\b(?:release\s+of\s+)?(?:\w+\s+)?Palestinian\s+prisoners\b"),
    ("withdrawal", r"\bwithdrawal\s+of\s+(?:\w+\s+)?(?:troops|forces)(?:\s+from\s+the\s+\w+)?"),
    ("return_of_displaced", r"\breturn\s+of\s+(?:the\s+)?displaced(?:\s+\w+)?"),
    ("permanent_ceasefire", r"\bpermanent\s+(?:ceasefire|cease-fire)|\bend\s+to\s+the\s+war\b"
                            r"|\bcomplete\s+cessation\s+of\s+hostilities\b"),
    ("aid", r"\b(?:delivery|entry)\s+of\s+(?:\w+\s+)?(?:humanitarian\s+)?aid\b"),
    ("monitoring", r"\bimplementation\s+cell\b|\b(?:committee|mechanism)\b[^.]{0,60}?\bmonitor\b"
                   r"[^.,]{0,60}"),
    ("crossing", r"\b(?:opening|reopening)\s+(?:of\s+)?the\s+[\w\s]{0,20}?crossing\b"),
]
TERM = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in TERMS]
UNITS = {"day": "days", "week": "weeks", "month": "months", "stage": "phases",
         "phase": "phases"}
DURATION_SENTENCE = re.compile(TERMS[0][1] + "|" + TERMS[2][1].replace("(?P<n>", "(?:")
                               .replace("(?P<unit>", "(?:"), re.IGNORECASE)
#: A cheap first look: a duration or a count of phases names its unit.
DURATION_UNIT = re.compile(r"(?=[dwmsp])(?:day|week|month|stage|phase)", re.IGNORECASE)


@dataclass
class Group:
    proposer: str | None
    mentions: list[Segment] = field(default_factory=list)
    sentences: list[Segment] = field(default_factory=list)
    stances: dict[tuple[str, str], Segment] = field(default_factory=dict)
    agreed: bool = False


class ProposalRules:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.body = ctx.body

    def run(self) -> list[dict]:
        groups: list[Group] = []
        for sentence in self.ctx.doc.sentences:
            if self.ctx.doc.is_headline(sentence):
                continue
            text = self.body[sentence.start:sentence.end]
            found = False
            if not CANDIDATE.search(text):
                if groups and self._duration(text):
                    groups[-1].sentences.append(sentence)
                continue
            for match in MENTION.finditer(text):
                self._mention(groups, sentence, match.start(), match.end(), match)
                found = True
            for match in AGREED_DEAL.finditer(text):
                group = Group(None, agreed=True)
                groups.append(group)
                self._attach(group, sentence, Segment(sentence.start + match.start(),
                                                      sentence.start + match.end()))
                found = True
            if not found and groups and self._duration(text):
                groups[-1].sentences.append(sentence)
        groups = self._merge_by_stance(groups)
        return [self._record(index, group) for index, group in enumerate(groups)]

    @staticmethod
    def _duration(text: str) -> bool:
        return bool(DURATION_UNIT.search(text) and DURATION_SENTENCE.search(text))

    def _mention(self, groups: list[Group], sentence: Segment, start: int, end: int,
                 match: re.Match) -> None:
        span = Segment(sentence.start + start, sentence.start + end)
        proposer = self._proposer(sentence, span, match)
        generic = not re.fullmatch(r"(?:counter-?)?proposals?|offer",
                                   (match.group("noun") or "").lower())
        if generic and match.group("noun") and proposer is None and not re.search(
                _KIND, match.group(0), re.IGNORECASE):
            return  # "a plan to protect civilians" is not a deal on the table
        det = (match.group("det") or match.group("dealdet") or "").lower()
        if self.ctx.doc.in_quote(span.start) or (det in ("a", "an") and NOT_YET.search(
                self.body, sentence.start, span.start)):
            # words in a quotation, or a proposal yet to be made, start no record
            if groups and self.ctx.doc.in_quote(span.start):
                self._attach(groups[-1], sentence, span)
            return
        indefinite = det in ("a", "an") or proposer is not None
        group = next((g for g in reversed(groups) if proposer and g.proposer == proposer),
                     None)
        if group is None and proposer and det in ("the", "this") and groups and (
                groups[-1].proposer is None):
            group = groups[-1]  # "Hamas is studying a proposal. The proposal, drafted by X"
            group.proposer = proposer
        if group is None and not indefinite and groups:
            group = groups[-1]
        if group is None:
            group = Group(proposer)
            groups.append(group)
        self._attach(group, sentence, span)

    def _attach(self, group: Group, sentence: Segment, span: Segment) -> None:
        group.mentions.append(span)
        if sentence not in group.sentences:
            group.sentences.append(sentence)
        for match in STANCE.finditer(self.body, sentence.start, sentence.end):
            for actor in self._subjects(sentence, match.start()):
                group.stances.setdefault((actor, match.lastgroup or ""),
                                         Segment(sentence.start, sentence.end))

    def _proposer(self, sentence: Segment, span: Segment, match: re.Match) -> str | None:
        inside = self.ctx.mentions_in(span.start, span.end)
        if (inside and inside[0].start == span.start) or (
                inside and match.group("noun") and inside[0].end < span.end):
            return inside[0].actor
        by = BY.match(self.body, span.end, sentence.end)
        if by:
            after = self.ctx.mentions_in(by.end(), min(sentence.end, by.end() + 60))
            people = [m for m in after if self.ctx.is_person(m.actor)]
            if after:
                return (people or after)[-1 if people else 0].actor
        laid = LAID_OUT.match(self.body, span.end, sentence.end)
        if laid:
            named = self.ctx.mentions_in(laid.start("name"), laid.end("name"))
            if named and named[0].start == laid.start("name"):
                return named[0].actor
        made = PRESENTED.search(self.body, sentence.start, span.start)
        if match.group("proposing") or made:
            verb = made.start() if made else span.start
            subjects = self._subjects(sentence, verb) or self._subjects(
                sentence, verb, clause_start=sentence.start)
            return subjects[0] if subjects else None
        return None

    def _subjects(self, sentence: Segment, verb: int, clause_start: int | None = None
                  ) -> list[str]:
        """The names before a verb in its clause, not governed by a preposition."""
        if clause_start is None:
            comma = self.body.rfind(", ", sentence.start, verb)
            that = self.body.rfind(" that ", sentence.start, verb)
            clause_start = max(sentence.start, comma + 2 if comma != -1 else 0,
                               that + 6 if that != -1 else 0)
        names: list[Mention] = [m for m in self.ctx.mentions_in(clause_start, verb)
                                if not self.ctx.is_object(m, clause_start)
                                and m.via != "demonym"]
        if not names:
            return []
        last = names[-1]
        joined = [m for m in names if re.fullmatch(r"\s*(?:and|,)\s*",
                                                   self.body[m.end:last.start]) or m is last]
        return [m.actor for m in joined]

    def _merge_by_stance(self, groups: list[Group]) -> list[Group]:
        """"Hamas approved a truce proposal" and "Hamas approved Egypt's proposal": one."""
        merged: list[Group] = []
        for group in groups:
            target = next((g for g in merged if set(g.stances) & set(group.stances)
                           and None in (g.proposer, group.proposer)), None)
            if target is None:
                merged.append(group)
                continue
            target.proposer = target.proposer or group.proposer
            target.mentions += group.mentions
            target.sentences += [s for s in group.sentences if s not in target.sentences]
            for key, span in group.stances.items():
                target.stances.setdefault(key, span)
        return merged

    def _terms(self, group: Group) -> list[dict]:
        terms, seen = [], set()
        for sentence in group.sentences:
            for kind, pattern in TERM:
                for match in pattern.finditer(self.body, sentence.start, sentence.end):
                    if (kind, match.start()) in seen:
                        continue
                    seen.add((kind, match.start()))
                    term = {"kind": kind, "text": match.group(0).strip(),
                            "extraction": {"method": "rule", "rule": f"proposal.term.{kind}",
                                           "confidence": 0.7},
                            "_term_span": Segment(match.start(), match.end())}
                    if "n" in match.groupdict() and match.group("n"):
                        term["value"] = parse_number(match.group("n"))
                        term["unit"] = UNITS[match.group("unit").lower()]
                    terms.append(term)
        return terms

    def _record(self, index: int, group: Group) -> dict:
        first = group.mentions[0]
        name = self.body[first.start:first.end].strip()
        parties = [{"actor": group.proposer, "role": "proposer"}] if group.proposer else []
        for actor, _ in group.stances:
            if actor != group.proposer and all(p["actor"] != actor for p in parties):
                parties.append({"actor": actor, "role": "party"})
        accepted = group.stances and all(s == "accepted" for _, s in group.stances)
        record = {
            "key": f"auto-{index + 1}",
            "name": name[0].upper() + name[1:],
            "summary": " … ".join(self.body[s.start:s.end] for s in group.sentences)[:600],
            "stage": "agreed" if group.agreed and accepted else "tabled",
            "status": "accepted" if group.agreed and accepted else "open",
            "parties": parties,
            "terms": self._terms(group),
            "positions": [
                {"actor": actor, "stance": stance, "_spans": [span],
                 "extraction": {"method": "rule", "rule": f"proposal.stance.{stance}",
                                "confidence": 0.6}}
                for (actor, stance), span in group.stances.items()],
            "extraction": {"method": "rule", "rule": "proposal.mention", "confidence": 0.6},
            "_spans": group.sentences,
        }
        if self.ctx.published:
            record.update({"first_reported_on": self.ctx.published.isoformat(),
                           "date_basis": "inferred",
                           "date_note": "The article's publication date."})
        return record
