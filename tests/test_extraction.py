"""The extraction rules: their accuracy on the seed, and their behaviour on text they
have never seen."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import seed
from seed.corpus import read_corpus
from seed.evaluate import evaluate
from seed.extract import extract
from seed.extract.dates import weekday_dates
from seed.extract.numbers import numbers

SEED = seed.DEFAULT_SEED_DIR


def statements(text: str, gazetteer, published: dt.date | None = None) -> list[dict]:
    return extract(text, gazetteer, published, "stated" if published else None)["statements"]


def test_rules_meet_the_accuracy_targets_on_the_seed(gazetteer):
    tallies = evaluate(read_corpus(SEED, []), gazetteer)
    assert tallies["statements"].f1 >= 0.9 and tallies["statements"].key_accuracy >= 0.9
    assert tallies["statistics"].f1 >= 0.9
    assert tallies["meetings"].f1 >= 0.7 and tallies["proposals"].f1 >= 0.7


HELD_OUT = Path(__file__).parent / "heldout"
#: Corpora the rules were developed on: each was held out until the next was written.
DEVELOPMENT = sorted((Path(__file__).parent / "development").iterdir())


@pytest.mark.parametrize("root", [*DEVELOPMENT, HELD_OUT],
                         ids=[*(f"development-{p.name}" for p in DEVELOPMENT), "held-out"])
def test_gold_corpora_are_valid_and_every_evidence_span_is_in_its_article(root):
    problems: list = []
    corpus = read_corpus(root, problems)
    assert problems == []
    assert len(corpus.annotations) == 6
    for source_id, annotation in corpus.annotations.items():
        body = corpus.articles[source_id].body
        for kind in ("meetings", "proposals", "statements", "statistics"):
            for entry in annotation.get(kind) or []:
                for span in entry.get("evidence") or []:
                    assert span["text"] in body, (source_id, span["text"][:60])


#: F1 floors just under what each corpus measured after the rules last changed (held
#: out, b01-b06: written blind on 2026-12-03, measured but never tuned on since). A drop
#: below one is a regression in how the rules generalize.
FLOORS = {
    "heldout": {"statements": 0.8, "statistics": 0.9, "proposals": 0.65, "meetings": 0.62},
    "k": {"statements": 0.84, "statistics": 0.87, "proposals": 0.72, "meetings": 0.72},
    "h": {"statements": 0.93, "statistics": 0.98, "proposals": 0.92, "meetings": 0.85},
}


@pytest.mark.parametrize("root", [*DEVELOPMENT, HELD_OUT],
                         ids=[*(f"development-{p.name}" for p in DEVELOPMENT), "held-out"])
def test_rules_hold_up_on_articles_they_were_not_written_for(gazetteer, root):
    """tests/heldout was written blind to the rules and never tuned on; the
    development corpora were, each after it had been measured blind."""
    floors = FLOORS[root.name]
    tallies = evaluate(read_corpus(root, []), gazetteer)
    measured = {kind: round(tallies[kind].f1, 2) for kind in floors}
    assert all(measured[kind] >= floor for kind, floor in floors.items()), measured


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


def test_a_second_quotation_in_the_paragraph_continues_its_speaker(gazetteer):
    text = ('"We have made real progress this week," said Antony Blinken. '
            '"Now both sides have to close the last gaps."\n\n'
            'Reporters waited outside. "Nobody here is talking to the press at all."')
    found = statements(text, gazetteer)
    assert [(s["speaker"], s["text"]) for s in found] == [
        ("antony-blinken", "We have made real progress this week"),
        ("antony-blinken", "Now both sides have to close the last gaps.")]
    assert found[1]["extraction"]["rule"] == "statement.direct_quote.continues_paragraph"


def test_quote_over_two_paragraphs_is_a_statement_per_paragraph(gazetteer):
    """As the curated layers record a run-on quotation: each paragraph's words, with
    that paragraph as evidence, all to the speaker the quotation is attributed to."""
    text = ('"The proposal is on the table.\n\n'
            '"Hamas has to say yes to it," Antony Blinken said.')
    found = statements(text, gazetteer)
    assert [(s["speaker"], s["text"]) for s in found] == [
        ("antony-blinken", "The proposal is on the table."),
        ("antony-blinken", "Hamas has to say yes to it")]
    assert [[e["text"] for e in s["evidence"]] for s in found] == [
        ['"The proposal is on the table.'], ['"Hamas has to say yes to it," Antony Blinken said.']]


def test_a_clause_after_a_trailing_attribution_is_not_reported(gazetteer):
    found = statements("CAIRO — A delegation was expected in Cairo on Sunday, two Egyptian "
                       "officials said, as pressure grew for a truce.", gazetteer)
    assert [(s["speaker"], s["text"]) for s in found] == [
        ("egypt", "A delegation was expected in Cairo on Sunday")]


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
                                     "method": "rule", "rule": "actor.provisional_titled",
                                     "confidence": 0.5}}]


def test_a_title_before_an_unknown_name_is_not_part_of_it(gazetteer):
    result = extract('"The crossings must open today, not next week," Jordanian Foreign '
                     'Minister Ayman Safadi told a news conference.', gazetteer)
    assert [s["speaker"] for s in result["statements"]] == ["ayman-safadi"]
    assert [a["name"] for a in result["actors"]] == ["Ayman Safadi"]


def test_an_outlet_told_after_a_quotation_relayed_it(gazetteer):
    found = statements('"We will not sign anything that keeps troops in Gaza," a senior '
                       'Hamas official told Reuters on Sunday.', gazetteer)
    assert [(s["speaker"], s["via"]) for s in found] == [("hamas", "reuters")]


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
    ("they will meet on Saturday", True, dt.date(2024, 8, 17)),  # later that day
    ("they will meet next Saturday", True, dt.date(2024, 8, 24)),
    ("they met last Saturday", False, dt.date(2024, 8, 10)),
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


@pytest.mark.parametrize("sentence", [
    "Abbas Kamel spoke by phone with Ismail Haniyeh on Thursday.",
    "Abbas Kamel spoke with Ismail Haniyeh by phone on Thursday.",
    "Abbas Kamel held separate calls with Ismail Haniyeh and Antony Blinken on Thursday.",
    "Abbas Kamel and Antony Blinken agreed in a telephone call on Thursday to press on.",
])
def test_a_phone_call_in_other_words_is_a_phone_call(gazetteer, sentence):
    meetings = extract(sentence, gazetteer, dt.date(2024, 5, 2), "stated")["meetings"]
    assert len(meetings) == (2 if "separate" in sentence else 1)  # a call each
    for meeting in meetings:
        assert meeting["mode"] == "phone_call" and meeting["date"] == "2024-05-02"
        assert "abbas-kamel" in {p["actor"] for p in meeting["participants"]}


def test_spoke_with_is_no_call_without_a_phone(gazetteer):
    meetings = extract("Abbas Kamel spoke with Ismail Haniyeh's aides about the text.",
                       gazetteer, dt.date(2024, 5, 2), "stated")["meetings"]
    assert [m for m in meetings if m["mode"] == "phone_call"] == []


def test_an_expected_delegation_is_a_scheduled_meeting_with_its_hosts(gazetteer):
    [meeting] = extract("An Israeli delegation was expected in Cairo on Sunday for talks with "
                        "Egyptian and Qatari mediators.", gazetteer, dt.date(2024, 3, 1),
                        "stated")["meetings"]
    assert meeting["status"] == "scheduled" and meeting["location"] == "cairo"
    assert meeting["date"] == "2024-03-03"  # the next Sunday
    assert {p["actor"]: p["role"] for p in meeting["participants"]} == {
        "israel": "visitor", "egypt": "party", "qatar": "party"}


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


def test_the_article_written_to_find_what_the_rules_miss(gazetteer):
    """tests/articles/cairo_march_round.txt was written on 2026-12-03 and ingested
    before any rule saw it; these are the records it showed missing or wrong."""
    body = (Path(__file__).parent / "articles" / "cairo_march_round.txt").read_text()
    result = extract(body, gazetteer, dt.date(2024, 3, 3), "stated")
    speakers = {(s["speaker"], s.get("via")) for s in result["statements"]
                if s["kind"] == "direct_quote"}
    assert speakers == {("sameh-shoukry", None), ("hamas", "reuters")}
    [meeting] = [m for m in result["meetings"] if m["location"] == "cairo"]
    assert meeting["status"] == "scheduled"  # its date is a known miss (a week late)
    assert {p["actor"] for p in meeting["participants"]} == {"israel", "egypt", "qatar"}
    assert ("released", 40) not in [(s["metric"], s["value"]) for s in result["statistics"]]


def test_an_article_no_rule_was_written_for(gazetteer):
    """tests/articles/doha_june_phases.txt was written on 2026-12-05, after the rules,
    and ingested unseen. What it got right is held here; what it got wrong is in that
    day's issue note (Blinken's 'workable' goes to the prime minister he met; the
    plan's six weeks and Biden as its author are missed; 'a third of whom' is not a
    figure)."""
    body = (Path(__file__).parent / "articles" / "doha_june_phases.txt").read_text()
    result = extract(body, gazetteer, dt.date(2024, 6, 12), "stated")
    quotes = [(s["speaker"], s["text"][:20]) for s in result["statements"]
              if s["kind"] == "direct_quote"]
    assert sorted(quotes) == [("antony-blinken", "But the time for hag"),
                              ("antony-blinken", "Every day that goes "),
                              ("antony-blinken", "We are determined to")]
    assert {(s["metric"], s["value"], s["claimed_by"]) for s in result["statistics"]} == {
        ("killed", 37_100, "gaza-health-ministry"), ("hostages_held", 120, "israel"),
        ("displaced", 1_700_000, "united-nations")}
    meetings = {(m["mode"], m.get("date")): {p["actor"] for p in m["participants"]}
                for m in result["meetings"]}
    assert meetings[("in_person", "2024-06-11")] == {"qatar", "egypt", "hamas"}  # Tuesday
    assert meetings[("phone_call", "2024-06-12")] == {"sameh-shoukry", "antony-blinken"}


# Statistics: numbers that stand without a counted noun, and numbers that are not counts


def stats(text: str, gazetteer) -> list[tuple[str, float]]:
    return [(s["metric"], s["value"]) for s in extract(text, gazetteer)["statistics"]]


def test_a_figure_someone_says_is_their_statement_too_but_not_one_sourced_to_them(gazetteer):
    said = statements("Hamas says more than 30,000 Palestinians have been killed in Gaza.",
                      gazetteer)
    assert [(s["speaker"], s["kind"]) for s in said] == [("hamas", "paraphrase")]
    assert statements("More than 30,000 Palestinians have been killed in Gaza, according "
                      "to Hamas.", gazetteer) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("About 1.7 million people — most of them children — have been driven from their homes.",
     [("displaced", 1_700_000)]),
    ("Israel says 136 hostages are still in Gaza, including 31 who are believed to be dead.",
     [("hostages_held", 136), ("killed", 31)]),
    ("About 1.4 million Palestinians are still in Rafah.", []),
])
def test_dashes_who_and_still_in(gazetteer, text, expected):
    assert stats(text, gazetteer) == expected


def test_a_bare_number_counts_the_people_named_before(gazetteer):
    text = ("Gunmen took about 250 hostages in the attack. More than 100 were freed in November, "
            "and officials say about 130 remain in Gaza, around 30 of whom are believed to be "
            "dead.")
    assert stats(text, gazetteer) == [("hostages_held", 250), ("released", 100),
                                      ("hostages_held", 130), ("killed", 30)]


def test_a_figure_under_an_earlier_modal_is_a_term_not_a_count(gazetteer):
    assert stats("Mediators urged both sides to accept a plan that would halt the fighting "
                 "for six weeks and see about 40 hostages freed.", gazetteer) == []


def test_a_number_closing_its_clause_after_the_verb(gazetteer):
    found = stats("The strikes have killed more than 26,900 Palestinians and wounded over "
                  "65,900, according to the Gaza Health Ministry.", gazetteer)
    assert found == [("killed", 26900), ("wounded", 65900)]


def test_a_subject_in_apposition_still_reaches_its_verb(gazetteer):
    found = stats("About 1.7 million people, more than 75 percent of Gaza's population, have "
                  "been displaced.", gazetteer)
    assert found == [("displaced", 1_700_000), ("displaced", 75)]


def test_a_population_total_and_a_deal_term_are_not_statistics(gazetteer):
    assert stats("Around 85% of Gaza's 2.3 million people have fled their homes.",
                 gazetteer) == [("displaced", 85)]
    assert stats("The deal would see 33 hostages freed in a first stage.", gazetteer) == []


def test_a_death_toll_passing_a_figure(gazetteer):
    assert stats("The Palestinian death toll in Gaza passed 40,000 on Thursday.",
                 gazetteer) == [("killed", 40000)]


# Statements: speakers the gazetteer lacks, pronouns, offices, outlets


def test_a_named_official_is_a_provisional_person_not_an_unnamed_source(gazetteer):
    result = extract("Senior Hamas official Karim Nasser said the group would not accept a "
                     "truce that allowed the war to resume.", gazetteer)
    assert [s["speaker"] for s in result["statements"]] == ["karim-nasser"]
    assert result["actors"][0]["kind"] == "person"


def test_a_name_in_apposition_speaks_and_is_found_again_by_surname(gazetteer):
    text = ("Samer Haddad, a political analyst based in Ramallah, said the absence of Israeli "
            "negotiators showed the talks had stalled.\n\n"
            '"He is betting that pressure will deliver what talks have not," Haddad said.')
    assert [s["speaker"] for s in statements(text, gazetteer)] == ["samer-haddad"] * 2


def test_an_unknown_body_or_acronym_speaks_for_itself(gazetteer):
    result = extract("The State Department said the talks would resume in Cairo next week.\n\n"
                     "UNRWA said aid deliveries into the Strip had fallen sharply in February.",
                     gazetteer)
    assert [s["speaker"] for s in result["statements"]] == ["state-department", "unrwa"]
    assert {a["id"]: a["kind"] for a in result["actors"]} == {
        "state-department": "government_body", "unrwa": "international_organization"}


def test_he_is_the_person_named_since_the_last_statement(gazetteer):
    text = ("The proposal envisions three phases, according to two Egyptian officials. "
            "Israeli Prime Minister Benjamin Netanyahu struck a tougher tone. He said on "
            "Tuesday that Israel would not end the war before achieving its goals.")
    assert [s["speaker"] for s in statements(text, gazetteer)] == ["egypt", "benjamin-netanyahu"]


def test_honorific_and_first_name_and_a_persons_office(gazetteer):
    text = ("Qatari Prime Minister Mohammed bin Abdulrahman Al Thani met Antony Blinken in Doha. "
            "Speaking on Monday, Sheikh Mohammed said the meeting had made good progress on a "
            "deal.\n\nBenjamin Netanyahu's office said on Saturday that Israel's conditions for "
            "ending the war had not changed.")
    assert [s["speaker"] for s in statements(text, gazetteer)] == [
        "mohammed-bin-abdulrahman-al-thani", "israeli-prime-ministers-office"]


def test_a_trailing_attribution_reports_the_clause_before_it(gazetteer):
    [found] = statements("In the first phase, a six-week truce would see the release of women "
                         "and children, two Egyptian officials said, speaking on condition of "
                         "anonymity.", gazetteer)
    assert found["speaker"] == "egypt"
    assert found["text"] == ("In the first phase, a six-week truce would see the release of "
                             "women and children")


def test_an_outlet_citing_an_official_relays_the_official(gazetteer):
    [found] = statements("Hamas has dropped its opposition to an Israeli presence along the "
                         "corridor, Army Radio reported on Monday, citing a senior Israeli "
                         "official.", gazetteer)
    assert (found["speaker"], found["via"]) == ("israel", "israeli-army-radio")


def test_a_headline_makes_no_statement_meeting_or_proposal(gazetteer):
    result = extract("Hamas says Israel rejected the truce proposal as envoys meet in Cairo\n\n"
                     "The talks resumed on Monday.", gazetteer)
    assert result["statements"] == [] and result["proposals"] == []
    assert result["meetings"] == []


# Meetings: lists of places, people who took part, bodies in titles


def test_travel_to_a_list_of_places_is_one_visit_each(gazetteer):
    found = extract("Antony Blinken will travel to Egypt, Qatar and Israel next week.",
                    gazetteer)["meetings"]
    assert [(m["location"], m["status"], [p["actor"] for p in m["participants"]])
            for m in found] == [(place, "scheduled", ["antony-blinken"])
                                for place in ("egypt", "qatar", "israel")]


def test_those_who_took_part_join_the_meeting_before(gazetteer):
    [meeting] = extract("Mediators met Israeli intelligence officials in Cairo on Sunday. "
                        "William Burns and Abbas Kamel took part.", gazetteer)["meetings"]
    assert {"william-burns", "abbas-kamel"} <= {p["actor"] for p in meeting["participants"]}


def test_a_body_in_a_title_is_not_a_participant_but_a_leader_is(gazetteer):
    [meeting] = extract("CIA Director William Burns met Qatari Prime Minister Mohammed bin "
                        "Abdulrahman Al Thani in Doha.", gazetteer)["meetings"]
    assert {p["actor"] for p in meeting["participants"]} == {
        "william-burns", "mohammed-bin-abdulrahman-al-thani"}
    [meeting] = extract("A Hamas delegation led by Khalil al-Hayya met Egyptian mediators in "
                        "Cairo.", gazetteer)["meetings"]
    assert {"hamas", "khalil-al-hayya"} <= {p["actor"] for p in meeting["participants"]}


# Proposals: who put it forward, and mentions that start no record


def proposers(text: str, gazetteer) -> list[str | None]:
    return [next((p["actor"] for p in r["parties"] if p["role"] == "proposer"), None)
            for r in extract(text, gazetteer)["proposals"]]


def test_a_proposer_named_after_the_definite_mention(gazetteer):
    assert proposers("Hamas is studying a proposal for a pause in the fighting. The proposal, "
                     "drafted by US, Egyptian and Qatari mediators, would see a six-week truce.",
                     gazetteer) == ["united-states"]


def test_the_subject_who_presented_a_proposal_proposes_it(gazetteer):
    assert proposers("The United States, backed by Qatar and Egypt, on Friday presented Israel "
                     "and Hamas with a bridging proposal.", gazetteer) == ["united-states"]


def test_a_proposal_in_a_quotation_or_not_yet_made_starts_no_record(gazetteer):
    text = ('Egypt presented a truce proposal on Monday. "We believe this is a serious '
            'proposal," said John Kirby. The cabinet authorised the team to present a proposal.')
    assert proposers(text, gazetteer) == ["egypt"]


def test_a_meeting_due_on_the_publication_day_is_dated_that_day(gazetteer):
    """News style names the publication day by its weekday: a delegation "expected in
    Cairo on Saturday" in a Saturday article is expected that day, not a week later."""
    text = "A Hamas delegation was expected in Cairo on Saturday for talks with Egyptian mediators."
    meetings = extract(text, gazetteer, dt.date(2024, 8, 17), "stated")["meetings"]
    assert [(m["status"], m["date"]) for m in meetings] == [("scheduled", "2024-08-17")]
