"""Load-test the API beside its references, in one run: not a test, it prints figures.

For one database (built by ``bench.dataset``), the runner starts, one at a time,
on loopback:

- ``parley serve`` (gunicorn), with the response cache on, then off;
- the bare-Flask reference (``bench.reference_app``): the same gunicorn settings
  and worker returning the precomputed bytes of the statements' first page (and, for
  a case whose page is much larger, such as the statistic series, that page's bytes);
  and the first page's bytes under gunicorn's sync workers, the reference as issue 5
  defined it, when Parley runs another worker;
- the floor (``bench.floor_app``, SQLite only): Flask running the first page's three
  queries on sqlite3 and shaping the same bytes by hand, with none of the API around
  them, for what the page's own work costs on this stack;
- Datasette over the same SQLite file (SQLite only), on comparable queries;

drives each case with ``wrk`` for a bounded time, in ``--rounds`` rounds (every
server in each round; the median round is reported), and prints one table: req/s,
p50, p99, errors, each case's ratio to the bare-Flask reference and to Datasette,
and the workers' resident memory afterwards.

    .venv/bin/python -m bench.http_load --database-url sqlite:///bench/data/parley-1m.sqlite3
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url

from api.server import WORKER_CLASSES

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Case:
    name: str
    path: str  # on Parley
    datasette: str | None = None  # the comparable Datasette query, where there is one
    #: Compared with bare Flask returning this case's own bytes, not the first page's
    #: (a page many times larger costs more to send, whatever makes it).
    own_reference: bool = False


@dataclass
class Result:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int


# Discovering the cases' URLs from the data

def get_json(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=60) as response:
        return json.load(response)


def deep_cursor(base: str, depth: int) -> str:
    """The cursor that starts a page ``depth`` records in (walked 100 at a time)."""
    path, cursor = "/v1/statements?limit=100", None
    for _ in range(depth // 100):
        page = get_json(base, path + (f"&cursor={cursor}" if cursor else ""))
        cursor = page["meta"]["next_cursor"]
        if cursor is None:
            raise SystemExit(f"fewer than {depth} statements: pass a smaller --depth")
    return cursor


def discover_cases(base: str, depth: int) -> list[Case]:
    first = get_json(base, "/v1/statements?limit=100")["data"]
    speakers = get_json(base, "/v1/actors?limit=100")["data"]
    top_speaker = max(
        (actor["id"] for actor in speakers),
        key=lambda actor_id: get_json(base, f"/v1/statements?speaker={actor_id}&limit=1")
        ["meta"]["total"])
    dated = [s["date"] for s in first if s["date"]]
    start = dated[len(dated) // 2]
    end = f"{int(start[:4]) + 1}{start[4:]}"
    statement = first[len(first) // 2]
    word = re.findall(r"[A-Za-z]{6,}", statement["text"])[0].lower()
    statistic = get_json(base, "/v1/statistics?limit=1")["data"][0]
    metric, population = statistic["metric"], statistic["population"]
    cursor = deep_cursor(base, depth)
    series = f"/v1/statistics/series?metric={metric}&population={quote(population)}"
    return [
        Case("statements, first page", "/v1/statements",
             "/{db}/statement.json?_sort=date&_size=20&_nocount=1&_nofacet=1",
             own_reference=True),
        Case(f"statements, {depth:,} deep (cursor)",
             f"/v1/statements?cursor={cursor}" if cursor else "/v1/statements"),
        Case("statements, speaker filter", f"/v1/statements?speaker={top_speaker}",
             f"/{{db}}/statement.json?speaker_id={top_speaker}&_sort=date&_size=20"
             "&_nocount=1&_nofacet=1"),
        Case("statements, date range",
             f"/v1/statements?date_from={start}&date_to={end}",
             f"/{{db}}/statement.json?date__gte={start}&date__lte={end}&_sort=date"
             "&_size=20&_nocount=1&_nofacet=1"),
        Case("statement detail, expand=speaker,proposal",
             f"/v1/statements/{statement['id']}?expand=speaker,proposal",
             f"/{{db}}/statement/{statement['id']}.json"),
        Case("timeline, first page", "/v1/timeline"),
        Case(f"search q={word}", f"/v1/search?q={word}",
             f"/{{db}}/search_document.json?_search={word}&_size=20&_nocount=1&_nofacet=1"),
        Case(f"statistic series ({metric})", series,
             f"/{{db}}/statistic.json?metric={metric}&population={quote(population)}"
             "&_sort=as_of&_size=max&_nocount=1&_nofacet=1", own_reference=True),
    ]


# Servers

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(base: str, path: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + path, timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{base}{path} did not come up in {seconds:.0f} s")


@contextmanager
def server(command: list[str], env: dict[str, str], ready_path: str, cwd: Path = ROOT
           ) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    command = [part.replace("{port}", str(port)) for part in command]
    # The server's log goes to a file: a pipe nobody reads would block it once full.
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(command, env={**os.environ, **env}, cwd=cwd, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            up(base, ready_path, log)
            yield base, process
        finally:
            os.killpg(process.pid, signal.SIGINT)  # gunicorn: quick shutdown
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def up(base: str, ready_path: str, log) -> None:
    try:
        wait_until_up(base, ready_path)
    except RuntimeError as error:
        log.seek(0)
        raise RuntimeError(f"{error}; the server said:\n{log.read()[-2000:]}") from None


def gunicorn_settings(args: argparse.Namespace) -> list[str]:
    """What ``parley serve`` is given, and (with the worker class as the class itself)
    the references' gunicorn: the same server for all."""
    return ["--workers", str(args.workers), "--threads", str(args.threads)]


