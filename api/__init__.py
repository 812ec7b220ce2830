"""Parley: structured, source-linked data on ceasefire negotiations."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask

from . import db
from .config import Config


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(Config)
    app.config.from_prefixed_env("PARLEY")
    app.config["DATABASE_URL"] = app.config["DATABASE_URL"] or os.environ.get("DATABASE_URL")
    if test_config:
        app.config.update(test_config)
    if not app.config.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = db.default_sqlite_url(app.instance_path)

    db.init_app(app)

    from . import commands  # imports seed, which imports api.models

    commands.init_app(app)
    return app
