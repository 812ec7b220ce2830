"""The seeded data through the API: filters, expansions and records a user checks first."""

from __future__ import annotations

import pytest

A003 = "003_36b9b55d85c3ee3c"


def data(api, url: str) -> list[dict]:
    response = api.get(url)
    assert response.status_code == 200, (url, response.get_json())
    return response.get_json()["data"]


def ids(items: list[dict]) -> list[str]:
    return [item["id"] for item in items]


@pytest.mark.parametrize(("opening", "speaker", "source"), [
    ("In Cairo, my regional tour ends", "stephane-sejourne", "000_97309580062fd272"),
    ("We are determined to secure an agreement", "hamas", "001_ffe9001a80410a1a"),
    ("he hoped an agreement would be reached", "john-kirby", "002_8007d8b7ad854ea8"),
    ("There are two delegations from Hamas and Fatah", "badr-abdelatty", A003),
    ("We are working actively to try", "jake-sullivan", A003),
    ('Israel has made Hamas a "generous" offer', "antony-blinken", "004_6b628c7829295f24"),
])
def test_quotes_come_back_with_their_speakers(api, opening, speaker, source):
    found = [s for s in data(api, f"/v1/statements?source={source}&limit=100")
             if s["text"].startswith(opening)]
    assert [s["speaker_id"] for s in found] == [speaker]
    expanded = api.get(f"/v1/statements/{found[0]['id']}?expand=speaker,source").get_json()
    assert expanded["speaker"]["id"] == expanded["speaker_id"] == speaker
    body = expanded["source"]["body"]
    assert all(body[e["start"]:e["end"]] == e["text"] for e in expanded["evidence"])


def test_the_gaza_death_toll_series_has_two_points_in_date_order(api):
    series = api.get("/v1/statistics/series?metric=killed&population=Palestinians in Gaza")
    points = series.get_json()["points"]
    assert [(p["date"], p["value"], p["qualifier"]) for p in points] == [
        ("2024-05-02", 34600, "nearly"), ("2024-12-02", 44466, "at_least")]


def test_a_long_series_comes_in_pages_that_join_up(api):
    url = "/v1/statistics/series?metric=killed&population=palestinians in gaza"
    whole = api.get(url).get_json()
    assert whole["meta"] == {"total": 2, "limit": 1000, "next_cursor": None}
    first = api.get(url + "&limit=1").get_json()
    second = api.get(first["links"]["next"]).get_json()
    assert first["points"] + second["points"] == whole["points"]
    assert second["links"]["next"] is None and second["meta"]["total"] == 2


def test_a_series_needs_its_metric_and_population(api):
    problem = api.get("/v1/statistics/series?metric=killed").get_json()
    assert problem["status"] == 400
    assert problem["errors"] == [{"field": "population",
                                  "message": "Missing data for required field."}]


def test_speaker_filter_takes_several_ids(api):
    said = data(api, "/v1/statements?speaker=jake-sullivan,john-kirby&limit=100")
    assert {s["speaker_id"] for s in said} == {"jake-sullivan", "john-kirby"}
    assert len(said) == 4


def test_date_range_is_inclusive_and_checked(api):
    said = data(api, "/v1/statements?date_from=2024-05-02&date_to=2024-05-02&limit=100")
    assert said and {s["date"] for s in said} == {"2024-05-02"}
    assert api.get("/v1/statements?date_from=2024-06-01&date_to=2024-05-01").status_code == 400


def test_actor_search_ignores_accents_and_case(api):
    assert ids(data(api, "/v1/actors?q=sejourne")) == ["stephane-sejourne"]
    assert ids(data(api, "/v1/actors?q=ABDEL%20ATI")) == ["badr-abdelatty"]
    assert data(api, "/v1/actors?q=100%25") == []  # LIKE wildcards are literal


def test_a_place_includes_what_lies_inside_it(api):
    in_cairo = data(api, "/v1/meetings?location=cairo&limit=100")
    assert "tahrir-palace" in {m["location_id"] for m in in_cairo}
    assert {m["location_id"] for m in in_cairo} <= {"cairo", "tahrir-palace"}


def test_meetings_of_a_participant(api):
    met = data(api, "/v1/meetings?participant=stephane-sejourne&limit=100")
    assert len(met) == 4  # Cairo, and the visits to Tel Aviv, the territories and Beirut
    assert all("stephane-sejourne" in {p["actor_id"] for p in m["participants"]} for m in met)


