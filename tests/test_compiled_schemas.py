"""The compiled schemas render exactly what marshmallow renders.

Every collection is walked to its end with every expansion, every record is
fetched with every expansion, and the special endpoints are asked the examples'
requests: the response bytes must be identical with ``COMPILED_SCHEMAS`` on and off.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient
from marshmallow import fields

from api import create_app
from api.v1.examples import REQUESTS
from api.v1.resource import REGISTRY
from schemas.common import page_of
from schemas.compiled import compile_dump
from schemas.statement import StatementSchema


@pytest.fixture(scope="module")
def marshmallow_api(seeded_url: str) -> FlaskClient:
    app = create_app({"TESTING": True, "DATABASE_URL": seeded_url, "COMPILED_SCHEMAS": False})
    return app.test_client()


def walk(client: FlaskClient, url: str) -> Iterator[str]:
    """Every page URL of a collection, following ``links.next``."""
    while url:
        yield url
        url = client.get(url).get_json()["links"]["next"]


def urls(client: FlaskClient) -> Iterator[str]:
    routed = {rule.rule for rule in client.application.url_map.iter_rules()}
    for resource in REGISTRY.values():
        if f"/v1/{resource.path}/<id:{resource.record_type}_id>" not in routed:
            continue  # embedded only (proposal positions)
        expand = ",".join(resource.expansions)
        # Each sort's cursor is made from a rendered record on one side, a raw row on
        # the other.
        yield from (f"/v1/{resource.path}?limit=3&sort={sort}" for sort in resource.sort_options)
        first = f"/v1/{resource.path}?limit=7" + (f"&expand={expand}" if expand else "")
        for page in walk(client, first):
            yield page
            for item in client.get(page).get_json()["data"]:
                yield item["links"]["self"] + (f"?expand={expand}" if expand else "")
    yield from walk(client, "/v1/timeline?limit=9")
    yield from walk(client, "/v1/search?q=ceasefire&limit=4")  # hits built in output form
    yield from walk(client, REQUESTS["getStatisticSeries"] + "&limit=1")  # points from rows
    yield from REQUESTS.values()


def test_every_response_is_byte_identical_to_marshmallows(api, marshmallow_api) -> None:
    details = 0
    for url in urls(api):
        compiled, reference = api.get(url), marshmallow_api.get(url)
        assert compiled.status_code == reference.status_code == 200, url
        assert compiled.data == reference.data, url
        details += "/v1/" in url and "?limit" not in url and url.count("/") == 3
    records = sum(api.get(f"/v1/{r.path}").get_json()["meta"]["total"]
                  for r in REGISTRY.values() if r.record_type != "proposal_position")
    assert details >= records > 100  # every record was compared, not just first pages


def test_every_field_of_the_record_schemas_is_inlined() -> None:
    """No field of a resource falls back to marshmallow's per-field path unnoticed:
    a falling-back field would still be correct, but slow."""
    from schemas import compiled

    slow = []
    for schema in (StatementSchema, *(r_schema for r_schema in _record_schemas())):
        assert compiled.compilable(schema()), schema
        for name, field in schema().dump_fields.items():
            if compiled._Compiler().conversion(field, "v") is None and not _custom(field):
                slow.append(f"{schema.__name__}.{name}")
    assert slow == []


def _record_schemas():
    from schemas import actor, location, meeting, proposal, source, statistic

    return (actor.ActorSchema, location.LocationSchema, meeting.MeetingSchema,
            proposal.ProposalSchema, source.SourceSchema, statistic.StatisticSchema)


def _custom(field: fields.Field) -> bool:
    """A field with a ``_serialize`` of its own (it is called directly, still cheap)."""
    return type(field)._serialize not in {
        fields.Field._serialize, fields.Nested._serialize, fields.List._serialize}


def test_a_page_dump_equals_marshmallow_on_edge_values() -> None:
    """Missing keys are left out, None stays None, dates become ISO strings."""
    import datetime as dt

    page = page_of(StatementSchema, "EdgePage")
    record = {"id": "s", "type": "statement", "source_id": "src", "speaker_id": "a",
              "kind": "paraphrase", "text": "t", "date": dt.date(2024, 5, 6),
              "date_precision": None, "topics": [], "evidence": [],
              "links": {"self": "/v1/statements/s"}, "speaker": None,
              "extraction_method": "rule", "extraction_rule": "r", "extraction_confidence": 1}
    body = {"data": [record], "meta": {"total": 1, "limit": 20, "next_cursor": None},
            "links": {"self": "/v1/statements", "next": None}}
    assert compile_dump(page)(body) == page().dump(body)
    assert list(compile_dump(page)(body)["data"][0]) == list(page().dump(body)["data"][0])


def test_a_text_column_reads_back_as_text_whatever_was_written(engine) -> None:
    """What lets the compiled schemas copy text columns without ``str()``: numbers
    written to a text column come back as text on both databases (SQLite's type
    affinity; PostgreSQL's assignment cast), and NULL as None."""
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TEMPORARY TABLE affinity (v VARCHAR(20))")
        connection.exec_driver_sql("INSERT INTO affinity VALUES (5), (2.5), (NULL)")
        values = [row[0] for row in connection.exec_driver_sql("SELECT v FROM affinity")]
    assert values == ["5", "2.5", None]


def test_records_that_can_be_rendered_from_their_rows_are(api) -> None:
    """A schema change that stops a resource's rows from being rendered straight from
    the query would still be correct, but slow."""
    assert {r.record_type for r in REGISTRY.values() if r.render is not None} == \
        {r.record_type for r in REGISTRY.values() if r.attaches_output} >= {"statement"}
