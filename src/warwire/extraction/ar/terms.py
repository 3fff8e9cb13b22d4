"""Salient terms of an Arabic report for cross-report linking: its normalised words, the article and
attached conjunctions/prepositions taken off ('وبالقصف' -> 'قصف'), without function words and the words of
every report (data/lang/ar/link.json). The idf over the reports linked so far does the rest: a village,
a roundabout or a victim's name weighs much, 'قصف' little. English reports use capitalised words instead
(ledger/features.py): Arabic has no capitals."""

from __future__ import annotations

import re
from functools import cache

from warwire.extraction.ar.normalise import norm_word, normalise
from warwire.extraction.ar.pack import load

WORD = re.compile(r"[\u0621-\u064A]{3,}")


@cache
def _tables() -> tuple[tuple[str, ...], frozenset[str]]:
    data = load("link")
    prefixes = tuple(sorted((norm_word(p) for p in data["article_prefixes"]), key=len, reverse=True))
    return prefixes, frozenset(norm_word(w) for w in data["stop_words"])


def stem(word: str, prefixes: tuple[str, ...]) -> str:
    for p in prefixes:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word


def arabic_terms(title: str | None, text: str | None) -> frozenset[str]:
    prefixes, stop = _tables()
    found = WORD.findall(normalise((title or "") + "\n" + (text or "")).text)
    out = {stem(w, prefixes) for w in found if w not in stop}
    return frozenset(out - stop)
