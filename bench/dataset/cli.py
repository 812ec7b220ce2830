"""The command line: ``python -m bench.dataset --scale N --database-url URL ...``."""

from __future__ import annotations

import argparse
import sys

from .load import NotEmpty, build


def main(argv: list[str] | None = None) -> int:
    """Load the dataset the arguments describe and print the report; 2 on a usage error."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.dataset",
        description="Generate a synthetic Parley dataset and bulk-load it.")
    parser.add_argument("--scale", type=int, required=True,
                        help="Statements (and statistics) to generate, e.g. 1000000.")
    parser.add_argument("--database-url", required=True,
                        help="sqlite:///path/to/file.sqlite3 or postgresql://...")
    parser.add_argument("--seed", type=int, default=0, help="Random seed (default 0).")
    parser.add_argument("--replace", action="store_true",
                        help="Drop whatever the database holds and load anew.")
    parser.add_argument("--no-parallel", dest="parallel", action="store_false",
                        help="Generate rows in this process instead of a worker process.")
    parser.add_argument("--check", action="store_true",
                        help="Verify keys, evidence spans and search terms after loading.")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    try:
        report = build(args.database_url, args.scale, args.seed, args.replace, args.check,
                       args.parallel, echo=lambda line: print(line, file=sys.stderr))
    except (NotEmpty, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(report.format())
    return 0
