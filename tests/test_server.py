"""The production server's workers."""

from __future__ import annotations

import gc

from flask import Flask

from api.server import GunicornServer


def test_a_worker_keeps_the_app_it_loads_out_of_full_collections(monkeypatch, seeded_url) -> None:
    # Walking the app's objects on every full collection stalled a worker for
    # 45-70 ms (bench/RESULTS.md): they are frozen once the app is built.
    monkeypatch.setenv("DATABASE_URL", seeded_url)
    gc.unfreeze()
    try:
        app = GunicornServer({"bind": "127.0.0.1:0", "workers": 1}).load()
        assert isinstance(app, Flask)
        assert gc.get_freeze_count() > 10_000
        assert not any(tracked is app.url_map for tracked in gc.get_objects())
    finally:
        gc.unfreeze()
