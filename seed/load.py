"""Write a dataset in one transaction: all of it, or nothing.

The seed owns the tables it loads: a load replaces their rows. When the dataset's
version equals the loaded one, nothing is written at all, so loading twice leaves
the database exactly as the first load did.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select
from sqlmodel import Session

from api import migrate, models

from .build import Dataset

CURRENT = "current"
#: Parents before children; ``Dataset`` rows are already ordered within a table.
TABLES = [
    models.Source, models.Actor, models.ActorAlias, models.Location, models.LocationAlias,
    models.Proposal, models.ProposalParty, models.ProposalTerm, models.ProposalPosition,
    models.Meeting, models.MeetingParticipant, models.Statement, models.StatementTopic,
    models.Statistic, models.Evidence, models.SearchDocument,
]


@dataclass(frozen=True)
class LoadResult:
    version: str
    changed: bool
    counts: dict[str, int]


def loaded_version(engine: Engine) -> str | None:
    with Session(engine) as session:
        return session.scalar(
            select(models.DatasetState.version).where(models.DatasetState.name == CURRENT))


def load(engine: Engine, dataset: Dataset, now: dt.datetime | None = None) -> LoadResult:
    migrate.upgrade(engine)
    version = dataset.version
    counts = {model.__tablename__: dataset.count(model) for model in TABLES}
    with Session(engine) as session, session.begin():
        # The row lock serializes concurrent loads on PostgreSQL.
        state = session.get(models.DatasetState, CURRENT, with_for_update=True)
        if state is not None and state.version == version:
            return LoadResult(version, False, counts)
        for model in reversed(TABLES):
            session.execute(delete(model))
        for model in TABLES:
            if rows := dataset.rows.get(model):
                session.execute(insert(model), rows)
        session.merge(models.DatasetState(
            name=CURRENT, version=version, loaded_at=now or dt.datetime.now(dt.UTC)))
    return LoadResult(version, True, counts)
