"""Score the extraction rules against curated annotations.

The rules run alone (no curated layer) on each annotated article. A predicted
record matches a curated one of the same type when their evidence spans overlap;
each record matches at most once, the largest overlaps paired first. On matched
pairs the key field is compared: a statement's speaker, a statistic's value and
metric, a meeting's participants, a proposal's proposer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Corpus
from .extract import RECORD_TYPES, Gazetteer, extract
from .spans import evidence_spans, overlap

KEY_FIELDS = {
    "statements": "speaker",
    "statistics": "value and metric",
    "meetings": "participants",
    "proposals": "proposer",
}


@dataclass(frozen=True)
class Scored:
    spans: tuple[tuple[int, int], ...]
    key: object
    label: str


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    key_correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong_keys: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def key_accuracy(self) -> float:
        return self.key_correct / self.matched if self.matched else 1.0


def key_of(kind: str, entry: dict) -> object:
    if kind == "statements":
        return entry["speaker"]
    if kind == "statistics":
        return (float(entry["value"]), entry["metric"])
    if kind == "meetings":
        return frozenset(p["actor"] for p in entry.get("participants", []))
    return next((p["actor"] for p in entry.get("parties", []) if p["role"] == "proposer"), None)


def scored(source_id: str, body: str, kind: str, entries: Iterable[dict]) -> list[Scored]:
    out = []
    for entry in entries:
        spans = evidence_spans(source_id, body, entry.get("evidence") or [])
        if spans:
            label = (entry.get("evidence") or [{}])[0].get("text", "")[:90]
            out.append(Scored(tuple(spans), key_of(kind, entry), label))
    return out




def compare(tally: Tally, gold: list[Scored], predicted: list[Scored], where: str) -> None:
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    pairs = sorted(((overlap(list(g.spans), list(p.spans)), i, j) for i, g in enumerate(gold)
                    for j, p in enumerate(predicted)), reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for size, i, j in pairs:
        if size <= 0 or i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        tally.matched += 1
        if gold[i].key == predicted[j].key:
            tally.key_correct += 1
        else:
            tally.wrong_keys.append(
                f"{where}: {predicted[j].key!r} for {gold[i].key!r}: {gold[i].label!r}")
    tally.misses += [f"{where}: {g.label!r}" for i, g in enumerate(gold) if i not in used_gold]
    tally.false_alarms += [f"{where}: {p.label!r}" for j, p in enumerate(predicted)
                           if j not in used_pred]


def evaluate(corpus: Corpus, gazetteer: Gazetteer) -> dict[str, Tally]:
    from .ingest import article_date  # the same publication date ingest would find

    tallies = {kind: Tally() for kind in RECORD_TYPES}
    for source_id, annotation in sorted(corpus.annotations.items()):
        article = corpus.articles.get(source_id)
        if article is None:
            continue
        published, basis = article_date(article.body, article.front_matter)
        predicted = extract(article.body, gazetteer, published, basis)
        for kind in RECORD_TYPES:
            compare(tallies[kind], scored(source_id, article.body, kind, annotation[kind]),
                    scored(source_id, article.body, kind, predicted[kind]), source_id)
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    lines = ["| type | gold | found | matched | precision | recall | F1 | key field | accuracy |",
             "|---|---|---|---|---|---|---|---|---|"]
    for kind, t in tallies.items():
        lines.append(f"| {kind} | {t.gold} | {t.predicted} | {t.matched} | {t.precision:.2f} "
                     f"| {t.recall:.2f} | {t.f1:.2f} | {KEY_FIELDS[kind]} | "
                     f"{t.key_accuracy:.2f} |")
    return "\n".join(lines)


def details(tallies: dict[str, Tally]) -> str:
    out = []
    for kind, t in tallies.items():
        for title, items in (("missed", t.misses), ("false alarms", t.false_alarms),
                             ("wrong " + KEY_FIELDS[kind], t.wrong_keys)):
            if items:
                out.append(f"{kind} {title}:")
                out += [f"  {item}" for item in items]
    return "\n".join(out)


def seed_gazetteer(root: Path) -> Gazetteer:
    from .corpus import read_gazetteers
    actors, locations = read_gazetteers(root)
    return Gazetteer.build(actors, locations)
