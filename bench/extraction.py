"""How fast the extraction rules run: not a test, it prints figures.

1. Extraction alone, one core: the seed articles and the unseen test article, run
   repeatedly through ``seed.extract.extract`` (articles per second).
2. End to end on all cores: ``parley ingest`` of N synthetic articles (default 1,000,
   from ``bench/synthetic_articles.py``) into a fresh SQLite file.

    .venv/bin/python bench/extraction.py [--count 1000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seed.corpus import read_article  # noqa: E402
from seed.evaluate import seed_gazetteer  # noqa: E402
from seed.extract import extract  # noqa: E402


def one_core(seconds: float = 5.0) -> None:
    paths = sorted((ROOT / "seed" / "articles").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "articles").glob("*.txt"))
    bodies = [read_article(path).body for path in paths]
    gazetteer = seed_gazetteer(ROOT / "seed")
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for body in bodies:
            extract(body, gazetteer)
        done += len(bodies)
    elapsed = time.perf_counter() - start
    size = sum(map(len, bodies)) / len(bodies)
    print(f"extraction alone, one core: {done / elapsed:,.0f} articles/s "
          f"({elapsed / done * 1000:.2f} ms per article of {size:,.0f} characters avg, "
          f"{done} runs over {len(bodies)} articles)")


def all_cores(count: int) -> None:
    from bench.synthetic_articles import write

    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        write(articles, count, 1)
        database = Path(tmp) / "bench.sqlite3"
        url = f"sqlite:///{database}"
        parley = str(Path(sys.executable).parent / "parley")
        subprocess.run([parley, "seed", "--database-url", url], check=True,
                       capture_output=True)
        start = time.perf_counter()
        result = subprocess.run([parley, "ingest", str(articles), "--database-url", url],
                                capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        summary = result.stdout.strip().splitlines()[-1]
        print(f"ingest end to end, all cores: {count / elapsed:,.0f} articles/s "
              f"({count} articles in {elapsed:.1f} s, process start and seed check included; "
              f"{summary})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    one_core()
    all_cores(args.count)
