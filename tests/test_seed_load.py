"""Loading: counts, idempotency, atomicity, stable ids, offsets, and migrations."""

from __future__ import annotations

import dataclasses
import os
import re

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

import seed
from api import migrate, models
from api.db import normalize_url
from tests.helpers import dump, edit


def test_the_database_under_test_is_the_one_database_url_names(engine):
    expected = os.environ.get("DATABASE_URL", "sqlite://")
    assert engine.dialect.name == make_url(normalize_url(expected)).get_backend_name()


def test_load_writes_every_row_of_the_dataset(engine, dataset):
    result = seed.load(engine, dataset)
    assert result.changed
    with engine.connect() as connection:
        for model in seed.load.__globals__["TABLES"]:
            stored = connection.scalar(select(func.count()).select_from(model))
            assert stored == dataset.count(model), model.__tablename__
    assert seed.loaded_version(engine) == dataset.version


def test_loading_twice_leaves_the_database_exactly_as_it_was(engine, dataset):
    seed.load(engine, dataset)
    first = dump(engine)
    again = seed.load(engine, seed.build_dataset())
    assert not again.changed
    assert dump(engine) == first  # ids, offsets and loaded_at included


def test_a_failing_load_leaves_the_previous_data_untouched(engine, dataset):
    seed.load(engine, dataset)
    before = dump(engine)
    rows = dict(dataset.rows)
    # Passes validation's shape but breaks a foreign key halfway through the inserts.
    rows[models.Evidence] = [*rows[models.Evidence],
                             {**rows[models.Evidence][0], "ordinal": 99,
                              "source_id": "no-such-source"}]
    broken = dataclasses.replace(dataset, rows=rows)
    with pytest.raises(IntegrityError):
        seed.load(engine, broken)
    assert dump(engine) == before


def test_an_invalid_corpus_writes_nothing(engine, dataset, seed_copy):
    seed.load(engine, dataset)
    before = dump(engine)
    path = seed_copy / "annotations" / "003_36b9b55d85c3ee3c.yaml"
    path.write_text(path.read_text().replace("speaker: jake-sullivan", "speaker: nobody"))
    with pytest.raises(seed.SeedError):
        seed.seed_database(engine, seed_copy)
    assert dump(engine) == before


def test_ids_are_stable_and_shaped_as_the_api_guide_says(dataset):
    rebuilt = seed.build_dataset()
    for model, prefix in [(models.Statement, "stmt"), (models.Statistic, "stat"),
                          (models.Meeting, "mtg"), (models.Proposal, "prop")]:
        ids = [row["id"] for row in dataset.rows[model]]
        assert ids == [row["id"] for row in rebuilt.rows[model]]
        assert all(re.fullmatch(rf"{prefix}_[0-9a-f]{{10}}", i) for i in ids), ids
        assert len(set(ids)) == len(ids)


def test_published_ids_never_change(dataset):
    """Clients store ids: these are pinned. A change here breaks every stored link."""
    by_text = {row["text"][:40]: row["id"] for row in dataset.rows[models.Statement]}
    assert by_text["In Cairo, my regional tour ends after Be"] == "stmt_f94f954fcd"
    stats = {row["value_text"]: row["id"] for row in dataset.rows[models.Statistic]}
    assert stats["44,466"] == "stat_1ee73986c2"
    keys = {row["key"]: row["id"] for row in dataset.rows[models.Proposal]}
    assert keys["egypt-proposal-2024-05"] == "prop_e7a7b17968"


def test_adding_a_record_keeps_every_other_id(dataset, seed_copy):
    edit(seed_copy, "annotations/000_97309580062fd272.yaml", "statistics:\n", """statistics:
  - metric: hostages_held
    population: Hostages
    value: 2
    value_text: two
    qualifier: exact
    unit: people
    key: added-by-test
    evidence: [including two Frenchmen]
""")
    edited = seed.build_dataset(seed_copy)
    for model in (models.Statement, models.Statistic, models.Meeting, models.Proposal):
        before = {row["id"] for row in dataset.rows[model]}
        assert before <= {row["id"] for row in edited.rows[model]}
    assert edited.count(models.Statistic) == dataset.count(models.Statistic) + 1
    assert edited.version != dataset.version


def test_every_evidence_span_is_the_slice_of_its_source_body(seeded_engine):
    with Session(seeded_engine) as session:
        bodies = dict(session.execute(select(models.Source.id, models.Source.body)).all())
        spans = session.scalars(select(models.Evidence)).all()
    assert spans
    for span in spans:
        assert bodies[span.source_id][span.start:span.end] == span.text


def test_every_record_has_evidence(seeded_engine):
    with seeded_engine.connect() as connection:
        evidenced = set(connection.execute(
            select(models.Evidence.record_type, models.Evidence.record_id)))
        for model, record_type in [(models.Statement, "statement"),
                                   (models.Statistic, "statistic"),
                                   (models.Meeting, "meeting"), (models.Proposal, "proposal"),
                                   (models.ProposalTerm, "proposal_term"),
                                   (models.ProposalPosition, "proposal_position")]:
            for (record_id,) in connection.execute(select(model.id)):
                assert (record_type, record_id) in evidenced, record_id


def test_migrations_build_exactly_the_schema_the_models_declare(engine):
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": migrate.is_managed})
        assert compare_metadata(context, models.metadata) == []
    assert migrate.is_up_to_date(engine)


def test_migrations_downgrade_to_an_empty_database(engine):
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
