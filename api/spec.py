"""The committed OpenAPI document, and the real responses it uses as examples."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml
from flask import current_app

from .v1.examples import EXAMPLES_FILE, REQUESTS

__all__ = ["EXAMPLES_FILE", "refresh_examples", "spec_dict", "spec_yaml"]


def spec_dict() -> dict:
    return current_app.extensions["parley.api"].spec.to_dict()


def spec_yaml() -> str:
    return yaml.safe_dump(spec_dict(), sort_keys=False, allow_unicode=True, width=100)


def refresh_examples() -> dict:
    """Seed a scratch database, ask the API each example request, keep the answers."""
    import seed

    from . import create_app  # a second app, on the scratch database

    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'examples.sqlite3'}"
        app = create_app({"TESTING": True, "DATABASE_URL": url})
        with app.app_context():
            from .db import get_engine

            seed.seed_database(get_engine())
            client = app.test_client()
            examples = {}
            for operation, url_ in REQUESTS.items():
                response = client.get(url_)
                if response.status_code != 200:
                    raise RuntimeError(f"{operation}: {url_} answered {response.status_code}")
                examples[operation] = response.get_json()
            get_engine().dispose()
    EXAMPLES_FILE.write_text(json.dumps(examples, indent=1, ensure_ascii=False) + "\n")
    return examples
