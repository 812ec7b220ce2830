"""The production server's workers."""

from __future__ import annotations

import gc
import http.client
import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from flask import Flask
from gunicorn.config import Config
from gunicorn.glogging import Logger

from api.server import GunicornServer
from api.worker import InlineWorker


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


# The default worker (api.worker.InlineWorker), in a real `parley serve`

@pytest.fixture(scope="module")
def server(seeded_url: str) -> Iterator[tuple[str, int]]:
    """``parley serve`` with one worker on the seeded database: (host, port)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-c", "from api.cli import cli; cli()", "serve", "--port", str(port),
         "--workers", "1"],
        env={**os.environ, "DATABASE_URL": seeded_url, "PARLEY_SEED_IF_EMPTY": "false"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.1)
        yield "127.0.0.1", port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def read_response(stream) -> tuple[int, dict[str, str], bytes]:
    status = int(stream.readline().split()[1])
    headers = {}
    while (line := stream.readline().decode("latin-1").strip()):
        name, _, value = line.partition(":")
        headers[name.lower()] = value.strip()
    return status, headers, stream.read(int(headers["content-length"]))


def test_the_server_keeps_connections_alive(server) -> None:
    connection = http.client.HTTPConnection(*server, timeout=10)
    connection.request("GET", "/v1/actors?limit=1")
    first = connection.getresponse()
    assert first.status == 200 and first.read()
    kept = connection.sock
    connection.request("GET", "/v1/statements?limit=1")
    second = connection.getresponse()
    assert second.status == 200 and second.read()
    assert connection.sock is kept and second.getheader("Connection") != "close"
    connection.close()


def test_pipelined_requests_are_all_answered_in_order(server) -> None:
    # Served one after another on the worker's thread. Were each served from within
    # the one before, the few hundred short ones in each 8 KiB read would overflow
    # the stack.
    with socket.create_connection(server, timeout=20) as client:
        client.sendall(b"GET /readyz HTTP/1.1\r\n\r\n" * 1000
                       + b"GET /v1/actors?limit=3 HTTP/1.1\r\n\r\n")
        stream = client.makefile("rb")
        statuses = [read_response(stream)[0] for _ in range(1000)]
        status, _, body = read_response(stream)
    assert statuses == [200] * 1000
    assert status == 200 and len(json.loads(body)["data"]) == 3


def test_a_connection_that_sends_nothing_does_not_hold_the_worker(server) -> None:
    with socket.create_connection(server, timeout=10):  # connected, silent
        time.sleep(0.2)  # accepted by now: the worker must not wait for its request
        started = time.monotonic()
        connection = http.client.HTTPConnection(*server, timeout=10)
        connection.request("GET", "/readyz")
        assert connection.getresponse().status == 200
        assert time.monotonic() - started < 2  # gthread's wait for a request is 5 s
        connection.close()


def test_the_worker_accepts_every_waiting_connection_in_one_pass() -> None:
    # One accept per pass of the loop left the last of 32 clients that connected at
    # once waiting 1 to 1.5 s: each pass also serves every readable connection.
    config = Config()
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)  # as the worker's loop sets it
        worker = InlineWorker(1, os.getpid(), [listener], None, 30, config, Logger(config))
        worker.poller = selectors.DefaultSelector()
        clients = [socket.create_connection(listener.getsockname()) for _ in range(5)]
        try:
            time.sleep(0.1)
            worker.accept(listener)
            assert worker.nr_conns == 5
            assert len(worker.pending_conns) == 5  # on the poller until they send
        finally:
            for conn in worker.pending_conns:
                conn.close()
            for client in clients:
                client.close()
            worker.tmp.close()
