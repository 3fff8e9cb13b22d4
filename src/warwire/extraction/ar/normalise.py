"""Arabic text normalised for matching, with a map back to offsets in the text as given.

Alef and hamza forms, taa marbuta, alef maqsura and Eastern digits map one character to one; diacritics,
tatweel and invisible marks are dropped; a separator standing between two letters of one word (posts
write "قـ.ـتل" to dodge filters) is dropped too. A taa marbuta or alef maqsura before a letter ends a word
glued to the next (posts lose their line breaks: "السويديةاستشهد"): a space is put after it.
`Normalised.offset(i)` is the given text's offset of normalised character i.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warwire.extraction.ar.pack import load

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
WORD_FINAL = frozenset("ةى")  # taa marbuta and alef maqsura end a word


@dataclass(frozen=True)
class Normalised:
    text: str
    offsets: list[int]  # offsets[i]: index in the given text of text[i]; one extra entry: the end

    def offset(self, i: int) -> int:
        return self.offsets[i]


@cache
def _tables() -> tuple[dict[int, str], frozenset[str], frozenset[str]]:
    data = load("normalise")
    letters = {ord(k): v for k, v in data["letters"].items()}
    dropped = frozenset(data["dropped"].split()) | frozenset(data["invisible"])
    return letters, dropped, frozenset(data["dodging_separators"])


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


def normalise(text: str) -> Normalised:
    letters, dropped, separators = _tables()
    out: list[str] = []
    offsets: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in dropped:
            i += 1
            continue
        if ch == " " and i and text[i - 1] == "ـ" and i + 1 < n and text[i + 1] == "ـ":
            i += 1  # 'شهـ ـداء': a word cut by a space between two tatweels
            continue
        if ch in separators and out and _is_letter(out[-1]):
            j = i  # a run of separators, tatweels and marks between two letters: dropped
            while j < n and (text[j] in separators or text[j] in dropped):
                j += 1
            if j < n and _is_letter(text[j]) and j - i <= 4 and (j - i > 1 or _dodge_context(text, i, out)):
                i = j
                continue
        out.append(letters.get(ord(ch), ch))
        offsets.append(i)
        i += 1
        if ch in WORD_FINAL and i < n and _is_letter(text[i]):
            out.append(" ")  # 'السويديةاستشهد': a letter only written last in a word ends one glued to the next
            offsets.append(i)
    offsets.append(n)
    return Normalised("".join(out), offsets)


def _dodge_context(text: str, i: int, out: list[str]) -> bool:
    """A lone separator between letters joins a word unless it is a full stop glued to the next sentence
    ("...في إدلب.قصف"): a '.' joins only after one or two letters ("ق.تل"), no word a sentence ends on."""
    if text[i] != ".":
        return True
    left = 0
    while left < len(out) and _is_letter(out[-1 - left]):
        left += 1
    return left <= 2


@cache
def norm_word(word: str) -> str:
    """A lexicon word or phrase normalised the same way as text."""
    return " ".join(normalise(word).text.split())
