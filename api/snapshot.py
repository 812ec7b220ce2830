"""Each request reads one snapshot of the database, on a connection its thread keeps.

The dataset version names a response: its ETag, its cache entry, the memo of its
``total``. Reading the version in the same transaction as the rows makes it the
version *of those rows*, even when a load commits while the request runs; read on
a connection of its own, a page of new rows could be cached under the old
version, or the reverse. So the first read of a request opens a read-only
snapshot (SQLite: a transaction begun explicitly, because pysqlite reads outside
one; PostgreSQL: REPEATABLE READ), reads the version in it, and the request's
queries and ORM session all run on it until the request ends.

The connection stays with its thread from request to request, detached from the
pool: a pool checkout, reset and return (and on PostgreSQL a ping) cost more than
the three queries of a page.
"""

from __future__ import annotations

import contextlib
import threading

from sqlalchemy import Connection, Engine

from api import models

VERSION_QUERY = (f"SELECT version FROM {models.DatasetState.__tablename__} "
                 "WHERE name = 'current'")


class Snapshots:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.local = threading.local()

    def connection(self) -> Connection:
        """This thread's connection, inside the current snapshot (opened if none is)."""
        if not getattr(self.local, "open", False):
            self._open()
        return self.local.connection

    def version(self) -> str:
        """The dataset version the current snapshot holds ("" before any load)."""
        self.connection()
        return self.local.version

    def end(self) -> None:
        """Close the snapshot, if one is open; the connection stays for the next."""
        if not getattr(self.local, "open", False):
            return
        self.local.open = False
        connection = self.local.connection
        try:
            if connection.in_transaction():  # the ORM session began one on it
                connection.rollback()
            connection.connection.dbapi_connection.rollback()
        except Exception:
            self._discard()
            raise

    def _open(self) -> None:
        connection = getattr(self.local, "connection", None)
        if connection is None:
            connection = self.local.connection = self._connect()
        try:
            cursor = connection.connection.dbapi_connection.cursor()
            if connection.dialect.name == "sqlite":
                cursor.execute("BEGIN")
            cursor.execute(VERSION_QUERY)
            row = cursor.fetchone()
            cursor.close()
        except Exception:
            self._discard()  # broken (a restarted server, say): a new one next time
            raise
        self.local.version = row[0] if row else ""
        self.local.open = True

    def _connect(self) -> Connection:
        connection = self.engine.connect()
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True)
        connection.detach()  # closed with its thread, never returned to the pool
        return connection

    def _discard(self) -> None:
        connection, self.local.connection = self.local.connection, None
        self.local.open = False
        with contextlib.suppress(Exception):  # already unusable: nothing left to close
            connection.invalidate()
