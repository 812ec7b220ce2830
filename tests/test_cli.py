"""The ``parley`` commands, run as a user would."""

from __future__ import annotations

from sqlalchemy import inspect

import seed
from api import models
from api.db import get_engine, make_engine
from tests.helpers import dump, edit


def test_seed_loads_and_reports_counts(runner, dataset):
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert f"dataset version {dataset.version}" in result.output
    assert "Loaded" in result.output
    counts = dict(line.split() for line in result.output.splitlines() if line.startswith("  "))
    assert int(counts["statement"]) == dataset.count(models.Statement)
    assert int(counts["evidence"]) == dataset.count(models.Evidence)


def test_seed_twice_says_nothing_changed(runner):
    runner.invoke(args=["seed"])
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0
    assert "Already loaded, nothing changed" in result.output


def test_seed_check_writes_nothing(runner, app):
    result = runner.invoke(args=["seed", "--check"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert inspect(get_engine()).get_table_names() == []


def test_seed_database_url_option_targets_another_database(runner, app, databases, dataset):
    other = databases.new_url()
    result = runner.invoke(args=["seed", "--database-url", other])
    assert result.exit_code == 0, result.output
    assert seed.loaded_version(make_engine(other)) == dataset.version
    with app.app_context():
        assert inspect(get_engine()).get_table_names() == []  # the app's own is untouched


def test_a_broken_corpus_exits_1_and_names_file_entry_and_problem(runner, app, seed_copy):
    runner.invoke(args=["seed"])
    with app.app_context():
        before = dump(get_engine())
    edit(seed_copy, "annotations/003_36b9b55d85c3ee3c.yaml", "speaker: france",
         "speaker: frence")
    result = runner.invoke(args=["seed", "--seed-dir", str(seed_copy)])
    assert result.exit_code == 1
    assert "nothing was written" in result.output
    assert ("seed/annotations/003_36b9b55d85c3ee3c.yaml: statements[10].speaker: "
            "unknown actor 'frence'") in result.output
    with app.app_context():
        assert dump(get_engine()) == before


def test_coverage_command_passes_on_the_seed(runner):
    result = runner.invoke(args=["coverage"])
    assert result.exit_code == 0, result.output
    assert "0 gap(s)." in result.output
