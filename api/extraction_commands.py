"""Commands for articles the seed does not have: ``ingest`` and ``evaluate``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

import seed
from seed.corpus import read_corpus
from seed.evaluate import details, evaluate, seed_gazetteer, table
from seed.ingest import COUNTED, article_files, ingest

from .commands import describe_engine, engine_from, seed_dir_option


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--database-url", help="SQLAlchemy URL; default: DATABASE_URL or the SQLite file.")
@seed_dir_option
@click.option("--reviews", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Directory of review files, <source id>.yaml, applied to the rules.")
@click.option("--replace", is_flag=True,
              help="Re-extract articles already ingested instead of refusing them.")
@click.option("--workers", type=click.IntRange(1), help="Processes (default: every core).")
@with_appcontext
def ingest_command(paths: tuple[Path, ...], database_url: str | None, seed_dir: Path,
                   reviews: Path | None, replace: bool, workers: int | None) -> None:
    """Extract and load plain-text articles (files or folders of *.txt).

    A file that is empty, binary, not UTF-8, over 1 MB or already ingested is
    refused with its reason, and writes nothing; the others go in. The exit
    status is 1 if any file was refused.
    """
    engine = engine_from(database_url)
    files = article_files(paths)
    with click.progressbar(length=len(files), label="Extracting", file=sys.stderr) as bar:
        def progress(outcomes):
            for outcome in outcomes:
                bar.update(1)
                yield outcome
        outcomes = ingest(engine, files, seed_dir, reviews, replace, workers, progress)
    width = max(len(o.path) for o in outcomes)
    click.echo(f"{'file':<{width}}  {'result':<9}{'source':<22}"
               + "".join(f"{kind:>12}" for kind in COUNTED))
    for outcome in outcomes:
        if outcome.error:
            click.echo(f"{outcome.path:<{width}}  refused  {outcome.error}")
        else:
            click.echo(f"{outcome.path:<{width}}  ingested {outcome.source_id:<22}"
                       + "".join(f"{outcome.count(kind):>12}" for kind in COUNTED))
    refused = sum(1 for o in outcomes if o.error)
    click.echo(f"{len(outcomes) - refused} ingested, {refused} refused, "
               f"into {describe_engine(engine)}.")
    if refused:
        raise click.exceptions.Exit(1)


@click.command("evaluate")
@click.option("--corpus", "corpus_dir", type=click.Path(exists=True, file_okay=False,
                                                         path_type=Path),
              default=seed.DEFAULT_SEED_DIR, show_default="the packaged seed/",
              help="Directory with articles/ and annotations/ (the gold standard).")
@seed_dir_option
@click.option("--details", "show_details", is_flag=True,
              help="List misses, false alarms and wrong key fields.")
def evaluate_command(corpus_dir: Path, seed_dir: Path, show_details: bool) -> None:
    """Score the extraction rules alone against curated annotations.

    The rules use the gazetteers of --seed-dir only; the corpus's annotations are
    the gold standard (its own gazetteer files, if any, are not shown to the rules).
    """
    problems: list = []
    corpus = read_corpus(corpus_dir, problems)
    unreadable = [p for p in problems if "annotations" in p.file or "articles" in p.file]
    for problem in unreadable:
        click.echo(f"  {problem}", err=True)
    tallies = evaluate(corpus, seed_gazetteer(seed_dir))
    click.echo(table(tallies))
    if show_details:
        click.echo(details(tallies))
    if unreadable:
        raise click.exceptions.Exit(1)
