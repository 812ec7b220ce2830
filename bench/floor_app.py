"""The floor: the least Flask can do to serve the statements' first page from SQLite.

The page's own work and nothing else: the three queries Parley runs for it (the
keyset page, the page's evidence, its topics) on a sqlite3 connection each worker
keeps, the rows shaped by hand into the same JSON and encoded by orjson. No
argument parsing, schemas, snapshot, ETag, cache or header hooks; the total is
counted once at start. Its req/s beside bare Flask's (precomputed bytes) says how
much of the uncached page's cost is the page's work on this stack, and how much is
the API around it. The runner checks that its bytes equal Parley's page.
Served by gunicorn exactly as ``parley serve`` serves the API.
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import threading
from collections import defaultdict

import orjson
from flask import Flask, Response

COLUMNS = ("id", "source_id", "speaker_id", "speaker_description", "via_id", "kind", "text",
           "date", "date_precision", "date_basis", "date_note", "proposal_id", "note",
           "extraction_method", "extraction_rule", "extraction_confidence")
PAGE = (f"SELECT {', '.join(COLUMNS)} FROM statement WHERE date IS NOT NULL "
        "ORDER BY date, id LIMIT ?")
EVIDENCE = ("SELECT record_id, source_id, span_start, span_end, text FROM evidence "
            "WHERE record_type = 'statement' AND record_id IN ({}) ORDER BY record_id, ordinal")
TOPICS = ("SELECT statement_id, topic FROM statement_topic WHERE statement_id IN ({}) "
          "ORDER BY statement_id, topic")
LIMIT = 20


def create_app() -> Flask:
    path = os.environ["PARLEY_BENCH_SQLITE"]
    local = threading.local()

    def connection() -> sqlite3.Connection:
        if not hasattr(local, "connection"):
            local.connection = sqlite3.connect(path, check_same_thread=False)
        return local.connection

    total = sqlite3.connect(path).execute("SELECT count(*) FROM statement").fetchone()[0]
    app = Flask(__name__)

    @app.get("/v1/statements")
    def first_page() -> Response:
        db = connection()
        rows = db.execute(PAGE, (LIMIT + 1,)).fetchall()
        more, rows = len(rows) > LIMIT, rows[:LIMIT]
        ids = [row[0] for row in rows]
        marks = ", ".join("?" * len(ids))
        evidence, topics = defaultdict(list), defaultdict(list)
        for record_id, source_id, start, end, text in db.execute(EVIDENCE.format(marks), ids):
            evidence[record_id].append(
                {"source_id": source_id, "start": start, "end": end, "text": text})
        for statement_id, topic in db.execute(TOPICS.format(marks), ids):
            topics[statement_id].append(topic)
        data = [{"id": r[0], "extraction": {"method": r[13], "rule": r[14], "confidence": r[15]},
                 "type": "statement", "source_id": r[1], "speaker_id": r[2],
                 "speaker_description": r[3], "via_id": r[4], "kind": r[5], "text": r[6],
                 "date": r[7], "date_precision": r[8], "date_basis": r[9], "date_note": r[10],
                 "proposal_id": r[11], "topics": topics[r[0]], "note": r[12],
                 "evidence": evidence[r[0]], "links": {"self": f"/v1/statements/{r[0]}"}}
                for r in rows]
        cursor = None
        if more:
            key = json.dumps({"s": "date", "k": [rows[-1][7], rows[-1][0]]},
                             separators=(",", ":"))
            cursor = base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")
        following = f"/v1/statements?cursor={cursor}" if cursor else None
        body = {"data": data, "meta": {"total": total, "limit": LIMIT, "next_cursor": cursor},
                "links": {"self": "/v1/statements", "next": following}}
        return Response(orjson.dumps(body), mimetype="application/json")

    @app.get("/ready")
    def ready() -> str:
        return "ok"

    return app
