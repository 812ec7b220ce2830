"""How rows are written to each database: one transaction per load. On PostgreSQL,
secondary indexes and foreign keys are dropped first and rebuilt at the end; on
SQLite they are kept, and only the full-text index is built at the end."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Protocol

from sqlalchemy.engine import make_url

from .tables import COLUMNS
from .timing import Timer

STATE_NAME = "bench"
CURRENT = "current"  # seed.load.CURRENT: the version the API's caches and ETags follow


class Sink(Protocol):
    """What ``build`` calls, in this order: ``begin``, ``write``..., ``finish`` (or
    ``abort``), ``analyze``, ``size``."""

    def begin(self) -> None: ...
    def write(self, table: str, rows: list[tuple]) -> None: ...
    def finish(self, version: str) -> None: ...
    def abort(self) -> None: ...
    def analyze(self) -> None: ...
    def size(self) -> int: ...


class SqliteSink:
    """One sqlite3 transaction; the full-text index built at the end.

    The secondary indexes stay while rows are written. Dropping them and building
    them at the end cost more: 1M rows loaded in 123 s that way, 100 s this way, on
    the same machine. Building them was 30 s at the end, when this process works
    alone; keeping them makes the inserts slower (statements 11 -> 19 s), but that
    falls in the time this process otherwise spent waiting for the generator. Rows
    mostly come in the order of the indexes (dates rise with the sources, low-
    cardinality keys take rising rowids), so most index inserts land at the end.
    """

    def __init__(self, path: str, timer: Timer):
        self.path = path
        self.timer = timer
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.statements = {
            table: f"INSERT INTO {table} ({', '.join(columns)}) "
                   f"VALUES ({', '.join('?' * len(columns))})"
            for table, columns in COLUMNS.items()}

    def begin(self) -> None:
        c = self.connection
        # A rollback journal in memory: the load is one transaction and the file is new.
        c.execute("PRAGMA journal_mode=MEMORY")
        c.execute("PRAGMA synchronous=OFF")
        # Big enough to hold a 1M-row load until the commit writes it out (allocated lazily).
        c.execute("PRAGMA cache_size=-4194304")  # 4 GiB
        c.execute("PRAGMA temp_store=MEMORY")
        c.execute("PRAGMA foreign_keys=OFF")  # the generator keeps them; verify() checks
        c.execute("BEGIN IMMEDIATE")
        # The full-text index is built in one pass at the end, not row by row.
        self.triggers = c.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'search_document'").fetchall()
        for name, _ in self.triggers:
            c.execute(f'DROP TRIGGER "{name}"')

    def write(self, table: str, rows: list[tuple]) -> None:
        with self.timer.time(f"insert {table}"):
            self.connection.executemany(self.statements[table], rows)

    def finish(self, version: str) -> None:
        c = self.connection
        with self.timer.time("full-text index"):
            # Merging segments as they are written made the build take 13 s instead of
            # 9 at 1M rows, and searches no faster; crisis merges still bound the
            # number of segments, and later writes merge as usual.
            c.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 0)")
            c.execute("INSERT INTO search_fts(rowid, terms) SELECT id, terms FROM search_document")
            c.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 4)")
            for _, sql in self.triggers:
                c.execute(sql)
        with self.timer.time("commit"):
            now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            for name in (STATE_NAME, CURRENT):
                c.execute("INSERT OR REPLACE INTO dataset_state (name, version, loaded_at) "
                          "VALUES (?, ?, ?)", (name, version, now))
            c.execute("COMMIT")

    def abort(self) -> None:
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")
        self.connection.close()

    def analyze(self) -> None:
        self.connection.execute("ANALYZE")
        self.connection.execute("PRAGMA journal_mode=WAL")  # as api.db sets it
        self.connection.close()

    def size(self) -> int:
        return Path(self.path).stat().st_size


class PostgresSink:
    """One transaction of COPYs; secondary indexes and foreign keys rebuilt at the end."""

    def __init__(self, url: str, timer: Timer):
        import psycopg

        conninfo = make_url(url).set(drivername="postgresql").render_as_string(False)
        self.connection = psycopg.connect(conninfo)
        self.timer = timer

    def begin(self) -> None:
        c = self.connection
        c.execute("SET LOCAL synchronous_commit = off")
        c.execute("SET LOCAL maintenance_work_mem = '1GB'")
        with self.timer.time("drop indexes"):
            self.foreign_keys = c.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE contype = 'f' "
                "AND connamespace = current_schema()::regnamespace").fetchall()
            self.indexes = c.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint "
                "WHERE contype IN ('p', 'u') AND connamespace = current_schema()::regnamespace)"
            ).fetchall()
            for table, name, _ in self.foreign_keys:
                c.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            for name, _ in self.indexes:
                c.execute(f'DROP INDEX "{name}"')

    def write(self, table: str, rows: list[tuple]) -> None:
        columns = ", ".join(COLUMNS[table])
        with self.timer.time(f"insert {table}"), self.connection.cursor() as cursor, \
                cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def finish(self, version: str) -> None:
        c = self.connection
        with self.timer.time("create indexes"):
            for name, sql in self.indexes:
                if name != "ix_search_document_document":
                    c.execute(sql)
        with self.timer.time("full-text index"):
            for name, sql in self.indexes:
                if name == "ix_search_document_document":
                    c.execute(sql)
        with self.timer.time("foreign keys"):
            for table, name, definition in self.foreign_keys:
                c.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        with self.timer.time("commit"):
            c.execute("SELECT setval(pg_get_serial_sequence('search_document', 'id'), "
                      "coalesce(max(id), 0) + 1, false) FROM search_document")
            now = dt.datetime.now(dt.UTC)
            for name in (STATE_NAME, CURRENT):
                c.execute("INSERT INTO dataset_state (name, version, loaded_at) "
                          "VALUES (%s, %s, %s) ON CONFLICT (name) DO UPDATE "
                          "SET version = excluded.version, loaded_at = excluded.loaded_at",
                          (name, version, now))
            c.commit()

    def abort(self) -> None:
        self.connection.rollback()
        self.connection.close()

    def analyze(self) -> None:
        self.connection.autocommit = True
        self.connection.execute("ANALYZE")

    def size(self) -> int:
        size = self.connection.execute("SELECT pg_database_size(current_database())").fetchone()
        self.connection.close()
        return size[0]

