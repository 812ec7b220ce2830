"""The loaded facts, read back from the database: what a reader of the articles expects."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlmodel import Session, select

import seed
from api import models

A000, A001, A002, A003, A004 = (
    "000_97309580062fd272", "001_ffe9001a80410a1a", "002_8007d8b7ad854ea8",
    "003_36b9b55d85c3ee3c", "004_6b628c7829295f24",
)


@pytest.fixture(scope="module")
def session(seeded_engine):
    with Session(seeded_engine) as session:
        yield session


def quotes_of(session: Session, source_id: str) -> dict[str, models.Statement]:
    rows = session.exec(select(models.Statement).where(
        models.Statement.source_id == source_id,
        models.Statement.kind != "paraphrase")).all()
    return {row.text[:30]: row for row in rows}


def test_who_said_each_quote_of_article_003(session):
    speakers = {text: (s.speaker_id, s.speaker_description)
                for text, s in quotes_of(session, A003).items()}
    assert speakers == {
        "Egypt, Qatar and Turkey are ma": (
            "hamas", "Another Hamas official who was present at the meeting"),
        "Our Palestinian people are wai": (
            "hamas", "Another Hamas official who was present at the meeting"),
        'the group was open to offers t': ("hamas", "A Hamas official"),
        'there were "ideas and visions ': ("badr-abdelatty", None),
        "There are two delegations from": ("badr-abdelatty", None),
        'it is working on a ceasefire a': ("jake-sullivan", None),
        "We are working actively to try": ("jake-sullivan", None),
        "There will be further conversa": ("jake-sullivan", None),
    }


def test_quotes_of_other_articles_have_their_speakers(session):
    assert quotes_of(session, A000)["In Cairo, my regional tour end"].speaker_id == (
        "stephane-sejourne")
    assert quotes_of(session, A000)["There are still some gaps and "].speaker_id == (
        "badr-abdelatty")  # "he added": attributed through the pronoun
    assert quotes_of(session, A002)["he hoped an agreement would be"].speaker_id == "john-kirby"
    assert quotes_of(session, A004)["Israel has made Hamas a \"gener"].speaker_id == (
        "antony-blinken")


def test_the_two_casualty_figures_of_article_003(session):
    figures = session.exec(select(models.Statistic).where(
        models.Statistic.source_id == A003).order_by(models.Statistic.metric)).all()
    assert [(f.metric, f.value, f.qualifier, f.population, f.period_start) for f in figures] == [
        ("killed", 44466, "at_least", "Palestinians in Gaza", dt.date(2023, 10, 7)),
        ("wounded", 105358, "over", "Palestinians in Gaza", dt.date(2023, 10, 7)),
    ]


def test_the_gaza_death_toll_has_two_points_over_time(session):
    points = session.exec(select(models.Statistic).where(
        models.Statistic.metric == "killed",
        models.Statistic.population == "Palestinians in Gaza").order_by(
        models.Statistic.as_of)).all()
    assert [(p.as_of, p.value, p.qualifier) for p in points] == [
        (dt.date(2024, 5, 2), 34600, "nearly"),
        (dt.date(2024, 12, 2), 44466, "at_least"),
    ]


def test_a_transliteration_resolves_to_one_actor(session):
    aliases = session.exec(select(models.ActorAlias.alias).where(
        models.ActorAlias.actor_id == "badr-abdelatty")).all()
    assert "Badr Abdel Ati" in aliases
    # Article 003 spells him "Abdel Ati"; his statements there belong to the same actor.
    assert {s.speaker_id for s in quotes_of(session, A003).values()
            if "delegations" in s.text or "ideas and visions" in s.text} == {"badr-abdelatty"}


def test_publication_dates_say_how_they_are_known(session):
    sources = {s.id: s for s in session.exec(select(models.Source)).all()}
    assert (sources[A000].published_on, sources[A000].date_basis) == (
        dt.date(2024, 8, 17), "stated")
    assert (sources[A004].published_on, sources[A004].date_basis) == (
        dt.date(2024, 5, 2), "stated")
    for inferred in (A001, A002, A003):
        assert sources[inferred].date_basis == "inferred"
        assert sources[inferred].date_note
    assert sources[A000].outlet == "Euronews" and sources[A000].agency == "AP"


def test_served_bodies_are_clean_and_raw_files_are_fingerprinted(session):
    for source in session.exec(select(models.Source)).all():
        raw = (seed.DEFAULT_SEED_DIR / "articles" / f"{source.id}.txt").read_bytes()
        assert source.raw_sha256 == hashlib.sha256(raw).hexdigest()
        for debris in ("Skip to content", "Share this article", "Subscribe\n", "Contact Us",
                       ".jpg", "most popular"):
            assert debris not in source.body


def test_the_may_2024_egyptian_proposal_gathers_two_articles(session):
    proposal = session.exec(select(models.Proposal).where(
        models.Proposal.key == "egypt-proposal-2024-05")).one()
    evidence_sources = set(session.exec(select(models.Evidence.source_id).where(
        models.Evidence.record_id == proposal.id)).all())
    assert evidence_sources == {A002, A004}
    terms = {(t.kind, t.value, t.unit) for t in session.exec(select(models.ProposalTerm).where(
        models.ProposalTerm.proposal_id == proposal.id)).all()}
    assert {("phases", 3, "phases"), ("phase_duration", 42, "days")} <= terms
    positions = {(p.actor_id, p.stance, p.date) for p in session.exec(
        select(models.ProposalPosition).where(
            models.ProposalPosition.proposal_id == proposal.id)).all()}
    assert ("hamas", "accepted", dt.date(2024, 5, 6)) in positions
    assert ("israel", "noncommittal", dt.date(2024, 5, 7)) in positions
