"""The rules on sentences in the style of news reports they were not written for: people
the gazetteer lacks, meetings and proposals in other words, hedged figures."""

from __future__ import annotations

import datetime as dt

import pytest

from seed.extract import extract

PUBLISHED = dt.date(2024, 8, 17)  # a Saturday


def found(text: str, gazetteer, kind: str) -> list[dict]:
    return extract(text, gazetteer, PUBLISHED, "stated")[kind]


def participants(meeting: dict) -> set[str]:
    return {p["actor"] for p in meeting["participants"]}


def test_a_titled_person_outside_the_gazetteer_is_a_provisional_participant(gazetteer):
    """Not their country: "the Egyptian president, X" is X, and Egypt only describes X."""
    text = ("Antony Blinken spoke by phone with the Egyptian president, Karim Abdel Wahab, "
            "on Friday.")
    result = extract(text, gazetteer, PUBLISHED, "stated")
    assert [participants(m) for m in result["meetings"]] == [
        {"antony-blinken", "karim-abdel-wahab"}]
    assert [(a["id"], a["name"], a["kind"], a["extraction"]["rule"])
            for a in result["actors"]] == [
        ("karim-abdel-wahab", "Karim Abdel Wahab", "person", "actor.provisional_titled")]


def test_a_titled_speaker_and_their_surname_later_are_one_provisional_person(gazetteer):
    text = ("Mossad chief Daniel Orbach said on Friday that the gaps were narrowing.\n\n"
            "Orbach told reporters that Israel would send a team to Cairo.")
    assert [s["speaker"] for s in found(text, gazetteer, "statements")] == [
        "daniel-orbach", "daniel-orbach"]


def test_a_crown_prince_mohammed_is_not_the_sheikh_mohammed_named_before(gazetteer):
    """Sheikh Mohammed stands for the Qatari prime minister once he is named in full;
    a Mohammed whose name goes on ("bin Salim") is somebody else."""
    text = ("Mohammed bin Abdulrahman Al Thani hosted the talks in Doha.\n\n"
            "Later, Antony Blinken met Saudi Crown Prince Mohammed bin Salim in Riyadh.")
    assert [participants(m) for m in found(text, gazetteer, "meetings")][-1] == {
        "antony-blinken", "mohammed-bin-salim"}


def test_a_headline_in_title_case_makes_up_nobody(gazetteer):
    text = ("Egyptian President Meets Hamas Leaders As Envoy Heads To Cairo\n\n"
            "Egypt's president met Hamas leaders in Cairo on Friday, officials said.")
    assert extract(text, gazetteer, PUBLISHED, "stated")["actors"] == []


def test_a_title_does_not_reach_back_into_the_sentence_before(gazetteer):
    text = ("Antony Blinken met Hamas negotiators. Mossad chief Daniel Orbach said on Friday "
            "that the gaps were narrowing.")
    result = extract(text, gazetteer, PUBLISHED, "stated")
    assert [participants(m) for m in result["meetings"]] == [{"antony-blinken", "hamas"}]


def test_the_group_after_a_titled_member_is_the_group_in_the_title(gazetteer):
    text = ("Hamas official Yusuf Darwish said Israel bore responsibility for the delay.\n\n"
            "The group said it was still committed to the proposal it had accepted.")
    assert [s["speaker"] for s in found(text, gazetteer, "statements")] == [
        "yusuf-darwish", "hamas"]


def test_the_president_is_not_the_vice_president_named_last(gazetteer):
    text = ("Joe Biden and Vice President Laura Whitfield met the negotiating team on "
            "Monday.\n\nThe president told reporters a final proposal was close.")
    assert [s["speaker"] for s in found(text, gazetteer, "statements")] == ["joe-biden"]


def test_he_met_two_leaders_in_two_cities_then_flew_on_is_three_meetings(gazetteer):
    text = ("Antony Blinken is on his sixth trip to the region.\n\n"
            "Before landing in Israel, he met Saudi Crown Prince Faisal bin Nawaf in Riyadh on "
            "Monday and Egyptian President Karim Abdel Wahab in Cairo on Tuesday, then flew to "
            "Doha for talks.")
    meetings = found(text, gazetteer, "meetings")
    assert [(participants(m), m.get("location"), m.get("date")) for m in meetings] == [
        ({"antony-blinken", "faisal-bin-nawaf"}, None, "2024-08-12"),
        ({"antony-blinken", "karim-abdel-wahab"}, "cairo", "2024-08-13"),
        ({"antony-blinken"}, "doha", None)]
    assert [m["evidence"][0]["text"] for m in meetings[:2]] == [
        "Before landing in Israel, he met Saudi Crown Prince Faisal bin Nawaf in Riyadh on Monday",
        "Egyptian President Karim Abdel Wahab in Cairo on Tuesday"]


