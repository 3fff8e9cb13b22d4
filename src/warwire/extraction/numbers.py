"""Numbers as written: digits ("1,200"), words ("Thirty-five", "twenty eight"), "a dozen"."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "a dozen": 12, "single": 1, "both": 2, "couple": 2,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
# A bare "no" counts only before a trigger noun ("no casualties"); callers decide.
NUMBER_WORDS = frozenset(UNITS) | frozenset(SCALES) - {"no", "a dozen", "couple"}


def parse_words(words: list[str]) -> int | None:
    """Value of a run of number words (already split on spaces and hyphens); None if not a number."""
    total, current, seen = 0, 0, False
    for raw in words:
        word = raw.lower()
        if word == "and" and seen:
            continue
        if DIGITS.match(word):
            current += int(word.replace(",", ""))
        elif word in UNITS and word not in ("no",):
            current += UNITS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> int | None:
    """'1,200' -> 1200; 'Thirty-five' -> 35; '2.5 million' -> 2500000; 'dozen' -> 12."""
    text = text.strip()
    if DIGITS.match(text):
        return int(text.replace(",", ""))
    decimal = re.match(r"^(\d+(?:\.\d+)?)\s+(thousand|million)$", text, re.I)
    if decimal:
        return int(float(decimal.group(1)) * SCALES[decimal.group(2).lower()])
    return parse_words(re.split(r"[\s-]+", text))


def is_number_word(token: str) -> bool:
    low = token.lower()
    return bool(DIGITS.match(low)) or low in NUMBER_WORDS
