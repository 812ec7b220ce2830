"""Ingest articles Parley has never seen: read, refuse or extract, load.

Each file is read and extracted on its own (in parallel for large batches, one
process per core); a file that cannot be used is refused with its reason and
writes nothing. What is accepted is loaded in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marshmallow import ValidationError
from sqlalchemy import Engine, select
from sqlmodel import Session

from api import migrate, models
from schemas.annotations import AnnotationSchema

from .extract import Gazetteer
from .extract.dates import publication_date

PARALLEL_FROM = 16  # files; below this, starting processes costs more than it saves
COUNTED = {"statements": models.Statement, "statistics": models.Statistic,
           "meetings": models.Meeting, "proposals": models.Proposal}


def article_date(body: str, front_matter: dict[str, Any]) -> tuple[dt.date | None, str | None]:
    """The publication date the file gives (front matter) or the article states."""
    if front_matter.get("published_on"):
        return front_matter["published_on"].value, "stated"
    found = publication_date(body)
    return (found[0], "stated") if found else (None, None)


def article_source_id(body: str) -> str:
    """Ingested articles are named by their content: the same text, the same id."""
    return "art_" + hashlib.sha256(body.encode()).hexdigest()[:16]


@dataclass
class Outcome:
    path: str
    source_id: str | None = None
    error: str | None = None
    rows: dict = field(default_factory=dict)

    def count(self, kind: str) -> int:
        return len(self.rows.get(COUNTED[kind], []))


def article_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders for their ``*.txt`` files, recursively, sorted."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    return found


_worker: dict[str, Any] = {}


def _start_worker(seed_dir: Path, reviews: Path | None) -> None:
    from .corpus import read_gazetteers

    actors, locations = read_gazetteers(seed_dir)
    _worker.update(actors=actors, locations=locations, seed_dir=seed_dir, reviews=reviews,
                   gazetteer=Gazetteer.build(actors, locations))


def prepare(path: Path) -> Outcome:
    """Read, extract and build one article's rows; the reason if it cannot be used."""
    from .build import build_corpus
    from .corpus import Corpus, read_article
    from .problems import Problem, SeedError
    from .yamlio import YamlError, read_yaml

    try:
        article = read_article(path, source_id="?")
        source_id = article_source_id(article.body)
        article = type(article)(source_id, article.body, article.raw_sha256,
                                article.front_matter)
        review = _worker["reviews"] / f"{source_id}.yaml" if _worker["reviews"] else None
        raw = read_yaml(review) if review and review.exists() else {}
        raw.setdefault("source", {})
        for key, value in source_meta(article.body, article.front_matter).items():
            raw["source"].setdefault(key, value)
        annotation = AnnotationSchema().load(raw)
    except ValidationError as error:  # the review file's entries
        return Outcome(str(path), error=f"review file: {error.messages}")
    except (OSError, ValueError, YamlError) as error:
        return Outcome(str(path), error=str(error))
    corpus = Corpus(_worker["seed_dir"], {source_id: article}, _worker["actors"],
                    _worker["locations"], {source_id: annotation})
    problems: list[Problem] = []
    try:
        dataset = build_corpus(corpus, problems, gazetteer_rows=False,
                               gazetteer=_worker["gazetteer"])
    except SeedError as error:
        return Outcome(str(path), source_id, "; ".join(p.message for p in error.problems))
    return Outcome(str(path), source_id, rows=dataset.rows)


def source_meta(body: str, front_matter: dict[str, Any]) -> dict[str, Any]:
    """The source fields the file gives, else those the article states; else unknown."""
    meta = {key: value for key, value in front_matter.items() if value is not None}
    if "published_on" in meta:
        meta["published_on"] = _partial(meta["published_on"])
        meta["date_basis"] = "stated"
    elif found := publication_date(body):
        meta.update(published_on=found[0].isoformat(), date_basis="stated",
                    evidence=[body[found[1]:found[2]]])
    if "title" not in meta:
        first = body.split("\n", 1)[0].strip()
        if 3 <= len(first.split()) <= 25 and not first.endswith((".", "”", '"')):
            meta["title"] = first
    if "outlet" not in meta:
        byline = re.search(r"^(?:By|Source:|—)\s+(?P<outlet>[A-Z][\w .&-]{1,60}?)(?:\s+with\s+|$)",
                           body, re.MULTILINE)
        if byline:
            meta["outlet"] = byline.group("outlet").strip()
    return meta


def _partial(value: Any) -> str:
    return value.value.isoformat() if value.precision == "day" else (
        value.value.strftime("%Y-%m") if value.precision == "month" else str(value.value.year))


def prepare_all(paths: list[Path], seed_dir: Path, reviews: Path | None,
                workers: int | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of ``paths``, on every core for a large batch."""
    workers = workers or os.cpu_count() or 1
    if len(paths) < PARALLEL_FROM or workers == 1:
        _start_worker(seed_dir, reviews)
        yield from map(prepare, paths)
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker,
                             initargs=(seed_dir, reviews)) as pool:
        yield from pool.map(prepare, paths, chunksize=max(1, len(paths) // (workers * 8)))


def ingest(engine: Engine, paths: list[Path], seed_dir: Path, reviews: Path | None = None,
           replace: bool = False, workers: int | None = None,
           progress: Callable[[Iterable[Outcome]], Iterable[Outcome]] = lambda x: x
           ) -> list[Outcome]:
    """Ingest ``paths``; refusals are in the outcomes, the rest is loaded at once."""
    from .build import Dataset, build_dataset
    from .load import load

    migrate.upgrade(engine)
    with Session(engine) as session:
        seeded = session.get(models.DatasetState, "seed") is not None
        known = set(session.scalars(select(models.Source.id)))
    if not seeded:  # the records refer to the gazetteers' actors and places
        load(engine, build_dataset(seed_dir))
    outcomes: list[Outcome] = []
    batch: set[str] = set()
    for outcome in progress(prepare_all(paths, seed_dir, reviews, workers)):
        if outcome.error is None and outcome.source_id in batch:
            outcome.error = "the same article as another file in this batch"
        elif outcome.error is None and outcome.source_id in known and not replace:
            outcome.error = f"already ingested (same content) as {outcome.source_id}"
        if outcome.error is None:
            batch.add(outcome.source_id)
        outcomes.append(outcome)
    accepted = [o for o in outcomes if o.error is None]
    if accepted:
        rows: dict = defaultdict(list)
        actors: dict[str, dict] = {}
        for outcome in accepted:
            for model, model_rows in outcome.rows.items():
                if model is models.Actor:
                    actors.update({row["id"]: row for row in model_rows})
                else:
                    rows[model] += model_rows
        rows[models.Actor] = list(actors.values())
        load(engine, Dataset(dict(rows)), state_name="ingest")
    return outcomes
