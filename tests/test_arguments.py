"""``quick_load`` loads a query exactly as marshmallow does, or leaves it to marshmallow.

Every query-argument schema of the API is given every parameter it declares with
values valid and invalid, a date range in both orders, several parameters at
once and an undeclared one: wherever ``quick_load`` answers, its answer is
``Schema.load``'s, and where ``Schema.load`` raises, it does not answer.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from marshmallow import Schema, ValidationError

from api.http.arguments import multiple_keys, quick_load

VALUES = ("", "x", "0", "5", "101", "-1", "2.5", "2024-01-01", "2024-13-01", "a,b", ",",
          "date", "-date", "id", "name", "speaker", "curated", "rule", "killed", "\x00",
          "ceasefire", "stmt_1", "x" * 600, "eyJzIjoiZGF0ZSIsImsiOlsxLDJdfQ")


def argument_schemas(app: Flask) -> Iterator[tuple[str, Schema]]:
    for endpoint, view in app.view_functions.items():
        for parameter in getattr(view, "_apidoc", {}).get("arguments", {}).get("parameters", []):
            if parameter["in"] == "query":
                yield endpoint, parameter["schema"]


def queries(schema: Schema) -> Iterator[dict]:
    multiple = multiple_keys(schema)

    def query(**raw: str) -> dict:
        return {key: [value] if key in multiple else value for key, value in raw.items()}

    yield query()
    for name in schema.load_fields:
        for value in VALUES:
            yield query(**{name: value})
    yield query(date_from="2024-01-01", date_to="2024-02-01")
    yield query(date_from="2024-02-01", date_to="2024-01-01")
    yield query(limit="7", sort="-id", nope="1")
    yield {name: ["a", "b"] if name in multiple else "5" for name in schema.load_fields}


def reference(schema: Schema, data: dict) -> dict | None:
    try:
        return schema.load(data)
    except ValidationError:
        return None


def test_quick_load_answers_as_marshmallow_or_not_at_all(app: Flask) -> None:
    schemas = dict(argument_schemas(app))
    assert len(schemas) > 15  # every list and detail route
    answered = refused = 0
    for endpoint, schema in schemas.items():
        if (plain := reference(schema, {})) is not None:  # the common case is quick
            assert quick_load(schema, {}) == plain, endpoint
        for data in queries(schema):
            quick, expected = quick_load(schema, data), reference(schema, data)
            if expected is None:
                assert quick is None, (endpoint, data)
                refused += 1
            elif quick is not None:
                assert quick == expected and list(quick) == list(expected), (endpoint, data)
                answered += 1
    assert answered > 100 and refused > 100


@pytest.mark.parametrize("query", ["limit=0", "date_from=2024-02-01&date_to=2024-01-01",
                                   "speaker=", "nope=1", "kind=paraphrase,shouted"])
def test_what_quick_load_leaves_is_still_a_400_naming_the_parameter(api, query: str) -> None:
    response = api.get(f"/v1/statements?{query}")
    assert response.status_code == 400
    assert response.content_type == "application/problem+json"
    assert response.get_json()["errors"][0]["field"].split("[")[0] in query
