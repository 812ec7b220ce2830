"""Pages and records served directly (``api.http.direct``) are what Flask serves.

The same requests go to an app that serves plain GETs directly and to one that
leaves them all to Flask: every collection with its filters, sorts, expansions
and cursors, every record with all its expansions, conditional and HEAD
requests, and bad queries and ids. Status,
body and every header must match; the direct path must
really answer the plain requests, and leave the rest to Flask.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from api import create_app
from api.http import direct
from api.prepared import _prepared
from api.v1.resource import REGISTRY


def client_for(seeded_url: str, **config) -> FlaskClient:
    """A client whose requests all carry one request id: problems quote it."""
    client = create_app({"TESTING": True, "DATABASE_URL": seeded_url, **config}).test_client()
    client.environ_base["HTTP_X_REQUEST_ID"] = "same-id"
    return client


@pytest.fixture(scope="module")
def served_by_flask(seeded_url: str) -> FlaskClient:
    return client_for(seeded_url, DIRECT_GETS=False, RESPONSE_CACHE_MB=0)


@pytest.fixture(scope="module")
def served_directly(seeded_url: str) -> FlaskClient:
    return client_for(seeded_url, RESPONSE_CACHE_MB=0)


def same(response: TestResponse, reference: TestResponse) -> bool:
    def headers(r: TestResponse) -> list[tuple[str, str]]:
        return sorted(r.headers.items())

    return (response.status_code, headers(response), response.data) == \
        (reference.status_code, headers(reference), reference.data)


def list_requests(client: FlaskClient) -> Iterator[str]:
    """Every collection: its first page with each sort and with every expansion, and
    the pages after it by cursor; the timeline's and a search's pages; a series;
    some filters."""
    for resource in REGISTRY.values():
        base = f"/v1/{resource.path}"
        if base not in direct.ROUTES or direct.ROUTES[base].view != resource.list_response:
            continue  # served inside another resource (proposal positions)
        yield base
        for sort in resource.sort_options:
            yield f"{base}?sort={sort}&limit=3"
        if resource.expansions:
            yield f"{base}?limit=4&expand={','.join(resource.expansions)}"
        url = f"{base}?limit=5"
        while url:
            yield url
            url = client.get(url).get_json()["links"]["next"]
    for first in ("/v1/timeline?limit=6", "/v1/search?q=ceasefire&limit=4"):
        url = first
        while url:
            yield url
            url = client.get(url).get_json()["links"]["next"]
    yield "/v1/timeline?sort=-date&type=meeting&type=statement&actor=hamas"
    figure = client.get("/v1/statistics?limit=1").get_json()["data"][0]
    yield f"/v1/statistics/series?metric={figure['metric']}&population={figure['population']}"
    yield "/v1/statements?speaker=benjamin-netanyahu&date_from=2024-05-01&limit=2"
    yield "/v1/statements?speaker=hamas&speaker=benjamin-netanyahu&kind=direct_quote"
    yield "/v1/statements?q=ceasefire&limit=3"
    yield "/v1/statements?topic=hostages&extraction=curated"
    yield "/v1/meetings?location=cairo"
    yield "/v1/statistics?metric=killed&sort=-as_of"


def test_list_pages_are_served_as_flask_serves_them(served_directly, served_by_flask) -> None:
    urls = list(list_requests(served_by_flask))
    assert len(urls) > 60
    for url in urls:
        response = served_directly.get(url)
        assert response.status_code == 200, url
        assert same(response, served_by_flask.get(url)), url


def record_requests(client: FlaskClient) -> Iterator[str]:
    """Up to 100 records of every collection, each with all its expansions."""
    for resource in REGISTRY.values():
        route = direct.ROUTES.get(f"/v1/{resource.path}/<id>")
        if route is None or route.parameter != f"{resource.record_type}_id":
            continue  # served inside another resource (proposal positions)
        page = client.get(f"/v1/{resource.path}?limit=100").get_json()["data"]
        expand = ",".join(resource.expansions)
        for record in page:
            yield f"/v1/{resource.path}/{record['id']}" + (f"?expand={expand}" if expand else "")


def test_records_are_served_as_flask_serves_them(served_directly, served_by_flask) -> None:
    urls = list(record_requests(served_by_flask))
    assert len(urls) > 100
    for url in urls:
        response = served_directly.get(url)
        assert response.status_code == 200, url
        assert same(response, served_by_flask.get(url)), url


@pytest.mark.parametrize("url", [
    "/v1/statements?limit=0",  # invalid: the 400 problem
    "/v1/statements?nope=1",  # undeclared
    "/v1/statements?cursor=garbage",  # refused inside the view
    "/v1/statements?sort=-date&cursor=eyJzIjoiZGF0ZSIsImsiOlsiMjAyNC0wMS0wMSIsIngiXX0",
    "/v1/statements/",  # not the collection's path
    "/v1/statements/no-such-statement",  # the 404 problem, raised in the view
    "/v1/statements/a%20b",  # not an id: Flask's router answers 404
    "/v1/statements/hamas/extra",
    "/v1/actors/hamas?expand=speaker",  # not an expansion of actors
    "/v1/actors/hamas?q=x",  # a detail takes no filters
    "/v1/statistics/series?metric=killed",  # no population: a route of its own, not an id
    "/v1/statements?date_from=2024-06-01&date_to=2024-05-01",
])
def test_what_it_does_not_serve_flask_answers_the_same(url, served_directly,
                                                       served_by_flask) -> None:
    assert same(served_directly.get(url), served_by_flask.get(url)), url


def test_serving_the_same_requests_again_prepares_no_statement(served_directly,
                                                               served_by_flask) -> None:
    """Each query is prepared once per process (``api.prepared.run``): a statement
    built anew per request would be prepared, and kept, on every request."""
    urls = [*list_requests(served_by_flask), *record_requests(served_by_flask)]
    for client in (served_directly, served_by_flask):
        for url in urls:
            client.get(url)
    prepared = _prepared.cache_info().currsize
    for client in (served_directly, served_by_flask):
        for url in urls:
            client.get(url)
    assert _prepared.cache_info().currsize == prepared


def test_conditional_and_head_requests_are_left_to_flask(served_directly,
                                                         served_by_flask) -> None:
    etag = served_directly.get("/v1/statements").headers["ETag"]
    for client in (served_directly, served_by_flask):
        assert client.get("/v1/statements", headers={"If-None-Match": etag}).status_code == 304
    assert same(served_directly.head("/v1/actors"), served_by_flask.head("/v1/actors"))


def test_plain_gets_never_reach_flask_and_the_rest_do(seeded_url) -> None:
    client = client_for(seeded_url)
    views = client.application.view_functions
    dispatched = []
    for endpoint in ("statements.list_statements", "actors.get_actor"):
        view = views[endpoint]
        views[endpoint] = lambda view=view, endpoint=endpoint, **kw: (
            dispatched.append(endpoint) or view(**kw))

    assert client.get("/v1/statements?limit=2&expand=speaker").status_code == 200
    assert client.get("/v1/statements?speaker=hamas&limit=2").status_code == 200
    assert client.get("/v1/actors/hamas").status_code == 200
    assert dispatched == []
    assert client.get("/v1/statements?limit=0").status_code == 400
    assert client.get("/v1/statements?limit=2", headers={"If-None-Match": '"x"'}).status_code == 200
    assert client.head("/v1/statements?limit=2").status_code == 200
    assert client.get("/v1/actors/no-such-actor").status_code == 404
    assert dispatched == ["statements.list_statements"] * 3 + ["actors.get_actor"]


def test_a_page_served_directly_is_cached_and_replayed_the_same(seeded_url) -> None:
    client = client_for(seeded_url)
    first = client.get("/v1/statements?limit=3")
    app = client.application
    app.view_functions["statements.list_statements"] = None  # a replay runs no view
    app.wsgi_app.wsgi_app.routes = {}  # nor the direct path
    assert same(client.get("/v1/statements?limit=3"), first)
    with pytest.raises(TypeError):  # a page not cached would need the view
        client.get("/v1/statements?limit=4")
