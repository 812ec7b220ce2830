"""The two layers of an article's records: curated annotations over extraction rules.

The rules run on every article. A reviewer's file can reject a rule record or patch
its fields, each found by the evidence it cites; a review that no longer matches
the article or any rule record is an error, never skipped. A rule record whose
evidence overlaps a curated record of the same type is the same fact, and the
curated record wins. What is left of the rules joins the curated records.
"""

from __future__ import annotations

import copy
from typing import Any

from marshmallow import Schema, ValidationError

from api.vocab import ExtractionMethod, ReviewAction
from schemas.annotations import (
    MeetingSchema,
    ProposalSchema,
    ProvisionalActorSchema,
    StatementSchema,
    StatisticSchema,
)

from .corpus import Article
from .extract import Gazetteer, extract
from .ingest import article_date
from .problems import Problems
from .spans import SpanError, evidence_spans, locate
from .spans import overlap as _overlap

SCHEMAS: dict[str, type[Schema]] = {
    "meetings": MeetingSchema, "proposals": ProposalSchema,
    "statements": StatementSchema, "statistics": StatisticSchema,
}
Spans = list[tuple[int, int]]


def with_rules(article: Article, annotation: dict[str, Any], gazetteer: Gazetteer,
               problems: Problems) -> dict[str, Any]:
    """``annotation`` (curated, loaded) joined by the reviewed rule records."""
    source = annotation["source"]
    if source["published_on"] is not None:
        published, basis = source["published_on"].value, source["date_basis"]
    else:
        published, basis = article_date(article.body, article.front_matter)
    found = extract(article.body, gazetteer, published, basis)
    _review(article, found, annotation["review"], problems)
    combined = dict(annotation)
    key_prefix = article.source_id.lower().replace("_", "-")
    for kind, schema in SCHEMAS.items():
        curated = [_spans(article, entry["evidence"]) for entry in annotation[kind]]
        kept = [entry for entry in found[kind] if not any(
            _overlap(_spans(article, entry["evidence"]), spans) for spans in curated)]
        if kind == "proposals":
            for entry in kept:
                entry["key"] = f"{key_prefix}-{entry['key']}"
        try:
            combined[kind] = annotation[kind] + schema(many=True).load(kept)
        except ValidationError as error:
            problems.add(f"rules.{kind}", f"a rule or a patch made an invalid record: "
                                          f"{error.messages}")
    combined["actors"] = ProvisionalActorSchema(many=True).load(found.get("actors", []))
    return combined


def _review(article: Article, found: dict[str, list[dict]], reviews: list[dict],
            problems: Problems) -> None:
    rejected: dict[str, set[int]] = {kind: set() for kind in SCHEMAS}
    for index, review in enumerate(reviews):
        where = f"review[{index}]"
        try:
            span = locate(article.source_id, article.body, review["evidence"],
                          review["occurrence"])
        except SpanError as error:
            problems.add(f"{where}.evidence", str(error))
            continue
        kind = review["type"] + "s"
        matches = sorted(((_overlap(_spans(article, entry["evidence"]), [(span.start, span.end)]),
                           position) for position, entry in enumerate(found[kind])),
                         reverse=True)
        matches = [m for m in matches if m[0] > 0]
        if not matches:
            problems.add(where, f"matches no automatic {review['type']}: the rules no longer "
                                f"find one citing {review['evidence']!r}")
            continue
        if len(matches) > 1 and matches[0][0] == matches[1][0]:
            problems.add(where, f"matches {len(matches)} automatic {review['type']}s "
                                f"equally: cite more of the one meant")
            continue
        position = matches[0][1]
        if review["action"] == ReviewAction.REJECT:
            rejected[kind].add(position)
        else:
            entry = found[kind][position]
            entry.update(copy.deepcopy(review["set"]))
            entry["extraction"] = {**entry["extraction"],
                                   "method": ExtractionMethod.CURATED.value}
    for kind, positions in rejected.items():
        found[kind] = [e for i, e in enumerate(found[kind]) if i not in positions]


def _spans(article: Article, evidence: list[dict]) -> Spans:
    return evidence_spans(article.source_id, article.body, evidence)
