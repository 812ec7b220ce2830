"""Keyset indexes

Every list pages by (sort column, id) with a row-value comparison
(``api.v1.keyset``); an index on the sort column alone made SQLite sort all rows
of equal value, and the speaker filter sort all of a speaker's statements, on
every page. Each single-column sort index becomes (column, id); the statements'
speaker index becomes (speaker_id, date, id), and the statistics get (metric,
as_of, id) for the metric filter and (metric, lower(population), as_of, id) for a
series, whose population is matched case-insensitively (the plain population
index never served that). Indexes that repeat the first column of a primary key
go: they only slowed loading.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: table -> (single-column indexes replaced, column lists indexed with the id)
CHANGES = {
    "statement": (["date", "speaker_id"], [["date"], ["speaker_id", "date"]]),
    "statistic": (["as_of", "metric", "population"],
                  [["as_of"], ["value"], ["metric", "as_of"]]),
    "meeting": (["date"], [["date"]]),
    "proposal_position": (["date"], [["date"]]),
    "proposal": (["first_reported_on"], [["first_reported_on"]]),
    "source": (["published_on"], [["published_on"]]),
}


def name(table: str, columns: list[str]) -> str:
    return f"ix_{table}_{'_'.join(columns)}_id"


#: (table, column) indexes that a primary key starting with the column makes redundant
REDUNDANT = [("statement_topic", "statement_id"), ("meeting_participant", "meeting_id"),
             ("proposal_party", "proposal_id")]
SERIES = ["metric", sa.text("lower(population)"), "as_of", "id"]


def upgrade() -> None:
    for table, (replaced, keysets) in CHANGES.items():
        for column in replaced:
            op.drop_index(f"ix_{table}_{column}", table_name=table)
        for columns in keysets:
            op.create_index(name(table, columns), table, [*columns, "id"])
    op.create_index("ix_statistic_series", "statistic", SERIES)
    for table, column in REDUNDANT:
        op.drop_index(f"ix_{table}_{column}", table_name=table)


def downgrade() -> None:
    for table, column in REDUNDANT:
        op.create_index(f"ix_{table}_{column}", table, [column])
    op.drop_index("ix_statistic_series", table_name="statistic")
    for table, (replaced, keysets) in CHANGES.items():
        for columns in keysets:
            op.drop_index(name(table, columns), table_name=table)
        for column in replaced:
            op.create_index(f"ix_{table}_{column}", table, [column])
