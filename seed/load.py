"""Write a dataset in one transaction: all of it, or nothing.

A dataset owns its sources: a load deletes every record those sources support and
inserts the dataset's, leaving other sources' records (ingested articles) alone.
Gazetteer rows are upserted, since records of other sources may refer to them.
When the seed's version equals the one loaded, nothing is written at all, so
seeding twice leaves the database exactly as the first load did.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select
from sqlmodel import Session

from api import migrate, models

from .build import Dataset

CURRENT = "current"
SEED = "seed"
#: Parents before children; ``Dataset`` rows are already ordered within a table.
TABLES = [
    models.Source, models.Actor, models.ActorAlias, models.Location, models.LocationAlias,
    models.Proposal, models.ProposalParty, models.ProposalTerm, models.ProposalPosition,
    models.Meeting, models.MeetingParticipant, models.Statement, models.StatementTopic,
    models.Statistic, models.Evidence, models.SearchDocument,
]
GAZETTEER = {models.Actor: models.ActorAlias, models.Location: models.LocationAlias}
#: Records deleted with their source: found by source column, or by their evidence.
BY_SOURCE = [models.Statement, models.Statistic, models.ProposalTerm, models.ProposalPosition]
BY_EVIDENCE = {"meeting": models.Meeting, "proposal": models.Proposal}
CHILDREN = {
    models.Statement: [(models.StatementTopic, "statement_id")],
    models.Meeting: [(models.MeetingParticipant, "meeting_id")],
    models.Proposal: [(models.ProposalParty, "proposal_id")],
}


@dataclass(frozen=True)
class LoadResult:
    version: str
    changed: bool
    counts: dict[str, int]


def loaded_version(engine: Engine) -> str | None:
    with Session(engine) as session:
        return session.scalar(
            select(models.DatasetState.version).where(models.DatasetState.name == CURRENT))


def load(engine: Engine, dataset: Dataset, now: dt.datetime | None = None,
         state_name: str = SEED) -> LoadResult:
    """Load ``dataset``; skipped when its version is the one recorded as ``state_name``."""
    migrate.upgrade(engine)
    version = dataset.version
    counts = {model.__tablename__: dataset.count(model) for model in TABLES}
    now = now or dt.datetime.now(dt.UTC)
    with Session(engine) as session, session.begin():
        # The row lock serializes concurrent loads on PostgreSQL.
        current = session.get(models.DatasetState, CURRENT, with_for_update=True)
        state = session.get(models.DatasetState, state_name)
        if state is not None and state.version == version:
            return LoadResult(current.version if current else version, False, counts)
        sources = [row["id"] for row in dataset.rows.get(models.Source, [])]
        delete_sources(session, sources)
        for model in TABLES:
            rows = dataset.rows.get(model)
            if not rows:
                continue
            if model in GAZETTEER:
                upsert(session, model, rows)
            elif model is models.SearchDocument:
                # Numbered by the database: other sources' documents hold numbers too.
                session.execute(insert(model), [{k: v for k, v in row.items() if k != "id"}
                                                for row in rows])
            elif model not in GAZETTEER.values():
                session.execute(insert(model), rows)
        replace_aliases(session, dataset)
        combined = hashlib.sha256(
            f"{current.version if current else ''}:{version}".encode()).hexdigest()[:16]
        if state_name == SEED:
            combined = version if current is None or _only_seed(session) else combined
        session.merge(models.DatasetState(name=state_name, version=version, loaded_at=now))
        session.merge(models.DatasetState(name=CURRENT, version=combined, loaded_at=now))
    return LoadResult(combined, True, counts)


def _only_seed(session: Session) -> bool:
    return session.get(models.DatasetState, "ingest") is None


def delete_sources(session: Session, source_ids: list[str]) -> None:
    """Delete the sources and every record they support, children first."""
    if not source_ids:
        return
    evidence = models.Evidence
    doomed: dict[str, list[str]] = {}
    for record_type in BY_EVIDENCE:
        doomed[record_type] = list(session.scalars(
            select(evidence.record_id).where(evidence.record_type == record_type,
                                             evidence.source_id.in_(source_ids)).distinct()))
    for model in BY_SOURCE:
        doomed[model.__tablename__] = list(session.scalars(
            select(model.id).where(model.source_id.in_(source_ids))))
    ids = [record_id for group in doomed.values() for record_id in group]
    for chunk in _chunks(ids):
        session.execute(delete(models.SearchDocument).where(
            models.SearchDocument.record_id.in_(chunk)))
    session.execute(delete(evidence).where(evidence.source_id.in_(source_ids)))
    for model in [*BY_SOURCE, models.Meeting, models.Proposal]:
        record_ids = doomed[model.__tablename__]
        for chunk in _chunks(record_ids):
            for child, column in CHILDREN.get(model, []):
                session.execute(delete(child).where(getattr(child, column).in_(chunk)))
            session.execute(delete(model).where(model.id.in_(chunk)))
    session.execute(delete(models.SearchDocument).where(
        models.SearchDocument.record_type == "source",
        models.SearchDocument.record_id.in_(source_ids)))
    session.execute(delete(models.Source).where(models.Source.id.in_(source_ids)))


def upsert(session: Session, model: type, rows: list[dict]) -> None:
    existing = set(session.scalars(select(model.id).where(
        model.id.in_([row["id"] for row in rows]))))
    new = [row for row in rows if row["id"] not in existing]
    for row in rows:
        if row["id"] in existing:
            session.merge(model(**row))
    if new:
        session.execute(insert(model), new)


def replace_aliases(session: Session, dataset: Dataset) -> None:
    for model, alias in GAZETTEER.items():
        owners = [row["id"] for row in dataset.rows.get(model, [])]
        column = alias.actor_id if alias is models.ActorAlias else alias.location_id
        for chunk in _chunks(owners):
            session.execute(delete(alias).where(column.in_(chunk)))
        if rows := dataset.rows.get(alias):
            session.execute(insert(alias), rows)


def _chunks(ids: list[str], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
