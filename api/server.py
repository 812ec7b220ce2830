"""The production server: gunicorn running the app factory in each worker."""

from __future__ import annotations

import gc
from typing import Any

from gunicorn.app.base import BaseApplication
from sqlalchemy import Engine

import seed

from . import migrate

#: ``parley serve --worker-class`` choices: the gunicorn worker class each names.
WORKER_CLASSES = {
    "inline": "api.worker.InlineWorker",  # gthread's loop, requests on its thread
    "gthread": "gthread",
    "sync": "sync",
}


class GunicornServer(BaseApplication):
    """Gunicorn configured from a dict of its settings, not from a config file."""

    def __init__(self, options: dict[str, Any]):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from . import create_app

        app = create_app()
        # The app holds ~160,000 objects from its start (schemas, SQLAlchemy's
        # metadata, the spec) that live as long as the worker. Left to the cyclic
        # collector, every full collection walked them all and stalled the worker
        # for 45-70 ms: the p99 of uncached pages. Frozen, they are never walked.
        gc.freeze()
        return app


def prepare_database(engine: Engine, seed_if_empty: bool) -> str:
    """Bring the schema up to date and load the seed corpus into an empty database."""
    migrate.upgrade(engine)
    if seed.loaded_version(engine) is not None or not seed_if_empty:
        return "database ready"
    result = seed.seed_database(engine)
    return f"database was empty: seeded dataset {result.version}"
