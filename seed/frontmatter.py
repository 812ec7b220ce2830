"""An article file's optional front matter: YAML between ``---`` lines at the top.

It may give the title, outlet, agency, url, language and publication date; any
other key is refused, so a typo is not silently dropped.
"""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError

from schemas.annotations import FrontMatterSchema

from .yamlio import YamlError, parse_yaml

_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(fields, rest of the text)``; ``ValueError`` says what is wrong with the block."""
    match = _BLOCK.match(text)
    if not match:
        return {}, text
    try:
        data = parse_yaml(match.group("yaml")) or {}
    except YamlError as error:
        raise ValueError(f"front matter is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ValueError("front matter must be a mapping of fields")
    try:
        fields = FrontMatterSchema().load(data)
    except ValidationError as error:
        problems = "; ".join(f"{key}: {' '.join(map(str, msgs))}"
                             for key, msgs in error.normalized_messages().items())
        raise ValueError(f"front matter: {problems}") from error
    return fields, text[match.end():]
