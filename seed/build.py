"""Turn a validated corpus into table rows, checking everything that spans files.

``build_dataset`` either returns every row of every table, with evidence offsets
and stable ids computed, or raises ``SeedError`` listing every problem found: it
never stops at the first, and it never touches a database.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import SQLModel

from api import models, search
from api.names import fold, search_key
from api.vocab import DateBasis, MeetingStatus, StatementKind

from .corpus import DEFAULT_SEED_DIR, Article, Corpus, read_corpus
from .extract import Gazetteer
from .graph import CycleError, parents_first
from .ids import record_id
from .layers import with_rules
from .problems import Problem, Problems, SeedError
from .spans import Span, SpanError, locate


@dataclass
class Dataset:
    rows: dict[type[SQLModel], list[dict[str, Any]]]
    #: Per source, the numbers and quotations deliberately not recorded, with why.
    exclusions: dict[str, list[tuple[Span, str]]] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """A digest of every row: equal datasets have equal versions."""
        canonical = {
            model.__tablename__: sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)
            for model, rows in self.rows.items()
        }
        return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()[:16]

    def count(self, model: type[SQLModel]) -> int:
        return len(self.rows.get(model, []))


def build_dataset(root: Path = DEFAULT_SEED_DIR, rules: bool = True) -> Dataset:
    """The seed's rows; with ``rules``, the extraction rules' reviewed records too."""
    problems: list[Problem] = []
    corpus = read_corpus(root, problems)
    return build_corpus(corpus, problems, rules=rules)


def build_corpus(corpus: Corpus, problems: list[Problem], *, rules: bool = True,
                 gazetteer_rows: bool = True, gazetteer: Gazetteer | None = None) -> Dataset:
    """Rows for ``corpus``; ``gazetteer_rows=False`` leaves out the gazetteers' own rows
    (ingest adds articles to a database that has them)."""
    builder = _Builder(corpus, problems, rules=rules, gazetteer_rows=gazetteer_rows,
                       gazetteer=gazetteer)
    rows = builder.build()
    if problems:
        raise SeedError(problems)
    return Dataset(rows, builder.exclusions)


def extraction_fields(entry: dict) -> dict[str, Any]:
    """An entry's ``extraction`` as its three columns."""
    extraction = entry["extraction"]
    return {"extraction_method": extraction["method"],
            "extraction_rule": extraction["rule"],
            "extraction_confidence": extraction["confidence"]}


QUOTE_MARKS = "\"“”"


def quote_marks_problem(kind: str, text: str) -> str | None:
    """Each statement kind holds quote marks its own way (see ``StatementKind``)."""
    marks = sum(text.count(mark) for mark in QUOTE_MARKS)
    if kind == StatementKind.DIRECT_QUOTE and marks:
        return "a direct quote's text leaves out the quote marks"
    if kind == StatementKind.PARTIAL_QUOTE and marks < 2:
        return "a partial quote's text is the reported clause with its quoted words in marks"
    if kind == StatementKind.PARAPHRASE and marks:
        return "a paraphrase has no quoted words: use partial_quote"
    return None


def date_fields(partial, prefix: str = "date") -> dict[str, Any]:
    """A schema's PartialDate as the date column and its precision."""
    return {prefix: partial.value if partial else None,
            "date_precision": partial.precision if partial else None}


