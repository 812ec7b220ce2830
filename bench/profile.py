"""Where a case's time goes: py-spy samples the gunicorn workers while wrk drives one path.

Not a test: it prints the req/s reached under the profiler and the functions that
took the most samples, by self time (the frame on top of the stack) and, for the
project's own functions, by inclusive time (anywhere on it); it keeps py-spy's raw
collapsed stacks, which ``flamegraph.pl`` or speedscope draw. ``--checkout``
profiles another worktree's code on the same database, for before/after profiles.

    .venv/bin/python -m bench.profile --database-url sqlite:///bench/data/parley-1m.sqlite3 \\
        --path '/v1/statements?speaker=actor-0001' --cache-mb 0
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections import Counter
from pathlib import Path

from bench.http_load import BIN, load_and_server_options, parley, wrk

#: py-spy's frame: "function (path/to/module.py:line)" or "function (module.py)".
PROCESS = re.compile(r'^(process \d+:"[^"]*"(;|$))+')
OURS = re.compile(r"\((api|schemas)/")
FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")


def sample(master_pid: int, seconds: int, output: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "py-spy"), "record", "--pid", str(master_pid), "--subprocesses",
         "--duration", str(seconds), "--rate", "200", "--nolineno", "--format", "raw",
         "--output", str(output)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def frame_name(frame: str) -> str:
    found = FRAME.match(frame)
    if not found:
        return frame
    path = found["file"].replace("site-packages/", "")
    return f"{found['function']} ({path})"


def summarize(raw: Path, top: int) -> str:
    """Self and inclusive sample shares of the busiest functions, as two tables."""
    own: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        # Drop the process pseudo-frames py-spy puts first (its command line may hold ';').
        stack = PROCESS.sub("", stack)
        frames = [frame_name(f) for f in stack.split(";") if not f.startswith("thread ")]
        if not frames:
            continue
        total += int(count)
        own[frames[-1]] += int(count)
        for name in set(frames):
            anywhere[name] += int(count)
    if not total:
        return "(no samples)"
    lines = [f"{total:,} samples", "", "| self | function |", "|---|---|"]
    lines += [f"| {n / total:.1%} | `{name}` |" for name, n in own.most_common(top)]
    ours = [(name, n) for name, n in anywhere.most_common() if OURS.search(name)]
    lines += ["", "| inclusive | function of ours |", "|---|---|"]
    lines += [f"| {n / total:.1%} | `{name}` |" for name, n in ours[:top]]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> str:
    args.out.mkdir(parents=True, exist_ok=True)
    raw = args.out / f"{args.name}.txt"
    with parley(args, cache_mb=args.cache_mb) as (base, master):
        wrk(base + args.path, args, seconds=args.warmup)
        sampler = sample(master.pid, args.duration, raw)
        measured = wrk(base + args.path, args)
        _, errors = sampler.communicate(timeout=args.duration + 60)
        if sampler.returncode:
            raise SystemExit(f"py-spy failed: {errors.strip()}")
    head = (f"profile of `{args.path}` ({args.database_url}, response cache "
            f"{args.cache_mb:g} MB, code: {args.checkout or 'this checkout'}); under py-spy "
            f"at 200 Hz: {measured.requests_per_s:,.0f} req/s, p50 {measured.p50_ms:.1f} ms, "
            f"p99 {measured.p99_ms:.1f} ms; raw stacks in {raw}")
    return head + "\n\n" + summarize(raw, args.top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    load_and_server_options(parser, duration=8, warmup=2)
    parser.add_argument("--path", required=True, help="the request to profile")
    parser.add_argument("--name", default="profile", help="file name of the raw stacks")
    parser.add_argument("--out", type=Path, default=Path("bench/data/profiles"))
    parser.add_argument("--cache-mb", type=float, default=0,
                        help="response cache (0: every request renders)")
    parser.add_argument("--top", type=int, default=12)
    print(run(parser.parse_args()))

if __name__ == "__main__":
    main()
