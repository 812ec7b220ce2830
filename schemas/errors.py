"""Marshmallow's nested error messages, flattened for people to read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping


def flatten_messages(messages: Mapping | list | str, path: str = "") -> Iterator[tuple[str, str]]:
    """Marshmallow's nested error dict as ``("statements[3].speaker", "message")`` pairs."""
    if isinstance(messages, str):
        yield path, messages
    elif isinstance(messages, list):
        for message in messages:
            yield from flatten_messages(message, path)
    else:
        for key, nested in messages.items():
            if isinstance(key, int):
                child = f"{path}[{key}]"
            elif key == "_schema":
                child = path
            else:
                child = f"{path}.{key}" if path else str(key)
            yield from flatten_messages(nested, child)
