"""Sentence spans over the article body, by punctuation, lines and abbreviations.

Cheap on purpose: every sentence is split, only those that can hold a figure are parsed.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen maj lt col sgt capt cpl pvt adm brig cmdr gov sen rep st jr sr prof rev no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k a.m p.m e.g i.e inc ltd co corp dept "
    "mt ft ave blvd".split()
)
MAX_SENTENCE = 5000  # characters; the longest real sentence in the dev sets is 3,303
# A sentence ends at . ! ? before a capital; scraped text often drops the space ("Mosul.The").
# A run of stops is tried from its first character only (the lookbehind): "." 40,000 times is one try,
# not one per character (which made the search quadratic); a match always takes the whole run anyway.
BOUNDARY = re.compile(r"(?<![.!?])[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|(?<=[a-z)][.!?])(?=[A-Z][a-z])")
WORD_BEFORE = 40  # characters read back for the word before a stop (no abbreviation is longer)


def split_sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within the given body line spans."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cursor = start
        for match in BOUNDARY.finditer(text, start, end):
            if _after_abbreviation(text, cursor, match.start()):
                continue
            out.append(_trim(text, cursor, match.end()))
            cursor = match.end()
        if cursor < end:
            out.append(_trim(text, cursor, end))
    return [piece for s in out if s[1] > s[0] for piece in _pieces(text, *s)]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run-on 'sentence' (a table, a list without stops) in pieces of at most MAX_SENTENCE characters,
    cut at a space: the parser and the per-sentence patterns then see bounded input."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append(_trim(text, start, cut))
        start = cut
    pieces.append(_trim(text, start, end))
    return [p for p in pieces if p[1] > p[0]]


def _after_abbreviation(text: str, start: int, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(start, dot - WORD_BEFORE) : dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
