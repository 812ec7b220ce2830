"""Cursor pagination and the collection envelope (API guide, 'Shape of a response').

A cursor is opaque to clients: base64url of the sort it was issued for and the
sort key of the last row served. The next page starts strictly after that row
(keyset pagination), so a deep page costs what the first does.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import orjson
from werkzeug.wrappers import Request

from schemas.common import whole_or_float

from .kept import Kept


class InvalidCursor(ValueError):
    pass


def encode_cursor(sort: str, key: list[Any]) -> str:
    """The cursor after ``key``, the same from a raw row's values as from its rendered
    record's: dates as ISO text (as str() writes them), whole numbers without ``.0``."""
    key = [whole_or_float(value) if isinstance(value, float) else value for value in key]
    raw = orjson.dumps({"s": sort, "k": key}, default=str,
                       option=orjson.OPT_PASSTHROUGH_DATETIME)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, sort: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        cursor = orjson.loads(raw)
        issued_for, key = cursor["s"], cursor["k"]
    except (binascii.Error, ValueError, TypeError, KeyError) as error:
        raise InvalidCursor("cursor is not one this API issued") from error
    if issued_for != sort or not isinstance(key, list):
        raise InvalidCursor(f"cursor was issued for sort={issued_for}, not sort={sort}")
    return key


@dataclass(frozen=True)
class Page:
    items: list[dict]
    total: int
    limit: int
    next_cursor: str | None


def current_url(request: Request, **replace: str | None) -> str:
    """The request's path and query, with some parameters replaced or dropped: each
    parameter once, its values joined by commas, encoded as ``urlencode`` does."""
    if not request.query_string and not replace:
        return request.path
    pieces = dict(encoded_parameters(request))
    for key, value in replace.items():
        if value is None:
            pieces.pop(key, None)
        else:
            pieces[key] = _encoded(key, value)
    return f"{request.path}?{'&'.join(pieces.values())}" if pieces else request.path


_ENCODED: Kept[tuple[tuple[str, str], ...]] = Kept()


def encoded_parameters(request: Request) -> tuple[tuple[str, str], ...]:
    """(name, ``name=value``) of each parameter of the request's query, kept per
    query string: encoding them for a page's two links on every request cost a
    filtered page 5% of its time, and made it 11% slower than the first page."""
    return _ENCODED.get(request.query_string, lambda: tuple(
        (key, _encoded(key, ",".join(request.args.getlist(key)))) for key in request.args))


def _encoded(key: str, value: str) -> str:
    return urlencode({key: value}, safe=",:")


def page_response(page: Page, request: Request) -> tuple[dict, int, dict[str, str]]:
    """What a collection view returns for ``request``: the envelope, 200, and the Link
    header. (The request is passed, not read from Flask's context: ``api.http.direct``
    serves pages without one.)"""
    body, headers = envelope(page, request)
    return body, 200, headers


def envelope(page: Page, request: Request) -> tuple[dict, dict[str, str]]:
    """The collection body and its ``Link`` header."""
    paging, headers = paging_of(page, request)
    return {"data": page.items, **paging}, headers


def paging_of(page: Page, request: Request) -> tuple[dict, dict[str, str]]:
    """``meta`` and ``links`` of a page of anything, and its ``Link`` header."""
    next_url = current_url(request, cursor=page.next_cursor) if page.next_cursor else None
    paging = {
        "meta": {"total": page.total, "limit": page.limit, "next_cursor": page.next_cursor},
        "links": {"self": current_url(request), "next": next_url},
    }
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
    return paging, headers
