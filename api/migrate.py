"""Schema migrations with Alembic, driven from Python (``parley db ...``).

Production PostgreSQL is upgraded in place, never dropped; every schema change is a
revision under ``api/migrations/versions``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).parent / "migrations"

#: Full-text objects that migrations create per dialect and the models do not declare.
UNMANAGED_TABLE_PREFIX = "search_fts"
UNMANAGED_COLUMNS = {("search_document", "document")}
UNMANAGED_INDEXES = {"ix_search_document_document",
                     "ix_statistic_series"}  # an expression index: no model declares it


def is_managed(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic ``include_name`` hook: leave the full-text objects out of comparisons."""
    if type_ == "table":
        return not (name or "").startswith(UNMANAGED_TABLE_PREFIX)
    if type_ == "column":
        return (parent_names.get("table_name"), name) not in UNMANAGED_COLUMNS
    if type_ == "index":
        return name not in UNMANAGED_INDEXES
    return True


def _config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def new_revision(engine: Engine, message: str, autogenerate: bool = True) -> None:
    with engine.begin() as connection:
        command.revision(_config(connection), message=message, autogenerate=autogenerate)
