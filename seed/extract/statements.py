"""Statements: direct quotes, partial quotes and reported speech, with their speakers.

A sentence is read once. Its quotations are direct when they stand as a clause of
their own ("…," he said) and partial when they sit inside a reported clause
(said that Israel made a "generous" offer). A sentence with a reporting verb and
no quotation is a paraphrase. Quoted words with no reporting verb around them are
scare quotes and say nothing about who spoke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Context
from .gazetteer import Mention
from .text import MARKS, Quote, Segment, fold_text

SPEECH_VERBS = (
    r"said|says|say|told|tells|stated|states|stating|affirmed|affirms|emphasi[sz]ed|"
    r"emphasi[sz]es|stressed|stresses|insisted|insists|warned|warns|confirmed|confirms|"
    r"announced|announces|mentioned|explained|explains|reiterated|reiterates|urged|urges|"
    r"claimed|claims|declared|declares|vowed|denied|denies|accused|accuses|acknowledged|"
    r"acknowledging|expressed|expressing|noted|notes|estimates|reported|reports|"
    r"called for|calls for|signall?ed|indicated|indicating|revealed|quoted|cautioned|"
    r"argued|argues|dismissed|welcomed|welcomes|underlined|pledged|repeated|assured"
)
#: What may follow a verb that closes its sentence: "…, the officials said on Tuesday",
#: "…, a source told Reuters", "…, they said, speaking on condition of anonymity".
TRAILING_REST = re.compile(
    r"(?:\s+(?:on|late|early|last|this|in|to|at)\s+(?:an?\s+|the\s+)?[\w-]+"
    r"(?:\s+(?:[\w-]+\s+)?(?:statement|morning|afternoon|evening|night))?"
    r"|\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)*\s*(?:[.!?]?$|,\s+(?:speaking|adding|citing|declining|"
    r"asking|requesting|noting|while|as|amid|after|before|when)\b)")
#: "CAIRO — " opening an article's first sentence: where it was filed, not what was said.
DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}\s+[—–-]\s+")
#: Verbs that attribute a quotation but do not by themselves report speech.
QUOTE_VERBS = SPEECH_VERBS + r"|added|adds|continued|concluded|wrote|asked|replied|recalled"
# Verbs are matched as printed: "States" in "the United States" is not a verb.
#: "added" reports speech when it closes the sentence: "…, the president added."
SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS}|(?:added|adds)(?=(?:\s+[\w-]+){{0,3}}\s*[.!?]?$))\b")
QUOTING = re.compile(rf"\b(?:{QUOTE_VERBS})\b")
#: A verb that is negated or passive reports no one's speech ("was not mentioned").
NOT_SPEECH = re.compile(
    r"\b(?:not|n't|never|yet to|is|are|was|were|be|been|being|stands?|stood)\s+(?:\w+\s+)?$")
QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<np>.{1,120}?)\s+as\s+saying\b")
ACCORDING = re.compile(
    r"\baccording to\s+(?!(?:[\w-]+\s+){0,2}?(?:reports?|sources|media)\b)", re.IGNORECASE)

SOURCE_NOUNS = (
    r"officials?|sources?|spokes(?:man|woman|person|people)|negotiators?|diplomats?|"
    r"leaders?|members?|figures?|statement|representatives?|aides?|envoys?|commanders?|"
    r"insiders?|media|ministers?|delegation"
)
CITING = re.compile(rf"\bciting\s+(?P<np>[^,;:“”\"]{{1,80}}?\b(?:{SOURCE_NOUNS}))\b")
UNNAMED = re.compile(
    r"(?P<np>(?:\b(?:an?|the|two|three|four|five|several|some|another|other|one|senior|"
    r"top|unnamed|anonymous|high-level|high-ranking|separate|second|political|military|"
    r"and)\s+)*)(?P<mention>\x00+)(?:\s+(?!said\b)[a-z-]+){0,2}?\s+"
    rf"(?P<noun>{SOURCE_NOUNS})\b", re.IGNORECASE)
PRONOUN = re.compile(
    r"\b(?P<pronoun>he|she|they|it)\s+(?:also\s+|later\s+|further\s+|then\s+|has\s+|had\s+"
    r"|have\s+|was\s+|were\s+)*$", re.IGNORECASE)
ANAPHOR = re.compile(
    r"\b(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?P<noun>official|officials|source|sources|"
    r"spokesman|spokeswoman|spokesperson|group|movement|militants|minister|leader|"
    r"president|premier|envoy|diplomat|negotiator|organi[sz]ation|agency|office|ministry)"
    r"(?:\s+(?:also|later|further|has|had|have))*\s*$", re.IGNORECASE)
#: An acronym heading its clause right before the verb ("UNRWA said"): a body.
ACRONYM = re.compile(r"(?:^|[.;:]\s+|,\s+(?:and\s+)?)(?P<name>[A-Z]{3,6}),?\s+$")
#: A capitalized name right before a speech verb: a speaker the gazetteer lacks.
NEW_NAME = re.compile(
    r"(?:^|[\s,(])(?P<name>[A-Z][a-z’'-]+(?:\s+(?:al-|el-|bin\s+|de\s+|van\s+)?"
    r"[A-Z][\w’'-]+){1,2}),?\s+(?:also\s+|later\s+)?$")
NOT_NAMES = frozenset("""the a an in on at but however meanwhile earlier later israeli egyptian
    qatari american palestinian french us un prime president minister secretary foreign
    spokesman spokeswoman official officials general monday tuesday wednesday thursday
    friday saturday sunday""".split())  # noqa: SIM905 - a word list
_NAME = r"[A-Z][a-z’'-]+(?:\s+(?:al-|el-|bin\s+|de\s+|van\s+)?[A-Z][\w’'-]+){1,2}"
#: "Samer Abu Hilal, a political analyst based in Ramallah, said": a name, then what
#: the person is, between commas, then the verb.
APPOSITION = re.compile(
    rf"^\s*(?:[^,“”\"]{{0,60}},\s+)?(?P<name>{_NAME}),\s+(?:an?|the|its|his|her)\s+"
    r"[^“”\"]{3,160}?,\s*$")
#: The last word of a body's name, and the kind of body it makes.
BODY_WORDS = [
    ("government_body", r"Department|Ministry|Office|Agency|Council|Committee|Authority|"
                        r"Army|Forces|Police|Service|Bureau|Commission|Cabinet|Government"),
    ("armed_group", r"Jihad|Brigades|Movement|Front"),
    ("media_outlet", r"Radio|News|Times|Post|Network|Television|TV"),
]
BODY_WORD = re.compile("|".join(rf"(?P<{kind}>\b(?:{words})$)" for kind, words in BODY_WORDS))
#: What "the group" may stand for: an armed group or a party, never a state;
#: "the organization" or "the agency", a body.
GROUP_NOUNS = {"group": {"armed_group", "political_party"},
               "movement": {"armed_group", "political_party"},
               "militants": {"armed_group"},
               "organization": {"international_organization", "government_body"},
               "organisation": {"international_organization", "government_body"},
               "agency": {"international_organization", "government_body"}}
BODY_NOUNS = {"office", "ministry"}
PERSON_NOUNS = {"minister", "leader", "president", "premier", "envoy", "diplomat",
                "negotiator"}

TOPICS = [
    ("ceasefire", r"cease-?fire|truce|pause|halt|stop the war|end the war|hostilities"),
    ("hostages", r"hostage|captive"),
    ("prisoners", r"prisoner|detainee"),
    ("humanitarian_aid", r"\baid\b|humanitarian|food|medicine|water"),
    ("withdrawal", r"withdraw|troops|forces"),
    ("crossings", r"crossing|corridor"),
    ("military_operations", r"offensive|operation|strike|invasion|assault"),
    ("mediation", r"talks|negotiat|mediat|deal|agreement|delegation|proposal"),
    ("post_war", r"day after|governance|post-war"),
    ("displacement", r"displaced|refuge"),
    ("civilians", r"civilian|suffering"),
]


@dataclass
class Speaker:
    actor: str
    description: str | None = None
    rule: str = "named"
    confidence: float = 0.9
    via: str | None = None  # the outlet that relayed the words ("told AFP")


class StatementRules:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.body = ctx.body
        self.found: list[dict] = []
        self.last: Speaker | None = None
        self.colon_speaker: Speaker | None = None
        self.provisional_surnames: dict[str, str] = {}
        self.last_end = 0  # where the last statement's evidence ends
        #: Where the statistics' evidence lies: a figure sourced "according to X" is
        #: X's claim, not a statement of X's.
        self.statistic_spans = [span for record in ctx.records.get("statistics", [])
                                for span in record["_spans"]]

    def run(self) -> list[dict]:
        doc = self.ctx.doc
        sentences = iter(doc.sentences)
        sentence = next(sentences, None)
        for paragraph in doc.paragraphs:  # both in text order; sentences lie in paragraphs
            while sentence is not None and sentence.start < paragraph.end:
                if paragraph.start <= sentence.start:
                    self._sentence(sentence, doc.quotes_opening(sentence.start, sentence.end),
                                   paragraph)
                sentence = next(sentences, None)
        return self.found

    def _sentence(self, sentence: Segment, quotes: list[Quote], paragraph: Segment) -> None:
        if self.ctx.doc.in_quote(sentence.start, strict=True):
            return  # the rest of a quotation opened in an earlier paragraph
        if self.ctx.doc.is_headline(sentence):
            return  # it sums up the article's statements, it makes none
        direct = [q for q in quotes if self._stands_alone(q, sentence)]
        for quote in direct:
            speaker = self._quote_speaker(quote, sentence, paragraph)
            if speaker:
                self._direct(quote, sentence, speaker)
        if direct:
            return
        found = self._reported_speech(sentence)
        if found is None:
            return
        speaker, clause, verb_end = found
        if any(sentence.start <= q.start < sentence.end for q in quotes):
            if not self._partial(sentence, clause, speaker, verb_end):
                # 'X has said "…", as he urged…': the quotation is the earlier verb's
                quoted = quotes[0]
                early = self._reported_speech(Segment(sentence.start, quoted.start))
                if early and early[2] <= quoted.start:
                    self._partial(sentence, self._reported_clause(early[2], early[2], sentence),
                                  early[0], early[2])
        elif len(self.body[clause.start:clause.end].split()) >= 4 and not (
                speaker.rule == "according_to" and self._reports_a_number(sentence)):
            self._add(speaker, "paraphrase", self._clean(clause), [sentence],
                      rule=f"statement.paraphrase.{speaker.rule}", confidence=0.7,
                      date_window=(sentence.start, min(verb_end + 25, sentence.end)))
        if self.body[sentence.start:sentence.end].rstrip().endswith(":"):
            self.colon_speaker = speaker

    def _reports_a_number(self, sentence: Segment) -> bool:
        # "according to X" only sources a figure; "X says" is also X's statement.
        return any(sentence.start <= span.start < sentence.end for span in self.statistic_spans)

    # Direct quotes

    def _stands_alone(self, quote: Quote, sentence: Segment) -> bool:
        """A quotation that is a clause of its own, not words inside someone's clause."""
        inner = self.body[quote.inner.start:quote.inner.end]
        if len(inner.split()) < 4:
            return False
        before = self.body[sentence.start:quote.start].rstrip()
        after = self.body[quote.end:sentence.end].lstrip()
        opens_clause = (not before or before.endswith((":", ",")) or
                        re.search(r"\b(?:that|saying|as saying)$", before, re.IGNORECASE))
        closes_clause = (not after or after[0] in ",.;?!—-(" or inner.rstrip()[-1:] in ",.?!"
                         or QUOTING.match(after) or re.match(r"[\w\s.'’-]{0,60}\b(?:"
                         + QUOTE_VERBS + r")\b", after))
        return bool(opens_clause and closes_clause)

    def _quote_speaker(self, quote: Quote, sentence: Segment, paragraph: Segment
                       ) -> Speaker | None:
        after_end = sentence.end if quote.last_paragraph == quote.paragraph else (
            self.ctx.doc.sentence_at(quote.end - 1).end)
        trailing = self._trailing_attribution(quote.end, after_end)
        if trailing:
            return trailing
        leading = self._reported_speech(Segment(sentence.start, quote.start), quoting=True)
        if leading:
            return leading[0]
        if self.colon_speaker and quote.start == paragraph.start:
            return self.colon_speaker
        if self.last and self._quote_only(quote, paragraph):
            return Speaker(self.last.actor, self.last.description, "continues", 0.6)
        if self._follows_quote_in(paragraph) and self._quote_only(quote, sentence):
            # '"…," said X. "…."': a second quotation in the paragraph is X's too.
            return Speaker(self.last.actor, self.last.description, "continues_paragraph", 0.7)
        return None

    def _follows_quote_in(self, paragraph: Segment) -> bool:
        return bool(self.found) and self.found[-1]["kind"] == "direct_quote" and (
            self.last_end > paragraph.start)

    def _quote_only(self, quote: Quote, paragraph: Segment) -> bool:
        rest = (self.body[paragraph.start:quote.start] + self.body[quote.end:paragraph.end])
        return len(rest.split()) <= 1

    def _trailing_attribution(self, start: int, end: int) -> Speaker | None:
        """``…," he said`` / ``…," said Hamas`` / ``…," the official added``."""
        text = self.body[start:end]
        verb = QUOTING.search(text)
        if not verb or verb.start() > 80 or re.search(r"[.?!]\s", text[:verb.start()]):
            return None
        window = (start, start + verb.start())
        speaker = self._subject(*window)
        if speaker is None and re.match(r"\s*\b(?:" + QUOTE_VERBS + r")\b", text[verb.start():]):
            speaker = self._object_speaker(start + verb.end(), end)
        if speaker is not None:
            speaker.via = speaker.via or self._outlet_told(start + verb.start(),
                                                           start + verb.end())
        return speaker

    def _outlet_told(self, verb_start: int, verb_end: int) -> str | None:
        """The outlet right after ``told`` / ``confirmed to``: it relayed the words."""
        recipient = next(iter(self.ctx.mentions_in(verb_end, verb_end + 40)), None)
        if self.body[verb_start:verb_end] in ("told", "confirmed", "said") and recipient and (
                self.ctx.kind(recipient.actor) == "media_outlet"
                and re.fullmatch(r"\s*(?:to\s+)?", self.body[verb_end:recipient.start])):
            return recipient.actor
        return None

    def _object_speaker(self, start: int, end: int) -> Speaker | None:
        """``said Hamas`` / ``said US official X``: the first name after the verb."""
        for mention in self.ctx.mentions_in(start, min(end, start + 80)):
            return self._speaker_from(mention, "inverted")
        return None

    # Reported speech

    def _reported_speech(self, sentence: Segment, quoting: bool = False
                         ) -> tuple[Speaker, Segment, int] | None:
        """The speaker of a sentence's reporting verb, the clause reported, and where
        the verb ends; the last verb with a speaker wins, a media outlet only if no
        one else speaks (``a news site reported that the minister said…``)."""
        text = self.body[sentence.start:sentence.end]
        pattern = QUOTING if quoting else SPEECH
        candidates: list[tuple[Speaker, int, int]] = []
        floor = sentence.start
        for verb in pattern.finditer(text):
            start, end = sentence.start + verb.start(), sentence.start + verb.end()
            if (self._inside_quote(start) or NOT_SPEECH.search(self.body[floor:start])
                    or self.body.startswith(" by ", end)):
                continue
            speaker = self._subject(floor, start)
            if speaker and verb.group(0) == "quoted":
                quoted = QUOTED_AS_SAYING.match(text, verb.start())
                if quoted is None:
                    continue
                source = self._subject(sentence.start + quoted.start("np"),
                                       sentence.start + quoted.end("np") + 1)
                if source is None:
                    continue
                source.via = speaker.actor
                speaker, end = source, sentence.start + quoted.end()
            if speaker:
                candidates.append((speaker, start, end))
            floor = end
        for match in ACCORDING.finditer(text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if anaphor := re.match(r"the\s+(official|source|spokes\w+)\b", text[match.end():]):
                if self.last and self.last.description:
                    candidates.append((Speaker(self.last.actor, self.last.description,
                                               "anaphor", 0.7), start, end + anaphor.end()))
                continue
            mention = next(iter(self.ctx.mentions_in(end, min(end + 60, sentence.end))), None)
            if mention and not self._inside_quote(mention.start) and not re.search(
                    r"[,;]|\b(?:reports?|sources|media)\b", self.body[end:mention.start]):
                candidates.append((self._speaker_from(mention, "according_to"),
                                   start, mention.end))
        if not candidates:
            return None
        candidates.sort(key=lambda c: c[1])
        speakers = [c for c in candidates if self.ctx.kind(c[0].actor) != "media_outlet"]
        speakers = speakers or candidates
        speaker, start, end = speakers[-1]
        if speaker.rule in ("pronoun", "anaphor") and len(speakers) > 1:
            speaker, start, end = speakers[-2]  # "X said the group…, which he said…"
        via = next((c[0].actor for c in candidates if c[0].actor != speaker.actor and
                    self.ctx.kind(c[0].actor) == "media_outlet"), None)
        speaker.via = speaker.via or via or self._outlet_told(start, end)
        if self.ctx.kind(speaker.actor) == "media_outlet" and (
                citing := CITING.search(text)):
            # "…, Army Radio reported, citing a senior Israeli official": the official
            # spoke, the outlet relayed
            source = self._subject(sentence.start + citing.start("np"),
                                   sentence.start + citing.end("np"))
            if source and self.ctx.kind(source.actor) != "media_outlet":
                source.via = speaker.actor
                speaker = source
        return speaker, self._reported_clause(start, end, sentence), end

    def _reported_clause(self, verb_start: int, verb_end: int, sentence: Segment) -> Segment:
        """The words reported: after the verb, or before a trailing ``, X said``."""
        quotes = self.ctx.doc.quotes_opening(sentence.start, sentence.end)
        rest = self.body[verb_end:sentence.end]
        trailing = len(rest.split()) < 3 or (
            quotes and all(q.end <= verb_start for q in quotes)) or (
            # "…, the officials said on Tuesday." / "…, they said, speaking on condition…"
            # / "…, two officials said, as pressure grew…"
            self.body.rfind(",", sentence.start, verb_start) > sentence.start
            and TRAILING_REST.match(rest))
        if trailing:
            after_quotes = quotes[-1].end if quotes else sentence.start
            comma = (self.body.find(",", after_quotes, verb_start) if quotes
                     else self.body.rfind(",", after_quotes, verb_start))
            end = comma if comma != -1 else (after_quotes if quotes else verb_start)
            if end > sentence.start:
                return Segment(sentence.start, end)
        text = self.body[verb_end:sentence.end]
        lead = re.match(r"(?:[^,\"“]{0,40}?\bthat\b|\s*(?:on|in|to|at)\s[^,\"“]{0,30}?\bthat\b"
                        r"|\s*(?:[\w’']+\s+){0,3}?as saying(?: that)?|[\s,:]*)\s*", text)
        start = verb_end + (lead.end() if lead else 0)
        end = sentence.end
        trailing = re.search(r",\s+[^,]{0,120}\b(?:" + QUOTE_VERBS + r")\b[^,]*[.]?$",
                             self.body[start:end])
        if trailing and not any(m in trailing.group(0) for m in MARKS):
            end = start + trailing.start()
        return Segment(start, end)

    def _subject(self, floor: int, verb_start: int) -> Speaker | None:
        window = self.body[floor:verb_start]
        if pronoun := PRONOUN.search(window):
            return self._pronoun(pronoun.group("pronoun").lower(), floor + pronoun.start())
        mentions = [m for m in self.ctx.mentions_in(floor, verb_start)
                    if not self._inside_quote(m.start)]
        anaphor = ANAPHOR.search(window)
        if anaphor and not any(m.start >= floor + anaphor.start() and m.via != "demonym"
                               for m in mentions):
            return self._anaphor(anaphor.group("noun").lower(), floor + anaphor.start())
        if not mentions and (new := self._new_person(window)):
            return new
        if named := self._named_subject(floor, window, mentions):
            return named
        unnamed = self._unnamed(floor, verb_start, mentions)
        named = [m for m in mentions if m.via != "demonym" and not self._possessive(m)
                 and not self._is_object(m, floor)]
        if unnamed and not (named and named[-1].start > unnamed[1]):
            return unnamed[0]
        for mention in reversed(mentions):
            if self._is_object(mention, floor) or self._possessive(mention):
                continue
            if mention.via == "demonym":
                continue
            gap = self.body[mention.end:verb_start]
            if len(gap.split()) > 12 and "," not in gap:
                return None
            return self._speaker_from(mention, mention.via)
        return None

    def _named_subject(self, floor: int, window: str, mentions: list[Mention]
                       ) -> Speaker | None:
        """A name the gazetteer lacks right before the verb ("senior Hamas official
        Osama Hamdan said", "the State Department said"), or a name in apposition at the
        head of the clause ("Samer Abu Hilal, a political analyst, said")."""
        apposition = APPOSITION.search(window)
        if apposition:
            start, end = floor + apposition.start("name"), floor + apposition.end("name")
            head = [m for m in mentions if m.start < end and start < m.end]
            if head and head[0].via != "demonym" and head[0].start >= start:
                return self._speaker_from(head[0], "apposition")
            if not head:
                return self._new_person(window[:apposition.end("name")] + " ")
        match = NEW_NAME.search(window) or ACRONYM.search(window)
        if match and not any(m.start < floor + match.end("name") and floor + match.start("name")
                             < m.end for m in mentions):
            return self._new_person(window)
        return None

    def _new_person(self, window: str) -> Speaker | None:
        """A named person outside the gazetteer becomes a provisional actor, never a
        guess at an existing one; a later surname alone refers back to them."""
        for surname, actor_id in self.provisional_surnames.items():
            if re.search(rf"\b{re.escape(surname)},?\s+(?:also\s+)?$", window):
                return Speaker(actor_id, None, "provisional_speaker", 0.5)
        match = NEW_NAME.search(window) or ACRONYM.search(window)
        if not match:
            return None
        name = match.group("name")
        article = re.search(r"\bthe\s+$", window[:match.start("name")], re.IGNORECASE)
        if name.startswith("The ") and len(name.split()) > 2:
            name, article = name[4:], True  # "The State Department said"
        words = name.split()
        while len(words) > 2 and words[0].lower() in NOT_NAMES:
            words = words[1:]  # "Minister Sameh Shoukry": the title is not the name
        name = " ".join(words)
        if any(word.lower() in NOT_NAMES for word in words):
            return None
        body = BODY_WORD.search(name)
        kind = body.lastgroup if body else "international_organization" if name.isupper() else (
            "government_body" if article else "person")
        if kind == "media_outlet":
            return None  # an outlet relays what others say
        actor_id = self.ctx.provisional.add(name, kind, "actor.provisional_speaker")
        if kind == "person":
            self.provisional_surnames[name.split()[-1]] = actor_id
        return Speaker(actor_id, None, "provisional_speaker", 0.5)

    def _unnamed(self, floor: int, end: int, mentions: list[Mention]
                 ) -> tuple[Speaker, int] | None:
        """``A Hamas official`` / ``an unnamed high-level Egyptian source``."""
        if not mentions:
            return None
        pieces, at = [], floor
        for mention in mentions:  # in text order, inside [floor, end)
            pieces += [self.body[at:mention.start], "\x00" * (mention.end - mention.start)]
            at = mention.end
        text = "".join([*pieces, self.body[at:end]])
        for match in reversed(list(UNNAMED.finditer(text))):
            mention = next(m for m in mentions if m.start - floor == match.start("mention"))
            if self.ctx.is_object(mention, floor + match.start()) and not match.group("np"):
                continue
            if match.group("noun").lower() == "minister" and not match.group("np"):
                continue
            description = self.body[floor + match.start():floor + match.end()].strip()
            description = description[0].upper() + description[1:]
            return Speaker(mention.actor, description, "unnamed_source", 0.8), floor + match.end()
        return None

    def _is_object(self, mention: Mention, floor: int) -> bool:
        """``in Lebanon``, ``Egypt and Israel``, but not ``…, and Israel says``."""
        return self.ctx.is_object(mention, floor) and not re.search(
            r",\s+and\s+$", self.body[max(floor, mention.start - 8):mention.start])

    def _possessive(self, mention: Mention) -> bool:
        return self.body[mention.end:mention.end + 2] in ("'s", "’s") or (
            self.body[mention.end:mention.end + 1] in "'’" and self.body[mention.end - 1] == "s")

    def _speaker_from(self, mention: Mention, rule: str) -> Speaker:
        description = None
        if mention.via == "demonym":
            description = self.body[mention.start:mention.end]
        return Speaker(mention.actor, description, rule, 0.85 if rule == "name" else 0.75)

    def _pronoun(self, pronoun: str, at: int) -> Speaker | None:
        people = pronoun in ("he", "she")
        mention = self.ctx.last_actor_before(
            at, lambda m: self.ctx.is_person(m.actor) == people)
        if people and mention and mention.start >= self.last_end and not (
                self.last and self.ctx.is_person(self.last.actor)
                and self.last_end > self.ctx.doc.sentence_at(mention.start).start):
            # "Netanyahu struck a tougher tone. He said…": the person named since the
            # last statement, unless that statement's speaker is a person in the same
            # sentence as the name
            return Speaker(mention.actor, None, "pronoun", 0.65)
        if self.last and (self.ctx.is_person(self.last.actor) == people
                          or self.last.description):
            return Speaker(self.last.actor, self.last.description, "pronoun", 0.7)
        return Speaker(mention.actor, None, "pronoun", 0.6) if mention else None

    def _anaphor(self, noun: str, at: int) -> Speaker | None:
        if noun in BODY_NOUNS:
            def fits(actor: str) -> bool:
                return self.ctx.kind(actor) == "government_body"
        elif noun in GROUP_NOUNS:
            def fits(actor: str) -> bool:
                return self.ctx.kind(actor) in GROUP_NOUNS[noun]
        elif noun in PERSON_NOUNS:
            def fits(actor: str) -> bool:
                return self.ctx.is_person(actor) and _title_fits(self.ctx.title(actor), noun)
        else:  # an official, a source, a spokesman: the unnamed speaker last quoted
            if self.last and self.last.description:
                return Speaker(self.last.actor, self.last.description, "anaphor", 0.7)
            return None
        if self.last and fits(self.last.actor):
            return Speaker(self.last.actor, self.last.description, "anaphor", 0.7)
        mention = self.ctx.last_actor_before(at, lambda m: fits(m.actor) or (
            noun in GROUP_NOUNS and self.ctx.is_person(m.actor)
            and fits(self.ctx.affiliation(m.actor))))
        if mention is None:
            return None
        if not fits(mention.actor):  # "Hamas official X said… The group said": Hamas
            return Speaker(self.ctx.affiliation(mention.actor), None, "anaphor", 0.6)
        return Speaker(mention.actor, None, "anaphor", 0.6)

    def _inside_quote(self, offset: int) -> bool:
        return self.ctx.doc.in_quote(offset)

    # Records

    def _direct(self, quote: Quote, sentence: Segment, speaker: Speaker) -> None:
        """One statement per paragraph of the quotation, as curators record a quotation
        that runs on (news style reopens the marks in each paragraph)."""
        if quote.last_paragraph == quote.paragraph:
            parts = [(quote.inner, sentence)]
        else:
            paragraphs = [p for p in self.ctx.doc.paragraphs if p.overlaps(quote)]
            last_sentence_end = self.ctx.doc.sentence_at(quote.end - 1).end
            parts = [(Segment(max(p.start, quote.inner.start), min(p.end, quote.inner.end)),
                      Segment(max(p.start, min(sentence.start, quote.start)),
                              min(p.end, last_sentence_end)))
                     for p in paragraphs]
        date_window = (quote.end, parts[-1][1].end)
        for words, span in parts:
            text = re.sub(r"^\s*[" + MARKS + r"]", "", self.body[words.start:words.end])
            self._add(speaker, "direct_quote", text.strip().rstrip(",").strip(), [span],
                      rule=f"statement.direct_quote.{speaker.rule}",
                      confidence=speaker.confidence, date_window=date_window)

    def _partial(self, sentence: Segment, clause: Segment, speaker: Speaker,
                 verb_end: int) -> bool:
        text = self._clean(clause)
        if sum(text.count(mark) for mark in MARKS) < 2:
            return False
        self._add(speaker, "partial_quote", text, [sentence],
                  rule=f"statement.partial_quote.{speaker.rule}", confidence=0.75,
                  date_window=(sentence.start, min(verb_end + 25, sentence.end)))
        return True

    def _clean(self, clause: Segment) -> str:
        text = DATELINE.sub("", self.body[clause.start:clause.end].strip())
        return re.sub(r"[\s,.;:]+$", "", text)

    def _add(self, speaker: Speaker, kind: str, text: str, spans: list[Segment], *,
             rule: str, confidence: float, date_window: tuple[int, int]) -> None:
        if not text:
            return
        self.last = speaker
        self.last_end = spans[-1].end
        record = {
            "speaker": speaker.actor, "speaker_description": speaker.description,
            "via": speaker.via, "kind": kind, "text": text,
            "topics": topics(text),
            "extraction": {"method": "rule", "rule": rule, "confidence": confidence},
            "_spans": spans,
        }
        record.update(self.ctx.date_in(*date_window))
        self.found.append(record)


def _title_fits(title: str | None, noun: str) -> bool:
    """Whether "the president" may be someone titled ``title``: not a vice president,
    nor a prime minister. "The leader", "the envoy" may be anyone in office."""
    if not title or noun not in ("president", "minister"):
        return True
    words = fold_text(title).replace("-", " ").split()
    return noun in words and not {"vice", "deputy", "former"} & set(words)


def _quick(pattern: str) -> re.Pattern:
    """The pattern, behind a lookahead for the first letters of its alternatives, which
    lets the regex engine skip the positions where none of them can start."""
    firsts = {alternative.removeprefix(r"\b")[0].lower() for alternative in pattern.split("|")}
    assert all(letter.isalpha() for letter in firsts), pattern
    return re.compile(f"(?=[{''.join(sorted(firsts))}])(?:{pattern})", re.IGNORECASE)


_TOPICS = [(topic, _quick(pattern)) for topic, pattern in TOPICS]


def topics(text: str) -> list[str]:
    return [topic for topic, pattern in _TOPICS if pattern.search(text)]
