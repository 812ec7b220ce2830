"""A synthetic dataset at any scale, bulk-loaded, for benchmarking the API.

Scale N means N statements and N statistics, with proportionate sources (one per
eight statements), meetings (N/10), proposals (N/2000, at least six) with their
parties, terms and positions, actors (several hundred, growing slowly with N),
locations, evidence, statement topics and search documents.

Every row is one the API could have loaded from real articles: each source body is
the concatenation of the sentences its records come from, so every evidence span
is exactly ``body[start:end]``; ids have the seed's shapes (``art_<16 hex>``,
``stmt_<10 hex>``, ...); search terms are built by ``api.search.terms`` (cached
per text fragment: ``terms`` of a concatenation is the join of the fragments'
terms when no word crosses a fragment boundary, which the templates guarantee);
the dataset state ``current`` gets a version, so ETags and caches work.

Distributions: a few speakers say most things (Zipf over the actors), dates spread
over 2023-10-07..2026-10-31 with more in the busy periods of the negotiations,
statistics follow series (killed, wounded, hostages held, ...) whose values move
over time as the real figures did, several statements and statistics per article.
The output depends only on ``scale`` and ``seed``.

Loading: the schema comes from ``migrate.upgrade``; rows are written in one
transaction with the raw DBAPI (sqlite3 ``executemany``; psycopg ``COPY``), the
full-text index is built at the end, and ``ANALYZE`` runs. On PostgreSQL, secondary
indexes and foreign keys are dropped first and rebuilt at the end; SQLite keeps its
indexes during the load, which was faster (``sinks.SqliteSink``).

    .venv/bin/python -m bench.dataset --scale 1000000 \\
        --database-url sqlite:///bench/data/parley-1m.sqlite3

Modules, in the order they build on each other: ``vocabulary`` (word lists, calendar,
statistic series, gazetteer additions) and ``text`` (sentence templates, search terms
per fragment); ``tables`` (columns per table, ``Batch``) and ``model`` (``Ids``,
``Actor``, ``Proposal``, helpers); ``gazetteer`` and ``sentences`` (the parts of
``generator.Generator``: what rows to make); ``timing`` and ``sinks`` (how rows are
written to SQLite and PostgreSQL); ``load`` (``build``, ``verify``); ``cli``
(``main``, run by ``python -m bench.dataset``).
"""

from .cli import main
from .generator import BATCH_SOURCES, GENERATOR_VERSION, Generator, dataset_version
from .load import LoadReport, NotEmpty, build, verify
from .model import Actor, Ids, Proposal
from .tables import COLUMNS, CURATED, TABLES, Batch

__all__ = [
    "BATCH_SOURCES",
    "COLUMNS",
    "CURATED",
    "GENERATOR_VERSION",
    "TABLES",
    "Actor",
    "Batch",
    "Generator",
    "Ids",
    "LoadReport",
    "NotEmpty",
    "Proposal",
    "build",
    "dataset_version",
    "main",
    "verify",
]
