"""``parley seed`` refuses a broken corpus with the file, the entry and the problem,
and writes nothing. Each case breaks a copy of the real corpus in one way."""

from __future__ import annotations

from pathlib import Path

import pytest

import seed
from seed.problems import Problem
from tests.helpers import edit

A000 = "annotations/000_97309580062fd272.yaml"
A001 = "annotations/001_ffe9001a80410a1a.yaml"
A003 = "annotations/003_36b9b55d85c3ee3c.yaml"
A004 = "annotations/004_6b628c7829295f24.yaml"
SULLIVAN_QUOTE = "We are working actively to try to make it happen."


def problems_for(root: Path) -> list[Problem]:
    with pytest.raises(seed.SeedError) as failure:
        seed.build_dataset(root)
    return failure.value.problems


CASES = {
    "evidence not in body": (
        A003, "the official said.", "the official declared.",
        A003, "statements[2].evidence[0]", "evidence text not found in the body"),
    "evidence found twice": (
        A003, "    evidence:\n      - Israel and Hezbollah agreed on a ceasefire deal\n",
        "    evidence:\n      - the Rafah crossing\n",
        A003, "proposals[1] (israel-hezbollah-ceasefire-2024-11).evidence[0]",
        "occurs 2 times"),
    "occurrence beyond the repeats": (
        A001, "occurrence: 2", "occurrence: 3",
        A001, "proposals[0] (truce-proposal-2024-05-cairo).terms[1].text",
        "occurrence 3 asked for, but the text occurs 2 time(s)"),
    "unknown actor": (
        A003, "- speaker: jake-sullivan\n    kind: direct_quote",
        "- speaker: jake-sulivan\n    kind: direct_quote",
        A003, "statements[12].speaker", "unknown actor 'jake-sulivan'"),
    "unknown location": (
        A000, "location: doha", "location: dohaa",
        A000, "meetings[5].location", "unknown location 'dohaa'"),
    "unknown proposal key": (
        A003, "proposal: israel-hezbollah-ceasefire-2024-11",
        "proposal: israel-hezbollah-truce",
        A003, "statements[10].proposal", "unknown proposal 'israel-hezbollah-truce'"),
    "impossible date": (
        A004, "published_on: 2024-05-02", "published_on: 2024-13-02",
        A004, "source.published_on", "Not a date"),
    "bad enum value": (
        A003, "kind: direct_quote", "kind: quote",
        A003, "statements[1].kind", "Must be one of"),
    "date without its basis": (
        A000, "    date: 2024-08-16\n    date_basis: relative\n    proposal",
        "    date: 2024-08-16\n    proposal",
        A000, "statements[3].date_basis", "A date needs its date_basis"),
    "inferred date without a note": (
        A003, "    date_basis: inferred\n    date_note: As of the inferred publication date.\n"
              "    period_start: 2023-10-07\n    location: gaza-strip\n    evidence:\n"
              "      - Israel's war",
        "    date_basis: inferred\n"
        "    period_start: 2023-10-07\n    location: gaza-strip\n    evidence:\n"
        "      - Israel's war",
        A003, "statistics[0].date_note", "An inferred date needs a date_note"),
    "misspelled field": (
        A003, "  - speaker: france", "  - speakr: france",
        A003, "statements[10].speakr", "Unknown field"),
    "duplicate YAML key": (
        A004, "  outlet: Anadolu Agency\n", "  outlet: Anadolu Agency\n  outlet: AA\n",
        A004, "", "duplicate key 'outlet'"),
    "duplicate record": (
        A003, "statistics:\n", "statistics:\n" + """
  - metric: killed
    population: Palestinians in Gaza
    value: 44466
    value_text: 44,466
    qualifier: at_least
    unit: people
    evidence:
      - Israel's war on Gaza has killed at least 44,466 Palestinians since 7 October 2023
""".lstrip("\n"),
        A003, "statistics[1]", "duplicate of seed/annotations/003_36b9b55d85c3ee3c.yaml: "
                                "statistics[0]"),
    "proposal declared twice": (
        A001, "  - key: truce-proposal-2024-05-cairo", "  - key: egypt-proposal-2024-05",
        A004, "proposals[0] (egypt-proposal-2024-05)", "declared twice"),
    "direct quote keeps its marks": (
        A003, "text: Egypt, Qatar and Turkey are making great efforts to reach an agreement "
              "for a ceasefire and prisoner exchange",
        """text: '"Egypt, Qatar and Turkey are making great efforts to reach an agreement """
        """for a ceasefire and prisoner exchange"'""",
        A003, "statements[1].text", "leaves out the quote marks"),
    "statement text outside its evidence": (
        A003, "text: Israel had already violated the truce",
        "text: Israel had violated the truce",
        A003, "statements[10].text", "is not inside any of its evidence spans"),
    "relative date against an inferred publication date": (
        A003, "    date: 2024-12-02\n    date_basis: inferred\n    date_note: '\"On Monday\"",
        "    date: 2024-12-02\n    date_basis: relative\n    date_note: '\"On Monday\"",
        A003, "statements[5].date_basis", "'relative' needs a stated publication date"),
    "event after publication": (
        A004, "    date: 2024-04-29\n    date_basis: relative\n    proposal",
        "    date: 2024-05-29\n    date_basis: relative\n    proposal",
        A004, "statements[4].date", "is after the article's publication date"),
    "duplicate actor id": (
        "actors.yaml", "- id: fatah\n  name: Fatah", "- id: hamas\n  name: Fatah",
        "actors.yaml", "[9] (hamas)", "duplicate id 'hamas'"),
    "alias of two actors": (
        "actors.yaml", "aliases: [Fateh]", "aliases: [Fateh, Islamic Resistance Movement]",
        "actors.yaml", "[9] (fatah)", "already belongs to 'hamas'"),
    "unknown affiliation": (
        "actors.yaml", "affiliation: cia", "affiliation: nsa",
        "actors.yaml", "(william-burns)", "unknown affiliation 'nsa'"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_broken_corpus_is_refused_with_file_entry_and_reason(seed_copy, case):
    edited, old, new, file, entry, message = case
    edit(seed_copy, edited, old, new)
    problems = problems_for(seed_copy)
    assert any(
        p.file == f"seed/{file}" and entry in p.entry and message in p.message
        for p in problems
    ), "\n".join(map(str, problems))


def test_every_problem_is_reported_not_just_the_first(seed_copy):
    edit(seed_copy, A000, "location: doha", "location: dohaa")
    edit(seed_copy, A004, "stance: supportive", "stance: delighted")
    found = {(p.file, p.entry) for p in problems_for(seed_copy)}
    assert (f"seed/{A000}", "meetings[5].location") in found
    assert (f"seed/{A004}", "proposals[1].positions[0].stance") in found


def test_affiliation_loop_is_refused(seed_copy):
    # Hassan Rashad belongs to the intelligence service; make the service belong to him.
    edit(seed_copy, "actors.yaml", "  title: Egypt's intelligence service\n  affiliation: egypt",
         "  title: Egypt's intelligence service\n  affiliation: hassan-rashad")
    messages = [p.message for p in problems_for(seed_copy)]
    assert any("affiliation_id loops" in m and "hassan-rashad" in m for m in messages), messages


def test_article_and_annotation_must_pair_up(seed_copy):
    (seed_copy / "articles" / "005_new.txt").write_text("An article nobody annotated.\n")
    (seed_copy / A004).rename(seed_copy / "annotations" / "004_renamed.yaml")
    files = {p.file: p.message for p in problems_for(seed_copy)}
    assert "every article needs its annotation" in files["seed/annotations/005_new.yaml"]
    assert "this annotation has no article" in files["seed/articles/004_renamed.txt"]


def test_article_that_is_not_utf8_is_refused(seed_copy):
    (seed_copy / "articles" / "000_97309580062fd272.txt").write_bytes(b"Caf\xe9 talks\n")
    problems = problems_for(seed_copy)
    assert any(p.file == "seed/articles/000_97309580062fd272.txt" and "not UTF-8" in p.message
               for p in problems)


def test_unbroken_copy_builds(seed_copy):
    assert seed.build_dataset(seed_copy).count(seed.build.models.Statement) > 0
