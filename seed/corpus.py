"""Read a seed directory: articles, gazetteers and annotations, each file checked alone.

Layout::

    seed/
      articles/<source_id>.txt      the articles, unchanged
      actors.yaml, locations.yaml   the gazetteers
      annotations/<source_id>.yaml  what each article supports
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marshmallow import Schema, ValidationError

from schemas.annotations import ActorSchema, AnnotationSchema, LocationSchema

from .clean import clean_body, sha256_hex
from .problems import Problem, Problems
from .yamlio import YamlError, read_yaml

DEFAULT_SEED_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Article:
    source_id: str
    body: str
    raw_sha256: str


@dataclass
class Corpus:
    root: Path
    articles: dict[str, Article] = field(default_factory=dict)
    actors: list[dict] = field(default_factory=list)
    locations: list[dict] = field(default_factory=list)
    annotations: dict[str, dict] = field(default_factory=dict)

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)


def read_article(path: Path) -> Article:
    """Decode and clean one article; ``ValueError`` says why it cannot be used."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start})") from error
    body = clean_body(text)
    if not body:
        raise ValueError("empty article")
    return Article(path.stem, body, sha256_hex(raw))


def read_corpus(root: Path, sink: list[Problem]) -> Corpus:
    corpus = Corpus(root)
    for path in sorted((root / "articles").glob("*.txt")):
        try:
            corpus.articles[path.stem] = read_article(path)
        except ValueError as error:
            sink.append(Problem(corpus.relative(path), "", str(error)))
    corpus.actors = _read_list(corpus, root / "actors.yaml", ActorSchema, sink)
    corpus.locations = _read_list(corpus, root / "locations.yaml", LocationSchema, sink)
    for path in sorted((root / "annotations").glob("*.yaml")):
        if loaded := _read(corpus, path, AnnotationSchema(), sink):
            corpus.annotations[path.stem] = loaded
    return corpus


def _read_list(corpus: Corpus, path: Path, schema: type[Schema], sink: list[Problem]) -> list:
    return _read(corpus, path, schema(many=True), sink) or []


def _read(corpus: Corpus, path: Path, schema: Schema, sink: list[Problem]) -> Any:
    problems = Problems(corpus.relative(path), sink)
    if not path.exists():
        problems.add("", "file missing")
        return None
    try:
        data = read_yaml(path)
    except YamlError as error:
        problems.add("", f"not valid YAML: {error}")
        return None
    try:
        return schema.load(data)
    except ValidationError as error:
        problems.add_marshmallow(error.messages)
        return None
