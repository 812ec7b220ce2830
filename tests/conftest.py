"""Fixtures in the Flask tutorial's shape (``app``, ``client``, ``runner``), plus
databases: each test that writes gets a fresh one.

The backend follows ``DATABASE_URL``: unset, tests use SQLite files; pointing at a
PostgreSQL server, they create (and afterwards drop) databases of their own on it,
so the suite never depends on what an existing database holds. An unreachable
server is an error, never a skip.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

import seed
from api import create_app
from api.db import make_engine, normalize_url
from seed.evaluate import seed_gazetteer
from seed.extract import Gazetteer

_counter = itertools.count()


class Databases:
    """Creates empty databases on the server under test and drops them at the end."""

    def __init__(self, server_url: str | None, tmp: Path):
        self.server_url = normalize_url(server_url) if server_url else None
        self.tmp = tmp
        self.created: list[str] = []

    @property
    def backend(self) -> str:
        return make_url(self.server_url).get_backend_name() if self.server_url else "sqlite"

    def new_url(self) -> str:
        n = next(_counter)
        if self.backend == "sqlite":
            return f"sqlite:///{self.tmp / f'parley_{n}.sqlite3'}"
        name = f"parley_test_{os.getpid()}_{n}"
        with self._admin() as admin:
            admin.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return make_url(self.server_url).set(database=name).render_as_string(False)

    def drop_all(self) -> None:
        if self.created:
            with self._admin() as admin:
                for name in self.created:
                    admin.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def _admin(self):
        engine = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        return engine.connect()


def pytest_report_header(config) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return "database: sqlite (set DATABASE_URL to run on a server)"
    return f"database: {make_url(normalize_url(url)).render_as_string(hide_password=True)}"


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    registry = Databases(os.environ.get("DATABASE_URL"), tmp_path_factory.mktemp("db"))
    yield registry
    registry.drop_all()


@pytest.fixture
def database_url(databases: Databases) -> str:
    """A fresh, empty database."""
    return databases.new_url()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The seed's actors and places, as the extraction rules see them."""
    return seed_gazetteer(seed.DEFAULT_SEED_DIR)


@pytest.fixture(scope="session")
def dataset() -> seed.Dataset:
    return seed.build_dataset()


@pytest.fixture(scope="session")
def seeded_url(databases: Databases, dataset: seed.Dataset) -> str:
    """One database loaded with the seed corpus, shared by read-only tests."""
    url = databases.new_url()
    engine = make_engine(url)
    seed.load(engine, dataset)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def seeded_engine(seeded_url: str) -> Iterator[Engine]:
    engine = make_engine(seeded_url)
    yield engine
    engine.dispose()


@pytest.fixture
def app(database_url: str):
    return create_app({"TESTING": True, "DATABASE_URL": database_url})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus, for tests that break it on purpose."""
    target = tmp_path / "seed"
    shutil.copytree(seed.DEFAULT_SEED_DIR, target,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


@pytest.fixture(scope="session")
def seeded_app(seeded_url: str):
    """The app on the seeded database, shared by read-only API tests."""
    return create_app({"TESTING": True, "DATABASE_URL": seeded_url})


@pytest.fixture
def api(seeded_app):
    return seeded_app.test_client()


@pytest.fixture(scope="session")
def spec(seeded_app) -> dict:
    with seeded_app.app_context():
        from api.spec import spec_dict

        return spec_dict()
