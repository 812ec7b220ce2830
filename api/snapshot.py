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
the three queries of a page. On PostgreSQL it is in autocommit mode, so that the
snapshot opens with its version read in one round trip, and a cached page's
version check (``peek``, no snapshot) is a single one.
"""

from __future__ import annotations

import contextlib
import threading

from sqlalchemy import Connection, Engine

from api import models

VERSION_QUERY = (f"SELECT version FROM {models.DatasetState.__tablename__} "
                 "WHERE name = 'current'")
POSTGRESQL_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"


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

    def peek(self) -> str:
        """The dataset version now, read outside any snapshot (the current one's, if open)."""
        if getattr(self.local, "open", False):
            return self.local.version
        return self._read(VERSION_QUERY)

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
        if self.engine.dialect.name == "postgresql":
            # Both statements in one simple query: one round trip.
            self.local.version = self._read(f"{POSTGRESQL_SNAPSHOT}; {VERSION_QUERY}")
        else:
            self.local.version = self._read("BEGIN", VERSION_QUERY)
        self.local.open = True

    def _read(self, *statements: str) -> str:
        """Run the statements; the version the last one selects."""
        connection = getattr(self.local, "connection", None)
        if connection is None:
            connection = self.local.connection = self._connect()
        try:
            cursor = connection.connection.dbapi_connection.cursor()
            for statement in statements:
                cursor.execute(statement)
            while cursor.description is None and cursor.nextset():
                pass  # past the results of a statement that returns no rows
            row = cursor.fetchone()
            cursor.close()
        except Exception:
            self._discard()  # broken (a restarted server, say): a new one next time
            raise
        return row[0] if row else ""

    def _connect(self) -> Connection:
        connection = self.engine.connect()
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.detach()  # closed with its thread, never returned to the pool
        return connection

    def _discard(self) -> None:
        connection, self.local.connection = self.local.connection, None
        self.local.open = False
        with contextlib.suppress(Exception):  # already unusable: nothing left to close
            connection.invalidate()
