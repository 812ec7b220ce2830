"""Loading: ``build`` generates the dataset and writes it through a sink, optionally
with a worker process generating meanwhile; ``verify`` checks a loaded database."""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.queues import Queue
from pathlib import Path

from sqlalchemy import Engine, MetaData, inspect, text
from sqlalchemy.engine import make_url

from api import migrate, search
from api.db import make_engine, normalize_url

from .generator import BATCH_SOURCES, Generator, dataset_version
from .sinks import PostgresSink, Sink, SqliteSink
from .tables import TABLES, Batch
from .timing import Timer


@dataclass
class LoadReport:
    database_url: str
    scale: int
    seed: int
    version: str
    counts: dict[str, int]
    #: Seconds per phase of the loading process; they add up to ``seconds``, near enough.
    phases: dict[str, float]
    size_bytes: int | None = None
    seconds: float = 0.0
    #: Seconds spent meanwhile by the worker process (overlapping ``phases``).
    background: dict[str, float] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    @property
    def rows_per_second(self) -> float:
        return self.rows / max(self.seconds, 1e-9)

    def format(self) -> str:
        url = make_url(normalize_url(self.database_url)).render_as_string(hide_password=True)
        lines = [f"Loaded scale {self.scale:,} (seed {self.seed}, version {self.version}) "
                 f"into {url}", "", "  table                          rows"]
        lines += [f"  {table:<24} {count:>11,}" for table, count in self.counts.items()]
        lines += [f"  {'total':<24} {self.rows:>11,}", "",
                  "  phase                        seconds"]
        lines += [f"  {phase:<28} {seconds:>7.2f}" for phase, seconds in self.phases.items()]
        lines.append(f"  {'total (wall clock)':<28} {self.seconds:>7.2f}   "
                     f"({self.rows_per_second:,.0f} rows/s)")
        for phase, seconds in self.background.items():
            lines.append(f"  {phase:<28} {seconds:>7.2f}   (overlapping the above)")
        if self.size_bytes is not None:
            lines.append(f"  database size: {self.size_bytes / 2**20:,.1f} MiB")
        return "\n".join(lines)


class NotEmpty(RuntimeError):
    """The database already holds data, and ``replace`` was not given."""



def build(database_url: str, scale: int, seed: int = 0, replace: bool = False,
          check: bool = False, parallel: bool = True,
          echo: Callable[[str], object] | None = None) -> LoadReport:
    """Generate the dataset of ``scale`` and load it into ``database_url``.

    Refuses a database holding data unless ``replace`` (drop everything, recreate).
    With ``parallel``, a worker process generates the rows while this one writes
    them (from ``10 * BATCH_SOURCES`` up: below, a worker is not worth starting).
    ``check`` verifies foreign keys, evidence spans and search terms after loading
    (slow at large scales). ``echo`` receives progress lines.
    """
    started = time.perf_counter()
    url = normalize_url(database_url)
    backend = make_url(url).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ValueError(f"unsupported database {backend!r}: use sqlite or postgresql")
    timer = Timer()
    with timer.time("schema"):
        _prepare(url, backend, replace)
    in_worker = parallel and scale >= 10 * BATCH_SOURCES
    produce = _in_worker if in_worker else _in_process
    sink: Sink = (SqliteSink(make_url(url).database, timer) if backend == "sqlite"
                  else PostgresSink(url, timer))
    version = dataset_version(scale, seed)
    counts = dict.fromkeys(TABLES, 0)
    background: dict[str, float] = {}
    try:
        sink.begin()
        done = 0
        for batch in timer.timed(produce(scale, seed, background),
                                 "wait for generator" if in_worker else "generate"):
            for table in TABLES:
                if rows := batch.get(table):
                    sink.write(table, rows)
                    counts[table] += len(rows)
            done += len(batch.get("source", ()))
            if echo and done and done % (BATCH_SOURCES * 10) == 0:
                echo(f"  {done:,} sources written "
                     f"({time.perf_counter() - started:.0f} s)")
        sink.finish(version)
    except BaseException:
        sink.abort()
        raise
    with timer.time("analyze"):
        sink.analyze()
    if check:
        verify(url)
    return LoadReport(database_url, scale, seed, version, counts, timer.phases, sink.size(),
                      time.perf_counter() - started, background)