class _Builder:
    def __init__(self, corpus: Corpus, sink: list[Problem], *, rules: bool,
                 gazetteer_rows: bool, gazetteer: Gazetteer | None = None):
        self.corpus = corpus
        self.gazetteer = gazetteer
        self.sink = sink
        self.rules = rules
        self.gazetteer_rows = gazetteer_rows
        self.rows: dict[type[SQLModel], list[dict]] = defaultdict(list)
        self.actor_ids: set[str] = set()
        self.location_ids: set[str] = set()
        self.proposal_ids: dict[str, str] = {}  # key -> id
        self.record_origin: dict[str, str] = {}  # id -> where it was declared
        self.exclusions: dict[str, list[tuple[Span, str]]] = {}

    def build(self) -> dict[type[SQLModel], list[dict]]:
        self._actors()
        self._locations()
        self._match_articles_and_annotations()
        if self.rules and not self.sink:
            self._add_rule_records()
        for source_id, annotation in sorted(self.corpus.annotations.items()):
            if source_id in self.corpus.articles:
                self._declare_proposals(self._scope(source_id), annotation["proposals"])
        for source_id, annotation in sorted(self.corpus.annotations.items()):
            if source_id in self.corpus.articles:
                _ArticleBuilder(self, self._scope(source_id), annotation).build()
        self._order_self_references()
        self.rows[models.SearchDocument] = search.documents(self.rows)
        if not self.gazetteer_rows:
            for model in (models.ActorAlias, models.Location, models.LocationAlias):
                self.rows.pop(model, None)
            self.rows[models.Actor] = [row for row in self.rows[models.Actor]
                                       if row["extraction_method"] != "curated"]
        return dict(self.rows)

    def _add_rule_records(self) -> None:
        gazetteer = self.gazetteer or Gazetteer.build(self.corpus.actors, self.corpus.locations)
        for source_id, annotation in sorted(self.corpus.annotations.items()):
            if source_id in self.corpus.articles:
                scope = self._scope(source_id)
                combined = with_rules(scope.article, annotation, gazetteer, scope.problems)
                self.corpus.annotations[source_id] = combined
                self._provisional_actors(combined["actors"])

    def _provisional_actors(self, actors: list[dict]) -> None:
        """Speakers the rules found outside the gazetteer, each once, flagged 'rule'."""
        for actor in actors:
            if actor["id"] in self.actor_ids:
                continue
            self.actor_ids.add(actor["id"])
            self.rows[models.Actor].append({
                "id": actor["id"], "name": actor["name"], "kind": actor["kind"],
                "title": None, "affiliation_id": None,
                "search_key": search_key([actor["name"]]), **extraction_fields(actor),
            })

    def problems_for(self, path: Path) -> Problems:
        return Problems(self.corpus.relative(path), self.sink)

    def _scope(self, source_id: str) -> _Scope:
        path = self.corpus.root / "annotations" / f"{source_id}.yaml"
        return _Scope(self.corpus.articles[source_id], self.problems_for(path))

    # Gazetteers

    def _actors(self) -> None:
        problems = self.problems_for(self.corpus.root / "actors.yaml")
        self.actor_ids = self._gazetteer(problems, self.corpus.actors, "affiliation")
        for actor in self.corpus.actors:
            self.rows[models.Actor].append({
                "id": actor["id"], "name": actor["name"], "kind": actor["kind"],
                "title": actor["title"], "affiliation_id": actor["affiliation"],
                "search_key": search_key([actor["name"], *actor["aliases"]]),
                "extraction_method": "curated", "extraction_rule": None,
                "extraction_confidence": None,
            })
            self.rows[models.ActorAlias] += [
                {"actor_id": actor["id"], "alias": alias} for alias in actor["aliases"]
            ]

    def _locations(self) -> None:
        problems = self.problems_for(self.corpus.root / "locations.yaml")
        self.location_ids = self._gazetteer(problems, self.corpus.locations, "parent")
        for place in self.corpus.locations:
            self.rows[models.Location].append({
                "id": place["id"], "name": place["name"], "kind": place["kind"],
                "parent_id": place["parent"], "country_code": place["country_code"],
                "latitude": place["latitude"], "longitude": place["longitude"],
                "search_key": search_key([place["name"], *place["aliases"]]),
            })
            self.rows[models.LocationAlias] += [
                {"location_id": place["id"], "alias": alias} for alias in place["aliases"]
            ]

    @staticmethod
    def _gazetteer(problems: Problems, entries: list[dict], parent_field: str) -> set[str]:
        """Check ids and names are unique, parents exist and do not loop; return the ids."""
        ids: set[str] = set()
        names: dict[str, str] = {}
        for index, entry in enumerate(entries):
            where = f"[{index}] ({entry['id']})"
            if entry["id"] in ids:
                problems.add(where, f"duplicate id {entry['id']!r}")
            ids.add(entry["id"])
            for name in [entry["name"], *entry["aliases"]]:
                owner = names.setdefault(fold(name), entry["id"])
                if owner != entry["id"]:
                    problems.add(where, f"name or alias {name!r} already belongs to {owner!r}")
        for index, entry in enumerate(entries):
            parent = entry[parent_field]
            if parent is not None and parent not in ids:
                problems.add(f"[{index}] ({entry['id']})", f"unknown {parent_field} {parent!r}")
        return ids

    def _match_articles_and_annotations(self) -> None:
        for source_id in sorted(set(self.corpus.articles) - set(self.corpus.annotations)):
            path = self.corpus.root / "annotations" / f"{source_id}.yaml"
            if not path.exists():  # an unreadable one has already been reported
                self.problems_for(path).add("", "file missing: every article needs its annotation")
        for source_id in sorted(set(self.corpus.annotations) - set(self.corpus.articles)):
            path = self.corpus.root / "articles" / f"{source_id}.txt"
            self.problems_for(path).add("", "file missing: this annotation has no article")

    # Proposals: declared once, anywhere; extended from any article

    def _declare_proposals(self, scope: _Scope, proposals: list[dict]) -> None:
        for index, proposal in enumerate(proposals):
            if proposal["name"] is None:
                continue
            key, where = proposal["key"], f"proposals[{index}] ({proposal['key']})"
            if key in self.proposal_ids:
                scope.problems.add(where, f"proposal {key!r} is declared twice; "
                                          f"extend it by key without a name instead")
                continue
            self.proposal_ids[key] = record_id("proposal", key)

    def claim_id(self, scope: _Scope, where: str, new_id: str) -> bool:
        """Register an id; a second record with the same identity is a duplicate."""
        here = f"{scope.problems.file}: {where}"
        if new_id in self.record_origin:
            scope.problems.add(where, f"duplicate of {self.record_origin[new_id]} "
                                      f"(same evidence and content); give one a distinct 'key'")
            return False
        self.record_origin[new_id] = here
        return True

    def _order_self_references(self) -> None:
        for model, parent in ((models.Actor, "affiliation_id"), (models.Location, "parent_id"),
                              (models.Proposal, "revises_id")):
            try:
                self.rows[model] = parents_first(self.rows[model], parent)
            except CycleError as error:
                self.sink.append(Problem(model.__tablename__, "", str(error)))


