"""Liveness and readiness (outside /v1), and the pages of the problem types."""

from __future__ import annotations

from flask import Response
from markupsafe import escape
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import NotFound

from api.db import get_engine
from api.http.problems import PROBLEM_TYPES, problem
from api.http.smorest import Blueprint
from schemas.service import HealthSchema

NO_STORE = {"Cache-Control": "no-store"}

class OperationsBlueprint(Blueprint):
    cached = False  # liveness and readiness must be asked, not remembered


blp = OperationsBlueprint("operations", __name__, description=(
    "For operators and load balancers: is the process up, can it reach its database; "
    "and the pages behind problem `type` URIs."))


@blp.route("/healthz")
@blp.response(200, HealthSchema, example={"status": "ok"})
def get_health():
    """Check liveness

    The process is up. It does not touch the database.
    """
    return {"status": "ok"}, 200, NO_STORE


@blp.route("/readyz")
@blp.response(200, HealthSchema, example={"status": "ready", "database": "sqlite"})
@blp.alt_response(503, response="SERVICE_UNAVAILABLE")
def get_readiness():
    """Check readiness

    The database answers a query; 503 otherwise.
    """
    engine = get_engine()
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return problem(503)
    return {"status": "ready", "database": engine.dialect.name}, 200, NO_STORE


@blp.route("/v1/problems/<id:slug>")
@blp.doc(responses={"200": {"description": "A short page explaining the problem type.",
                            "content": {"text/html": {"schema": {"type": "string"},
                                                      "example": "<!doctype html>…"}}}})
def get_problem_type(slug: str):
    """Get a problem type's page

    The `type` URI of every problem this API returns.
    """
    if slug not in PROBLEM_TYPES:
        raise NotFound(f"No problem type {slug!r}.")
    kind = PROBLEM_TYPES[slug]
    page = (f"<!doctype html><html lang=en><meta charset=utf-8><title>{escape(kind.title)}"
            f"</title><h1>{escape(kind.title)}</h1><p>HTTP status {kind.status}.</p>"
            f"<p>{escape(kind.description)}</p></html>")
    return Response(page, mimetype="text/html")