def test_separate_calls_are_a_call_each_with_the_subject_of_the_sentence(gazetteer):
    text = ("Joe Biden spoke with Benjamin Netanyahu by phone on Wednesday, and held separate "
            "calls with Egyptian President Karim Abdel Wahab and Qatar's Emir Hamad bin Saleh "
            "Al Marri on Thursday.")
    meetings = found(text, gazetteer, "meetings")
    assert [(participants(m), m["mode"], m["date"]) for m in meetings] == [
        ({"joe-biden", "benjamin-netanyahu"}, "phone_call", "2024-08-14"),
        ({"joe-biden", "karim-abdel-wahab"}, "phone_call", "2024-08-15"),
        ({"joe-biden", "hamad-bin-saleh-al-marri"}, "phone_call", "2024-08-15")]


def test_two_meetings_in_one_city_with_nobody_in_common_stay_two(gazetteer):
    text = ("Joe Biden met Benjamin Netanyahu in Cairo on Monday.\n\n"
            "Antony Blinken met Hamas negotiators in Cairo on Monday.")
    assert [participants(m) for m in found(text, gazetteer, "meetings")] == [
        {"joe-biden", "benjamin-netanyahu"}, {"antony-blinken", "hamas"}]


def test_due_to_meet_two_people_is_two_scheduled_meetings(gazetteer):
    text = ("Antony Blinken is in the region. Benjamin Netanyahu is under pressure.\n\n"
            "Blinken was due to meet Netanyahu in Jerusalem on Wednesday, and the Israeli war "
            "cabinet minister Benny Gantz later in the day.")
    meetings = found(text, gazetteer, "meetings")
    assert [(participants(m), m["status"]) for m in meetings] == [
        ({"antony-blinken", "benjamin-netanyahu"}, "scheduled"),
        ({"antony-blinken", "benny-gantz"}, "scheduled")]
    assert meetings[1]["evidence"][0]["text"] == (
        "the Israeli war cabinet minister Benny Gantz later in the day.")


def test_after_meeting_someone_the_subject_of_the_sentence_met_them(gazetteer):
    text = "A Hamas delegation left Cairo on Friday after meeting Qatari mediators."
    assert [participants(m) for m in found(text, gazetteer, "meetings")] == [{"hamas", "qatar"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("Stephane Sejourne, who will host his counterparts from Egypt and Qatar in Paris on "
     "Monday, said France backed the plan.", ({"stephane-sejourne", "egypt", "qatar"}, "host")),
    ("Hours later, Antony Blinken landed in Cairo on his eighth visit to the region.",
     ({"antony-blinken"}, "visitor")),
])
def test_hosting_counterparts_and_landing_somewhere_are_meetings(gazetteer, text, expected):
    [meeting] = found(text, gazetteer, "meetings")
    actors, role = expected
    assert participants(meeting) == actors
    assert meeting["participants"][0]["role"] == role


def proposer(proposal: dict) -> str | None:
    return next((p["actor"] for p in proposal["parties"] if p["role"] == "proposer"), None)


@pytest.mark.parametrize(("text", "expected"), [
    ("The plan now before Hamas was drawn up by Egypt and would start with a pause.", "egypt"),
    ("Talks will resume on the basis of new proposals led by Qatar and Egypt.", "qatar"),
    ("Joe Biden spoke on Friday. The deal is built on the framework Biden laid out in May.",
     "joe-biden"),
    ("Hamas rejected it after Egypt floated a plan for a two-day truce.", "egypt"),
])
def test_a_proposer_named_after_the_proposal_or_in_the_passive(gazetteer, text, expected):
    assert [proposer(p) for p in found(text, gazetteer, "proposals")] == [expected]


def test_people_seized_or_abducted_are_hostages_whatever_the_noun(gazetteer):
    text = ("Gunmen killed some 1,100 people in the raid and abducted about 240 others. "
            "Of the 239 people taken hostage, most were civilians. "
            "They seized about 240 people in the raid.")
    assert [(s["metric"], s["value"], s["population"]) for s in found(text, gazetteer,
                                                                       "statistics")] == [
        ("killed", 1100, "people"), ("hostages_held", 240, "people abducted"),
        ("hostages_held", 239, "people taken hostage"), ("hostages_held", 240, "people seized")]


def test_a_hedged_death_toll_keeps_its_hedge(gazetteer):
    """"Believed to be dead" is the source's belief, not a death stated as fact."""
    text = "Israel says 98 captives are still held in Gaza, 29 of whom are believed to be dead."
    assert [(s["metric"], s["value"], s["population"]) for s in found(text, gazetteer,
                                                                       "statistics")] == [
        ("hostages_held", 98, "captives in Gaza"),
        ("killed", 29, "captives, believed to be dead")]
