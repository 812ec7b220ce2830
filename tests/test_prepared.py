"""Prepared statements return exactly the rows SQLAlchemy's own execution returns:
the same keys, values and types, on both databases."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import bindparam, func, select, tuple_

from api import models
from api.db import as_dicts
from api.prepared import Prepared, keyed_row_builder, tuple_builder
from api.v1.resource import EVIDENCE_OF
from api.v1.statements import TOPICS
from api.v1.statistics import POINT_COLUMNS

STATEMENT = models.Statement.__table__
STATISTIC = models.Statistic.__table__
AFTER = bindparam("after_value", type_=STATISTIC.c.as_of.type)

CASES = {
    # a list's keyset query: embedded filter values, the cursor and size as parameters
    "statements by date": (
        select(STATEMENT).where(STATEMENT.c.date.is_not(None), STATEMENT.c.kind == "direct_quote")
        .order_by(STATEMENT.c.date, STATEMENT.c.id).limit(bindparam("size")),
        {"size": 7}),
    "statistics after a cursor": (
        select(STATISTIC).where(STATISTIC.c.as_of.is_not(None),
                                tuple_(STATISTIC.c.as_of, STATISTIC.c.id)
                                > tuple_(AFTER, bindparam("after_id")))
        .order_by(STATISTIC.c.as_of, STATISTIC.c.id).limit(bindparam("size")),
        {"size": 5, "after_value": dt.date(2024, 1, 1), "after_id": ""}),
    "an embedded IN list": (
        select(STATISTIC.c.id, STATISTIC.c.value, STATISTIC.c.as_of)
        .where(STATISTIC.c.metric.in_(["killed", "wounded"])).order_by(STATISTIC.c.id),
        {}),
    "an aggregate with a label": (
        select(STATEMENT.c.speaker_id, func.count().label("n"))
        .group_by(STATEMENT.c.speaker_id).order_by(STATEMENT.c.speaker_id), {}),
}


@pytest.mark.parametrize("name", CASES)
def test_prepared_rows_equal_sqlalchemys(seeded_engine, name):
    statement, params = CASES[name]
    with seeded_engine.connect() as connection:
        expected = as_dicts(connection.execute(statement, params))
        got = Prepared(statement, connection.dialect).rows(connection, params)
    assert expected, "the case must select something to compare"
    assert got == expected
    assert [type(v) for row in got for v in row.values()] == \
        [type(v) for row in expected for v in row.values()]
    with seeded_engine.connect() as connection:
        keyed = Prepared(statement, connection.dialect).rows(connection, params,
                                                              keyed_row_builder)
        tuples = Prepared(statement, connection.dialect).rows(connection, params, tuple_builder)
    assert tuples == [tuple(row.values()) for row in expected]
    first = next(iter(expected[0]))
    assert keyed == [(row[first], {k: v for k, v in row.items() if k != first})
                     for row in expected]


@pytest.mark.parametrize("count", [1, 3, 20])
def test_expanded_lists_of_any_length_bind_each_value(seeded_engine, count):
    with seeded_engine.connect() as connection:
        ids = [row[0] for row in connection.execute(
            select(STATEMENT.c.id).order_by(STATEMENT.c.id).limit(count))]
        evidence = Prepared(EVIDENCE_OF, connection.dialect)
        topics = Prepared(TOPICS.statement, connection.dialect)
        for prepared, params in ((evidence, {"record_type": "statement", "ids": ids}),
                                 (topics, {"ids": ids})):
            # one Prepared serves every length, lengths in any order
            for each in (params, {**params, "ids": ids[:1]}, params):
                expected = as_dicts(connection.execute(prepared.compiled.statement, each))
                assert prepared.rows(connection, each) == expected
                assert {row.get("record_id", row.get("statement_id")) for row in expected} \
                    == set(each["ids"])


def test_the_series_index_holds_every_column_a_point_shows(seeded_engine) -> None:
    """A series page is read from the index alone (migration 0005) only while the
    index holds every column the query selects."""
    with seeded_engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            indexed = {row[2] for row in connection.exec_driver_sql(
                "PRAGMA index_xinfo(ix_statistic_series)")}
        else:
            indexed = set(re.findall(r"\w+", connection.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_statistic_series'"
            ).scalar_one()))
    assert set(POINT_COLUMNS) <= indexed
