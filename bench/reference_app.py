"""The framework's limit: bare Flask answering precomputed bytes.

The runner fetches the page it compares against (the statements' first page)
from Parley and hands its bytes over in ``PARLEY_BENCH_BODY_FILE``; this app does
nothing but return them, so its req/s is what Flask and gunicorn cost alone on
this machine. Served by gunicorn exactly as ``parley serve`` serves the API.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, Response


def create_app() -> Flask:
    body = Path(os.environ["PARLEY_BENCH_BODY_FILE"]).read_bytes()
    app = Flask(__name__)

    @app.get("/<path:anything>")
    def page(anything: str) -> Response:
        return Response(body, mimetype="application/json")

    return app
