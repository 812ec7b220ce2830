"""Name folding for matching: case, accents and punctuation do not count."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def fold(name: str) -> str:
    """``"Stéphane  Séjourné"`` and ``"stephane sejourne"`` fold to the same key."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", bare).strip()


def search_key(names: list[str]) -> str:
    """All spellings of a name, folded, in one column for substring search."""
    return " | ".join(fold(name) for name in names)
