"""Seconds per phase of a load."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")


class Timer:
    def __init__(self) -> None:
        self.phases: dict[str, float] = {}

    def add(self, phase: str, seconds: float) -> None:
        self.phases[phase] = self.phases.get(phase, 0.0) + seconds

    @contextlib.contextmanager
    def time(self, phase: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(phase, time.perf_counter() - start)

    def timed(self, iterator: Iterator[T], phase: str) -> Iterator[T]:
        """The items of ``iterator``, the time spent waiting for each added to ``phase``."""
        while True:
            with self.time(phase):
                item = next(iterator, _END)
            if item is _END:
                return
            yield item


_END = object()
