"""Instructions per request, counted by callgrind: a figure the machine's neighbours
do not move, for changes too small to see in req/s on a shared machine.

Not a test. The app serves ``--path`` in-process through its WSGI callable, with the
response cache off; two runs under ``valgrind --tool=callgrind`` (N and 2N requests,
side by side) differ by N requests, and the difference over N is printed. Hash
seeds are fixed (``PYTHONHASHSEED=0``): with random ones, runs of the same code
differed by 2%. Needs valgrind (a Debian package).

    .venv/bin/python -m bench.instructions --database-url sqlite:///bench/data/parley-1m.sqlite3 \\
        --path '/v1/statements?speaker=benjamin-netanyahu'
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = 30


def serve_in_process(database_url: str, path: str, requests: int) -> None:
    from werkzeug.test import EnvironBuilder

    from api import create_app

    app = create_app({"DATABASE_URL": database_url, "RESPONSE_CACHE_MB": 0})
    base, _, query = path.partition("?")
    environ = EnvironBuilder(path=base, query_string=query).get_environ()
    statuses = []
    for _ in range(WARM_UP + requests):
        b"".join(app.wsgi_app(dict(environ), lambda status, *_: statuses.append(status)))
    if any(not status.startswith("200") for status in statuses):
        raise SystemExit(f"{path}: {sorted(set(statuses))}")


def count(database_url: str, path: str, requests: int) -> subprocess.Popen:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
               sys.executable, "-m", "bench.instructions", "--database-url", database_url,
               "--path", path, "--requests", str(requests), "--in-process"]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def collected(run: subprocess.Popen) -> int:
    _, log = run.communicate()
    found = re.search(r"Collected : (\d+)", log)
    if run.returncode or not found:
        raise SystemExit(f"callgrind failed:\n{log[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--path", default="/v1/statements")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_process:
        serve_in_process(args.database_url, args.path, args.requests)
        return
    single, double = (count(args.database_url, args.path, n)
                      for n in (args.requests, 2 * args.requests))
    per_request = (collected(double) - collected(single)) / args.requests
    print(f"{args.path}: {per_request / 1e6:.2f}M instructions per request")


if __name__ == "__main__":
    main()
