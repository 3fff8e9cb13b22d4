"""Numbers as written: digits ("1,200"), words ("Thirty-five", "twenty eight"), "a dozen"; and the runs of
tokens that write one in a parsed sentence, with the numbers that count no one (dates, ages, units)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from warwire.lexicon import Lexicon

UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "a dozen": 12, "single": 1, "both": 2, "couple": 2,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
# Words before a house number ("at 450 Elm", "on 11700 Robertson").
ADDRESS_PREPS = frozenset({"on", "at", "near"})
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


MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


FRACTIONS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}


def fraction(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """'a quarter of a million', 'half a million': the fraction of the scale word."""
    words = [t.lower_ for t in tokens[j : j + 6]]
    n = 1 if words[:1] == ["a"] else 0
    if len(words) <= n or words[n] not in FRACTIONS:
        return None
    tail = words[n + 1 :]
    for gap in (["a"], ["of", "a"]):
        scale = tail[len(gap)] if len(tail) > len(gap) and tail[: len(gap)] == gap else None
        if scale in SCALES:
            return int(FRACTIONS[words[n]] * SCALES[scale]), j + n + len(gap) + 2
    return None


def number_run(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The number starting at token j and the index after it: '28', 'twenty - eight', 'a dozen'."""
    k, words = j, []
    while k < len(tokens):
        low = tokens[k].lower_
        if DIGITS.match(low) or parse_words([low]) is not None:
            words.append(low)
        elif words and low in ("-", "and") and k + 1 < len(tokens) and parse_words([tokens[k + 1].lower_]):
            pass
        else:
            break
        k += 1
    if not words and j + 1 < len(tokens) and tokens[j].lower_ == "a" and tokens[j + 1].lower_ == "dozen":
        return 12, j + 2
    if not words:
        return None
    if len(words) > 1 and any(DIGITS.match(w) for w in words):
        words = words[:1]
        k = j + 1
    value = parse_words(words)
    return (value, k) if value is not None else None


def not_a_count(tokens: list[Token], j: int, k: int, lex: Lexicon) -> bool:
    """Dates, times, unit names ('Division 25'), ages, money, percentages, years."""
    before = tokens[j - 1] if j > 0 else None
    after = tokens[k] if k < len(tokens) else None
    first = tokens[j]
    if before is not None and (before.lower_ in MONTHS or before.text in {"$", "#", "No.", "№"}):
        return True
    people = any(t.lower_ in lex.victim_groups for t in tokens[k : k + 2])  # "bombing of Raqqa 20 civilians"
    if before is not None and before.text[:1].isupper() and before.pos_ == "PROPN" and first.is_digit \
            and not people:
        return True  # "Division 25", "Resolution 2254"
    if before is not None and before.lower_ in ADDRESS_PREPS and first.is_digit and k == j + 1 and after is not None \
            and after.pos_ == "PROPN" and after.text[:1].isupper() and not people:
        return True  # "On 11700 Robertson, one person has been killed": a house number, not 11700 victims
    if before is not None and before.text == ":" and j >= 2 and tokens[j - 2].text in ("ID", "No", "Number"):
        return True
    if before is not None and before.text == "," and j >= 2 and _named_or_person(tokens[j - 2], lex) and k == j + 1 \
            and after is not None and after.text in (",", ")") and first.is_digit and int(first.text) < 110:
        return True  # "Anusha Perera, 35, was killed", "The victim, 34, died": an age after a name or a person
    if after is not None and (after.lower_ in MONTHS or after.text in {":", "%", "-year", "th", "st", "nd"}):
        return True
    if after is not None and after.lower_ in {"percent", "pm", "am", "p.m.", "a.m.", "gmt", "hrs"}:
        return True
    if after is not None and after.text == "-" and k + 1 < len(tokens) and tokens[k + 1].lower_ in (
        "year", "years", "month", "day", "week", "hour",
    ):
        return True
    return first.is_digit and len(first.text) == 4 and 1900 <= int(first.text) <= 2100


def _named_or_person(token: Token, lex: Lexicon) -> bool:
    return token.tag_ == "NNP" or token.lower_ in lex.singular_person or token.lower_ in ("victim", "suspect", "teen")
