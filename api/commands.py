"""Parley's commands, registered on the app's CLI (``flask``/``parley``)."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

import seed
from seed.coverage import find_gaps

from . import migrate, models
from .db import get_engine, make_engine
from .server import WORKER_CLASSES, GunicornServer, prepare_database
from .spec import EXAMPLES_FILE, refresh_examples, spec_yaml


@click.group("db")
def db_group() -> None:
    """Database schema migrations."""


@db_group.command("upgrade")
@click.argument("revision", default="head")
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Upgrade the schema to REVISION (default: the latest)."""
    migrate.upgrade(get_engine(), revision)
    click.echo(f"Schema at {migrate.current_revision(get_engine())}.")


@db_group.command("downgrade")
@click.argument("revision")
@with_appcontext
def db_downgrade(revision: str) -> None:
    """Downgrade the schema to REVISION."""
    migrate.downgrade(get_engine(), revision)
    click.echo(f"Schema at {migrate.current_revision(get_engine())}.")


@db_group.command("current")
@with_appcontext
def db_current() -> None:
    """Show the schema revision of the database, and the latest one."""
    click.echo(f"database: {migrate.current_revision(get_engine())}")
    click.echo(f"latest:   {migrate.head_revision()}")


@db_group.command("revision")
@click.option("-m", "--message", required=True, help="What the change is for.")
@with_appcontext
def db_revision(message: str) -> None:
    """Write a new migration from the difference between the models and the database."""
    migrate.new_revision(get_engine(), message)


def engine_from(database_url: str | None) -> Engine:
    return make_engine(database_url) if database_url else get_engine()


def describe_engine(engine: Engine) -> str:
    return make_url(str(engine.url)).render_as_string(hide_password=True)


def _build_or_exit(seed_dir: Path, rules: bool = True) -> seed.Dataset:
    try:
        return seed.build_dataset(seed_dir, rules=rules)
    except seed.SeedError as error:
        click.echo(f"{len(error.problems)} problem(s) found; nothing was written.", err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
        raise click.exceptions.Exit(1) from error


seed_dir_option = click.option(
    "--seed-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=seed.DEFAULT_SEED_DIR,
    show_default="the packaged seed/",
    help="Directory with articles/, annotations/, actors.yaml and locations.yaml.",
)


@click.command("seed")
@click.option("--database-url", help="SQLAlchemy URL; default: DATABASE_URL or the SQLite file.")
@seed_dir_option
@click.option("--check", is_flag=True, help="Validate only; write nothing.")
@with_appcontext
def seed_command(database_url: str | None, seed_dir: Path, check: bool) -> None:
    """Validate the curated articles and load them, all in one transaction."""
    dataset = _build_or_exit(seed_dir)
    sources = dataset.count(models.Source)
    click.echo(f"Valid: {sources} articles, dataset version {dataset.version}.")
    if check:
        return
    engine = engine_from(database_url)
    result = seed.load(engine, dataset)
    verb = "Loaded" if result.changed else "Already loaded, nothing changed:"
    click.echo(f"{verb} {describe_engine(engine)} (schema {migrate.current_revision(engine)}).")
    for table, count in result.counts.items():
        click.echo(f"  {table:<20} {count:>6}")


@click.command("coverage")
@seed_dir_option
def coverage_command(seed_dir: Path) -> None:
    """List numbers and quotations that no record or not_annotated entry accounts for."""
    gaps = find_gaps(_build_or_exit(seed_dir, rules=False))  # what the curators cover
    for gap in gaps:
        click.echo(str(gap))
    click.echo(f"{len(gaps)} gap(s).")
    if gaps:
        raise click.exceptions.Exit(1)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, envvar="PARLEY_HOST",
              help="Interface to listen on [env PARLEY_HOST].")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              envvar="PARLEY_PORT", help="Port to listen on [env PARLEY_PORT].")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1),
              envvar="PARLEY_WORKERS", help="Worker processes [env PARLEY_WORKERS].")
@click.option("--threads", default=1, show_default=True, type=click.IntRange(1),
              envvar="PARLEY_THREADS",
              help="Threads per worker [env PARLEY_THREADS]. More threads contend for "
                   "the GIL and SQLite's mutexes: 4 served 20-60% fewer requests than 1 "
                   "(bench/RESULTS.md).")
@click.option("--worker-class", default="inline", show_default=True,
              type=click.Choice(list(WORKER_CLASSES)), envvar="PARLEY_WORKER_CLASS",
              help="inline: gthread's keep-alive loop, serving each request on the loop's "
                   "thread (api/worker.py); gthread: gunicorn's, which hands each request "
                   "to a thread pool; sync: no keep-alive [env PARLEY_WORKER_CLASS].")
@with_appcontext
def serve_command(host: str, port: int, workers: int, threads: int, worker_class: str) -> None:
    """Run the production server (gunicorn), seeding an empty database first."""
    engine = get_engine()
    click.echo(prepare_database(engine, current_app.config["SEED_IF_EMPTY"]))
    click.echo(f"Serving {describe_engine(engine)} on http://{host}:{port}")
    engine.dispose()  # workers fork: they open their own connections
    GunicornServer({
        "bind": f"{host}:{port}", "workers": workers, "threads": threads,
        "worker_class": WORKER_CLASSES[worker_class], "errorlog": "-", "loglevel": "warning",
        "reuse_port": True,
    }).run()


def init_app(app: Flask) -> None:
    app.cli.commands.pop("openapi", None)  # flask-smorest's; ours writes the YAML we commit
    from .extraction_commands import evaluate_command, ingest_command

    for command in (db_group, seed_command, coverage_command, serve_command, openapi_command,
                    openapi_examples_command, ingest_command, evaluate_command):
        app.cli.add_command(command)


@click.command("openapi")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("openapi.yaml"), show_default=True)
@click.option("--check", is_flag=True, help="Exit 1 if the file differs from the code's spec.")
@with_appcontext
def openapi_command(output: Path, check: bool) -> None:
    """Write the OpenAPI spec generated from the code (or check the committed one)."""
    generated = spec_yaml()
    if check:
        if not output.exists() or output.read_text() != generated:
            click.echo(f"{output} differs from the spec the code generates; "
                       "run `parley openapi`.", err=True)
            raise click.exceptions.Exit(1)
        click.echo(f"{output} is up to date.")
        return
    output.write_text(generated)
    click.echo(f"Wrote {output}.")


@click.command("openapi-examples")
@with_appcontext
def openapi_examples_command() -> None:
    """Regenerate the spec's response examples from the seed corpus (then run
    `parley openapi`)."""
    written = refresh_examples()
    click.echo(f"Wrote {len(written)} examples to {EXAMPLES_FILE}.")
