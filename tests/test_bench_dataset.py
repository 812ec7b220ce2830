"""The benchmark's synthetic dataset (bench/dataset.py): loaded at scale 1,000 into the
database under test (SQLite, or PostgreSQL when DATABASE_URL points at a server), then
read back through the API."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from api import create_app, migrate
from api.db import make_engine
from bench import dataset

SCALE = 1000


@pytest.fixture(scope="module")
def loaded(databases):
    url = databases.new_url()
    report = dataset.build(url, SCALE, seed=3)
    return url, report


@pytest.fixture(scope="module")
def client(loaded):
    url, _ = loaded
    app = create_app({"TESTING": True, "DATABASE_URL": url, "SEED_IF_EMPTY": False})
    return app.test_client()


@pytest.fixture(scope="module")
def top_speaker(loaded) -> str:
    engine = make_engine(loaded[0])
    with engine.connect() as connection:
        speaker = connection.execute(text(
            "SELECT speaker_id FROM statement GROUP BY speaker_id "
            "ORDER BY count(*) DESC, speaker_id LIMIT 1")).scalar_one()
    engine.dispose()
    return speaker


def test_counts_follow_the_scale(loaded):
    _, report = loaded
    counts = report.counts
    assert counts["statement"] == SCALE
    assert counts["statistic"] == SCALE
    assert counts["source"] == SCALE // 8
    assert counts["meeting"] == SCALE // 10
    assert 300 <= counts["actor"] <= 700
    assert counts["search_document"] == (counts["statement"] + counts["meeting"]
                                         + counts["source"] + counts["proposal"])
    assert counts["evidence"] > 2 * SCALE


def test_rows_are_consistent(loaded):
    """Foreign keys hold, evidence is the source's text, terms are search.terms()."""
    dataset.verify(loaded[0])


def test_columns_match_the_schema(databases):
    engine = make_engine(databases.new_url())
    migrate.upgrade(engine)
    inspector = inspect(engine)
    for table, columns in dataset.COLUMNS.items():
        found = {c["name"] for c in inspector.get_columns(table)} - {"document"}
        assert set(columns) == found, table
    engine.dispose()


def test_statements_page_and_walk(client):
    first = client.get("/v1/statements")
    assert first.status_code == 200
    assert len(first.json["data"]) == 20
    assert first.json["meta"]["total"] == SCALE
    seen, cursor = [], None
    while True:
        page = client.get("/v1/statements", query_string={
            "limit": 100, **({"cursor": cursor} if cursor else {})}).json
        seen += [item["id"] for item in page["data"]]
        cursor = page["meta"]["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == SCALE
    assert seen[:20] == [item["id"] for item in first.json["data"]]


def test_speaker_filter(client, top_speaker):
    page = client.get("/v1/statements", query_string={"speaker": top_speaker}).json
    assert page["data"]
    assert {item["speaker_id"] for item in page["data"]} == {top_speaker}
    assert page["meta"]["total"] > SCALE // 20  # a few speakers say most things


def test_full_text_search(client):
    page = client.get("/v1/statements", query_string={"q": "hostages"}).json
    assert page["meta"]["total"] > 0
    assert all("hostage" in item["text"].lower() or "hostage" in str(item).lower()
               for item in page["data"])
    hits = client.get("/v1/search", query_string={"q": "ceasefire"}).json
    assert hits["meta"]["total"] > 0


def test_evidence_is_the_source_text(client):
    statement = client.get("/v1/statements").json["data"][0]
    span = statement["evidence"][0]
    source = client.get(f"/v1/sources/{span['source_id']}").json
    assert source["body"][span["start"]:span["end"]] == span["text"]
    assert statement["text"] in span["text"]


def test_statistics_series(client):
    series = client.get("/v1/statistics/series", query_string={
        "metric": "killed", "population": "Palestinians in Gaza"}).json
    dates = [point["date"] for point in series["points"]]
    assert len(dates) > 10
    assert dates == sorted(dates)


def test_timeline(client):
    page = client.get("/v1/timeline").json
    assert len(page["data"]) == 20
    assert page["meta"]["total"] > SCALE
    assert {item["type"] for item in page["data"]} <= set(
        ["meeting", "statement", "proposal_position", "statistic"])


def test_meta_reports_the_loaded_version(client, loaded):
    meta = client.get("/v1/meta").json
    assert meta["dataset_version"] == loaded[1].version


def test_refuses_a_database_with_data_unless_replace(database_url):
    dataset.build(database_url, 40)
    with pytest.raises(dataset.NotEmpty):
        dataset.build(database_url, 40)
    report = dataset.build(database_url, 40, seed=1, replace=True)
    assert report.counts["statement"] == 40
    dataset.verify(database_url)


def test_generation_is_deterministic():
    def first_batch(seed):
        generator = dataset.Generator(200, seed)
        generator.gazetteer()
        return next(generator.batches())

    assert first_batch(5) == first_batch(5)
    assert first_batch(5)["statement"] != first_batch(6)["statement"]