@dataclass
class _Scope:
    """One article and the problems of its annotation file."""

    article: Article
    problems: Problems

    @property
    def source_id(self) -> str:
        return self.article.source_id

    def spans(self, where: str, evidence: list[dict], field: str | None = "evidence"
              ) -> list[Span] | None:
        """Locate each item; ``field`` names the list in error paths (None: ``where``)."""
        spans, failed = [], False
        for index, item in enumerate(evidence):
            try:
                spans.append(locate(self.source_id, self.article.body, item["text"],
                                    item["occurrence"]))
            except SpanError as error:
                self.problems.add(f"{where}.{field}[{index}]" if field else where, str(error))
                failed = True
        return None if failed else spans


class _ArticleBuilder:
    """Rows for one annotation file."""

    def __init__(self, builder: _Builder, scope: _Scope, annotation: dict):
        self.builder = builder
        self.scope = scope
        self.annotation = annotation
        self.rows = builder.rows
        self.published = annotation["source"]["published_on"]
        self.published_basis = annotation["source"]["date_basis"]

    def build(self) -> None:
        self._source()
        for index, meeting in enumerate(self.annotation["meetings"]):
            self._meeting(f"meetings[{index}]", meeting)
        for index, proposal in enumerate(self.annotation["proposals"]):
            self._proposal(f"proposals[{index}] ({proposal['key']})", proposal)
        for index, statement in enumerate(self.annotation["statements"]):
            self._statement(f"statements[{index}]", statement)
        for index, statistic in enumerate(self.annotation["statistics"]):
            self._statistic(f"statistics[{index}]", statistic)
        for index, item in enumerate(self.annotation["not_annotated"]):
            if spans := self.scope.spans(f"not_annotated[{index}].text", [item], field=None):
                self.builder.exclusions.setdefault(self.scope.source_id, []).append(
                    (spans[0], item["reason"]))

    # Checks shared by every record

    def _actor(self, where: str, actor_id: str | None) -> None:
        if actor_id is not None and actor_id not in self.builder.actor_ids:
            self.scope.problems.add(where, f"unknown actor {actor_id!r} (not in actors.yaml)")

    def _location(self, where: str, location_id: str | None) -> None:
        if location_id is not None and location_id not in self.builder.location_ids:
            self.scope.problems.add(where, f"unknown location {location_id!r} "
                                           f"(not in locations.yaml)")

    def _proposal_id(self, where: str, key: str | None) -> str | None:
        if key is None:
            return None
        if key not in self.builder.proposal_ids:
            self.scope.problems.add(where, f"unknown proposal {key!r} (declared nowhere)")
        return self.builder.proposal_ids.get(key)

    def _check_event_date(self, where: str, entry: dict, field: str = "date",
                          may_follow_publication: bool = False) -> None:
        when, basis = entry[field], entry["date_basis"]
        if basis == DateBasis.RELATIVE and self.published_basis != DateBasis.STATED:
            self.scope.problems.add(f"{where}.date_basis", (
                "'relative' needs a stated publication date; this article's date is "
                f"{self.published_basis or 'unknown'}: use 'inferred' and say how in date_note"))
        if (when and self.published and not may_follow_publication
                and when.value > self.published.value):
            self.scope.problems.add(f"{where}.{field}", (
                f"{when.value} is after the article's publication date {self.published.value}"))

    def _evidence(self, record_type: str, record_id_: str, spans: list[Span],
                  first_ordinal: int = 0) -> None:
        self.rows[models.Evidence] += [
            {"record_type": record_type, "record_id": record_id_, "ordinal": ordinal,
             "source_id": span.source_id, "start": span.start, "end": span.end,
             "text": span.text}
            for ordinal, span in enumerate(spans, start=first_ordinal)
        ]

    def _identify(self, where: str, record_type: str, entry: dict, spans: list[Span],
                  *content: object) -> str | None:
        first = entry["evidence"][0]
        new_id = record_id(record_type, self.scope.source_id, first["text"],
                           first["occurrence"] or 1, entry.get("key"), *content)
        return new_id if self.builder.claim_id(self.scope, where, new_id) else None

    def _text_in_evidence(self, where: str, text: str, spans: list[Span]) -> bool:
        """``where`` names the field holding ``text``."""
        if any(text in span.text for span in spans):
            return True
        self.scope.problems.add(where, f"{text!r} is not inside any of its evidence spans")
        return False

    # Records

    def _source(self) -> None:
        meta, article = self.annotation["source"], self.scope.article
        spans = self.scope.spans("source", meta["evidence"]) or []
        self.rows[models.Source].append({
            "id": article.source_id, "title": meta["title"], "outlet": meta["outlet"],
            "agency": meta["agency"], "url": meta["url"], "language": meta["language"],
            **date_fields(meta["published_on"], "published_on"),
            "date_basis": meta["date_basis"], "date_note": meta["date_note"],
            "body": article.body, "raw_sha256": article.raw_sha256,
        })
        self._evidence("source", article.source_id, spans)

    def _meeting(self, where: str, entry: dict) -> None:
        self._location(f"{where}.location", entry["location"])
        self._check_event_date(where, entry, may_follow_publication=(
            entry["status"] != MeetingStatus.HELD))
        seen: set[str] = set()
        for index, participant in enumerate(entry["participants"]):
            self._actor(f"{where}.participants[{index}].actor", participant["actor"])
            if participant["actor"] in seen:
                self.scope.problems.add(f"{where}.participants[{index}]",
                                        f"duplicate participant {participant['actor']!r}")
            seen.add(participant["actor"])
        spans = self.scope.spans(where, entry["evidence"])
        if spans is None or not (mid := self._identify(where, "meeting", entry, spans)):
            return
        self.rows[models.Meeting].append({
            "id": mid, "summary": entry["summary"], "location_id": entry["location"],
            "mode": entry["mode"], "status": entry["status"], "note": entry["note"],
            **date_fields(entry["date"]), "date_basis": entry["date_basis"],
            "date_note": entry["date_note"], **extraction_fields(entry),
        })
        self.rows[models.MeetingParticipant] += [
            {"meeting_id": mid, "actor_id": p["actor"], "role": p["role"],
             "description": p["description"]}
            for p in entry["participants"]
        ]
        self._evidence("meeting", mid, spans)

    def _proposal(self, where: str, entry: dict) -> None:
        pid = self._proposal_id(where, entry["key"])
        if entry["revises"] is not None:
            self._proposal_id(f"{where}.revises", entry["revises"])
        for index, party in enumerate(entry["parties"]):
            self._actor(f"{where}.parties[{index}].actor", party["actor"])
        spans = self.scope.spans(where, entry["evidence"])
        if pid is None or spans is None:
            return
        if entry["name"] is not None:
            self._check_event_date(where, entry, "first_reported_on")
            self.rows[models.Proposal].append({
                "id": pid, "key": entry["key"], "name": entry["name"],
                "summary": entry["summary"], "stage": entry["stage"],
                "status": entry["status"], "note": entry["note"],
                "revises_id": self.builder.proposal_ids.get(entry["revises"]),
                **date_fields(entry["first_reported_on"], "first_reported_on"),
                "date_basis": entry["date_basis"], "date_note": entry["date_note"],
                **extraction_fields(entry),
            })
        self._add_parties(where, pid, entry["parties"])
        # Evidence ordinals continue across the articles that report the proposal.
        reported = sum(1 for row in self.rows[models.Evidence] if row["record_id"] == pid)
        self._evidence("proposal", pid, spans, first_ordinal=reported)
        for index, term in enumerate(entry["terms"]):
            self._term(f"{where}.terms[{index}]", pid, term)
        for index, position in enumerate(entry["positions"]):
            self._position(f"{where}.positions[{index}]", pid, position)

    def _add_parties(self, where: str, pid: str, parties: list[dict]) -> None:
        existing = {(r["actor_id"], r["role"]) for r in self.rows[models.ProposalParty]
                    if r["proposal_id"] == pid}
        for party in parties:
            if (party["actor"], party["role"]) not in existing:
                existing.add((party["actor"], party["role"]))
                self.rows[models.ProposalParty].append(
                    {"proposal_id": pid, "actor_id": party["actor"], "role": party["role"]})

    def _term(self, where: str, pid: str, term: dict) -> None:
        entry = {"evidence": [{"text": term["text"], "occurrence": term["occurrence"]}]}
        spans = self.scope.spans(f"{where}.text", entry["evidence"], field=None)
        if spans is None:
            return
        tid = self._identify(where, "proposal_term", entry, spans, pid, term["kind"])
        if tid:
            self.rows[models.ProposalTerm].append({
                "id": tid, "proposal_id": pid, "kind": term["kind"], "value": term["value"],
                "unit": term["unit"], "text": term["text"], "source_id": self.scope.source_id,
                **extraction_fields(term),
            })
            self._evidence("proposal_term", tid, spans)

    def _position(self, where: str, pid: str, entry: dict) -> None:
        self._actor(f"{where}.actor", entry["actor"])
        self._check_event_date(where, entry)
        spans = self.scope.spans(where, entry["evidence"])
        if spans is None:
            return
        pos_id = self._identify(where, "proposal_position", entry, spans,
                                pid, entry["actor"], entry["stance"])
        if pos_id:
            self.rows[models.ProposalPosition].append({
                "id": pos_id, "proposal_id": pid, "actor_id": entry["actor"],
                "stance": entry["stance"], "note": entry["note"],
                "source_id": self.scope.source_id, **date_fields(entry["date"]),
                "date_basis": entry["date_basis"], "date_note": entry["date_note"],
                **extraction_fields(entry),
            })
            self._evidence("proposal_position", pos_id, spans)

    def _statement(self, where: str, entry: dict) -> None:
        self._actor(f"{where}.speaker", entry["speaker"])
        self._actor(f"{where}.via", entry["via"])
        self._check_event_date(where, entry)
        proposal_id = self._proposal_id(f"{where}.proposal", entry["proposal"])
        if problem := quote_marks_problem(entry["kind"], entry["text"]):
            self.scope.problems.add(f"{where}.text", problem)
        spans = self.scope.spans(where, entry["evidence"])
        if spans is None or not self._text_in_evidence(f"{where}.text", entry["text"], spans):
            return
        sid = self._identify(where, "statement", entry, spans, entry["text"])
        if not sid:
            return
        self.rows[models.Statement].append({
            "id": sid, "source_id": self.scope.source_id, "speaker_id": entry["speaker"],
            "speaker_description": entry["speaker_description"], "via_id": entry["via"],
            "kind": entry["kind"], "text": entry["text"], "proposal_id": proposal_id,
            "note": entry["note"],
            **date_fields(entry["date"]), "date_basis": entry["date_basis"],
            "date_note": entry["date_note"], **extraction_fields(entry),
        })
        self.rows[models.StatementTopic] += [
            {"statement_id": sid, "topic": topic} for topic in dict.fromkeys(entry["topics"])
        ]
        self._evidence("statement", sid, spans)

    def _statistic(self, where: str, entry: dict) -> None:
        self._actor(f"{where}.claimed_by", entry["claimed_by"])
        self._location(f"{where}.location", entry["location"])
        self._check_event_date(where, entry, "as_of")
        spans = self.scope.spans(where, entry["evidence"])
        if spans is None or not self._text_in_evidence(
                f"{where}.value_text", entry["value_text"], spans):
            return
        stat_id = self._identify(where, "statistic", entry, spans,
                                 entry["metric"], entry["value_text"])
        if not stat_id:
            return
        self.rows[models.Statistic].append({
            "id": stat_id, "source_id": self.scope.source_id, "metric": entry["metric"],
            "population": entry["population"], "value": entry["value"],
            "value_text": entry["value_text"], "qualifier": entry["qualifier"],
            "unit": entry["unit"], **date_fields(entry["as_of"], "as_of"),
            "date_basis": entry["date_basis"], "date_note": entry["date_note"],
            "period_start": entry["period_start"].value if entry["period_start"] else None,
            "claimed_by_id": entry["claimed_by"], "location_id": entry["location"],
            **extraction_fields(entry),
        })
        self._evidence("statistic", stat_id, spans)
