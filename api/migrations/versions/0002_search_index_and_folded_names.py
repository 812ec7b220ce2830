"""Search index and folded names

Adds ``search_document`` (one row per searchable record, with stemmed terms) and
its full-text index, which differs by database: an FTS5 table kept in sync by
triggers on SQLite, a generated ``tsvector`` column with a GIN index on
PostgreSQL. Adds ``search_key`` to actors and locations (names and aliases folded
for accent-insensitive search), backfilled here so a populated database works
before its next load.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from api.names import search_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "terms, content='search_document', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_document BEGIN "
    "INSERT INTO search_fts(rowid, terms) VALUES (new.id, new.terms); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_document BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_document BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.id, old.terms); "
    "INSERT INTO search_fts(rowid, terms) VALUES (new.id, new.terms); END",
]
POSTGRESQL_FTS = [
    "ALTER TABLE search_document ADD COLUMN document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED",
    "CREATE INDEX ix_search_document_document ON search_document USING gin (document)",
]


def upgrade() -> None:
    op.create_table(
        "search_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=80), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_document")),
        sa.UniqueConstraint("record_type", "record_id",
                            name=op.f("uq_search_document_record_type")),
    )
    op.create_index(op.f("ix_search_document_record_type"), "search_document",
                    ["record_type"], unique=False)
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_FTS, "postgresql": POSTGRESQL_FTS}.get(dialect, []):
        op.execute(statement)

    for table in ("actor", "location"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("search_key", sa.Text(), nullable=False,
                                          server_default=""))
    _backfill_search_keys()


def _backfill_search_keys() -> None:
    bind = op.get_bind()
    for table, alias_table, owner in (("actor", "actor_alias", "actor_id"),
                                      ("location", "location_alias", "location_id")):
        names = {row.id: [row.name] for row in bind.execute(sa.text(f"SELECT id, name FROM {table}"))}
        for row in bind.execute(sa.text(f"SELECT {owner} AS id, alias FROM {alias_table}")):
            names[row.id].append(row.alias)
        for record_id, spellings in names.items():
            bind.execute(sa.text(f"UPDATE {table} SET search_key = :key WHERE id = :id"),
                         {"key": search_key(spellings), "id": record_id})


def downgrade() -> None:
    for table in ("location", "actor"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("search_key")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")  # its triggers go with search_document
    op.drop_index(op.f("ix_search_document_record_type"), table_name="search_document")
    op.drop_table("search_document")
