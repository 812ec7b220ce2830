"""Ingest articles Parley has never seen: read, refuse or extract, load."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .extract.dates import publication_date


def article_date(body: str, front_matter: dict[str, Any]) -> tuple[dt.date | None, str | None]:
    """The publication date the file gives (front matter) or the article states."""
    if front_matter.get("published_on"):
        return front_matter["published_on"].value, "stated"
    found = publication_date(body)
    return (found[0], "stated") if found else (None, None)
