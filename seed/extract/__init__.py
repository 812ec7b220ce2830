"""Rule-based extraction: an article in, annotation entries out.

The rules are deterministic, need no network and no model, and name no article.
They return entries in the curated annotations' own format (``schemas.annotations``),
so an automatic record is validated, identified and loaded exactly like a curated
one, and a reviewer can copy one into a file to correct it. Every entry carries
``extraction`` = {method: rule, rule, confidence}.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..spans import find_all
from .context import Context
from .gazetteer import Gazetteer
from .meetings import MeetingRules
from .people import Provisional, titled_people
from .proposals import ProposalRules
from .statements import StatementRules
from .statistics import StatisticRules
from .text import Segment, parse

__all__ = ["Gazetteer", "extract"]

RECORD_TYPES = ("meetings", "proposals", "statements", "statistics")


def extract(body: str, gazetteer: Gazetteer, published: dt.date | None = None,
            published_basis: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Annotation entries for ``body``: meetings, proposals, statements, statistics."""
    doc = parse(body)
    provisional = Provisional()
    mentions = titled_people(doc, gazetteer.mentions(doc), provisional)
    ctx = Context(doc, gazetteer, mentions, published, published_basis, provisional)
    # Later rules read what earlier ones found (a number's sentence is no paraphrase).
    for kind, rules in (("statistics", StatisticRules), ("statements", StatementRules),
                        ("meetings", MeetingRules), ("proposals", ProposalRules)):
        ctx.records[kind] = rules(ctx).run()
    found = {kind: [_finish(body, entry) for entry in ctx.records[kind]]
             for kind in RECORD_TYPES}
    cited = _actors_cited(found)
    found["actors"] = [a for a in provisional.actors if a["id"] in cited]
    return found


def _actors_cited(found: dict[str, list[dict]]) -> set[str]:
    """The actors the records refer to: a provisional one is kept only if cited."""
    cited = {entry["speaker"] for entry in found["statements"]}
    cited |= {entry["claimed_by"] for entry in found["statistics"] if entry.get("claimed_by")}
    cited |= {p["actor"] for entry in found["meetings"] for p in entry.get("participants", [])}
    for entry in found["proposals"]:
        cited |= {p["actor"] for p in entry.get("parties", [])}
        cited |= {p["actor"] for p in entry.get("positions", [])}
    return cited


def _finish(body: str, entry: dict) -> dict:
    """Turn internal spans into evidence items (text, and occurrence when repeated)."""
    entry = dict(entry)
    entry["evidence"] = [evidence_item(body, span) for span in entry.pop("_spans", [])]
    for nested in ("terms", "positions"):
        if nested in entry:
            entry[nested] = [_finish(body, item) for item in entry[nested]]
    if "_term_span" in entry:
        span = entry.pop("_term_span")
        entry.update(evidence_item(body, span))
        entry.pop("evidence", None)
    return {key: value for key, value in entry.items() if value not in (None, [], {})
            or key in ("evidence",)}


def evidence_item(body: str, span: Segment) -> dict:
    text = body[span.start:span.end]
    starts = find_all(body, text)
    item = {"text": text}
    if len(starts) > 1:
        item["occurrence"] = starts.index(span.start) + 1
    return item
