"""Contract tests: the whole API surface held to one rule each (Datasette-style)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate as validate_spec

from api import create_app
from api.http.problems import PROBLEM_TYPES
from api.spec import spec_yaml
from api.v1.examples import EXAMPLES, REQUESTS

ROOT = Path(__file__).parent.parent
#: Routes that are not API operations: the docs UIs, their assets, the spec itself.
UNDOCUMENTED = {"/docs", "/redoc", "/v1/openapi.json", "/docs/assets/<path:filename>",
                "/redoc/assets/<path:filename>"}
PROBLEM_JSON = "application/problem+json"


HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def operations(spec: dict):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def concrete(path: str) -> str:
    """A spec path with real ids in it."""
    return re.sub(r"\{(\w+)\}", lambda m: EXAMPLE_IDS[m.group(1)], path)


def valid_request(path: str, operation: dict) -> str:
    """A request the operation answers with 200: its documented example, or its path."""
    return REQUESTS.get(operation["operationId"], concrete(path))


def with_param(url: str, param: str) -> str:
    return url + ("&" if "?" in url else "?") + param


EXAMPLE_IDS = {"source_id": "000_97309580062fd272", "actor_id": "hamas",
               "location_id": "cairo", "meeting_id": "mtg_7b9eea265f",
               "proposal_id": "prop_e7a7b17968", "statement_id": "stmt_f94f954fcd",
               "statistic_id": "stat_1ee73986c2", "slug": "not-found"}


def flask_path(rule: str) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule)


# The spec

def test_the_committed_spec_is_the_one_the_code_generates(seeded_app):
    with seeded_app.app_context():
        assert (ROOT / "openapi.yaml").read_text() == spec_yaml(), "run `parley openapi`"


def test_the_spec_is_valid_openapi_3_1(spec):
    assert spec["openapi"] == "3.1.0"
    validate_spec(spec)


def test_every_route_is_documented_and_every_documented_path_exists(seeded_app, spec):
    routes = {flask_path(rule.rule) for rule in seeded_app.url_map.iter_rules()
              if rule.rule not in UNDOCUMENTED}
    assert routes == set(spec["paths"])


def test_every_operation_has_a_unique_camel_case_id_a_summary_tags_and_an_example(spec):
    seen = set()
    for path, method, operation in operations(spec):
        where = f"{method.upper()} {path}"
        assert re.fullmatch(r"[a-z]+(?:[A-Z][a-z]+)*", operation["operationId"]), where
        assert operation["operationId"] not in seen, where
        seen.add(operation["operationId"])
        assert operation.get("summary") and operation.get("tags"), where
        content = operation["responses"]["200"]["content"]
        assert all("example" in media for media in content.values()), where


def test_every_error_response_is_documented_as_a_problem(spec):
    responses = spec["components"]["responses"]
    for path, method, operation in operations(spec):
        for status, response in operation["responses"].items():
            if status == "default" or int(status) >= 400:
                if "$ref" in response:
                    response = responses[response["$ref"].rsplit("/", 1)[1]]
                assert list(response["content"]) == [PROBLEM_JSON], f"{method} {path} {status}"


def comparable(operation: str, body: dict) -> dict:
    """What an example promises: not the load time, and for search, the hits but not
    their order or scores (the databases rank with different functions)."""
    body = {**body}
    if operation == "getMeta":
        body.pop("loaded_at")
    if operation == "searchRecords":
        body["data"] = sorted(({k: v for k, v in hit.items() if k != "score"}
                               for hit in body["data"]), key=lambda hit: hit["id"])
    return body


def test_every_example_is_what_the_api_answers(api):
    assert set(EXAMPLES) == set(REQUESTS)
    for operation, url in REQUESTS.items():
        answer = comparable(operation, api.get(url).get_json())
        assert answer == comparable(operation, EXAMPLES[operation]), (
            f"{operation}: run `parley openapi-examples`")


# Errors

def test_unknown_routes_are_404_problems(api):
    for url in ("/nope", "/v1/nope", "/v1/statements/stmt_0000000000", "/v1/actors/no-one",
                "/v1/statements/bad%00id"):
        response = api.get(url)
        assert response.status_code == 404, url
        assert response.mimetype == PROBLEM_JSON
        problem = response.get_json()
        assert problem["status"] == 404 and problem["type"] == "/v1/problems/not-found"
        assert problem["instance"] == response.request.path


def test_a_missing_record_names_its_id(api):
    problem = api.get("/v1/statements/stmt_0000000000").get_json()
    assert problem["detail"] == "No statement with id 'stmt_0000000000'."


def test_wrong_methods_are_405_problems_that_keep_the_allow_header(api, spec):
    for path, _, _ in operations(spec):
        for method in ("post", "put", "patch", "delete"):
            response = getattr(api, method)(concrete(path))
            assert response.status_code == 405, f"{method} {path}"
            assert response.mimetype == PROBLEM_JSON
            assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_every_operation_rejects_an_unknown_parameter_with_a_400_problem(api, spec):
    for path, _, operation in operations(spec):
        response = api.get(with_param(valid_request(path, operation), "bogus=1"))
        assert response.status_code == 400, path
        problem = response.get_json()
        assert response.mimetype == PROBLEM_JSON
        assert problem["type"] == "/v1/problems/invalid-parameter"
        assert problem["errors"] == [{"field": "bogus", "message": "Unknown field."}]


def test_every_problem_type_uri_is_served_as_a_page(api):
    for problem_type in PROBLEM_TYPES.values():
        response = api.get(problem_type.uri)
        assert response.status_code == 200 and response.mimetype == "text/html"
        assert problem_type.title in response.get_data(as_text=True)


def test_a_server_error_is_a_problem_without_internals(seeded_url, monkeypatch):
    app = create_app({"DATABASE_URL": seeded_url})  # not TESTING: errors are handled
    from api.v1 import statements

    def explode(*args, **kwargs):
        raise RuntimeError("secret detail /etc/passwd SELECT * FROM statement")

    monkeypatch.setattr(statements.statements, "page", explode)
    response = app.test_client().get("/v1/statements", headers={"X-Request-Id": "trace-42"})
    assert response.status_code == 500 and response.mimetype == PROBLEM_JSON
    body = response.get_data(as_text=True)
    assert "secret" not in body and "SELECT" not in body and "Traceback" not in body
    assert response.get_json()["request_id"] == "trace-42"


# Headers

def test_every_get_has_a_strong_etag_and_answers_304(api, spec):
    for path, _, operation in operations(spec):
        url = valid_request(path, operation)
        first = api.get(url)
        assert first.status_code == 200, url
        etag = first.headers["ETag"]
        assert etag.startswith('"') and not etag.startswith("W/"), url
        again = api.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b"", url


def test_data_endpoints_are_cacheable_and_health_is_not(api):
    assert api.get("/v1/statements").headers["Cache-Control"] == "public, max-age=60"
    assert api.get("/healthz").headers["Cache-Control"] == "no-store"
    assert api.get("/v1/nope").headers["Cache-Control"] == "no-store"


def test_cors_allows_reads_from_any_origin(api):
    response = api.get("/v1/actors", headers={"Origin": "https://tracker.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    preflight = api.options("/v1/actors", headers={
        "Origin": "https://tracker.example", "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_request_ids_are_echoed_or_minted(api):
    assert api.get("/healthz", headers={"X-Request-Id": "abc-123"}).headers[
        "X-Request-Id"] == "abc-123"
    minted = api.get("/healthz", headers={"X-Request-Id": "bad id with spaces"}).headers[
        "X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{32}", minted)
    assert api.get("/v1/nope").headers["X-Request-Id"]


# Collections

LISTS = ["/v1/sources", "/v1/actors", "/v1/locations", "/v1/meetings", "/v1/proposals",
         "/v1/statements", "/v1/statistics", "/v1/timeline", "/v1/search?q=ceasefire"]


@pytest.mark.parametrize("url", LISTS)
def test_every_list_has_the_envelope_and_pages_to_the_end_one_by_one(api, url, spec):
    everything = api.get(url + ("&" if "?" in url else "?") + "limit=100").get_json()
    assert set(everything) == {"data", "meta", "links"}
    walked, next_url, pages = [], url + ("&" if "?" in url else "?") + "limit=1", 0
    while next_url:
        response = api.get(next_url)
        assert response.status_code == 200, next_url
        page = response.get_json()
        assert page["meta"]["limit"] == 1 and page["meta"]["total"] == everything["meta"]["total"]
        walked += [(item["type"], item["id"]) for item in page["data"]]
        next_url = page["links"]["next"]
        assert (page["meta"]["next_cursor"] is None) == (next_url is None)
        if next_url:
            assert response.headers["Link"] == f'<{next_url}>; rel="next"'
        pages += 1
        assert pages <= everything["meta"]["total"] + 1, "paging does not end"
    assert walked == [(item["type"], item["id"]) for item in everything["data"]]
    assert len(set(walked)) == len(walked) == everything["meta"]["total"]


@pytest.mark.parametrize("path", ["/v1/statements", "/v1/statistics", "/v1/meetings",
                                  "/v1/proposals", "/v1/sources", "/v1/actors",
                                  "/v1/timeline"])
def test_every_sort_pages_without_repeats_or_skips(api, spec, path):
    sort = next(p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "sort")
    for option in sort["schema"]["enum"]:
        whole = api.get(f"{path}?sort={option}&limit=100").get_json()["data"]
        walked, url = [], f"{path}?sort={option}&limit=2"
        while url:
            page = api.get(url).get_json()
            walked += page["data"]
            url = page["links"]["next"]
        assert [item["id"] for item in walked] == [item["id"] for item in whole], option


def test_spec_file_parses_as_yaml():
    assert yaml.safe_load((ROOT / "openapi.yaml").read_text())["info"]["title"] == "Parley API"
