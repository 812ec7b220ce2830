"""Body cleaning: web debris goes, the article's own words stay byte for byte."""

from __future__ import annotations

import pytest

from seed.clean import clean_body, is_debris


@pytest.mark.parametrize("line", [
    "Skip to content", "Skip to main content", "Share this article:", "Share", "Subscribe",
    "SUBSCRIBE NOW", "Contact Us", "most popular", "Most Read", "Advertisement",
    "Read more:", "Related articles", "Sign up for our newsletter", "Follow us on Telegram",
    "globalhappenings news.jpg", "IMG_2024.JPEG", "  photo-1.webp  ", "Tags:",
])
def test_debris_lines_are_recognized(line):
    assert is_debris(line)


@pytest.mark.parametrize("line", [
    "Subscribers to the channel said the talks would resume.",
    "Contact us if you have information, the ministry said.",
    "Share prices in Tel Aviv fell.",
    "Source: Le Parisien",
    "Palestinians drive past destroyed buildings in Khan Yunis. (EPA Photo)",
    "The most popular proposal was the Egyptian one.",
])
def test_sentences_that_mention_debris_words_are_kept(line):
    assert not is_debris(line)


def test_cleaning_keeps_kept_lines_verbatim_and_squeezes_blank_runs():
    raw = "\ufeffSkip to content\r\n\r\nTitle here\r\n\r\n\r\n\r\nFirst “quoted” line.  \nShare\n"
    assert clean_body(raw) == "Title here\n\nFirst “quoted” line."


def test_cleaning_composes_accents_so_evidence_matches():
    decomposed = "Se\u0301journe\u0301 met Abdelatty."
    assert clean_body(decomposed) == "Séjourné met Abdelatty."
