"""The gunicorn worker ``parley serve`` runs by default: gthread's event loop, each
request served on the loop's own thread.

gunicorn's gthread worker keeps connections alive and waits for idle ones on a
poller, and serves requests in a thread pool. With one thread per worker (more
contend for the GIL and SQLite's mutexes: README), the pool only hands each request
to another thread and back through a pipe, and the two threads trade the GIL each
time the request lets go of it around a SQLite call. At a million rows that cost
uncached pages a third of their throughput (bench/RESULTS.md, session 16).

``InlineWorker`` serves a connection's request on the loop's thread once the
connection is readable. Accepting, keep-alive, idle and pending connections,
timeouts and graceful stops are gthread's own. With more than one thread it is
gthread.

With one thread either way, a client that stalls halfway through sending a request
holds the worker: this one until the arbiter's timeout (30 s) restarts it, as with
gunicorn's sync worker; gthread with one thread held it for good. In production,
put a buffering proxy in front.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future

# _DEFER is what gthread's handle() returns for a connection with no request yet:
# finish_request() then waits for one on the poller instead of on a thread.
from gunicorn.workers.gthread import _DEFER, TConn, ThreadWorker


class InlineWorker(ThreadWorker):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ready: deque[TConn] = deque()
        self.serving = False

    @property
    def pooled(self) -> bool:
        """With more than one thread, requests go to gthread's pool, as in gthread."""
        return self.cfg.threads > 1

    def enqueue_req(self, conn: TConn) -> None:
        if self.pooled:
            super().enqueue_req(conn)
            return
        self.ready.append(conn)
        if self.serving:
            # A pipelined request, found by finish_request while serving the one
            # before: served by the loop below, not by a call deeper in the stack.
            return
        self.serving = True
        try:
            while self.ready:
                self.serve(self.ready.popleft())
        finally:
            self.serving = False

    def accept(self, listener) -> None:
        """Every connection waiting to be accepted, not one per pass of the loop.

        gthread accepts one connection each time the listener is readable, and its
        loop comes round again at once. Here a pass also serves every readable
        connection, so when 32 clients connected at once, the last waited for 32
        passes, each longer than the one before: 1 to 1.5 s for a 225 KB series.
        """
        if self.pooled:
            super().accept(listener)
            return
        while self.nr_conns < self.worker_connections:
            accepted = self.nr_conns
            super().accept(listener)  # one connection, or none left (EAGAIN)
            if self.nr_conns == accepted:
                return

    def serve(self, conn: TConn) -> None:
        done: Future = Future()
        if conn.initialized or conn.data_ready or conn.wait_for_data(0):
            try:
                done.set_result(self.handle(conn))
            except Exception as error:  # handle() answers its own errors; this is a bug
                done.set_exception(error)
        else:
            done.set_result(_DEFER)  # a new connection that has sent nothing yet
        self.finish_request(conn, done)