def test_an_actor_links_to_what_it_said_did_and_signed(api):
    actor = api.get("/v1/actors/hamas").get_json()
    for link in ("statements", "meetings", "proposals"):
        assert data(api, actor["links"][link]), link


def test_proposal_filters_and_embedded_stances(api):
    by_egypt = data(api, "/v1/proposals?party=egypt&limit=100")
    may = next(p for p in by_egypt if p["key"] == "egypt-proposal-2024-05")
    assert {e["source_id"] for e in may["evidence"]} == {"002_8007d8b7ad854ea8",
                                                         "004_6b628c7829295f24"}
    assert ("hamas", "accepted", "2024-05-06") in {
        (p["actor_id"], p["stance"], p["date"]) for p in may["positions"]}
    expanded = api.get(f"/v1/proposals/{may['id']}?expand=parties,positions").get_json()
    assert all(party["actor"]["id"] == party["actor_id"] for party in expanded["parties"])
    agreed = data(api, "/v1/proposals?status=accepted")
    assert [p["key"] for p in agreed] == ["israel-hezbollah-ceasefire-2024-11"]


def test_expanding_a_null_reference_gives_null(api):
    statement = data(api, f"/v1/statements?source={A003}&speaker=france&expand=via")[0]
    assert statement["via_id"] is None and statement["via"] is None


def test_full_text_filters_on_statements_and_sources(api):
    assert {s["speaker_id"] for s in data(api, "/v1/statements?q=generous")} == {
        "antony-blinken"}
    assert ids(data(api, "/v1/sources?q=Hezbollah")) == [A003]


@pytest.mark.parametrize("query", ['"AND', "hostage-exchange", 'cease"fire', "\u00a0",
                                   "*", "NEAR(a b)", "a:b", "ünïcödé", "-", "%", "'; --"])
def test_hostile_search_input_never_fails(api, query):
    for url in ("/v1/search", "/v1/statements", "/v1/sources", "/v1/proposals"):
        response = api.get(url, query_string={"q": query})
        assert response.status_code in (200, 400), (url, query)
        assert response.status_code == 200 or response.mimetype == "application/problem+json"


def test_search_ranks_hits_and_marks_the_matched_words(api):
    page = api.get("/v1/search?q=ceasefire&limit=5").get_json()
    assert page["meta"]["total"] > 5
    scores = [hit["score"] for hit in page["data"]]
    assert scores == sorted(scores, reverse=True)
    for hit in page["data"]:
        marked = [hit["snippet"][a:b].lower() for a, b in hit["highlights"]]
        assert marked and all("ceasefire" in word or "cease-fire" in word for word in marked)


def test_search_by_type(api):
    assert {h["type"] for h in data(api, "/v1/search?q=Rafah&type=meeting,proposal&limit=100")
            } <= {"meeting", "proposal"}


def test_the_timeline_is_chronological_and_embeds_each_record(api):
    events = data(api, "/v1/timeline?limit=100")
    dates = [event["date"] for event in events]
    assert dates == sorted(dates)
    assert {event["type"] for event in events} == {
        "meeting", "statement", "proposal_position", "statistic"}
    for event in events:
        assert event["record"]["id"] == event["id"] and event["record"]["type"] == event["type"]
    newest_first = data(api, "/v1/timeline?sort=-date&limit=100")
    assert [e["date"] for e in newest_first] == sorted(dates, reverse=True)


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_timeline_pages_walk_the_same_order_as_one_page(api, sort):
    """Small pages (merged per type on the server) meet exactly where they should."""
    whole = data(api, f"/v1/timeline?sort={sort}&limit=100")
    walked, url = [], f"/v1/timeline?sort={sort}&limit=3"
    while url:
        page = api.get(url).get_json()
        walked += page["data"]
        url = page["links"]["next"]
    assert [(e["type"], e["id"]) for e in walked] == [(e["type"], e["id"]) for e in whole]
    keys = [(e["date"], e["type"], e["id"]) for e in whole]
    assert keys == sorted(keys, reverse=sort == "-date")
    total = api.get(f"/v1/timeline?sort={sort}").get_json()["meta"]["total"]
    assert total == len(whole) < 100