def _prepare(url: str, backend: str, replace: bool) -> None:
    """An empty database with the current schema (``migrate.upgrade``)."""
    if backend == "sqlite":
        path = make_url(url).database
        if not path or path == ":memory:":
            raise ValueError("an SQLite database must be a file")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        if _holds_data(engine):
            if not replace:
                raise NotEmpty("the database already holds data; pass --replace "
                               "(replace=True) to drop it and load anew")
            engine = _drop_everything(engine, url)
        migrate.upgrade(engine)
    finally:
        engine.dispose()


def _holds_data(engine: Engine) -> bool:
    with engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            if table.startswith(migrate.UNMANAGED_TABLE_PREFIX) or table == "alembic_version":
                continue
            if connection.execute(text(f'SELECT 1 FROM "{table}" LIMIT 1')).first():
                return True
    return False


def _drop_everything(engine: Engine, url: str) -> Engine:
    if engine.dialect.name == "sqlite":
        engine.dispose()
        path = Path(make_url(url).database)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return make_engine(url)
    with engine.begin() as connection:
        metadata = MetaData()
        metadata.reflect(connection)
        metadata.drop_all(connection)
    return engine


# Producing batches, here or in a worker process

def _in_process(scale: int, seed: int, background: dict[str, float]) -> Iterator[Batch]:
    generator = Generator(scale, seed)
    yield generator.gazetteer()
    yield from generator.batches()
    yield generator.proposal_documents()


def _in_worker(scale: int, seed: int, background: dict[str, float]) -> Iterator[Batch]:
    """The batches of ``_in_process``, generated by a worker process."""
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    queue = context.Queue(maxsize=4)
    worker = context.Process(target=_generate_into, args=(scale, seed, queue), daemon=True)
    worker.start()
    try:
        while True:
            kind, item = queue.get()
            if kind == "batch":
                yield item
            elif kind == "done":
                background["generate (worker process)"] = item
                return
            else:
                raise RuntimeError(f"the generator failed: {item}")
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join()


def _generate_into(scale: int, seed: int, queue: Queue) -> None:
    try:
        busy = 0.0
        batches = _in_process(scale, seed, {})
        while True:
            start = time.perf_counter()
            batch = next(batches, None)
            busy += time.perf_counter() - start
            if batch is None:
                break
            queue.put(("batch", batch))
        queue.put(("done", busy))
    except BaseException as error:  # reported to the loading process
        queue.put(("error", f"{type(error).__name__}: {error}"))


# Verification (tests, --check)

def verify(database_url: str, sample: int | None = None) -> None:
    """Raise AssertionError unless foreign keys hold, every evidence span is its source's
    text, and every search document's terms are ``search.terms(title, content)``."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            limit = f" LIMIT {int(sample)}" if sample else ""
            bodies = dict(connection.execute(text("SELECT id, body FROM source")).all())
            for record_type, record_id, source_id, start, end, span in connection.execute(text(
                    "SELECT record_type, record_id, source_id, span_start, span_end, text "
                    f"FROM evidence{limit}")):
                assert bodies[source_id][start:end] == span, (record_type, record_id)
            for record_id, title, content, terms in connection.execute(text(
                    f"SELECT record_id, title, content, terms FROM search_document{limit}")):
                assert terms == search.terms(title, content), record_id
            if engine.dialect.name == "sqlite":
                problems = connection.execute(text("PRAGMA foreign_key_check")).all()
                assert not problems, problems[:10]
    finally:
        engine.dispose()
