"""Noun runs after a number: the modifiers and victim noun of a count ('Syrian Army servicemen'), the group
its head noun or modifiers name, a head two modifiers share ('regime and rebel fighters')."""

from __future__ import annotations

from spacy.tokens import Token

from warwire.lexicon import Lexicon

NOUNISH = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def is_trigger(token: Token, lex: Lexicon) -> bool:
    low = token.lower_
    return low in lex.adjectives or low in lex.nouns or low in lex.verb_forms


def _time_at(tokens: list[Token], m: int, lex: Lexicon) -> bool:
    """'yesterday', 'early Sunday': a time word (or one opened by 'early', 'late') ends a noun run."""
    low = tokens[m].lower_
    nxt = tokens[m + 1].lower_ if m + 1 < len(tokens) else ""
    return low in lex.time_words or (low in ("early", "late", "last") and nxt in lex.time_words)


def noun_run(tokens: list[Token], m: int, lex: Lexicon) -> int:
    """Index after the run of modifiers and nouns starting at m ('Syrian Army servicemen')."""
    while m < len(tokens):
        tok = tokens[m]
        if tok.is_space and m > 0 and m + 1 < len(tokens) and tokens[m + 1].pos_ in NOUNISH:
            m += 1  # "a U.S.  military attache": a doubled space inside the phrase
            continue
        if is_trigger(tok, lex) or tok.lower_ in ("more", "and", "or", "who", "which", "that") \
                or _time_at(tokens, m, lex):
            break
        if tok.lower_ == "of" and _name_goes_on(tokens, m, lex):
            m += 1  # "an Islamic Movement of Uzbekistan facilitator": 'of' inside a group's name
            continue
        if m + 1 < len(tokens) and (tok.lower_, tokens[m + 1].lower_) in lex.phrase_starts:
            break  # "the other four sustained injuries": a trigger phrase, not a modifier
        # Compound modifiers ("foreign-backed", "high-ranking") are split by the tokenizer.
        if tok.text == "-" and m + 1 < len(tokens) and tokens[m + 1].is_alpha:
            m += 2
            continue
        if m + 2 < len(tokens) and tokens[m + 1].text == "-" and (tok.is_alpha or tok.like_num) \
                and tokens[m + 2].is_alpha:  # "high-ranking", "53-year-old"
            m += 3
            continue
        if tok.text == "(" and m + 2 < len(tokens) and tokens[m + 2].text == ")":  # "Security Force (SF) member"
            m += 3
            continue
        participle = (
            tok.tag_ in ("VBN", "VBG") and m + 1 < len(tokens) and tokens[m + 1].pos_ in ("NOUN", "PROPN", "ADJ")
            and not _after_person(tokens, m, lex)  # "a truck driver carrying cement": the driver is the head
            and tok.lower_ not in ("including", "among")
            and (tok.lower_, tokens[m + 1].lower_) not in lex.phrase_starts
        )
        if not (tok.pos_ in NOUNISH or tok.tag_ == "POS" or tok.text in ("’s", "'s") or participle):
            break
        if (tok.pos_ == "NUM" or tok.like_num) and [t.lower_ for t in tokens[m + 1 : m + 3]] in AGE:
            m += 3  # "a 25 year old woman": an age, not a count
            continue
        if (tok.pos_ == "NUM" or tok.like_num) and tok.lower_ not in ORDINALS:
            break  # a count ends the run; an ordinal is a modifier ("the Second Secretary")
        m += 1
    return m


def _name_goes_on(tokens: list[Token], m: int, lex: Lexicon) -> bool:
    """'of' between two capitalised name words, neither a person noun ('Governor of Helmand' is a person)."""
    if m == 0 or m + 1 >= len(tokens):
        return False
    before, after = tokens[m - 1], tokens[m + 1]
    return before.pos_ == "PROPN" and after.pos_ == "PROPN" and before.is_title and after.is_title \
        and before.lower_ not in lex.victim_groups and before.lower_ not in lex.singular_person \
        and before.lower_ not in lex.titles


ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


AGE = (["year", "old"], ["years", "old"])


def _after_person(tokens: list[Token], m: int, lex: Lexicon) -> bool:
    """A participle right after a person noun opens a phrase about that person, not a modifier."""
    return m > 0 and tokens[m - 1].lower_ in lex.singular_person


def head_group(tokens: list[Token], head: int, lex: Lexicon) -> tuple[str | None, bool | None]:
    """(group from the head noun, is it a person)."""
    tok = tokens[head]
    keys = [tok.lower_, tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_]
    if head > 0:
        keys.insert(0, f"{tokens[head - 1].lower_} {tok.lower_}")
    for key in keys:
        if key in lex.victim_groups:
            return lex.victim_groups[key], True
    if tok.lower_ in lex.not_victims:
        return None, False
    # Demonyms as victims ("15 Kurds", "two Iraqis"): people, group unknown.
    if tok.lower_ in lex.demonyms:
        return "unspecified", True
    return None, None  # unknown noun: a person only if a kill or wound verb says so


def modifier_group(tokens: list[Token], lex: Lexicon) -> str | None:
    lows = [t.lower_ for t in tokens]
    if "anti" in lows or "anti-government" in lows:
        return "armed_groups"
    found = []
    for n in (2, 1):
        for a in range(len(lows) - n + 1):
            key = " ".join(lows[a : a + n])
            if key in lex.group_modifiers:
                found.append(lex.group_modifiers[key])
    if len(set(found)) > 1 and "and" in lows:
        return "unspecified"  # "regime and rebel fighters"
    return found[0] if found else None


def shared_head(tokens: list[Token], end: int, lex: Lexicon) -> int:
    """'70 regime and rebel fighters': two modifiers sharing one victim noun."""
    if end < len(tokens) and tokens[end].lower_ == "and" and end > 0:
        after = noun_run(tokens, end + 1, lex)
        joined = after > end + 1 and head_group(tokens, after - 1, lex)[1]
        if not head_group(tokens, end - 1, lex)[1]:
            return after if joined else end  # "70 regime and rebel fighters"
        if joined and tokens[after - 1].tag_ == "NNS" and tokens[end + 1].pos_ in ("NOUN", "ADJ"):
            return after  # "18 women and children"; not "two policemen and a civilian"
    return end


MEMBER_NOUNS = frozenset("officers members commanders leaders officials fighters".split())


def member_of(tokens: list[Token], head: int, end: int, lex: Lexicon) -> str | None:
    """'three officers of the rebel Free Syrian Army': a rank or membership noun takes the side of the
    body it belongs to, named after 'of' (up to the clause's next punctuation)."""
    if tokens[head].lower_ not in MEMBER_NOUNS or end >= len(tokens) or tokens[end].lower_ != "of":
        return None
    limit = min(len(tokens), end + 9)
    stop = next((n for n in range(end + 1, limit) if tokens[n].pos_ == "PUNCT" and tokens[n].text not in "-–"),
                limit)
    return modifier_group(tokens[end + 1 : stop], lex)
