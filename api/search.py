"""Full-text search: one way to derive terms, two databases to match them.

Both databases index the same ``search_document.terms``: words folded (case,
accents) and stemmed in Python with Snowball's English stemmer. A query is stemmed
the same way, so SQLite (FTS5) and PostgreSQL (``tsvector``) match the same
records; only their ranking functions differ. Snippets are cut here, in Python,
so they read the same on both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer
from sqlalchemy import Select, bindparam, func, literal_column, select, text

from . import models
from .names import fold

WORD = re.compile(r"\w+")
#: A word, or hyphenated words ("cease-fire", "Al-Qahera") taken together.
COMPOUND = re.compile(r"\w+(?:[-\u2010\u2011]\w+)*")
_STEMMER = snowballstemmer.stemmer("english")
#: Words that would match nearly every document; dropped from queries unless alone.
STOP_WORDS = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "i", "in", "is", "it", "its", "of", "on", "or", "our", "she",
    "that", "the", "their", "them", "they", "this", "to", "was", "we", "were", "which", "who",
    "will", "with",
])
SEARCHABLE = ("statement", "proposal", "meeting", "source")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Snowball costs ~60 µs a word; news text reuses a small vocabulary."""
    return _STEMMER.stemWord(fold(word))


@lru_cache(maxsize=1 << 16)
def compound_stems(compound: str) -> frozenset[str]:
    """A compound is indexed as its parts and as one word: "cease-fire" also
    matches "ceasefire". Kept per word: a page of snippets asks for ~400 words."""
    parts = WORD.findall(compound)
    stems = {stem(part) for part in parts}
    if len(parts) > 1:
        stems.add(stem("".join(parts)))
    return frozenset(stems)


def terms(*texts: str) -> str:
    return " ".join(
        " ".join(sorted(compound_stems(match.group())))
        for part in texts for match in COMPOUND.finditer(part)
    )


def query_stems(query: str) -> list[str]:
    """The stems a query asks for: each word (a compound as one word), stop words
    dropped unless that leaves none."""
    words = [fold("".join(WORD.findall(match.group()))) for match in COMPOUND.finditer(query)]
    kept = [word for word in words if word not in STOP_WORDS] or words
    return list(dict.fromkeys(stem(word) for word in kept))


def _match(dialect: str, stems: list[str]):
    """The FROM clause, the matching condition and a score (higher is better)."""
    document = models.SearchDocument.__table__
    if dialect == "sqlite":
        fts = text("search_fts")
        condition = literal_column("search_fts").op("MATCH")(
            " ".join(f'"{s}"' for s in stems))  # stems are \w+: nothing to escape
        source = document.join(fts, literal_column("search_fts.rowid") == document.c.id)
        return source, condition, -literal_column("bm25(search_fts)")
    tsquery = func.plainto_tsquery("simple", " ".join(stems))
    vector = literal_column("search_document.document")
    return document, vector.op("@@")(tsquery), func.ts_rank_cd(vector, tsquery)


def hits(dialect: str, stems: list[str], types: Iterable[str]) -> Select:
    """The ids and scores of the matching documents of the given types, best first
    (ties by id). When every type is wanted, SQLite ranks on the full-text index
    alone: joining each match to its document first cost twice as much."""
    source, condition, score = _match(dialect, stems)
    document = models.SearchDocument.__table__
    types = list(types)
    if dialect == "sqlite" and set(types) >= set(SEARCHABLE):
        rowid = literal_column("search_fts.rowid")
        query = select(rowid.label("id"), score.label("score")).select_from(
            text("search_fts")).where(condition)
        return query.order_by(score.desc(), rowid)
    query = select(document.c.id, score.label("score")).select_from(source).where(
        condition, document.c.record_type.in_(types))
    return query.order_by(score.desc(), document.c.id)


def ranked_ids(dialect: str, stems: list[str], types: Iterable[str], offset: int,
               limit: int) -> Select:
    """The ids and scores of one page of ``hits``."""
    return hits(dialect, stems, types).offset(offset).limit(limit)


_DOCUMENT = models.SearchDocument.__table__
#: The documents a page of hits shows, by their ``ids``.
DOCUMENTS_BY_ID = select(_DOCUMENT.c.id, _DOCUMENT.c.record_type, _DOCUMENT.c.record_id,
                         _DOCUMENT.c.title, _DOCUMENT.c.content).where(
    _DOCUMENT.c.id.in_(bindparam("ids", expanding=True)))


def matching_ids(dialect: str, stems: list[str], record_type: str) -> Select:
    """Ids of the records of one type that match: a subquery for a ``q`` filter."""
    source, condition, _ = _match(dialect, stems)
    document = models.SearchDocument.__table__
    return (select(document.c.record_id).select_from(source)
            .where(condition, document.c.record_type == record_type))


def snippet(content: str, stems: Iterable[str], width: int = 180) -> tuple[str, list[list[int]]]:
    """A window of ``content`` around the first match, and the matched words' offsets
    in it (characters, Python slice semantics, as evidence offsets are)."""
    wanted = frozenset(stems)
    anchor = 0
    for word in COMPOUND.finditer(content):
        if not wanted.isdisjoint(compound_stems(word.group())):
            anchor = word.start()
            break
    start = _word_boundary(content, max(0, anchor - width // 3), backwards=True)
    end = _word_boundary(content, min(len(content), start + width), backwards=False)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(content) else ""
    window = content[start:end]
    text = window.strip()
    # Offsets count from the snippet's first character: after the prefix, in the
    # window without the whitespace it began with (a paragraph break, say).
    shift = len(prefix) - start - (len(window) - len(window.lstrip()))
    marks = [[word.start() + shift, word.end() + shift]
             for word in COMPOUND.finditer(content, start, end)
             if not wanted.isdisjoint(compound_stems(word.group()))]
    return f"{prefix}{text}{suffix}", marks


def _word_boundary(content: str, at: int, backwards: bool) -> int:
    if at <= 0 or at >= len(content):
        return at
    step = -1 if backwards else 1
    while 0 < at < len(content) and not content[at - 1].isspace():
        at += step
    return at


def documents(rows: dict[type, list[dict]]) -> list[dict]:
    """The search documents for a dataset's rows, numbered in a stable order."""
    names = {actor["id"]: actor["name"] for actor in rows.get(models.Actor, [])}
    term_texts: dict[str, list[str]] = {}
    for term in rows.get(models.ProposalTerm, []):
        term_texts.setdefault(term["proposal_id"], []).append(term["text"])
    found: list[tuple[str, str, str, str]] = []
    for statement in rows.get(models.Statement, []):
        speaker = names.get(statement["speaker_id"], statement["speaker_id"])
        title = (f"{speaker} ({statement['speaker_description']})"
                 if statement["speaker_description"] else speaker)
        found.append(("statement", statement["id"], title, statement["text"]))
    for proposal in rows.get(models.Proposal, []):
        content = " ".join([proposal["summary"], *term_texts.get(proposal["id"], [])])
        found.append(("proposal", proposal["id"], proposal["name"], content))
    for meeting in rows.get(models.Meeting, []):
        found.append(("meeting", meeting["id"], meeting["summary"], meeting["summary"]))
    for source in rows.get(models.Source, []):
        title = source["title"] or source["body"].split("\n", 1)[0]
        found.append(("source", source["id"], title, source["body"]))
    return [
        {"id": number, "record_type": kind, "record_id": record_id, "title": title,
         "content": content, "terms": terms(title, content)}
        for number, (kind, record_id, title, content) in enumerate(found, start=1)
    ]
