"""Meetings: who met whom, where, when, and how (in person, by phone, indirectly).

A trigger ("met with", "held a phone call with", "talks resumed in", "is set to host
talks", "visits to", "a delegation arrived in") opens a meeting; the names in its
clause are the participants and a place after "in" or "to" is where. Mentions of
the same meeting (the same place and status, or "the delegation met…" right after)
are merged into one record with several pieces of evidence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .context import Context
from .dates import is_future
from .gazetteer import Mention
from .text import Segment

TRIGGERS = [
    ("met", None, r"\b(?:met|meets|meet|meeting)\s+with\b"
                  r"|\b(?:met|meets)\b(?=\s+(?:his|her|their|the|an?|[A-Z]))"
                  # "was due to meet X", "after meeting X": a name (or "the …") must follow
                  r"|\b(?:(?:due|set|expected|scheduled|going|plans?|planned|planning)\s+to\s+"
                  r"meet|(?:after|before|while|when)\s+meeting)\b"
                  r"(?=\s+(?:his|her|their|the)\b|\s+(?-i:[A-Z]))"),
    ("held", None, r"\b(?:held|hold|holds|holding|had)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
                   r"(?:phone\s+calls?|calls?|talks|consultations|meeting|discussions|"
                   r"negotiations)\b"),
    ("call", "phone_call", r"\b(?:phone|telephone)\s+(?:calls?|conversations?)\b"
                           r"|\bspoke\s+by\s+(?:tele)?phone\s+(?:with|to)\b"
                           r"|\bspoke\s+(?:with|to)\b(?=[^.;]{0,100}?\bby\s+(?:tele)?phone\b)"
                           r"|\bphoned\b"),
    ("talks", None, r"\b(?:talks|discussions|negotiations|consultations)\b(?:\s+\w+){0,5}?\s+"
                    r"(?:continue[sd]?|resum\w+|began|begin|began|opened|took\s+place|"
                    r"have\s+taken\s+place|were\s+held|will\s+be\s+held|in|at)\b"),
    ("host", None, r"\b(?:host|hosts|hosted|hosting)\b(?:\s+[\w-]+){0,4}?\s+"
                   r"(?:talks|meeting|round|negotiations|summit|counterparts?)\b"),
    ("visit", "visit", r"\bvisits?\s+to\b|\b(?:visited|visit|visiting)\b"),
    ("travel", None, r"\b(?:arrived|arrive|arrives|arriving|travell?ed|travell?ing|travels?|flew|"
                     r"fly|flies|flying|headed|heading|returned|invited|expected|due|landed|"
                     r"lands)"
                     r"(?:\s+on|\s+to\s+arrive)?\s+(?:in|to)\b"),
    ("part", None, r"\b(?:took|take|takes|taking)\s+part\b"),
    ("exchanges", "indirect_talks",
     r"\bintensifie[sd]\s+(?:its\s+|diplomatic\s+)*(?:exchanges|communications|contacts)\b"),
    ("delegations", "in_person", r"\bdelegations?\s+(?:from|of)\b"),
]
TRIGGER = re.compile("(?=[mhptdncvafriesgwl])(?:" + "|".join(
    f"(?P<{name}>{pattern})" for name, _, pattern in TRIGGERS) + ")", re.IGNORECASE)
#: A cheap first look: the first word of every trigger (whose first letters the
#: lookahead in TRIGGER lists). A sentence without one holds
#: no trigger in any of its clauses, and most sentences have none.
TRIGGER_WORD = re.compile(
    r"\b(?=[mhptdncvafriesl])(?:met|meet|hold|held|had|phone|telephone|spoke|talks|discussions|"
    r"negotiations|consultations|host|visit|arriv|travel|flew|fly|flies|head|returned|invited|"
    r"expected|due|took|take|intensifie|delegation|land)", re.IGNORECASE)
MODES = {name: mode for name, mode, _ in TRIGGERS}
CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:which|where|while|as|without|focusing|building|leading|after|adding|"
    r"according|despite|with\s+the\s+main|reports|aimed|alongside)\b)|;\s+|\s+—\s+"
    r"|\b(?:said|says|stated|stating|told\s+\w+|announced|reported)(?:\s+[\w-]+){0,4}?\s+that\s+"
    r"|\s+(?=(?:as\s+part\s+of|to\s+secure|to\s+discuss|in\s+a\s+bid|in\s+an\s+effort)\b)"
    r"|\s+(?=(?:before|after)\s+\w+ing\b)"
    # a second verb of the same subject: "X spoke with A, and held separate calls with B"
    r"|,\s+(?:and\s+then|and|then)\s+(?=(?:held|met|spoke|hosted|visited|flew|travell?ed|"
    r"arrived|phoned|landed)\b)",
    re.IGNORECASE)
#: A name after these is not a participant ("warrant by the ICC", "halting Israel's").
NOT_PARTICIPANT = re.compile(
    r"(?<!held )(?<!hosted )(?<!brokered )(?<!mediated )(?<!led )(?<!headed )"
    r"(?<!counterparts )(?<!counterpart )(?<!officials )(?<!ministers )(?<!envoys )"
    r"\b(?:by|of|for|against|on|over|from|about)\s+(?:the\s+)?$", re.IGNORECASE)
#: "CIA Director Jane Doe", "Hamas' political bureau chief John Doe": a body
#: named as part of a person's title, not a participant of its own.
TITLE_BETWEEN = re.compile(
    r"(?:['’]s?)?(?:\s+(?:[A-Z][\w-]*|chief|head|director|leader|minister|spokes\w+|envoy|"
    r"advis[eo]r|secretary|president|of|the|political|foreign|deputy|senior|intelligence))+\s+")
#: "…, Qatar and Israel": the places listed after the first.
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)")
NEVER_MERGED = {"delegations"}
MET_RULES = {"meeting.met", "meeting.call"}
ANAPHORIC = re.compile(r"\bthe\s+(?:delegation|meeting|talks|consultations?|call)\b",
                       re.IGNORECASE)
#: "he met …", "she also held …": a subject the pronoun stands for.
PRONOUN_SUBJECT = re.compile(r"\b(?:he|she)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
#: What may open a clause that shares the sentence's subject: "then", "and later".
NO_SUBJECT = re.compile(r"\s*(?:(?:and|then|later|also|before|after)\s+)*", re.IGNORECASE)
#: "A in Riyadh on Monday and B": a place or a day between two of those met parts
#: their meetings.
ELSEWHERE_BETWEEN = re.compile(r"\b(?:in|on)\s+[A-Z][^,;]*,?\s+and\s+")
PLACE_PREPOSITION = re.compile(r"\b(?:in|to|at|inside)\s+(?:the\s+|both\s+)?$", re.IGNORECASE)


@dataclass
class Found:
    spans: list[Segment]
    participants: dict[str, str] = field(default_factory=dict)  # actor -> role
    location: str | None = None
    mode: str | None = None
    status: str = "held"
    date: dict = field(default_factory=dict)
    sentence_index: int = 0
    rule: str = ""


class MeetingRules:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.body = ctx.body

    def run(self) -> list[dict]:
        found: list[Found] = []
        for index, sentence in enumerate(self.ctx.doc.sentences):
            if not TRIGGER_WORD.search(self.body, sentence.start, sentence.end) or (
                    self.ctx.doc.is_headline(sentence)):
                continue
            subjects: dict[str, str] = {}  # "X met A, then flew to B": X flew too
            for clause in self._clauses(sentence):
                text = self.body[clause.start:clause.end]
                match = TRIGGER.search(text)
                if not match:
                    continue
                meetings, subjects = self._meetings(index, clause, match, subjects)
                for meeting in meetings:
                    self._merge_or_add(found, meeting)
        records = [self._record(meeting) for meeting in found if meeting.participants
                   or meeting.location]
        # Meetings split from one sentence ("visits to A, B and C") share their first
        # evidence; the key keeps their ids apart, as a curator's key would.
        first: dict[int, int] = {}
        for record in records:
            start = record["_spans"][0].start
            first[start] = first.get(start, 0) + 1
            if first[start] > 1 or record["location"]:
                record["key"] = f"{record['location'] or ''}#{first[start]}"
        return records

    def _clauses(self, sentence: Segment) -> list[Segment]:
        cuts = [sentence.start]
        cuts += [sentence.start + m.end() for m in
                 CLAUSE_BREAK.finditer(self.body[sentence.start:sentence.end])]
        cuts.append(sentence.end)
        return [Segment(a, _without_joint(self.body, a, b))
                for a, b in itertools.pairwise(cuts) if b > a]

    def _meetings(self, index: int, clause: Segment, match: re.Match,
                  carried: dict[str, str]) -> tuple[list[Found], dict[str, str]]:
        """The meetings of a clause, and its subjects (who met, hosted or travelled),
        which a later clause of the sentence with no subject of its own shares."""
        trigger = match.lastgroup or ""
        words = match.group(0).lower()
        mode = MODES.get(trigger) or (
            "phone_call" if "call" in words else
            "indirect_talks" if "indirect" in self.body[clause.start:clause.end].lower()
            else "in_person")
        status = "scheduled" if is_future(self.body[clause.start:clause.end]) else "held"
        mentions = self.ctx.mentions_in(clause.start, clause.end, actors_only=False)
        places: list[Mention] = []
        subjects: dict[str, str] = {}
        objects: list[Mention] = []  # those met, in text order
        trigger_start = clause.start + match.start()
        subject_role = {"host": "host", "visit": "visitor", "travel": "visitor"}.get(
            trigger, "party")
        for index_, mention in enumerate(mentions):
            before = self.body[max(clause.start, mention.start - 24):mention.start]
            is_place_object = mention.location and (PLACE_PREPOSITION.search(before) or (
                trigger == "visit" and mention.start > trigger_start) or (
                places and places[-1] is mentions[index_ - 1]
                and LIST_GAP.fullmatch(self.body, places[-1].end, mention.start)))
            if is_place_object:
                if mention.start > trigger_start or trigger == "travel":
                    places.append(mention)
                continue
            if NOT_PARTICIPANT.search(before) and mention.via != "demonym":
                continue
            if mention.actor and self._takes_part(mention) and not self._in_title(
                    mention, mentions[index_ + 1:index_ + 2]):
                # The subject hosts or travels; those it meets ("for talks with X") are parties.
                if mention.start < trigger_start:
                    subjects.setdefault(mention.actor, subject_role)
                elif mention.actor not in subjects and all(
                        o.actor != mention.actor for o in objects):
                    objects.append(mention)
        if not subjects:
            subjects = self._implied_subject(clause, trigger_start, carried, subject_role)
        participants = {**subjects, **{o.actor: "party" for o in objects
                                       if o.actor not in subjects}}
        if not participants and trigger in ("visit", "travel"):
            sentence = self.ctx.doc.sentences[index]
            before = self.body[clause.start - 12:clause.start] if clause.start > 12 else ""
            if re.search(r"\b(?:before|after)\s+$", before) or re.match(
                    r"\s*(?:before|after)\s", self.body[clause.start:clause.end]):
                # "X met Y on Thursday before traveling on to Qatar": the subject travels
                person = next((m for m in self.ctx.mentions_in(sentence.start, clause.start)
                               if self.ctx.is_person(m.actor)), None)
            else:
                person = self.ctx.last_actor_before(
                    clause.start, lambda m: self.ctx.is_person(m.actor)
                    and m.start >= sentence.start)
            if person:
                participants[person.actor] = "visitor"
        if trigger == "part":  # "X, Y and Z took part": joins the meeting just before
            return ([Found([clause], participants=participants, mode=None, status=status,
                           sentence_index=index, rule="meeting.part")] if participants
                    else []), subjects
        participants = self._without_parents(participants)
        if not places and len(participants) < (1 if trigger in ("held", "call") else 2):
            return [], subjects
        date = self.ctx.date_in(clause.start, clause.end, future=status == "scheduled")
        base = dict(mode=mode, status=status, sentence_index=index, rule=f"meeting.{trigger}")
        if trigger in ("visit", "talks", "travel") and len(places) > 1:
            return [Found([clause], participants=participants, location=p.location, date=date,
                          **base) for p in places], subjects
        if subjects and trigger in ("met", "held", "call") and "separate" in words:
            # "held separate calls with A and B": a call each, the same day and place
            return [Found([clause], participants=self._without_parents(
                {**subjects, o.actor: "party"}), date=date,
                location=places[0].location if places else None, **base)
                for o in objects], subjects
        groups = self._meetings_apart(trigger, subjects, objects)
        if len(groups) > 1:
            starts = [clause.start] + [start for start, _ in groups[1:]]
            ends = [start for start, _ in groups[1:]] + [clause.end]
            parts = zip(starts, ends, groups, strict=True)
            return [self._one_of_several(Segment(start, end), group, subjects, places, status,
                                         base) for start, end, (_, group) in parts], subjects
        return [Found([clause], participants=participants, date=date,
                      location=places[0].location if places else None, **base)], subjects

    def _implied_subject(self, clause: Segment, trigger_start: int, carried: dict[str, str],
                         role: str) -> dict[str, str]:
        """A subject the clause does not name: "he met …" is the person named last;
        "…, then flew to Doha" is the subject of the sentence's earlier clause."""
        lead = self.body[clause.start:trigger_start]
        pronoun = PRONOUN_SUBJECT.search(lead)
        if pronoun:
            person = self.ctx.last_actor_before(clause.start + pronoun.start(),
                                                lambda m: self.ctx.is_person(m.actor))
            return {person.actor: role} if person else {}
        if not NO_SUBJECT.fullmatch(lead):
            return {}
        if carried:
            return dict.fromkeys(carried, role)
        # "A Hamas delegation left Cairo after meeting X": the sentence's subject
        sentence = self.ctx.doc.sentence_at(clause.start)
        subject = next((m for m in self.ctx.mentions_in(sentence.start, clause.start)
                        if m.via != "demonym" and not self.ctx.is_object(m, sentence.start)
                        and self._takes_part(m)), None)
        return {subject.actor: role} if subject else {}

    def _meetings_apart(self, trigger: str, subjects: dict[str, str], objects: list[Mention]
                        ) -> list[tuple[int, list[Mention]]]:
        """Those met, one group per meeting, each with where its words start: "met A in
        Riyadh on Monday and B in Cairo on Tuesday" is a meeting each (a place or a day
        between two of them parts them)."""
        if not subjects or trigger not in ("met", "held", "call") or not objects:
            return [(0, objects)]
        groups = [(0, [objects[0]])]
        for previous, mention in itertools.pairwise(objects):
            if apart := ELSEWHERE_BETWEEN.search(self.body, previous.end, mention.start):
                groups.append((apart.end(), [mention]))
            else:
                groups[-1][1].append(mention)
        return groups

    def _one_of_several(self, part: Segment, group: list[Mention], subjects: dict[str, str],
                        places: list[Mention], status: str, base: dict) -> Found:
        """One meeting of a clause that tells several, with its part of the clause as
        evidence ("he met A in Riyadh on Monday", "B in Cairo on Tuesday"): its place
        and day are those after its first participant."""
        part = Segment(part.start, _without_joint(self.body, part.start, part.end))
        place = next((p.location for p in places if group[0].start < p.start < part.end), None)
        date = self.ctx.date_in(group[0].start, part.end, future=status == "scheduled")
        participants = {**subjects, **{m.actor: "party" for m in group}}
        return Found([part], participants=self._without_parents(participants),
                     location=place, date=date, **base)

    def _in_title(self, mention: Mention, following: list[Mention]) -> bool:
        """Whether the body is named in the title of the person named next."""
        if not following or not self.ctx.is_person(following[0].actor):
            return False
        person = following[0]
        if not TITLE_BETWEEN.fullmatch(self.body, mention.end, person.start):
            return False
        actors, parent, seen = self.ctx.gazetteer.actors, person.actor, set()
        while parent in actors and parent not in seen:
            if parent == mention.actor:
                return True
            seen.add(parent)
            parent = actors[parent].affiliation
        return False

    def _takes_part(self, mention: Mention) -> bool:
        if self.ctx.kind(mention.actor) == "media_outlet":
            return False
        before = self.body[max(0, mention.start - 14):mention.start].lower()
        return "according to" not in before

    def _without_parents(self, participants: dict[str, str]) -> dict[str, str]:
        """"Her Qatari counterpart, Jane Doe": the state is the person's, not a
        participant of its own."""
        states = set()
        for actor in participants:
            parent = self.ctx.affiliation(actor)
            seen: set[str] = set()
            while parent and parent not in seen:  # a looping gazetteer is reported
                seen.add(parent)                  # elsewhere; do not hang on it
                if self.ctx.kind(parent) == "state":
                    states.add(parent)
                parent = self.ctx.affiliation(parent)
        return {a: r for a, r in participants.items() if a not in states}

    def _merge_or_add(self, found: list[Found], new: Found) -> None:
        if new.rule == "meeting.part":
            old = found[-1] if found else None
            if old and new.sentence_index - old.sentence_index <= 1:
                old.spans += [s for s in new.spans if s not in old.spans]
                for actor in new.participants:
                    old.participants.setdefault(actor, "party")
                old.participants = self._without_parents(old.participants)
            return
        for old in reversed(found):
            if new.rule == old.rule and new.participants and set(new.participants) == set(
                    old.participants) and new.status == old.status and (
                    None in (new.location, old.location) or new.location == old.location):
                old.spans += new.spans
                return
            if {new.rule, old.rule} & {f"meeting.{n}" for n in NEVER_MERGED}:
                continue
            same_place = new.location is not None and new.location == old.location and not (
                # two in one city that met others: "X met A in Cairo", "Y met B in Cairo"
                {new.rule, old.rule} <= MET_RULES
                and not set(new.participants) & set(old.participants))
            follows_up = (new.location is None and new.sentence_index - old.sentence_index <= 2
                          and ANAPHORIC.search(self.body[new.spans[0].start:new.spans[0].end]))
            if old.status == new.status and (same_place or follows_up) and (
                    not old.date or not new.date or old.date == new.date):
                old.spans += [s for s in new.spans if s not in old.spans]
                for actor, role in new.participants.items():
                    old.participants.setdefault(actor, role)
                old.participants = self._without_parents(old.participants)
                old.date = old.date or new.date
                if old.mode == "visit" and new.mode != "visit":
                    old.mode = new.mode
                return
        found.append(new)

    def _record(self, meeting: Found) -> dict:
        summary = " … ".join(self.body[s.start:s.end] for s in meeting.spans)
        return {
            "summary": summary[:500], "location": meeting.location, "mode": meeting.mode,
            "status": meeting.status,
            "participants": [{"actor": actor, "role": role}
                             for actor, role in meeting.participants.items()],
            **meeting.date,
            "extraction": {"method": "rule", "rule": meeting.rule, "confidence": 0.6},
            "_spans": meeting.spans,
        }


def _without_joint(body: str, start: int, end: int) -> int:
    """Where a clause ends without what joins it to the next: "…on Monday, and then"
    is no evidence. (String methods: a regex anchored at the end rescans the clause.)"""
    while True:
        text = body[start:end].rstrip(" ,;\n\t")
        for joint in (" and", " then"):
            if text.endswith(joint):
                text = text[:-len(joint)]
                break
        else:
            return start + len(text)
        end = start + len(text)
