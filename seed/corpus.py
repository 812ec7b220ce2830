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
from .frontmatter import split_front_matter
from .problems import Problem, Problems, SeedError
from .yamlio import YamlError, read_yaml

DEFAULT_SEED_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Article:
    source_id: str
    body: str
    raw_sha256: str
    front_matter: dict[str, Any] = field(default_factory=dict)


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


MAX_ARTICLE_BYTES = 1_000_000


def read_article(path: Path, source_id: str | None = None) -> Article:
    """Decode and clean one article; ``ValueError`` says why it cannot be used."""
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ValueError(f"too large: {size:,} bytes (the limit is {MAX_ARTICLE_BYTES:,})")
    return parse_article(path.read_bytes(), source_id or path.stem)


def parse_article(raw: bytes, source_id: str) -> Article:
    if b"\x00" in raw:
        raise ValueError("binary file (it contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start})") from error
    front_matter, text = split_front_matter(text)
    body = clean_body(text)
    if not body:
        raise ValueError("empty article")
    return Article(source_id, body, sha256_hex(raw), front_matter)


def read_corpus(root: Path, sink: list[Problem]) -> Corpus:
    corpus = Corpus(root)
    for path in sorted((root / "articles").glob("*.txt")):
        try:
            corpus.articles[path.stem] = read_article(path)
        except ValueError as error:
            sink.append(Problem(corpus.relative(path), "", str(error)))
    corpus.actors, corpus.locations = read_gazetteers(root, sink, corpus)
    for path in sorted((root / "annotations").glob("*.yaml")):
        if loaded := _read(corpus, path, AnnotationSchema(), sink):
            corpus.annotations[path.stem] = loaded
    return corpus


def read_gazetteers(root: Path, sink: list[Problem] | None = None,
                    corpus: Corpus | None = None) -> tuple[list[dict], list[dict]]:
    """The actors and places under ``root``; problems go to ``sink`` (or raise)."""
    problems: list[Problem] = [] if sink is None else sink
    corpus = corpus or Corpus(root)
    actors = _read_list(corpus, root / "actors.yaml", ActorSchema, problems)
    locations = _read_list(corpus, root / "locations.yaml", LocationSchema, problems)
    if sink is None and problems:
        raise SeedError(problems)
    return actors, locations


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
