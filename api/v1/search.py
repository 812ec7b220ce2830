"""One full-text search across statements, proposals, meetings and sources."""

from __future__ import annotations

from flask_smorest import abort
from marshmallow import fields, validate
from sqlalchemy import func, select
from werkzeug.wrappers import Request

from api import search
from api.db import get_session
from api.http.cache import memo
from api.http.paging import InvalidCursor, Page, decode_cursor, encode_cursor
from api.http.params import PRINTABLE, PageArgs, several
from api.http.smorest import Blueprint
from api.prepared import run
from schemas.common import page_of
from schemas.compiled import Rendered
from schemas.service import SearchHitSchema

from .resource import REGISTRY, page_view, rendering
from .routes import query_route

RANKED = "rank"  # results are ranked, not sorted by a field: the cursor holds an offset


def search_page(args: dict) -> Page:
    stems = search.query_stems(args["q"])
    if not stems:
        return Page([], 0, args["limit"], None)
    session = get_session()
    dialect, types = session.get_bind().dialect.name, args.get("type") or search.SEARCHABLE
    total = memo(("total", "search", tuple(stems), tuple(types)), lambda: session.scalar(
        select(func.count()).select_from(search.hits(dialect, stems, types).subquery())))
    offset = search_offset(args["cursor"]) if args.get("cursor") else 0
    # Ranking a broad query scores every match (a common word matches a sixth of a
    # million-document corpus: 0.2 s), so each page's ranking is kept per dataset
    # version like a total; the page's documents are fetched by id each time.
    ranking = memo(("ranking", tuple(stems), tuple(types), offset, args["limit"]),
                   lambda: [tuple(row) for row in session.execute(search.ranked_ids(
                       dialect, stems, types, offset, args["limit"] + 1))])
    more = len(ranking) > args["limit"]
    ranking = ranking[: args["limit"]]
    documents = {row["id"]: row for row in
                 run(search.DOCUMENTS_BY_ID, {"ids": [id for id, _ in ranking]})}
    hits = []
    for document_id, score in ranking:
        row = documents[document_id]
        snippet, highlights = search.snippet(row["content"], stems)
        record_id, record_type = row["record_id"], row["record_type"]
        hits.append({"id": record_id, "type": record_type, "title": row["title"],
                     "snippet": snippet, "highlights": highlights,
                     "score": round(float(score), 6),
                     "links": {"self": f"/v1/{REGISTRY[record_type].path}/{record_id}"}})
    next_offset = offset + args["limit"]
    next_cursor = encode_cursor(RANKED, [next_offset, "offset"]) if more else None
    return Page(hits, total, args["limit"], next_cursor)


def search_offset(token: str) -> int:
    try:
        offset, marker = decode_cursor(token, RANKED)
    except (InvalidCursor, ValueError, TypeError):
        marker = offset = None
    if marker == "offset" and type(offset) is int and offset >= 0:
        return offset
    abort(400, messages={"query": {"cursor": ["cursor is not one this API issued"]}})


class SearchArgs(PageArgs):
    q = fields.String(required=True, validate=[validate.Length(1, 200), PRINTABLE], metadata={
        "description": "Words to find; every word must match (stemmed, accents and case "
                       "ignored; `cease-fire` and `ceasefire` are the same word)."})
    type = several(fields.String(validate=validate.OneOf(search.SEARCHABLE)),
                   "Only these record types.")


blp = Blueprint("search", __name__, url_prefix="/v1/search", description=(
    "One full-text search across statements, proposals, meetings and sources, ranked, "
    "each hit with its type and a snippet with the matched words marked."))


def search_response(args: dict, request: Request) -> tuple[dict | Rendered, int, dict[str, str]]:
    # The hits are built as SearchHitSchema outputs them: nothing to dump.
    return page_view(search_page(args), request, rendering())


query_route(
    blp, "", search_response,
    name="search_records", arguments=SearchArgs,
    response=page_of(SearchHitSchema, "SearchPage"), doc="""Search

    Best matches first. `highlights` gives the character ranges of matched words
    within `snippet`, so a client can mark them without parsing HTML.
    """)
