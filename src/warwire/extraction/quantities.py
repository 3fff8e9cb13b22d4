"""Quantity mentions in a parsed sentence: '[qualifier] number [modifiers] victim-noun'.

A quantity is a candidate victim count; casualties.py links it to an outcome trigger. Numbers that
name things other than people (vehicles, villages, units, dates, ages) are left out here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from warwire.extraction.numbers import DIGITS, SCALES, UNITS, parse_words
from warwire.lexicon import Lexicon
from warwire.matching.scan import scan

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
IMPLICIT_DETS = frozenset({"a", "an", "another"})
DEFINITE_DETS = frozenset({"the", "his", "her", "their", "its"})
NOUNISH = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


@dataclass
class Quantity:
    start: int  # token index (sentence-relative) where the phrase starts, qualifier included
    end: int  # token index after the phrase
    value: int | None
    qualifier: str
    vague: str | None
    bounds: tuple[int | None, int | None, int | None]  # low, best, high
    head: int | None  # the victim noun; None for a bare number ("two were killed")
    group: str
    victims: str | None
    person: bool | None  # the head is a person (or there is no head); None: unknown noun
    implicit: bool = False  # "a civilian", "the commander": a count of one not written as a number
    definite: bool = False  # "the commander": counts only when it is the direct victim
    toll: bool = False  # the figure of a "death toll": its victims are whoever the toll counts
    indefinite: bool = False  # "a garbage collector": someone, even when the noun is not in the lexicon
    pronoun: bool = False  # "they were found dead": counted as the victims told just before
    companion: bool = False  # "killed along with his driver": someone besides the victims already named

    def with_group(self, group: str) -> Quantity:
        self.group = group
        return self


def find_quantities(sent: Span, lex: Lexicon) -> list[Quantity]:
    tokens = list(sent)
    starts = _starters(lex)

    def at(i: int) -> Quantity | None:
        tok = tokens[i]
        if not (tok.tag_ in ("NNP", "NNPS") or tok.like_num or tok.lower_ in starts):
            return None  # most words can open no quantity: skip the full tries
        return _person_at(tokens, i, lex) or _quantity_at(tokens, i, lex)

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
        j += _number_run(tokens, j + 1) is not None  # "another six people": six more, not one
    number = _fraction(tokens, j) or _number_run(tokens, j)
    if number is not None:
        value, k = number
        if [t.lower_ for t in tokens[k : k + 2]] in AGE:
            return None  # "a 25 year old woman": the article counts her, the number is her age
        if _not_a_count(tokens, j, k, lex):
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
        return _implicit_at(tokens, i, lex)
    return None


FRACTIONS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}


def _fraction(tokens: list[Token], j: int) -> tuple[int, int] | None:
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


def _number_run(tokens: list[Token], j: int) -> tuple[int, int] | None:
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


def _not_a_count(tokens: list[Token], j: int, k: int, lex: Lexicon) -> bool:
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


def _is_trigger(token: Token, lex: Lexicon) -> bool:
    low = token.lower_
    return low in lex.adjectives or low in lex.nouns or low in lex.verb_forms


def _noun_run(tokens: list[Token], m: int, lex: Lexicon) -> int:
    """Index after the run of modifiers and nouns starting at m ('Syrian Army servicemen')."""
    while m < len(tokens):
        tok = tokens[m]
        if tok.is_space and m > 0 and m + 1 < len(tokens) and tokens[m + 1].pos_ in NOUNISH:
            m += 1  # "a U.S.  military attache": a doubled space inside the phrase
            continue
        if _is_trigger(tok, lex) or tok.lower_ in ("more", "and", "or", "who", "which", "that"):
            break
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


ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


AGE = (["year", "old"], ["years", "old"])


def _after_person(tokens: list[Token], m: int, lex: Lexicon) -> bool:
    """A participle right after a person noun opens a phrase about that person, not a modifier."""
    return m > 0 and tokens[m - 1].lower_ in lex.singular_person


def _head_group(tokens: list[Token], head: int, lex: Lexicon) -> tuple[str | None, bool | None]:
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


def _shared_head(tokens: list[Token], end: int, lex: Lexicon) -> int:
    """'70 regime and rebel fighters': two modifiers sharing one victim noun."""
    if end < len(tokens) and tokens[end].lower_ == "and" and end > 0:
        after = _noun_run(tokens, end + 1, lex)
        joined = after > end + 1 and _head_group(tokens, after - 1, lex)[1]
        if not _head_group(tokens, end - 1, lex)[1]:
            return after if joined else end  # "70 regime and rebel fighters"
        if joined and tokens[after - 1].tag_ == "NNS" and tokens[end + 1].pos_ in ("NOUN", "ADJ"):
            return after  # "18 women and children"; not "two policemen and a civilian"
    return end


def _with_head(
    tokens: list[Token], i: int, k: int, lex: Lexicon, *, value: int | None, qualifier: str,
    vague: str | None = None,
) -> Quantity | None:
    m = k
    while m < len(tokens) and tokens[m].lower_ in ("more", "additional", "other", "others"):
        if tokens[m].lower_ == "others":
            return _build(tokens, i, m + 1, m, [], "unspecified", True, value, qualifier, vague)
        m += 1
    if m < len(tokens) and tokens[m].lower_ == "of":
        m += 1
        while m < len(tokens) and tokens[m].pos_ in ("DET", "PRON") and tokens[m].lower_ != "them":
            m += 1
        if m < len(tokens) and tokens[m].lower_ in ("them", "those", "whom"):
            return _build(tokens, i, m + 1, m, [], "unspecified", True, value, qualifier, vague)
    end = _noun_run(tokens, m, lex)
    end = _shared_head(tokens, end, lex)
    if end == m:
        return _build(tokens, i, k, None, [], "unspecified", True, value, qualifier, vague)
    head = end - 1
    group, person = _head_group(tokens, head, lex)
    modifiers = tokens[m:head]
    group = modifier_group(modifiers, lex) or _member_of(tokens, head, end, lex) or group or "unspecified"
    return _build(tokens, i, end, head, tokens[m:end], group, person, value, qualifier, vague)


MEMBER_NOUNS = frozenset("officers members commanders leaders officials fighters".split())


def _member_of(tokens: list[Token], head: int, end: int, lex: Lexicon) -> str | None:
    """'three officers of the rebel Free Syrian Army': a rank or membership noun takes the side of the
    body it belongs to, named after 'of' (up to the clause's next punctuation)."""
    if tokens[head].lower_ not in MEMBER_NOUNS or end >= len(tokens) or tokens[end].lower_ != "of":
        return None
    limit = min(len(tokens), end + 9)
    stop = next((n for n in range(end + 1, limit) if tokens[n].pos_ == "PUNCT" and tokens[n].text not in "-–"),
                limit)
    return modifier_group(tokens[end + 1 : stop], lex)


def _build(
    tokens: list[Token], i: int, end: int, head: int | None, phrase: list[Token], group: str,
    person: bool | None, value: int | None, qualifier: str, vague: str | None,
) -> Quantity:
    if value is None:
        bounds: tuple[int | None, int | None, int | None] = (None, None, None)
    elif qualifier == "at_least":
        bounds = (value, value, None)
    elif qualifier == "at_most":
        bounds = (None, value, value)
    else:
        bounds = (value, value, value)
    victims = "".join(t.text_with_ws for t in phrase).strip() or None
    if head is not None and not phrase:
        victims = tokens[head].text
    return Quantity(i, end, value, qualifier, vague, bounds, head, group, victims, person)


TITLES = frozenset(
    "major general gen. gen lt. lt lieutenant col. col colonel capt. capt captain sgt. sgt sergeant brig. "
    "brigadier commander cmdr. police officer corporal private admiral judge councilor councillor mayor "
    "governor sheikh shaykh imam dr. dr mr. mr mrs. mrs ms. president minister deputy senator journalist "
    "reporter colonel-general constable inspector sub-inspector rabbi mullah maulana cleric scholar "
    "announcer".split()
)


MILITARY_TITLES = frozenset(
    "major general gen. gen lt. lt lieutenant col. col colonel capt. capt captain sgt. sgt sergeant brig. "
    "brigadier commander cmdr. police officer corporal private admiral colonel-general constable inspector "
    "sub-inspector".split()
)


def _person_at(tokens: list[Token], i: int, lex: Lexicon) -> Quantity | None:
    """A named person ('Major Robert Perry', 'Jaffar Hassan, a professor'): a count of one."""
    end = _name_run(tokens, i, lex)
    if end is None:
        return None
    start = i
    while start > 0 and tokens[start - 1].lower_ in TITLES:
        start -= 1
    titles = {t.lower_ for t in tokens[start:i]}
    group = ("state_forces" if titles & MILITARY_TITLES else "civilians" if titles
             else _apposition_group(tokens, end, lex))
    if titles and start > 0:  # "insurgent commander Abu Omar", "Taliban commander X"
        group = modifier_group(tokens[start - 1 : start], lex) or group
    victims = "".join(t.text_with_ws for t in tokens[start:end]).strip()
    quantity = Quantity(start, end, 1, "exact", None, (1, 1, 1), end - 1, group, victims, True, True)
    quantity.definite = True
    return quantity


def _name_run(tokens: list[Token], i: int, lex: Lexicon) -> int | None:
    """End of a person's name starting at i: two or more proper nouns ('Jaffar Hassan', 'Abdul-Wahab
    Jabr Halloub'), or one after a title, not an organisation ('Islamic State', 'Syrian Army') nor
    followed by a noun."""
    after_title = i > 0 and tokens[i - 1].lower_ in TITLES
    if tokens[i].tag_ != "NNP" or (i > 0 and tokens[i - 1].tag_ in ("NNP", "NNPS") and not after_title) \
            or tokens[i].lower_ in lex.demonyms or tokens[i].lower_ in TITLES or _after_locative(tokens, i):
        return None
    end, words = i, 0
    while end < len(tokens) and (tokens[end].tag_ in ("NNP", "NNPS") or (tokens[end].text == "-" and words)):
        if tokens[end].lower_ in lex.name_words or tokens[end].lower_ in lex.victim_groups:
            return None
        words += tokens[end].text != "-"
        end += 1
    if words < (1 if after_title else 2) or (end < len(tokens) and tokens[end].pos_ in ("NOUN", "PROPN")):
        return None  # a title makes one name word a person ("Colonel Allahyar", "Sheikh Hamad")
    return end


def _after_locative(tokens: list[Token], i: int) -> bool:
    """'a couple from Avnei Hefetz', 'killed in Dera Bugti': a name after a word of place is a place."""
    return i > 0 and tokens[i - 1].lower_ in ("in", "near", "from", "outside", "inside")


def _apposition_group(tokens: list[Token], end: int, lex: Lexicon) -> str:
    """', a professor at ...' / ', the police chief,': the group the apposition names."""
    if end + 1 < len(tokens) and tokens[end].text == "," and tokens[end + 1].lower_ in ("a", "an", "the"):
        run = _noun_run(tokens, end + 2, lex)
        phrase = tokens[end + 2 : run]
        if phrase:
            group, _ = _head_group(tokens, run - 1, lex)
            return modifier_group(phrase[:-1], lex) or group or "unspecified"
    return "unspecified"


def _implicit_at(tokens: list[Token], i: int, lex: Lexicon) -> Quantity | None:
    """'a civilian', 'an office boy', 'the Taliban leader', 'his wife', 'another': a count of one."""
    det = tokens[i].lower_
    if _named_owner(tokens, i):
        return _owned_person(tokens, i, lex)
    if det not in IMPLICIT_DETS and det not in DEFINITE_DETS:
        return None
    end = _noun_run(tokens, i + 1, lex)
    if end == i + 1:
        if det == "another":
            return Quantity(i, i + 1, 1, "exact", None, (1, 1, 1), None, "unspecified", None, True, True)
        return None
    head = tokens[end - 1]
    if _age_noun(tokens, end):
        return _aged_person(tokens, i, end, det)
    demonym = head.lower_ in lex.demonyms and det in IMPLICIT_DETS and not head.lower_.endswith("s")
    if (head.tag_ in ("NNS", "NNPS") and det not in IMPLICIT_DETS) or (
            head.pos_ not in ("NOUN", "PROPN") and not demonym):  # "killed a Palestinian returning from X"
        return None
    group, person = _head_group(tokens, end - 1, lex)
    if head.lower_ not in lex.singular_person and not demonym:
        if person is False:
            return None
        group, person = "unspecified", None
    group = modifier_group(tokens[i + 1 : end - 1], lex) or group or "unspecified"
    victims = "".join(t.text_with_ws for t in tokens[i + 1 : end]).strip()
    pair = head.lower_ == "couple" and not (end < len(tokens) and tokens[end].lower_ == "of")  # "an elderly couple"
    count = 2 if pair else 1
    quantity = Quantity(i, end, count, "exact", None, (count, count, count), end - 1, group, victims,
                        person is not False, True)
    quantity.person = True if (head.lower_ in lex.singular_person or demonym) else None
    quantity.definite = det in DEFINITE_DETS
    quantity.indefinite = det in ("a", "an")
    return quantity


def _named_owner(tokens: list[Token], i: int) -> bool:
    return tokens[i].tag_ == "NNP" and i + 2 < len(tokens) and tokens[i + 1].tag_ == "POS"


def _owned_person(tokens: list[Token], i: int, lex: Lexicon) -> Quantity | None:
    """"Dar's wife", "Ashraf's driver": one person, told by whose they are (a person noun only: not
    "Syria's army")."""
    head = tokens[i + 2]
    if head.lower_ not in lex.singular_person or head.tag_ != "NN":
        return None
    group = lex.victim_groups.get(head.lower_, "unspecified")
    quantity = Quantity(i, i + 3, 1, "exact", None, (1, 1, 1), i + 2, group, head.text, True, True)
    quantity.definite = True
    return quantity


def _age_noun(tokens: list[Token], end: int) -> bool:
    """'a 15-year-old', 'the two year old': an age standing for the person."""
    return end >= 3 and tokens[end - 1].lower_ == "old" and tokens[end - 2].text in ("-", "year", "years") \
        and "year" in (tokens[end - 2].lower_, tokens[end - 3].lower_)


def _aged_person(tokens: list[Token], i: int, end: int, det: str) -> Quantity:
    victims = "".join(t.text_with_ws for t in tokens[i + 1 : end]).strip()
    quantity = Quantity(i, end, 1, "exact", None, (1, 1, 1), end - 1, "unspecified", victims, True, True)
    quantity.definite = det in DEFINITE_DETS
    quantity.indefinite = det in ("a", "an")
    return quantity
