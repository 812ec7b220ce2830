"""RFC 9457 problem details: every error response, in one place.

Each problem type Parley uses has a URI under ``/v1/problems/`` that the API
serves as a short page; anything else is ``about:blank`` with the HTTP phrase as
its title. No stack trace, SQL or file path ever reaches a client.
"""

from __future__ import annotations

import http
from dataclasses import dataclass
from typing import Any

from flask import Response, request

from schemas.errors import flatten_messages

from .headers import current_request_id
from .json import json_response

MEDIA_TYPE = "application/problem+json"


@dataclass(frozen=True)
class ProblemType:
    slug: str
    status: int
    title: str
    description: str

    @property
    def uri(self) -> str:
        return f"/v1/problems/{self.slug}"


PROBLEM_TYPES = {
    problem.slug: problem
    for problem in (
        ProblemType("invalid-parameter", 400, "Invalid parameter", (
            "A query parameter is unknown, or its value is not allowed. `errors` lists "
            "each offending parameter with what is wrong; the spec lists what each "
            "endpoint accepts.")),
        ProblemType("not-found", 404, "Not found", (
            "No resource lives at this URL: an unknown route, or an id that does not "
            "exist. Ids are stable, so an id that once worked still does.")),
        ProblemType("method-not-allowed", 405, "Method not allowed", (
            "The API is read-only: resources answer GET, HEAD and OPTIONS. The `Allow` "
            "header lists the methods this URL accepts.")),
        ProblemType("not-ready", 503, "Not ready", (
            "The service is up but cannot reach its database; retry later.")),
        ProblemType("internal-error", 500, "Internal error", (
            "Something failed on our side. The response's `X-Request-Id` identifies it "
            "in our logs; please include it when you report the problem.")),
    )
}
_BY_STATUS = {problem.status: problem for problem in PROBLEM_TYPES.values()}


def problem(status: int, detail: str | None = None, *, errors: list[dict] | None = None,
            headers: dict[str, str] | None = None) -> Response:
    known = _BY_STATUS.get(status)
    body: dict[str, Any] = {
        "type": known.uri if known else "about:blank",
        "title": known.title if known else http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or (known.description if known else http.HTTPStatus(status).description),
        "instance": request.path,
        "request_id": current_request_id(),
    }
    if errors:
        body["errors"] = errors
    response = json_response(body, status, MEDIA_TYPE)
    response.headers.update(headers or {})
    response.headers["Cache-Control"] = "no-store"
    return response


def invalid_parameters(messages: dict) -> Response:
    """A 400 for webargs' validation messages (``{"query": {"limit": [...]}}``)."""
    errors = [
        {"field": field, "message": message}
        for location in messages.values()
        for field, message in flatten_messages(location)
    ]
    detail = " ".join(f"{e['field']}: {e['message']}" for e in errors)
    return problem(400, detail, errors=errors)
