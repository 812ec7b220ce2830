"""The shape of an article's text: paragraphs, sentences and quotations, as offsets.

Everything here works on character offsets into the body, so whatever a rule finds
can be cited as evidence exactly as printed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT

#: Words that end in a full stop without ending the sentence.
ABBREVIATIONS = frozenset("""
    mr mrs ms dr prof gen maj lt col capt sgt cpl st jr sr rep sen gov pres no nos vs
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est fig approx
    e.g i.e u.s u.n u.k u.a.e a.m p.m
""".split())  # noqa: SIM905 - a word list reads better than a list literal

_MARK = re.compile(f"[{MARKS}]")
_ENDS_SENTENCE = re.compile(r"[.!?][”\"’')]*\s*$")
_SENTENCE_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[“\"‘(\[A-Z0-9])|[a-z]{2}\.(?=[A-Z][a-z])")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def overlaps(self, other: Segment) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Quote(Segment):
    """A quotation: ``start``/``end`` include the marks, ``inner`` excludes them."""

    inner: Segment
    paragraph: int  # where it opens
    last_paragraph: int  # where it closes (a quote may run over several)



@dataclass
class Document:
    body: str
    folded: str
    paragraphs: list[Segment] = field(default_factory=list)
    sentences: list[Segment] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def index(self) -> None:
        """Offsets to bisect: sentences, paragraphs and quotations are in text order."""
        self._sentence_starts = [s.start for s in self.sentences]
        self._quote_starts = [q.start for q in self.quotes]
        self._quote_reach = []  # the furthest end of any quotation opened so far
        reach = -1
        for quote in self.quotes:
            reach = max(reach, quote.end)
            self._quote_reach.append(reach)

    def text(self, segment: Segment) -> str:
        return self.body[segment.start:segment.end]

    def is_headline(self, segment: Segment) -> bool:
        """Whether ``segment`` lies in a first paragraph that no full stop ends: a
        headline, which sums up the article and is no evidence of its own."""
        first = self.paragraphs[0] if self.paragraphs else None
        return bool(first and segment.start in first and not _ENDS_SENTENCE.search(
            self.body, first.start, first.end))

    def sentence_at(self, offset: int) -> Segment:
        at = bisect_right(self._sentence_starts, offset) - 1
        if at >= 0 and offset in self.sentences[at]:
            return self.sentences[at]
        return Segment(offset, offset)

    def quotes_opening(self, start: int, end: int) -> list[Quote]:
        """The quotations that open at ``start`` or later and before ``end``."""
        return self.quotes[bisect_left(self._quote_starts, start):
                           bisect_left(self._quote_starts, end)]

    def in_quote(self, offset: int, strict: bool = False) -> bool:
        """Whether a quotation runs over ``offset`` (opens strictly before it if ``strict``)."""
        opened = (bisect_left if strict else bisect_right)(self._quote_starts, offset)
        return opened > 0 and self._quote_reach[opened - 1] > offset


def parse(body: str) -> Document:
    doc = Document(body, fold_text(body))
    doc.paragraphs = _paragraphs(body)
    doc.quotes = _quotes(body, doc.paragraphs)
    doc.sentences = [s for p in doc.paragraphs for s in _sentences(body, p, doc.quotes)]
    doc.index()
    return doc


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "’‘`´":
            folded = "'"
        elif char in "‐‑‒–—":
            folded = "-"
        else:
            base = unicodedata.normalize("NFKD", char)[0].lower()
            folded = base if len(base) == 1 else char
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold_text(text: str) -> str:
    """Lowercase, accents and typographic marks flattened, one character per character."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def _paragraphs(body: str) -> list[Segment]:
    return [Segment(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body)
            if body[m.start():m.end()].strip()]


def _mark_opens(text: str, at: int) -> bool:
    mark = text[at]
    if mark != STRAIGHT:
        return mark == OPENING
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isspace() or before in "([—-–:":
        return not after.isspace()
    return False


def _quotes(body: str, paragraphs: list[Segment]) -> list[Quote]:
    """Pair the marks paragraph by paragraph; an unclosed quote runs on into a paragraph
    that opens with a mark, as news style writes a quotation over several paragraphs."""
    quotes: list[Quote] = []
    pending: tuple[int, int] | None = None  # (start offset, paragraph) of an unclosed quote
    for index, paragraph in enumerate(paragraphs):
        text = body[paragraph.start:paragraph.end]
        stripped = len(text) - len(text.lstrip())
        if pending and not (text[stripped:stripped + 1] in MARKS
                            and _mark_opens(text, stripped)):
            pending = None  # the unclosed quote does not continue: drop it
        open_at: int | None = None
        for mark in _MARK.finditer(text):
            at = mark.start()
            absolute = paragraph.start + at
            if _mark_opens(text, at):
                if pending and at == stripped:
                    continue  # the continuation mark of a running quote
                open_at = absolute
            elif pending:
                start, first = pending
                quotes.append(Quote(start, absolute + 1, Segment(start + 1, absolute),
                                    first, index))
                pending = None
            elif open_at is not None:
                quotes.append(Quote(open_at, absolute + 1, Segment(open_at + 1, absolute),
                                    index, index))
                open_at = None
        if pending is None and open_at is not None:
            pending = (open_at, index)
    return quotes


def _sentences(body: str, paragraph: Segment, quotes: list[Quote]) -> list[Segment]:
    """Split at sentence ends, never inside a quotation nor after an abbreviation."""
    text = body[paragraph.start:paragraph.end]
    inside = [q for q in quotes if q.overlaps(paragraph)]
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        absolute = paragraph.start + end
        if any(q.start < absolute < q.end - 1 for q in inside):
            continue
        word = _word_before(text, match.start())
        if word and (word.lower() in ABBREVIATIONS or len(word) == 1):
            continue
        sentences.append(_trimmed(paragraph.start + start, absolute, body))
        start = end
    if text[start:].strip():
        sentences.append(_trimmed(paragraph.start + start, paragraph.end, body))
    return sentences


def _word_before(text: str, dot: int) -> str | None:
    """The word (dots included: "U.S") that the full stop at ``dot`` ends, if any."""
    if text[dot] != ".":
        return None
    start = dot
    while start and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:dot] or None


def _trimmed(start: int, end: int, body: str) -> Segment:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Segment(start, end)
