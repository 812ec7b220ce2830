"""Extraction provenance

Adds ``extraction_method`` ('curated' or 'rule'), ``extraction_rule`` and
``extraction_confidence`` to every record type the extraction rules produce, and to
actors (the rules add provisional speakers). Existing rows were all curated, which
the server default records without a backfill.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ["actor", "meeting", "proposal", "proposal_term", "proposal_position", "statement",
          "statistic"]


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("extraction_method", sa.String(length=16),
                                       nullable=False, server_default="curated"))
            batch.add_column(sa.Column("extraction_rule", sa.String(length=64), nullable=True))
            batch.add_column(sa.Column("extraction_confidence", sa.Float(), nullable=True))
        op.create_index(op.f(f"ix_{table}_extraction_method"), table, ["extraction_method"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(op.f(f"ix_{table}_extraction_method"), table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("extraction_confidence")
            batch.drop_column("extraction_rule")
            batch.drop_column("extraction_method")
