"""Stable identifiers (API guide, 'Identifiers').

A record's id is a type prefix and a digest of what identifies it: its source, its
first evidence text and that text's occurrence, and an optional curator's key.
Offsets are left out on purpose, so a change to the body cleaning elsewhere in an
article does not renumber its records.
"""

from __future__ import annotations

import hashlib

PREFIXES = {
    "statement": "stmt",
    "statistic": "stat",
    "meeting": "mtg",
    "proposal": "prop",
    "proposal_term": "term",
    "proposal_position": "pos",
}


def record_id(record_type: str, *identity: object) -> str:
    joined = "\x1f".join("" if part is None else str(part) for part in identity)
    digest = hashlib.sha256(f"{record_type}\x1f{joined}".encode()).hexdigest()[:10]
    return f"{PREFIXES[record_type]}_{digest}"
