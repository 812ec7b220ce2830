"""Completeness: is every number and every quotation in each article accounted for?

A number is accounted for when it lies in the evidence of a statistic or of a
proposal term; a quotation, when a quote-kind statement's text lies inside it.
Anything else must be listed under the annotation's ``not_annotated`` with the
reason it is not a fact we record. Dates are not counted numbers and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from api import models
from api.vocab import StatementKind

from .build import Dataset

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "dozen dozens half quarter"
)
# Digits joined to letters are part of a name ("Arabi21"), not a number.
NUMBER = re.compile(
    r"(?<!\w)\d+(?:[.,]\d+)*%?(?!\w)"
    r"|\b(?:" + "|".join(_NUMBER_WORDS.split()) + r")\b",
    re.IGNORECASE,
)
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
DATE = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\b\d{{1,2}}\s+{_MONTH}(?:\s*,?\s*\d{{4}})?"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?(?:\b|,\d{{4}})"
    rf"|\b(?:19|20)\d{{2}}\b"
)
QUOTE_MARKS = re.compile(r"[\"“”]")
_QUOTE_KINDS = {StatementKind.DIRECT_QUOTE, StatementKind.PARTIAL_QUOTE}


@dataclass(frozen=True)
class Gap:
    source_id: str
    kind: str  # "number" or "quotation"
    start: int
    end: int
    text: str

    def __str__(self) -> str:
        return f"{self.source_id} [{self.start}:{self.end}] {self.kind}: {self.text!r}"


def find_gaps(dataset: Dataset) -> list[Gap]:
    gaps: list[Gap] = []
    for source in dataset.rows.get(models.Source, []):
        gaps += _gaps_in(dataset, source["id"], source["body"])
    return gaps


def _gaps_in(dataset: Dataset, source_id: str, body: str) -> Iterator[Gap]:
    spans = _spans_by_type(dataset, source_id)
    excluded = [(s.start, s.end) for s, _ in dataset.exclusions.get(source_id, [])]
    numeric = spans["statistic"] + spans["proposal_term"] + excluded
    dates = [(m.start(), m.end()) for m in DATE.finditer(body)]
    for match in NUMBER.finditer(body):
        here = (match.start(), match.end())
        if not _inside(here, dates) and not _inside(here, numeric):
            yield Gap(source_id, "number", *here, match.group())
    quoted = _statement_texts(dataset, source_id, body) + excluded
    for start, end in quotations(body):
        if not any(s < end and start < e for s, e in quoted):
            yield Gap(source_id, "quotation", start, end, body[start:end])


def quotations(body: str) -> Iterator[tuple[int, int]]:
    """Spans of quoted passages: quote marks paired in order within each paragraph.

    Straight and curly marks are paired alike, since articles mix them. A paragraph
    with an unpaired mark yields its last mark alone, so it is reported too.
    """
    offset = 0
    for paragraph in body.split("\n"):
        marks = [m.start() + offset for m in QUOTE_MARKS.finditer(paragraph)]
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            yield opening + 1, closing
        if len(marks) % 2:
            yield marks[-1], marks[-1] + 1
        offset += len(paragraph) + 1


def _spans_by_type(dataset: Dataset, source_id: str) -> dict[str, list[tuple[int, int]]]:
    by_type: dict[str, list[tuple[int, int]]] = {"statistic": [], "proposal_term": []}
    for row in dataset.rows.get(models.Evidence, []):
        if row["source_id"] == source_id:
            by_type.setdefault(row["record_type"], []).append((row["start"], row["end"]))
    return by_type


def _statement_texts(dataset: Dataset, source_id: str, body: str) -> list[tuple[int, int]]:
    """Where each quote-kind statement's text sits in the body."""
    evidence: dict[str, list[dict]] = {}
    for row in dataset.rows.get(models.Evidence, []):
        if row["record_type"] == "statement":
            evidence.setdefault(row["record_id"], []).append(row)
    located = []
    for statement in dataset.rows.get(models.Statement, []):
        if statement["source_id"] != source_id or statement["kind"] not in _QUOTE_KINDS:
            continue
        for span in evidence.get(statement["id"], []):
            if (at := span["text"].find(statement["text"])) != -1:
                start = span["start"] + at
                located.append((start, start + len(statement["text"])))
    return located


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)
