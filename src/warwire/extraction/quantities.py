"""Quantity mentions in a parsed sentence: '[qualifier] number [modifiers] victim-noun'.

A quantity is a candidate victim count; casualties.py links it to an outcome trigger. Numbers that
name things other than people (vehicles, villages, units, dates, ages) are left out here. The parts:
numbers.py (number runs, what counts no one), noun_runs.py (the victim noun and its group), persons.py
(counts of one not written as a number), quantity.py (the record).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from warwire.extraction.noun_runs import AGE, head_group, member_of, modifier_group, noun_run, shared_head
from warwire.extraction.numbers import FRACTIONS, SCALES, UNITS, fraction, not_a_count, number_run
from warwire.extraction.persons import DEFINITE_DETS, IMPLICIT_DETS, implicit_at, person_at, role_with_name_at
from warwire.extraction.quantity import Quantity, build
from warwire.lexicon import Lexicon
from warwire.matching.scan import scan


def find_quantities(sent: Span, lex: Lexicon) -> list[Quantity]:
    tokens = list(sent)
    starts = _starters(lex)

    def at(i: int) -> Quantity | None:
        tok = tokens[i]
        if not (tok.tag_ in ("NNP", "NNPS") or tok.like_num or tok.lower_ in starts):
            return None  # most words can open no quantity: skip the full tries
        return person_at(tokens, i, lex) or _quantity_at(tokens, i, lex) or (
            role_with_name_at(tokens, i, lex) if tok.tag_ == "NNP" else None)

    return scan(len(tokens), at)


_STARTERS: dict[int, frozenset[str]] = {}


def _starters(lex: Lexicon) -> frozenset[str]:
    """Lowercased words that can open a quantity other than a name or a number."""
    found = _STARTERS.get(id(lex))
    if found is None:
        words = {k[0] for k in lex.qualifiers} | {k[0] for k in lex.vague} | set(UNITS) | set(SCALES)
        words |= IMPLICIT_DETS | DEFINITE_DETS | set(FRACTIONS) | {"a", "an", "another", "additional", "further"}
        found = _STARTERS[id(lex)] = frozenset(words)
    return found


_FIRST_WORDS: dict[int, frozenset[str]] = {}


def _match(tokens: list[Token], i: int, table: dict) -> tuple[tuple[str, ...], int] | None:
    """Longest phrase of `table` starting at token i (lowercased)."""
    first = _FIRST_WORDS.get(id(table))
    if first is None:
        first = _FIRST_WORDS[id(table)] = frozenset(key[0] for key in table)
    if i >= len(tokens) or tokens[i].lower_ not in first:
        return None
    for size in (4, 3, 2, 1):
        key = tuple(t.lower_ for t in tokens[i : i + size])
        if len(key) == size and key in table:
            return key, i + size
    return None


def _quantity_at(tokens: list[Token], i: int, lex: Lexicon) -> Quantity | None:
    qualifier, j = "exact", i
    qual = _match(tokens, i, lex.qualifiers)
    if qual and qual[0] not in (("the",), ("all",), ("another",)):
        qualifier, j = lex.qualifiers[qual[0]], qual[1]
    if j + 1 < len(tokens) and tokens[j].lower_ in ("another", "additional", "further"):
        j += number_run(tokens, j + 1) is not None  # "another six people": six more, not one
    number = fraction(tokens, j) or number_run(tokens, j)
    if number is not None:
        value, k = number
        if [t.lower_ for t in tokens[k : k + 2]] in AGE:
            return None  # "a 25 year old woman": the article counts her, the number is her age
        if not_a_count(tokens, j, k, lex):
            return None
        return _with_head(tokens, i, k, lex, value=value, qualifier=qualifier)
    vague = _match(tokens, j, lex.vague)
    if vague is not None and not (j > 0 and tokens[j - 1].lower_ in ("how", "so", "too")):
        word, k = vague
        low, best, high = lex.vague[word]
        quantity = _with_head(tokens, i, k, lex, value=None, qualifier="vague", vague=" ".join(word))
        if quantity is not None:
            quantity.bounds = (low, best, high)
            quantity.vague = " ".join(t.text for t in tokens[j:k])
            if quantity.head is None and word in {("many",), ("few",), ("multiple",)}:
                return None  # "many were wounded" without a noun is too loose to count
        return quantity
    if qualifier == "exact":
        return implicit_at(tokens, i, lex)
    return None


def _with_head(
    tokens: list[Token], i: int, k: int, lex: Lexicon, *, value: int | None, qualifier: str,
    vague: str | None = None,
) -> Quantity | None:
    m = k
    while m < len(tokens) and tokens[m].lower_ in ("more", "additional", "other", "others"):
        if tokens[m].lower_ == "others":
            return build(tokens, i, m + 1, m, [], "unspecified", True, value, qualifier, vague)
        m += 1
    if m < len(tokens) and tokens[m].lower_ == "of":
        m += 1
        while m < len(tokens) and tokens[m].pos_ in ("DET", "PRON") and tokens[m].lower_ != "them":
            m += 1
        if m < len(tokens) and tokens[m].lower_ in ("them", "those", "whom"):
            return build(tokens, i, m + 1, m, [], "unspecified", True, value, qualifier, vague)
    end = noun_run(tokens, m, lex)
    end = shared_head(tokens, end, lex)
    if end == m:
        return build(tokens, i, k, None, [], "unspecified", True, value, qualifier, vague)
    head = end - 1
    group, person = head_group(tokens, head, lex)
    modifiers = tokens[m:head]
    group = modifier_group(modifiers, lex) or member_of(tokens, head, end, lex) or group or "unspecified"
    return build(tokens, i, end, head, tokens[m:end], group, person, value, qualifier, vague)
