"""Alembic environment: runs on the connection ``api.migrate`` hands over."""

from alembic import context

from api.migrate import is_managed
from api.models import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by table copy
    compare_type=True,
    include_name=is_managed,
)
with context.begin_transaction():
    context.run_migrations()
