"""Results kept per key, for what is a pure function of its key (a query string).

A small dict, not an LRU: when it is full it forgets everything at once, which
costs one recomputation per key and no bookkeeping on the hits that are its point.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Kept(Generic[T]):
    def __init__(self, limit: int = 4096):
        self.limit = limit
        self.values: dict[Hashable, T] = {}

    def get(self, key: Hashable, make: Callable[[], T | None]) -> T | None:
        """The value kept for ``key``, else ``make()``, kept unless it is None."""
        found = self.values.get(key)
        if found is None:
            found = make()
            if found is not None:
                if len(self.values) >= self.limit:
                    self.values.clear()
                self.values[key] = found
        return found