def absolute(database_url: str) -> str:
    """The URL with a relative SQLite path made absolute: servers may run elsewhere."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return database_url
    return url.set(database=str(Path(url.database).resolve())).render_as_string(False)


def parley(args: argparse.Namespace, cache_mb: float):
    env = {"DATABASE_URL": absolute(args.database_url), "PARLEY_SEED_IF_EMPTY": "false",
           "PARLEY_RESPONSE_CACHE_MB": str(cache_mb)}
    if args.checkout:  # another version of the code (a git worktree), same environment
        parley_cli = [sys.executable, "-c", "from api.cli import cli; cli()"]
        settings = gunicorn_settings(args)  # its own default worker: it may not know ours
    else:
        parley_cli = [str(BIN / "parley")]
        settings = [*gunicorn_settings(args), "--worker-class", args.worker_class]
    command = [*parley_cli, "serve", "--port", "{port}", *settings]
    return server(command, env, "/readyz", cwd=args.checkout or ROOT)


def reference_app(args: argparse.Namespace, app: str, env: dict[str, str]):
    """One of the Flask references under gunicorn, with Parley's gunicorn settings."""
    command = [str(BIN / "gunicorn"), "--bind", "127.0.0.1:{port}", "--log-level", "warning",
               # A socket per worker, as ``parley serve`` always listens.
               *gunicorn_settings(args), "--worker-class", WORKER_CLASSES[args.worker_class],
               "--reuse-port", f"{app}:create_app()"]
    return server(command, env, "/ready")


def bare_flask(args: argparse.Namespace, body_file: Path):
    return reference_app(args, "bench.reference_app", {"PARLEY_BENCH_BODY_FILE": str(body_file)})


def floor_flask(args: argparse.Namespace, sqlite_file: str):
    return reference_app(args, "bench.floor_app",
                         {"PARLEY_BENCH_SQLITE": str(Path(sqlite_file).resolve())})


def datasette(sqlite_file: str):
    command = [str(BIN / "datasette"), "serve", "--immutable", sqlite_file, "--port", "{port}",
               "--setting", "sql_time_limit_ms", "60000", "--setting", "num_sql_threads", "2"]
    return server(command, {}, "/-/versions.json")


