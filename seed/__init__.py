"""The curated corpus and the pipeline that loads it: validate, normalize, load."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from .build import Dataset, build_dataset
from .corpus import DEFAULT_SEED_DIR
from .load import LoadResult, load, loaded_version
from .problems import Problem, SeedError

__all__ = [
    "DEFAULT_SEED_DIR",
    "Dataset",
    "LoadResult",
    "Problem",
    "SeedError",
    "build_dataset",
    "load",
    "loaded_version",
    "seed_database",
]


def seed_database(engine: Engine, root: Path = DEFAULT_SEED_DIR) -> LoadResult:
    """Validate the corpus under ``root`` and load it; ``SeedError`` if it is invalid."""
    return load(engine, build_dataset(root))