def test_the_timeline_of_an_actor_in_a_place(api):
    events = data(api, "/v1/timeline?actor=hamas&location=cairo&limit=100")
    assert events and {e["type"] for e in events} == {"meeting"}
    assert all("hamas" in {p["actor_id"] for p in e["record"]["participants"]} for e in events)


def test_a_tampered_cursor_is_a_400_not_a_500(api):
    first = api.get("/v1/statements?limit=1").get_json()["meta"]["next_cursor"]
    for cursor in (first[:-3], "bm90IGpzb24", "eyJzIjoiZGF0ZSIsImsiOlt7fSwxXX0",
                   "eyJzIjoiLWRhdGUiLCJrIjpbbnVsbCwiYSJdfQ"):
        response = api.get(f"/v1/statements?limit=1&cursor={cursor}")
        assert response.status_code == 400, cursor
        assert response.get_json()["errors"][0]["field"] == "cursor"
    other_sort = api.get(f"/v1/statements?limit=1&sort=-date&cursor={first}").get_json()
    assert "issued for sort=date" in other_sort["errors"][0]["message"]
    # {"s":"value","k":[NaN,"x"]}: not JSON, though Python's json module reads it.
    not_a_number = api.get("/v1/statistics?sort=value&cursor=eyJzIjoidmFsdWUiLCJrIjpbTmFOLCJ4Il19")
    assert not_a_number.status_code == 400


def test_meta_counts_what_the_lists_hold(api):
    meta = api.get("/v1/meta").get_json()
    for name in ("sources", "actors", "statements", "statistics", "meetings", "proposals"):
        assert api.get(f"/v1/{name}").get_json()["meta"]["total"] == meta["counts"][name]
    assert len(meta["dataset_version"]) == 16 and meta["loaded_at"].endswith("+00:00")


def test_vocabularies_describe_every_value(api):
    vocabularies = api.get("/v1/vocabularies").get_json()["vocabularies"]
    assert {"accepted", "rejected", "seeking_amendments"} <= {
        v["value"] for v in vocabularies["stance"]}
    assert all(v["description"] for values in vocabularies.values() for v in values)


def test_readiness_reports_the_database(api):
    assert api.get("/readyz").get_json()["status"] == "ready"
    assert api.get("/healthz").get_json() == {"status": "ok"}


def test_readiness_fails_as_a_problem_when_the_database_is_gone(tmp_path):
    from api import create_app

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/missing/dir/db.sqlite3"})
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["type"] == "/v1/problems/not-ready"


def test_docs_are_served_from_local_files(api):
    swagger = api.get("/docs").get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in swagger and "/v1/openapi.json" in swagger
    assert api.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    redoc = api.get("/redoc").get_data(as_text=True)
    assert "/redoc/assets/redoc.standalone.js" in redoc
    assert api.get("/redoc/assets/redoc.standalone.js").status_code == 200
    assert "cdn" not in (swagger + redoc).lower()


def test_several_values_may_be_comma_separated_or_repeated(api):
    joined = data(api, "/v1/statements?speaker=jake-sullivan,stephane-sejourne&limit=100")
    repeated = api.get("/v1/statements?speaker=jake-sullivan&speaker=stephane-sejourne"
                       "&limit=100&expand=speaker&expand=source").get_json()
    assert ids(repeated["data"]) == ids(joined) and len(joined) == 4
    assert all("speaker" in s and "source" in s for s in repeated["data"])
    assert repeated["links"]["self"] == (
        "/v1/statements?speaker=jake-sullivan,stephane-sejourne&limit=100&expand=speaker,source")
    assert api.get("/v1/statements?speaker=hamas&speaker=").status_code == 400


def test_page_links_keep_the_query_and_move_only_the_cursor(api):
    base = "/v1/statements?limit=2&q=Gaza%20ceasefire&sort=-date"
    canonical = "/v1/statements?limit=2&q=Gaza+ceasefire&sort=-date"
    first = api.get(base).get_json()["links"]
    assert first["self"] == canonical
    assert first["next"].startswith(canonical + "&cursor=")
    second = api.get(first["next"]).get_json()["links"]
    assert second["self"] == first["next"]
    # The cursor keeps its place in the query; only its value moves on.
    assert second["next"].startswith(canonical + "&cursor=") and second["next"] != first["next"]
    reordered = api.get(first["next"].replace("limit=2&", "") + "&limit=2").get_json()["links"]
    assert reordered["next"].endswith("&limit=2") and "cursor=" in reordered["next"]
