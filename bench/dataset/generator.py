"""``Generator``: deterministic rows for a scale and a seed, in batches of sources."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
import random
from collections.abc import Iterator

from .gazetteer import GazetteerMixin
from .model import Ids, Proposal, composition, iso, slug, spelled
from .sentences import Sentence, SentencesMixin
from .tables import Batch
from .text import FILLER, TITLES, fragment_terms, joined_terms
from .vocabulary import AGENCIES, BUSY, FIRST_DAY, LAST_DAY

#: Bump when the generated content changes: it is part of the dataset version.
GENERATOR_VERSION = 1
#: Sources generated (and written) per batch.
BATCH_SOURCES = 2000


def dataset_version(scale: int, seed: int) -> str:
    """The content depends only on these: equal parameters, equal data, equal version."""
    return hashlib.sha256(
        f"parley-bench:{GENERATOR_VERSION}:{scale}:{seed}".encode()).hexdigest()[:16]


class Generator(GazetteerMixin, SentencesMixin):
    """Deterministic rows for a scale and a seed, produced in batches of sources.

    Batches come in order, parents first: ``gazetteer()``, then ``batches()``, then
    ``proposal_documents()``; they draw from one random stream, so only that order
    gives the dataset of ``(scale, seed)``.
    """

    def __init__(self, scale: int, seed: int = 0):
        if scale < 1:
            raise ValueError("scale must be at least 1")
        self.scale = scale
        self.rng = random.Random(f"parley-bench:{seed}")
        self.ids = Ids()
        self.next_document = 1
        self._days()
        self._actors()
        self._locations()
        self._series()

    # Calendar

    def _days(self) -> None:
        days = [FIRST_DAY + dt.timedelta(n) for n in range((LAST_DAY - FIRST_DAY).days + 1)]
        busy = [(dt.date.fromisoformat(c), s, w) for c, s, w in BUSY]
        weights = []
        for day in days:
            weight = 1.0 if day < dt.date(2025, 11, 1) else 0.5  # quieter after the deal
            for centre, spread, height in busy:
                weight += 4 * height * math.exp(-(((day - centre).days / spread) ** 2) / 2)
            weights.append(weight)
        self.days, self.day_weights = days, list(itertools.accumulate(weights))

    def sample_days(self, count: int) -> list[dt.date]:
        return sorted(self.rng.choices(self.days, cum_weights=self.day_weights, k=count))

    # Sources and what they report

    def batches(self) -> Iterator[Batch]:
        """The sources and everything they report, ``BATCH_SOURCES`` sources a batch."""
        rng = self.rng
        scale = self.scale
        sources = max(1, scale // 8)
        days = self.sample_days(sources)
        statements = composition(rng, scale, sources, allow_zero=False)
        statistics = composition(rng, scale, sources, allow_zero=True)
        meetings = composition(rng, scale // 10, sources, allow_zero=True)
        mentions = composition(rng, scale // 100, sources, allow_zero=True)
        positions = composition(rng, scale // 40, sources, allow_zero=True)
        for start in range(0, sources, BATCH_SOURCES):
            batch = Batch()
            for n in range(start, min(start + BATCH_SOURCES, sources)):
                self._source(batch, n, days[n], statements[n], statistics[n], meetings[n],
                             mentions[n], positions[n])
            yield batch

    def _source(self, batch: Batch, n: int, day: dt.date, statements: int, statistics: int,
                meetings: int, mentions: int, positions: int) -> None:
        rng = self.rng
        outlet = self._outlet()
        items: list[Sentence] = []
        active = self._active_proposal(day)
        for _ in range(statements):
            items.append(self._statement(day, active))
        for _ in range(statistics):
            items.append(self._statistic(day))
        for _ in range(meetings):
            items.append(self._meeting(day))
        if active is not None:
            for _ in range(mentions):
                items.append(self._mention(active))
            for _ in range(positions):
                items.append(self._position(day, active))
        rng.shuffle(items)
        if rng.random() < 0.5:
            items.insert(rng.randint(0, len(items)), ("filler", [rng.choice(FILLER)], [], {}))

        title_pieces: list[str] = []
        rng.choice(TITLES).fill(rng, title_pieces, [])
        title = "".join(title_pieces)
        dateline = ["By ", outlet.name, " | ", spelled(day)]
        # The body: title, dateline, then the sentences, two to a paragraph.
        body_pieces = [title, "\n\n"]
        offset = len(title) + 2
        dateline_span = (offset, offset + sum(map(len, dateline)))
        body_pieces += dateline
        offset = dateline_span[1]
        placed = []
        for index, (kind, pieces, marks, payload) in enumerate(items):
            separator = "\n\n" if index % 2 == 0 else " "
            body_pieces.append(separator)
            offset += len(separator)
            starts = [offset]
            for piece in pieces:
                starts.append(starts[-1] + len(piece))
            body_pieces += pieces
            offset = starts[-1]
            placed.append((kind, pieces, marks, payload, starts))
        body = "".join(body_pieces)
        url = (f"https://www.{slug(outlet.name).replace('-', '')}.example/"
               f"{day:%Y/%m/%d}/gaza-talks-{n + 1}")
        raw = hashlib.sha256(f"{url}\n{body}".encode()).hexdigest()
        sid = f"art_{raw[:16]}"
        agency = rng.choice(AGENCIES)
        batch["source"].append((sid, title, outlet.name, agency, url, iso(day), "day",
                                "stated", None, "en", body, raw))
        batch["evidence"].append(("source", sid, 0, sid, *dateline_span,
                                  body[dateline_span[0]:dateline_span[1]]))
        body_terms = joined_terms(body_pieces)
        self._document(batch, "source", sid, title, body,
                       f"{fragment_terms(title)} {body_terms}" if body_terms else
                       fragment_terms(title))
        for ordinal, (kind, pieces, marks, payload, starts) in enumerate(placed):
            if kind == "filler":
                continue
            span = (starts[0], starts[-1])
            sentence = body[span[0]:span[1]]
            getattr(self, f"_emit_{kind}")(batch, sid, ordinal, sentence, span, pieces, marks,
                                           starts, payload)

    def _document(self, batch: Batch, kind: str, record_id: str, title: str, content: str,
                  terms: str) -> None:
        batch["search_document"].append((self.next_document, kind, record_id, title, content,
                                          terms))
        self.next_document += 1

    # Rows from placed sentences: each gets the source id, the sentence's ordinal and
    # text in the body, its span, its pieces and marks, the pieces' start offsets, and
    # its payload.

    def _emit_statement(self, batch, sid, ordinal, sentence, span, pieces, marks, starts, p):
        first, end = marks[0]
        text = "".join(pieces[first:end])
        stmt = self.ids.new("statement", sid, sentence, ordinal)
        batch["statement"].append((stmt, sid, p["speaker"].id, p["description"], p["via"],
                                   p["kind"], text, p["proposal"], None, *p["date"],
                                   *p["extraction"]))
        batch["statement_topic"] += [(stmt, topic) for topic in p["topics"]]
        batch["evidence"].append(("statement", stmt, 0, sid, *span, sentence))
        title = p["speaker"].name
        if p["description"]:
            title = f"{title} ({p['description']})"
        text_terms = joined_terms(pieces[first:end])
        self._document(batch, "statement", stmt, title, text,
                       f"{fragment_terms(title)} {text_terms}")

    def _emit_statistic(self, batch, sid, ordinal, sentence, span, pieces, marks, starts, p):
        stat = self.ids.new("statistic", sid, sentence, ordinal)
        batch["statistic"].append((stat, sid, *p["row"], *p["extraction"]))
        batch["evidence"].append(("statistic", stat, 0, sid, *span, sentence))

    def _emit_meeting(self, batch, sid, ordinal, sentence, span, pieces, marks, starts, p):
        mid = self.ids.new("meeting", sid, sentence, ordinal)
        location, mode, status, note, *date = p["row"]
        batch["meeting"].append((mid, sentence, location, mode, status, note, *date,
                                 *p["extraction"]))
        batch["meeting_participant"] += [(mid, actor, role, None) for actor, role in p["roles"]]
        batch["evidence"].append(("meeting", mid, 0, sid, *span, sentence))
        terms = joined_terms(pieces)
        self._document(batch, "meeting", mid, sentence, sentence, f"{terms} {terms}")

    def _emit_mention(self, batch, sid, ordinal, sentence, span, pieces, marks, starts, p):
        proposal: Proposal = p["proposal"]
        batch["evidence"].append(("proposal", proposal.id, proposal.evidence, sid, *span,
                                  sentence))
        proposal.evidence += 1
        for (first, end), (words, kind, value, unit) in zip(marks, p["terms"], strict=True):
            tid = self.ids.new("proposal_term", sid, words, ordinal, proposal.id, kind)
            batch["proposal_term"].append((tid, proposal.id, kind,
                                           None if value is None else float(value), unit, words,
                                           sid, *self._extraction("proposal.term", 0.2)))
            batch["evidence"].append(("proposal_term", tid, 0, sid, starts[first], starts[end],
                                      words))
            proposal.term_texts.append(words)

    def _emit_position(self, batch, sid, ordinal, sentence, span, pieces, marks, starts, p):
        proposal: Proposal = p["proposal"]
        pos = self.ids.new("proposal_position", sid, sentence, ordinal, proposal.id,
                           p["actor"], p["stance"])
        batch["proposal_position"].append((pos, proposal.id, p["actor"], p["stance"], None, sid,
                                           *p["date"], *self._extraction("proposal.position")))
        batch["evidence"].append(("proposal_position", pos, 0, sid, *span, sentence))
