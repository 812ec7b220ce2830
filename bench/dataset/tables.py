"""The rows' shape: the columns written per table, and a batch of rows."""

from __future__ import annotations

#: Columns written, per table, parents first (database column names).
COLUMNS: dict[str, tuple[str, ...]] = {
    "actor": ("id", "name", "kind", "title", "affiliation_id", "search_key",
              "extraction_method", "extraction_rule", "extraction_confidence"),
    "actor_alias": ("actor_id", "alias"),
    "location": ("id", "name", "kind", "parent_id", "country_code", "latitude", "longitude",
                 "search_key"),
    "location_alias": ("location_id", "alias"),
    "proposal": ("id", "key", "name", "summary", "stage", "status", "first_reported_on",
                 "revises_id", "note", "date_precision", "date_basis", "date_note",
                 "extraction_method", "extraction_rule", "extraction_confidence"),
    "proposal_party": ("proposal_id", "actor_id", "role"),
    "source": ("id", "title", "outlet", "agency", "url", "published_on", "date_precision",
               "date_basis", "date_note", "language", "body", "raw_sha256"),
    "proposal_term": ("id", "proposal_id", "kind", "value", "unit", "text", "source_id",
                      "extraction_method", "extraction_rule", "extraction_confidence"),
    "proposal_position": ("id", "proposal_id", "actor_id", "stance", "note", "source_id",
                          "date", "date_precision", "date_basis", "date_note",
                          "extraction_method", "extraction_rule", "extraction_confidence"),
    "meeting": ("id", "summary", "location_id", "mode", "status", "note", "date",
                "date_precision", "date_basis", "date_note", "extraction_method",
                "extraction_rule", "extraction_confidence"),
    "meeting_participant": ("meeting_id", "actor_id", "role", "description"),
    "statement": ("id", "source_id", "speaker_id", "speaker_description", "via_id", "kind",
                  "text", "proposal_id", "note", "date", "date_precision", "date_basis",
                  "date_note", "extraction_method", "extraction_rule", "extraction_confidence"),
    "statement_topic": ("statement_id", "topic"),
    "statistic": ("id", "source_id", "metric", "population", "value", "value_text",
                  "qualifier", "unit", "as_of", "period_start", "claimed_by_id", "location_id",
                  "date_precision", "date_basis", "date_note", "extraction_method",
                  "extraction_rule", "extraction_confidence"),
    "evidence": ("record_type", "record_id", "ordinal", "source_id", "span_start", "span_end",
                 "text"),
    "search_document": ("id", "record_type", "record_id", "title", "content", "terms"),
}
TABLES = list(COLUMNS)
CURATED = ("curated", None, None)


class Batch(dict[str, list[tuple]]):
    """Rows of one batch, per table."""

    def __missing__(self, table: str) -> list[tuple]:
        self[table] = rows = []
        return rows
