"""Snippets: the passage a search hit shows, and the marks on its matched words."""

from __future__ import annotations

from api import search


def marked(content: str, query: str) -> list[str]:
    text, marks = search.snippet(content, search.query_stems(query))
    return [text[start:end] for start, end in marks]


def test_marks_fall_on_the_matched_words_wherever_the_passage_starts() -> None:
    # Some of these paddings start the passage on the paragraph break, which the
    # snippet drops: the marks must count from what it shows.
    for padding in range(80):
        content = ("Opening remarks in Doha.\n\n" + "x" * padding
                   + " and then the cease-fire talks resumed in Cairo.")
        assert marked(content, "ceasefire talks") == ["cease-fire", "talks"], padding


def test_a_passage_is_cut_at_word_boundaries_and_marked_as_cut() -> None:
    content = " ".join(f"word{i}" for i in range(100)) + " ceasefire " + "tail " * 100
    text, marks = search.snippet(content, search.query_stems("ceasefire"))
    assert text.startswith("…word") and text.endswith("…")
    assert len(text) <= 182 + 2 * len("…")
    assert [text[a:b] for a, b in marks] == ["ceasefire"]
