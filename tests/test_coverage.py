"""The completeness check: nothing countable or quoted in the articles goes unrecorded."""

from __future__ import annotations

import seed
from seed.coverage import find_gaps, quotations
from tests.helpers import edit

A003 = "annotations/003_36b9b55d85c3ee3c.yaml"


def test_every_number_and_quotation_of_the_seed_articles_is_accounted_for(dataset):
    assert [str(gap) for gap in find_gaps(dataset)] == []


def test_a_quote_recorded_only_as_paraphrase_is_reported(seed_copy):
    edit(seed_copy, A003, """  - speaker: jake-sullivan
    kind: direct_quote
    text: >-
      We are working""", """  - speaker: jake-sullivan
    kind: paraphrase
    text: >-
      We are working""")
    gaps = find_gaps(seed.build_dataset(seed_copy, rules=False))
    assert [(g.kind, g.text[:30]) for g in gaps] == [
        ("quotation", "We are working actively to try")]


def test_a_dropped_statistic_is_reported(seed_copy):
    path = seed_copy / A003
    text = path.read_text()
    wounded = text[text.index("  - metric: wounded"):text.index("not_annotated:")]
    path.write_text(text.replace(wounded, ""))
    gaps = find_gaps(seed.build_dataset(seed_copy, rules=False))
    assert [(g.kind, g.text) for g in gaps] == [("number", "105,358")]


def test_mixed_straight_and_curly_marks_pair_up():
    body = 'He said "one thing,” and “another". Then "a third"'
    assert [body[s:e] for s, e in quotations(body)] == ["one thing,", "another", "a third"]


def test_an_unpaired_mark_is_reported_on_its_own():
    body = "First “quoted” then an “orphan"
    assert [body[s:e] for s, e in quotations(body)] == ["quoted", "“"]