def worker_rss_mb(master: subprocess.Popen) -> list[float]:
    """Resident memory of the master's children (the gunicorn workers)."""
    children = subprocess.run(["pgrep", "-P", str(master.pid)], capture_output=True,
                              text=True).stdout.split()
    sizes = []
    for child in children:
        status = Path(f"/proc/{child}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


# Load

def wrk(url: str, args: argparse.Namespace, seconds: float | None = None) -> Result:
    out = subprocess.run(
        ["wrk", f"-t{args.threads_wrk}", f"-c{args.connections}",
         f"-d{round(seconds or args.duration)}s", "--latency", url],
        capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return Result(rate, latency(out, "50%"), latency(out, "99%"), errors)


def latency(out: str, percentile: str) -> float:
    value, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


#: Requests sent one at a time before a case, each on a new connection, which the
#: kernel gives to a worker by hash (each worker has its own socket): enough that
#: every worker has served the path once (all but 2 x 2^-16 of the time, 2 workers).
FIRST_REQUESTS = 16


def measure(base: str, path: str, args: argparse.Namespace) -> Result:
    """The steady state: a worker's first request for a page can be slow (a search's
    ranking on PostgreSQL: 1.2 s), and the short warm-up did not always cover it."""
    try:
        for _ in range(FIRST_REQUESTS):
            urllib.request.urlopen(base + path, timeout=120).read()
    except OSError as error:
        raise RuntimeError(f"{path}: {error}") from error
    wrk(base + path, args, seconds=args.warmup)  # every worker's caches, the OS's too
    return wrk(base + path, args)


# Report

def row(name: str, result: Result | None, reference: float, datasette_rate: float | None
        ) -> str:
    if result is None:
        return f"| {name} | n/a | | | | | |"
    versus = (f"{result.requests_per_s / datasette_rate:.1f}x"
              if datasette_rate else "n/a")
    return (f"| {name} | {result.requests_per_s:,.0f} | {result.p50_ms:.1f} ms | "
            f"{result.p99_ms:.1f} ms | {result.errors} | "
            f"{result.requests_per_s / reference:.2f} | {versus} |")


def machine() -> str:
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
    return (f"{os.cpu_count()} cores ({cpu.group(1) if cpu else 'unknown CPU'}), "
            f"{int(memory.group(1)) / 2**20:.0f} GiB; Python {sys.version.split()[0]}, "
            f"SQLite {sqlite3.sqlite_version}")


def median(results: list[Result]) -> Result:
    """The round with the median req/s (its latencies with it): this machine's
    neighbours make single runs swing by a factor of two."""
    return sorted(results, key=lambda r: r.requests_per_s)[len(results) // 2]


def run(args: argparse.Namespace) -> str:
    url = make_url(args.database_url)
    rounds: dict[tuple[str, str], list[Result]] = {}
    memory: dict[str, list[float]] = {}
    cases: list[Case] = []
    bodies: dict[str, bytes] = {}  # the bytes bare Flask returns for each reference
    # Every round measures every server, so a slow spell falls on all of them alike.
    for _ in range(args.rounds):
        for mode in args.modes.split(","):
            with parley(args, cache_mb=32 if mode == "on" else 0) as (base, master):
                if not cases:
                    every = discover_cases(base, args.depth)
                    cases = [case for case in every if not args.only or args.only in case.name]
                    bodies = {case.name: urllib.request.urlopen(base + case.path).read()
                              for case in every
                              if case.own_reference and (case in cases or case is every[0])}
                for case in cases:
                    rounds.setdefault((mode, case.name), []).append(
                        measure(base, case.path, args))
                memory[mode] = worker_rss_mb(master)
        for name, body in bodies.items():
            rounds.setdefault(("bare", name), []).append(measure_bare(args, body))
        if args.worker_class != "sync" and every[0].name in bodies:
            # The issue's own reference: bare Flask under 2 sync workers.
            rounds.setdefault(("bare sync", every[0].name), []).append(measure_bare(
                argparse.Namespace(**{**vars(args), "worker_class": "sync"}),
                bodies[every[0].name]))
        # The floor is the first page's (the first case), measured with it.
        if url.get_backend_name() == "sqlite" and cases and cases[0] is every[0]:
            rounds.setdefault(("floor", cases[0].name), []).append(
                measure_floor(args, url.database, bodies[cases[0].name]))
    results: dict[tuple[str, str], Result | None] = {
        key: median(found) for key, found in rounds.items()}
    datasette_rates: dict[str, float | None] = {}
    if url.get_backend_name() == "sqlite" and not args.skip_datasette:
        with datasette(url.database) as (base, _):
            for case in cases:
                result = measure_datasette(base, case, Path(url.database).stem, args)
                results[("datasette", case.name)] = result
                datasette_rates[case.name] = result.requests_per_s if result else None
    references = {name: (results[("bare", name)], len(body)) for name, body in bodies.items()}
    floor = next(((name, found) for (kind, name), found in results.items() if kind == "floor"),
                 None)
    sync = next(((name, found) for (kind, name), found in results.items()
                 if kind == "bare sync"), None)
    return report(args, cases, results, references, datasette_rates, memory, floor, sync)


def measure_bare(args: argparse.Namespace, body: bytes) -> Result:
    with tempfile.NamedTemporaryFile(suffix=".json") as body_file:
        Path(body_file.name).write_bytes(body)
        with bare_flask(args, Path(body_file.name)) as (base, _):
            return measure(base, "/v1/statements", args)


def measure_floor(args: argparse.Namespace, sqlite_file: str, parley_page: bytes) -> Result:
    with floor_flask(args, sqlite_file) as (base, _):
        page = urllib.request.urlopen(base + "/v1/statements").read()
        if page != parley_page:
            raise RuntimeError("bench/floor_app.py no longer renders Parley's first page")
        return measure(base, "/v1/statements", args)


def measure_datasette(base: str, case: Case, database: str, args: argparse.Namespace
                      ) -> Result | None:
    if not case.datasette:
        return None
    path = case.datasette.replace("{db}", database)
    try:
        return measure(base, path, args)
    except (OSError, RuntimeError) as error:
        print(f"datasette {path}: {error}", file=sys.stderr)
        return None


MODES = {"on": "response cache on", "off": "response cache off",  # "bare" is not a table
         "datasette": "Datasette 0.65 (reference)"}


def report(args: argparse.Namespace, cases: list[Case], results: dict,
           references: dict[str, tuple[Result, int]], datasette_rates: dict,
           memory: dict[str, list[float]], floor: tuple[str, Result] | None = None,
           sync: tuple[str, Result] | None = None) -> str:
    url = make_url(args.database_url)
    code = f"code: {args.checkout}" if args.checkout else "code: this checkout"
    lines = [f"machine: {machine()}", f"database: {url.render_as_string(hide_password=True)}",
             code, f"wrk -t{args.threads_wrk} -c{args.connections} -d{args.duration}s, median "
             f"of {args.rounds} round(s); gunicorn "
             f"{args.workers} x {args.worker_class} workers, {args.threads} threads", ""]
    for name, (bare, size) in references.items():
        lines.append(f"- bare Flask returning the bytes of *{name}* ({size:,} bytes): "
                     f"{bare.requests_per_s:,.0f} req/s, p50 {bare.p50_ms:.1f} ms, "
                     f"p99 {bare.p99_ms:.1f} ms")
    first = next(iter(references))
    if floor:
        name, found = floor
        uncached = results.get(("off", name))
        share = (f"; Parley's uncached page is {uncached.requests_per_s / found.requests_per_s:.2f}"
                 " of it" if uncached else "")
        lines.append(f"- floor: Flask running *{name}*'s three queries on sqlite3, shaped by "
                     f"hand, orjson (bench/floor_app.py, same bytes): "
                     f"{found.requests_per_s:,.0f} req/s, p50 {found.p50_ms:.1f} ms, p99 "
                     f"{found.p99_ms:.1f} ms, "
                     f"{found.requests_per_s / references[name][0].requests_per_s:.2f} of "
                     f"bare Flask{share}")
    if sync:
        name, found = sync
        shares = [f"{results[(mode, name)].requests_per_s / found.requests_per_s:.2f} with the "
                  f"cache {mode}" for mode in ("on", "off") if results.get((mode, name))]
        lines.append(f"- bare Flask returning the same bytes under {args.workers} sync workers "
                     f"(the issue's reference): {found.requests_per_s:,.0f} req/s, p50 "
                     f"{found.p50_ms:.1f} ms, p99 {found.p99_ms:.1f} ms; Parley's *{name}* "
                     f"against it: {'; '.join(shares) or 'not measured'}")
    header = ["| case | req/s | p50 | p99 | errors | / bare Flask | / Datasette |",
              "|---|---|---|---|---|---|---|"]
    for mode, title in MODES.items():
        if not any(key[0] == mode for key in results):
            continue
        lines += ["", f"**{title}**", "", *header]
        for case in cases:
            rate = datasette_rates.get(case.name) if mode != "datasette" else None
            reference = references.get(case.name, references[first])[0].requests_per_s
            lines.append(row(case.name, results.get((mode, case.name)), reference, rate))
    lines += ["", "worker RSS after the run: " + "; ".join(
        f"cache {mode} {fmt_mb(sizes)}" for mode, sizes in memory.items())]
    return "\n".join(lines)


def fmt_mb(sizes: list[float]) -> str:
    return ", ".join(f"{size:.0f} MB" for size in sizes)


def load_and_server_options(parser: argparse.ArgumentParser, duration: int,
                            warmup: int) -> None:
    """What drives a case and how the server runs: shared with ``bench.profile``."""
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--duration", type=int, default=duration, help="seconds per case")
    parser.add_argument("--warmup", type=int, default=warmup, help="seconds before each case")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads-wrk", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--worker-class", default="inline", choices=list(WORKER_CLASSES),
                        help="Parley's and the references' (parley serve --worker-class)")
    parser.add_argument("--checkout", type=Path,
                        help="serve the code of this checkout (e.g. a worktree of an older "
                             "commit) instead of this one")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    load_and_server_options(parser, duration=8, warmup=1)
    parser.add_argument("--rounds", type=int, default=3,
                        help="measure every case this many times; report the median")
    parser.add_argument("--depth", type=int, default=10_000, help="records before the deep page")
    parser.add_argument("--skip-datasette", action="store_true")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--modes", default="on,off",
                        help="response cache modes to measure: on, off or both")
    print(run(parser.parse_args()))

if __name__ == "__main__":
    main()
