"""Responses cached per dataset version: fast, and never stale.

A client must see new data as soon as a load or ingest commits, in the same
process that served (and cached) the old page; a matching ``If-None-Match`` is a
304 answered without querying the data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import Engine, event, func, select

import seed
from api import create_app, models
from api.db import get_session, make_engine
from api.http.cache import VersionedLRU, dataset_version
from api.prepared import run

UNSEEN = Path(__file__).parent / "articles" / "unseen_doha.txt"
PAGE = "/v1/statements?sort=-date&limit=5"


@pytest.fixture
def seeded(database_url: str, dataset: seed.Dataset) -> Iterator[Engine]:
    engine = make_engine(database_url)
    seed.load(engine, dataset)
    yield engine
    engine.dispose()


def client_for(database_url: str, **config) -> FlaskClient:
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, **config})
    return app.test_client()


class QueryCounter:
    """Statements the app sends through its engine (the version probe does not)."""

    def __init__(self, client: FlaskClient):
        self.count = 0
        self.statements: list[str] = []
        engine = client.application.extensions["parley.engine"]
        event.listen(engine, "before_cursor_execute", self.seen)

    def seen(self, connection, cursor, statement: str, *args) -> None:
        self.count += 1
        self.statements.append(statement)


@pytest.mark.parametrize("cache_mb", [32, 0], ids=["cache-on", "cache-off"])
def test_a_load_is_visible_at_once_and_changes_the_etag(
        seeded, database_url, cache_mb, runner) -> None:
    client = client_for(database_url, RESPONSE_CACHE_MB=cache_mb)
    before = client.get(PAGE)
    assert client.get(PAGE).data == before.data
    total = before.get_json()["meta"]["total"]

    result = runner.invoke(args=["ingest", "--database-url", database_url, str(UNSEEN)])
    assert result.exit_code == 0, result.output

    after = client.get(PAGE)
    assert after.get_json()["meta"]["total"] > total  # the count is not a stale memo
    assert after.headers["ETag"] != before.headers["ETag"]
    assert client.get(PAGE, headers={"If-None-Match": before.headers["ETag"]}).status_code == 200


def test_a_request_reads_one_snapshot_while_a_load_commits(seeded, database_url, runner) -> None:
    """The version that keys a response (its ETag, cache entry and memoized total) is the
    version of the rows in it, even when a load commits halfway through the request."""
    app = create_app({"TESTING": True, "DATABASE_URL": database_url})
    count = select(func.count()).select_from(models.Statement)
    with app.test_request_context(PAGE):
        version, statements = dataset_version(), get_session().scalar(count)
        result = runner.invoke(args=["ingest", "--database-url", database_url, str(UNSEEN)])
        assert result.exit_code == 0, result.output
        assert get_session().scalar(count) == statements
        assert len(run(select(models.Statement.__table__.c.id))) == statements  # hot path
        assert dataset_version() == version
    with app.test_request_context(PAGE):  # the next request reads the new snapshot
        assert dataset_version() != version and get_session().scalar(count) > statements


def test_a_cached_page_and_a_304_cost_no_data_query(seeded, database_url) -> None:
    client = client_for(database_url)
    first = client.get(PAGE)
    queries = QueryCounter(client)

    again = client.get(PAGE, headers={"X-Request-Id": "second"})
    assert again.data == first.data
    assert again.headers["X-Request-Id"] == "second"  # per request, not replayed
    same = {"ETag", "Link", "Content-Type", "Content-Length", "Cache-Control",
            "Access-Control-Allow-Origin", "Access-Control-Expose-Headers"}
    assert {k: v for k, v in again.headers if k in same} == \
        {k: v for k, v in first.headers if k in same}
    head = client.head(PAGE)
    assert head.status_code == 200 and head.data == b""
    assert head.headers["Content-Length"] == first.headers["Content-Length"]
    unchanged = client.get(PAGE, headers={"If-None-Match": first.headers["ETag"]})
    assert unchanged.status_code == 304 and unchanged.data == b""
    assert unchanged.headers["ETag"] == first.headers["ETag"]
    assert unchanged.headers["Cache-Control"] == "public, max-age=60"
    assert queries.count == 0


def test_etags_answer_without_the_cache_too(seeded, database_url) -> None:
    client = client_for(database_url, RESPONSE_CACHE_MB=0)
    first = client.get(PAGE)
    queries = QueryCounter(client)
    assert client.get(PAGE, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    assert queries.count == 0
    assert client.get(PAGE).data == first.data
    assert queries.count > 0  # with the cache off, a plain GET renders again


def test_different_requests_are_different_entries(seeded, database_url) -> None:
    client = client_for(database_url)
    pages = {client.get(url).data for url in (PAGE, PAGE + "&speaker=hamas", "/v1/actors")}
    assert len(pages) == 3
    assert len({client.get(url).headers["ETag"] for url in (PAGE, PAGE + "&speaker=hamas")}) == 2


def test_the_cache_holds_its_byte_bound_and_forgets_old_versions() -> None:
    cache = VersionedLRU(max_size=100)
    for n in range(5):
        cache.put("v1", n, f"page {n}", size=40)
    assert cache.size <= 100 and [cache.get("v1", n) for n in (3, 4)] == ["page 3", "page 4"]
    assert cache.get("v1", 0) is None  # least recently used went first
    cache.put("v2", "x", "new", size=10)
    assert cache.get("v1", 4) is None and cache.size == 10


def test_health_checks_are_not_cached(seeded, database_url) -> None:
    client = client_for(database_url)
    queries = QueryCounter(client)
    client.get("/readyz")
    client.get("/readyz")
    assert queries.count == 2
    assert client.get("/readyz").headers["Cache-Control"] == "no-store"


def test_star_if_none_match_does_not_hide_a_400(seeded, database_url) -> None:
    client = client_for(database_url)
    response = client.get("/v1/statements?limit=1000", headers={"If-None-Match": "*"})
    assert response.status_code == 400


def test_star_if_none_match_is_a_304_cached_or_not(seeded, database_url) -> None:
    for cache_mb in (0, 64):
        client = client_for(database_url, RESPONSE_CACHE_MB=cache_mb)
        rendered = client.get(PAGE)  # with the cache on, the next ones are replays
        answers = [client.get(PAGE, headers={"If-None-Match": "*"}) for _ in range(2)]
        assert [a.status_code for a in answers] == [304, 304], cache_mb
        assert {a.headers["ETag"] for a in answers} == {rendered.headers["ETag"]}


def test_a_search_is_ranked_once_per_dataset_version(seeded, database_url, runner) -> None:
    client = client_for(database_url, RESPONSE_CACHE_MB=0)
    queries = QueryCounter(client)
    first = client.get("/v1/search?q=Doha&limit=3")
    assert client.get("/v1/search?q=Doha&limit=3").data == first.data
    ranked = [sql for sql in queries.statements
              if ("bm25" in sql or "ts_rank_cd" in sql) and "LIMIT" in sql]
    assert len(ranked) == 1  # the second request fetched the documents, not the ranking

    result = runner.invoke(args=["ingest", "--database-url", database_url, str(UNSEEN)])
    assert result.exit_code == 0, result.output
    after = client.get("/v1/search?q=Doha&limit=3").get_json()
    assert after["meta"]["total"] > first.get_json()["meta"]["total"]
