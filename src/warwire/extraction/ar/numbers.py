"""Arabic numbers over normalised words: digits (Eastern ones are normalised to ASCII), number words in
every gender and case ("ثلاثة", "خمس عشرة", "خمسة وعشرين", "ثلاثمئة"), and vague words ("عشرات")."""

from __future__ import annotations

from dataclasses import dataclass

from warwire.extraction.ar.lexicon import ArabicLexicon, variants


@dataclass(frozen=True)
class Number:
    value: int | None  # None: a vague word
    length: int  # words taken
    bounds: tuple[int | None, int | None] | None = None  # a vague word's implied range
    vague: str | None = None


def _digits(word: str) -> int | None:
    plain = word.replace(",", "")
    return int(plain) if plain.isdigit() and len(plain) <= 6 else None


def _unit(lex: ArabicLexicon, word: str) -> int | None:
    for v in variants(word):
        if v in lex.units:
            return lex.units[v]
    return None


def _tens(lex: ArabicLexicon, word: str, joined: bool) -> int | None:
    """Tens, written alone or joined by 'و' ('وعشرين' after a unit)."""
    forms = (word[1:],) if joined and word.startswith("و") else variants(word)
    for v in forms:
        if v in lex.tens:
            return lex.tens[v]
    return None


def parse_number(lex: ArabicLexicon, words: list[str], i: int) -> Number | None:
    """The number written from words[i], or None."""
    word = words[i]
    value = _digits(word)
    if value is not None:
        return Number(value, 1)
    for v in variants(word):
        if v in lex.vague:
            if v in lex.vague_needs_min and not (i + 1 < len(words) and words[i + 1] == "من"):
                return None  # 'عدد' alone is 'number', 'عدد من' is 'a number of'
            n = 2 if v in lex.vague_needs_min else 1
            return Number(None, n, lex.vague[v], v)
    return _word_number(lex, words, i)


def _word_number(lex: ArabicLexicon, words: list[str], i: int) -> Number | None:
    nxt = words[i + 1] if i + 1 < len(words) else ""
    unit = _unit(lex, words[i])
    if unit is not None:
        if unit < 10 and nxt in lex.teens:
            return Number(unit + 10, 2)
        tens = _tens(lex, nxt, joined=True) if nxt else None
        if tens is not None:
            return Number(unit + tens, 2)
        if nxt in lex.hundreds and lex.hundreds[nxt] == 100:
            return Number(unit * 100, 2)
        if nxt in lex.thousand:
            return Number(unit * 1000, 2)
        return Number(unit, 1)
    tens = _tens(lex, words[i], joined=False)
    if tens is not None:
        return Number(tens, 1)
    for v in variants(words[i]):
        if v in lex.hundreds:
            joined = _joined_rest(lex, words, i + 1)
            if joined is not None and joined.value is not None:
                return Number(lex.hundreds[v] + joined.value, 1 + joined.length)
            return Number(lex.hundreds[v], 1)
        if v in lex.thousand:
            return Number(1000, 1)
        if v in lex.thousands_two:
            return Number(2000, 1)
    return None


def _joined_rest(lex: ArabicLexicon, words: list[str], i: int) -> Number | None:
    """'مئة وخمسون', 'مئة وخمسة': the part after a hundred, joined by 'و'."""
    if i >= len(words) or not words[i].startswith("و") or len(words[i]) < 3:
        return None
    tens = _tens(lex, words[i], joined=True)
    if tens is not None:
        return Number(tens, 1)
    stem = words[i][1:]
    return _word_number(lex, [stem, *words[i + 1 : i + 2]], 0) if stem in lex.units else None
