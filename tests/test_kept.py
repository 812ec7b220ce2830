"""Results kept per key (``api.http.kept``): made once, bounded, never None."""

from __future__ import annotations

from api.http.kept import Kept


def test_a_value_is_made_once_per_key_and_forgotten_when_full() -> None:
    made = []
    kept: Kept[str] = Kept(limit=2)

    def make(key: str):
        return lambda: made.append(key) or key.upper()

    assert [kept.get(key, make(key)) for key in "aab"] == ["A", "A", "B"]
    assert made == ["a", "b"]
    assert kept.get("c", make("c")) == "C"  # full: forgets a and b, keeps c
    assert kept.get("a", make("a")) == "A" and made == ["a", "b", "c", "a"]
    assert len(kept.values) <= 2


def test_none_is_not_kept() -> None:
    calls = []
    kept: Kept[str] = Kept()
    for _ in range(2):
        assert kept.get("x", lambda: calls.append(1)) is None
    assert calls == [1, 1]
