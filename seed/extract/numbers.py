"""A number grammar for news prose: "40,173", "1.4 million", "85%", "six", "forty-two"."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+|-)(?:hundred|thousand|million|billion)\b|\s?(?:m|bn)\b"
NUMBER = re.compile(
    rf"(?<![\w.,])(?=[\dotfsen])(?P<num>(?:{_DIGITS})(?:{_SCALE})?"
    rf"|(?:{_WORD})(?:-(?:{_WORD}))?(?:\s+(?:hundred|thousand|million))?)"
    rf"(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    text: str
    percent: bool

    @property
    def is_word(self) -> bool:
        return not self.text[0].isdigit()


def numbers(text: str, offset: int = 0) -> list[Number]:
    found = []
    for match in NUMBER.finditer(text):
        value = parse_number(match.group("num"))
        if value is None:
            continue
        found.append(Number(offset + match.start(), offset + match.end(), value,
                            match.group(0), bool(match.group("pct"))))
    return found


def parse_number(text: str) -> float | None:
    words = re.split(r"[\s-]+|(?<=\d)(?=m\b|bn\b)", text.lower().strip())
    scale = 1
    if words[-1] in SCALES or words[-1] in ("m", "bn"):
        scale = SCALES.get(words[-1]) or {"m": 1_000_000, "bn": 1_000_000_000}[words[-1]]
        words = words[:-1]
    if len(words) == 1 and re.fullmatch(r"[\d,]+(?:\.\d+)?", words[0]):
        return float(words[0].replace(",", "")) * scale
    total = 0
    for word in words:
        if word in UNITS:
            total += UNITS[word]
        elif word in TENS:
            total += TENS[word]
        else:
            return None
    return float(total * scale)
