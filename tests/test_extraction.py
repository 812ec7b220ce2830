"""The extraction rules: their accuracy on the seed, and their behaviour on text they
have never seen."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import seed
from seed.corpus import read_corpus
from seed.evaluate import evaluate, seed_gazetteer
from seed.extract import extract
from seed.extract.dates import weekday_dates
from seed.extract.numbers import numbers

SEED = seed.DEFAULT_SEED_DIR


@pytest.fixture(scope="module")
def gazetteer():
    return seed_gazetteer(SEED)


def statements(text: str, gazetteer, published: dt.date | None = None) -> list[dict]:
    return extract(text, gazetteer, published, "stated" if published else None)["statements"]


def test_rules_meet_the_accuracy_targets_on_the_seed(gazetteer):
    tallies = evaluate(read_corpus(SEED, []), gazetteer)
    assert tallies["statements"].f1 >= 0.9 and tallies["statements"].key_accuracy >= 0.9
    assert tallies["statistics"].f1 >= 0.9
    assert tallies["meetings"].f1 >= 0.7 and tallies["proposals"].f1 >= 0.7


def test_no_rule_names_a_seed_article_or_its_people():
    code = "\n".join(p.read_text() for p in (SEED / "extract").glob("*.py"))
    names = [path.stem for path in (SEED / "articles").glob("*.txt")]
    names += ["Séjourné", "Sejourne", "Abdelatty", "Sullivan", "Kirby", "Arabi21", "Haniyeh",
              "Al-Qahera", "Frenchmen", "44,466", "105,358", "Tahrir"]
    for name in names:
        assert name not in code, name


def test_trailing_pronoun_and_continuation_attribution(gazetteer):
    text = ('Egypt\'s foreign minister Badr Abdel Ati met Antony Blinken in Cairo.\n\n'
            '"We are close to a deal," Abdel Ati said.\n\n'
            '"The gaps are narrowing and both sides know it," he added.\n\n'
            '"Nobody wants this war to go on."')
    found = statements(text, gazetteer)
    assert [(s["speaker"], s["kind"]) for s in found] == [("badr-abdelatty", "direct_quote")] * 3
    assert found[0]["text"] == "We are close to a deal"


def test_quote_over_two_paragraphs_is_one_statement(gazetteer):
    text = ('Antony Blinken said: "The proposal is on the table.\n\n'
            '"Hamas has to say yes to it," he said.')
    found = statements(text, gazetteer)
    assert len(found) == 1
    assert found[0]["text"] == "The proposal is on the table.\nHamas has to say yes to it"
    assert len(found[0]["evidence"]) == 2


def test_unnamed_source_keeps_its_description(gazetteer):
    found = statements("A senior Hamas official told Reuters that the talks had stalled "
                       "over the withdrawal of troops.", gazetteer)
    assert found[0]["speaker"] == "hamas"
    assert found[0]["speaker_description"] == "A senior Hamas official"
    assert found[0].get("via") == "reuters"


def test_scare_quotes_are_not_statements(gazetteer):
    assert statements('Troops moved along the so-called "Philadelphi corridor" on Monday.',
                      gazetteer) == []


def test_unknown_speaker_becomes_a_provisional_actor(gazetteer):
    result = extract("UNRWA spokesperson Juliette Touma said that aid convoys were blocked "
                     "at the crossing for a third day.", gazetteer)
    assert result["statements"][0]["speaker"] == "juliette-touma"
    assert result["actors"] == [{"id": "juliette-touma", "name": "Juliette Touma",
                                 "kind": "person", "extraction": {
                                     "method": "rule", "rule": "actor.provisional_speaker",
                                     "confidence": 0.5}}]


def test_short_capital_alias_is_case_sensitive(gazetteer):
    found = statements("Hamas said that it would not let us down, a spokesman added.", gazetteer)
    assert all(s["speaker"] != "united-states" for s in found)


def test_statistic_qualifier_metric_claimant_and_period(gazetteer):
    result = extract("The war has killed at least 40,173 Palestinians since 7 October 2023 "
                     "and wounded more than 92,000 others, according to the Gaza Health "
                     "Ministry.", gazetteer, dt.date(2024, 8, 20), "stated")
    found = [(s["metric"], s["value"], s["qualifier"], s["claimed_by"], s.get("period_start"))
             for s in result["statistics"]]
    assert found == [
        ("killed", 40173, "at_least", "gaza-health-ministry", "2023-10-07"),
        ("wounded", 92000, "over", "gaza-health-ministry", None),
    ]


def test_number_grammar():
    found = [(n.text, n.value, n.percent) for n in numbers(
        "some 1.4 million people, forty-two days, 85% of them and 1,200 more")]
    assert found == [("1.4 million", 1_400_000, False), ("forty-two", 42, False),
                     ("85%", 85, True), ("1,200", 1200, False)]


@pytest.mark.parametrize(("phrase", "future", "expected"), [
    ("talks resumed on Saturday", False, dt.date(2024, 8, 17)),  # the publication day
    ("they met on Friday", False, dt.date(2024, 8, 16)),
    ("they met on Sunday evening", False, dt.date(2024, 8, 11)),
    ("they will meet on Monday", True, dt.date(2024, 8, 19)),
    ("they will meet on Saturday", True, dt.date(2024, 8, 24)),
])
def test_weekdays_resolve_against_the_publication_date(phrase, future, expected):
    published = dt.date(2024, 8, 17)  # a Saturday
    assert weekday_dates(phrase, 0, published, future)[0].value == expected


def test_proposal_terms_and_stances(gazetteer):
    text = ("Hamas approved Egypt's proposal, which consists of three stages, each lasting "
            "42 days, and a 60-day truce. Israel rejected the proposal.")
    [proposal] = extract(text, gazetteer)["proposals"]
    assert proposal["parties"][0] == {"actor": "egypt", "role": "proposer"}
    terms = {(t["kind"], t.get("value"), t.get("unit")) for t in proposal["terms"]}
    assert {("phases", 3, "phases"), ("phase_duration", 42, "days"),
            ("truce_duration", 60, "days")} <= terms
    assert {(p["actor"], p["stance"]) for p in proposal["positions"]} == {
        ("hamas", "accepted"), ("israel", "rejected")}


def test_meeting_participants_place_and_mode(gazetteer):
    [meeting] = extract("Abbas Kamel held a phone call with Ismail Haniyeh on Thursday.",
                        gazetteer, dt.date(2024, 5, 2), "stated")["meetings"]
    assert {p["actor"] for p in meeting["participants"]} == {"abbas-kamel", "ismail-haniyeh"}
    assert meeting["mode"] == "phone_call" and meeting["date"] == "2024-05-02"


def test_every_rule_record_carries_its_extraction(gazetteer):
    body = (Path(__file__).parent / "articles" / "unseen_doha.txt").read_text()
    result = extract(body, gazetteer)
    records = [r for kind in ("statements", "statistics", "meetings", "proposals")
               for r in result[kind]]
    assert records
    for record in records:
        assert record["extraction"]["method"] == "rule"
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", record["extraction"]["rule"])
        assert 0 < record["extraction"]["confidence"] <= 1
