"""Problems found in curated input, each with its file, its entry and what is wrong."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from schemas.errors import flatten_messages


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}" if self.entry else self.file
        return f"{where}: {self.message}"


class SeedError(Exception):
    """The corpus is invalid; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


class Problems:
    """Collects problems for one file, so every check can report and carry on."""

    def __init__(self, file: str, sink: list[Problem]):
        self.file = file
        self._sink = sink

    def add(self, entry: str, message: str) -> None:
        self._sink.append(Problem(self.file, entry, message))

    def add_marshmallow(self, messages: Mapping | list, entry: str = "") -> None:
        for path, message in flatten_messages(messages, entry):
            self.add(path, message)
