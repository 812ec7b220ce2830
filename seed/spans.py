"""Locate evidence text in a source body."""

from __future__ import annotations

from dataclasses import dataclass


class SpanError(ValueError):
    """Evidence text that cannot be pinned to one place in the body."""


@dataclass(frozen=True)
class Span:
    source_id: str
    start: int
    end: int
    text: str


def find_all(body: str, text: str) -> list[int]:
    starts, at = [], body.find(text)
    while at != -1:
        starts.append(at)
        at = body.find(text, at + 1)
    return starts


def evidence_spans(source_id: str, body: str, evidence: list[dict]) -> list[tuple[int, int]]:
    """(start, end) of each evidence item that can be located; the others are skipped
    here and reported where their record is built."""
    spans = []
    for item in evidence:
        try:
            span = locate(source_id, body, item["text"], item.get("occurrence"))
        except SpanError:
            continue
        spans.append((span.start, span.end))
    return spans


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Characters two sets of spans share."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def locate(source_id: str, body: str, text: str, occurrence: int | None = None) -> Span:
    """The span of ``text`` in ``body``; ``occurrence`` (1-based) picks among repeats."""
    starts = find_all(body, text)
    if not starts:
        raise SpanError(f"evidence text not found in the body of {source_id}: {text!r}")
    if occurrence is None and len(starts) > 1:
        raise SpanError(
            f"evidence text occurs {len(starts)} times in {source_id}; "
            f"add 'occurrence: N' to pick one: {text!r}"
        )
    index = (occurrence or 1) - 1
    if index >= len(starts):
        raise SpanError(
            f"occurrence {occurrence} asked for, but the text occurs {len(starts)} "
            f"time(s) in {source_id}: {text!r}"
        )
    start = starts[index]
    return Span(source_id, start, start + len(text), text)
