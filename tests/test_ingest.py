"""``parley ingest`` and the review layer, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

import seed
from api import models
from api.db import make_engine
from seed.corpus import read_article
from seed.ingest import article_source_id
from tests.helpers import dump

UNSEEN = Path(__file__).parent / "articles" / "unseen_doha.txt"


def count(engine, model, **where) -> int:
    query = select(func.count()).select_from(model)
    for column, value in where.items():
        query = query.where(getattr(model, column) == value)
    with Session(engine) as session:
        return session.scalar(query)


@pytest.fixture
def seeded(database_url, dataset):
    engine = make_engine(database_url)
    seed.load(engine, dataset)
    yield engine
    engine.dispose()


def test_ingest_refuses_bad_files_with_reasons_and_loads_the_rest(runner, seeded, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x01")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "huge.txt").write_text("word " * 220_000)
    result = runner.invoke(args=["ingest", str(UNSEEN), str(tmp_path)])
    assert result.exit_code == 1
    lines = {line.split()[0]: line for line in result.output.splitlines() if "/" in line}
    assert "empty article" in lines[str(tmp_path / "empty.txt")]
    assert "binary file" in lines[str(tmp_path / "binary.txt")]
    assert "not UTF-8" in lines[str(tmp_path / "latin1.txt")]
    assert "too large" in lines[str(tmp_path / "huge.txt")]
    assert "ingested art_" in lines[str(UNSEEN)]
    assert count(seeded, models.Source) == 6
    assert count(seeded, models.Statement, extraction_method="rule") >= 2


def test_the_same_article_twice_is_refused_and_writes_nothing(runner, seeded):
    assert runner.invoke(args=["ingest", str(UNSEEN)]).exit_code == 0
    before = dump(seeded)
    result = runner.invoke(args=["ingest", str(UNSEEN)])
    assert result.exit_code == 1 and "already ingested (same content)" in result.output
    assert dump(seeded) == before


def test_reseeding_keeps_ingested_articles(runner, seeded, dataset):
    runner.invoke(args=["ingest", str(UNSEEN)])
    ingested = count(seeded, models.Statement, extraction_method="rule")
    edited = seed.Dataset({**dataset.rows}, dataset.exclusions)
    edited.rows[models.Statement] = [dict(r, note="edited") if i == 0 else r
                                     for i, r in enumerate(dataset.rows[models.Statement])]
    assert seed.load(seeded, edited).changed
    assert count(seeded, models.Statement, extraction_method="rule") == ingested
    assert count(seeded, models.Source) == 6


def test_api_filters_on_extraction(runner, seeded, app):
    runner.invoke(args=["ingest", str(UNSEEN)])
    client = app.test_client()
    rules = client.get("/v1/statements?extraction=rule&limit=100").get_json()
    curated = client.get("/v1/statements?extraction=curated&limit=100").get_json()
    assert rules["meta"]["total"] >= 2 and curated["meta"]["total"] == 44
    assert {s["extraction"]["method"] for s in rules["data"]} == {"rule"}
    assert all(s["extraction"]["rule"].startswith("statement.") for s in rules["data"])
    provisional = client.get("/v1/actors?extraction=rule").get_json()["data"]
    # "Juliette Touma said that more than 1.9 million…": a figure she says is her
    # statement too, and she is in no gazetteer.
    assert [a["id"] for a in provisional] == ["juliette-touma"]


def test_a_review_rejects_and_patches_rule_records(runner, seeded, tmp_path):
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    source_id = article_source_id(read_article(UNSEEN).body)
    (reviews / f"{source_id}.yaml").write_text(
        "review:\n"
        "  - action: patch\n    type: statistic\n"
        "    evidence: more than 1.9 million people have been displaced\n"
        "    set: {claimed_by: united-nations}\n    reason: Touma speaks for UNRWA, a UN agency.\n"
        "  - action: reject\n    type: meeting\n    evidence: mediators met Hamas negotiators\n"
        "    reason: test\n")
    result = runner.invoke(args=["ingest", str(UNSEEN), "--reviews", str(reviews)])
    assert result.exit_code == 0, result.output
    assert count(seeded, models.Meeting, extraction_method="rule") == 0
    assert count(seeded, models.Statistic, claimed_by_id="united-nations",
                 extraction_method="curated", source_id=source_id) == 1


def test_a_review_that_no_longer_matches_fails_loudly(runner, seeded, tmp_path):
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    source_id = article_source_id(read_article(UNSEEN).body)
    (reviews / f"{source_id}.yaml").write_text(
        "review:\n  - action: reject\n    type: statement\n"
        "    evidence: words this article never printed\n    reason: stale\n")
    before = dump(seeded)
    result = runner.invoke(args=["ingest", str(UNSEEN), "--reviews", str(reviews)])
    assert result.exit_code == 1
    assert "evidence text not found" in result.output
    assert dump(seeded) == before


def test_seed_reviews_leave_no_unreviewed_rule_record(dataset):
    rule_rows = [row for model in (models.Statement, models.Meeting, models.Proposal,
                                   models.Statistic)
                 for row in dataset.rows[model] if row["extraction_method"] == "rule"]
    assert rule_rows == []


def test_meetings_split_from_one_sentence_get_distinct_ids(runner, seeded, tmp_path):
    article = tmp_path / "tour.txt"
    article.write_text("Antony Blinken's regional tour included visits to Cairo, Doha and "
                       "Beirut, where he met officials.\n")
    result = runner.invoke(args=["ingest", str(article)])
    assert result.exit_code == 0, result.output
    assert count(seeded, models.Meeting, extraction_method="rule") == 3
