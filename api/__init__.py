"""Parley: structured, source-linked data on ceasefire negotiations."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from flask import Flask

from . import db, docs
from .config import Config
from .http import cache, direct, headers, json


class Parley(Flask):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sync: dict[Callable, Callable] = {}

    def ensure_sync(self, func: Callable) -> Callable:
        """Flask asks whether a view or hook is a coroutine function each time it calls
        one (several times a request); the answer never changes, so ask once."""
        known = self._sync.get(func)
        if known is None:
            known = self._sync[func] = super().ensure_sync(func)
        return known


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    # No app-wide /static: documentation assets have their own routes (api.docs).
    app = Parley(__name__, instance_relative_config=True, static_folder=None)
    json.init_app(app)
    app.config.from_object(Config)
    app.config.from_prefixed_env("PARLEY")
    app.config["DATABASE_URL"] = app.config["DATABASE_URL"] or os.environ.get("DATABASE_URL")
    if test_config:
        app.config.update(test_config)
    if not app.config.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = db.default_sqlite_url(app.instance_path)

    db.init_app(app)
    headers.init_app(app)
    direct.init_app(app)
    # After headers, so its after_request runs first; after direct, so its middleware
    # answers first.
    cache.init_app(app)
    docs.init_app(app)

    from . import commands, v1  # they import seed, which imports api.models

    app.extensions["parley.api"] = v1.init_app(app)
    commands.init_app(app)
    return app
