"""Outcome triggers in a tagged sentence: 'killed', 'were wounded', 'shot dead', 'his body was found'.

A trigger knows its outcome and where its victims stand: on its left ("40 troops were killed"), its
right ("killing 5 soldiers"), either, next to it ("five deaths"), or after a toll noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from warwire import data
from warwire.lexicon import Lexicon
from warwire.lexicon import load as load_lexicon
from warwire.matching.scan import scan

LEXICON = load_lexicon()
# The word sets read around a trigger, each with its why and an example: data/lang/en/triggers.json.
_WORDS = data.load_json("triggers.json", "en")


def _words(name: str) -> frozenset[str]:
    return frozenset(_WORDS[name]["words"])


LEFT_SKIP = _words("left_skip")
NEGATION = _words("negation")
PASSIVE_TAGS = frozenset({"VBN"})


ACTIVE_TAGS = frozenset({"VBD", "VBG", "VBZ", "VBP", "VB"})


@dataclass
class Trigger:
    start: int
    end: int
    outcome: str
    direction: str  # "left", "right", "either", "toll"


def find_triggers(tokens: list[Token], lex: Lexicon) -> list[Trigger]:
    def at(i: int) -> Trigger | None:
        return _in_sense(tokens, _phrase_trigger(tokens, i, lex) or _word_trigger(tokens, i, lex), lex)

    return scan(len(tokens), at)


def _in_sense(tokens: list[Token], trig: Trigger | None, lex: Lexicon) -> Trigger | None:
    """A trigger used out of its sense is none: 'executed a search warrant', 'the execution of a court
    order' (the lexicon's out_of_sense objects, within the four words after the trigger)."""
    if trig is None or not lex.out_of_sense:
        return trig
    word = tokens[trig.start].lower_
    lemma = lex.lemma(word)
    objects = lex.out_of_sense.get(lemma) or lex.out_of_sense.get(word.removesuffix("s").removesuffix("ion") + "e")
    if objects and any(t.lower_ in objects for t in tokens[trig.end : trig.end + 4]):
        return None
    return trig


def _phrase_trigger(tokens: list[Token], i: int, lex: Lexicon) -> Trigger | None:
    if (tokens[i].lower_, tokens[i + 1].lower_ if i + 1 < len(tokens) else "") not in lex.phrase_starts:
        return _qualified_phrase(tokens, i, lex)
    for size in (4, 3, 2):
        key = tuple(t.lower_ for t in tokens[i : i + size])
        if len(key) == size and key in lex.phrases:
            direction = "right" if key[-1] == "of" else "either"
            return Trigger(i, i + size, lex.phrases[key], direction)
    return None


def _qualified_phrase(tokens: list[Token], i: int, lex: Lexicon) -> Trigger | None:
    """'received light injuries', 'sustained serious wounds': a two-word phrase with an adjective inside."""
    if i + 2 >= len(tokens) or tokens[i + 1].tag_ != "JJ" or (tokens[i + 1].lower_,) in lex.vague:
        return None  # "killing several of them": a count, not a phrase "killing of" with an adjective
    outcome = lex.phrases.get((tokens[i].lower_, tokens[i + 2].lower_))
    return Trigger(i, i + 3, outcome, "either") if outcome else None


def _word_trigger(tokens: list[Token], i: int, lex: Lexicon) -> Trigger | None:
    tok = tokens[i]
    low = tok.lower_
    lemma = lex.lemma(low)
    if low in lex.toll_nouns:
        before = {t.lower_ for t in tokens[max(0, i - 3) : i]}
        if before & SUPERSEDED:
            return None  # "updating an earlier toll of 15": superseded
        outcome = "wounded" if i > 0 and tokens[i - 1].lower_ in ("injury", "wounded") else "killed"
        return Trigger(i, i + 1, outcome, "toll")
    if lemma in lex.intransitive_lemmas:
        return Trigger(i, i + 1, lex.intransitive_lemmas[lemma], "left")
    tag = tok.tag_
    if tok.text[:1].isupper() and low in lex.verb_forms:  # title case: "Army Kills 10 Terrorists"
        tag = lex.verb_forms[low][1]
    if lemma in lex.verb_lemmas or low in lex.adjectives:
        outcome = lex.verb_lemmas.get(lemma) or lex.adjectives[low]
        if tag in ACTIVE_TAGS and low not in lex.adjectives:
            return Trigger(i, i + 1, outcome, "right")
        if tag == "VBD" or (tag in PASSIVE_TAGS and (low in lex.adjectives or _perfect(tokens, i))):
            return Trigger(i, i + 1, outcome, "either")
        return Trigger(i, i + 1, outcome, "left")
    if low in lex.nouns and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
        direction = "with" if _after_with(tokens, i) else "adjacent"  # "taken to hospital with minor injuries"
        return Trigger(i, i + 1, lex.nouns[low], direction)
    if low in LIFE_VERBS and _lives_counted(tokens, i + 1):
        return Trigger(i, i + 1, "killed", "right")  # "claimed over 1,000 lives", "takes hundreds of lives"
    if low in LIFE_VERBS and _a_life_claimed(tokens, i):
        return Trigger(i, i + 1, "killed", "right")  # "a shooting that claimed a woman's life"
    if low in MANNER and (end := _to_death(tokens, i + 1)) is not None:
        return Trigger(i, end, "killed", "to death")  # "shot a man to death"
    if low in ("body", "corpse") and (_found(tokens, i + 1) or _found_active(tokens, i)):
        return Trigger(i, i + 1, "killed", "remains")  # "His body was found the next day"
    if low == "shot" and _bare_passive(tokens, i, lex):
        return Trigger(i, i + 1, SHOT, "left")  # "X was shot": killed or wounded, as the report goes on
    if low in ("shot", "shoots", "shooting") and tok.tag_ in ACTIVE_TAGS and _hit_in_body(tokens, i + 1):
        return Trigger(i, i + 1, SHOT, "right")  # "accidentally shot his uncle in the stomach"
    if low in ("hitting", "striking", "hit", "struck") and tok.tag_ in ("VBG", "VBD") and _after_gunfire(tokens, i):
        return Trigger(i, i + 1, SHOT, "right")  # "opened fire on the group, hitting four teenagers"
    return None


PERFECT = _words("perfect")
SUPERSEDED = _words("superseded_toll")


def _perfect(tokens: list[Token], i: int) -> bool:
    """'Fighters have beheaded five men', 'had reportedly executed two': a perfect tense, active, whose
    victims follow (a passive 'have been executed' has 'been' before the participle)."""
    j = i - 1
    while j >= 0 and tokens[j].tag_ in ("RB", "RBR"):
        j -= 1
    return j >= 0 and tokens[j].lower_ in PERFECT


BODY_PARTS = _words("body_parts")
_GUNFIRE = _words("gunfire")


def _after_gunfire(tokens: list[Token], i: int) -> bool:
    """'fired shots into the crowd, hitting four people': a hit told right after the shooting."""
    return i > 1 and tokens[i - 1].text == "," and any(t.lower_ in _GUNFIRE for t in tokens[max(0, i - 12) : i])


def _hit_in_body(tokens: list[Token], k: int) -> bool:
    """'[shot] his co-worker in the face': an object, then 'in the/his <body part>' within a few words."""
    for j in range(k + 1, min(len(tokens) - 2, k + 8)):
        if tokens[j].text in (",", ".", ";"):
            return False
        if tokens[j].lower_ == "in" and tokens[j + 1].lower_ in ("the", "his", "her", "their") \
                and tokens[j + 2].lower_ in BODY_PARTS:
            return True
    return False


SHOT = "shot"  # an outcome the report settles elsewhere (document.py); never a claim's outcome itself


def _bare_passive(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """'was shot', 'were reportedly shot', 'was shot and taken to a hospital' with no outcome after it
    ('shot dead' and 'shot and killed' are phrases; 'shot down' is an aircraft)."""
    j = i - 1
    while j >= 0 and tokens[j].tag_ == "RB":
        j -= 1
    after = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
    if after == "and" and i + 2 < len(tokens):
        then = tokens[i + 2].lower_
        after = "and" if lex.lemma(then) in lex.verb_lemmas or then in lex.adjectives else ""
    return j >= 0 and tokens[j].lower_ in ("was", "were") and after not in ("dead", "and", "to", "down", "at")


def _after_with(tokens: list[Token], i: int) -> bool:
    """'with injuries', 'with serious, non-life-threatening injuries': the injuries of the clause's subject."""
    j = i - 1
    while j >= 0 and (tokens[j].tag_ in ("JJ", "HYPH", "VBG", ",") or tokens[j].text == "-"):
        j -= 1
    return j >= 0 and tokens[j].lower_ == "with"


def _a_life_claimed(tokens: list[Token], i: int) -> bool:
    """'claimed a woman's life', 'took the teenager's life': one person's life."""
    words = [t.lower_ for t in tokens[i + 1 : i + 6]]
    return "life" in words and any(w in ("'s", "’s") for w in words[: words.index("life")])


LIFE_VERBS = _words("life_verbs")


def _lives_counted(tokens: list[Token], k: int) -> bool:
    """'over 1,000 lives', 'hundreds of lives' (not 'the lives of 12 people', a phrase trigger of its own)."""
    for j in range(k, min(len(tokens), k + 6)):  # "claimed no fewer than 20 lives"
        if tokens[j].lower_ == "lives":
            before = tokens[j - 1].lower_
            return before != "the" and (tokens[j - 1].like_num or before == "of" or (before,) in LEXICON.vague)
        if tokens[j].text in (",", ".", ";"):
            return False
    return False


_HYPHENATED = "|".join(map(re.escape, _WORDS["hyphenated_deaths"]["words"]))
_HYPHENATED_DEATH = re.compile(rf"\b(?:{_HYPHENATED})-to-death\b", re.I)


def unhyphenate_deaths(text: str) -> str:
    """'shot-to-death' read as 'shot to death'; the same length, so offsets into the text still hold."""
    return _HYPHENATED_DEATH.sub(lambda m: m.group().replace("-", " "), text)


MANNER = _words("manner")


def _to_death(tokens: list[Token], k: int) -> int | None:
    """'shot [a man] to death': the index after 'death' when a short object stands before it."""
    for j in range(k + 1, min(len(tokens) - 1, k + 7)):
        if tokens[j].text in (",", ".", ";"):
            return None
        if tokens[j].lower_ == "to" and tokens[j + 1].lower_ == "death":
            return j + 2
    return None


FOUND = _words("found")


def _found_active(tokens: list[Token], i: int) -> bool:
    """'police found his body', 'recovered a body': the finder before the remains."""
    j = i - 1
    while j > 0 and tokens[j].tag_ == "JJ":  # "recovered an unidentified body"
        j -= 1
    return j >= 1 and tokens[j].lower_ in ("his", "her", "a", "an", "the") and tokens[j - 1].lower_ in FOUND


def _found(tokens: list[Token], k: int) -> bool:
    """'was found', 'was later discovered', 'had been recovered' right after the word."""
    words = [t.lower_ for t in tokens[k : k + 4]]
    while words and words[0] not in FOUND and words[0] in LEFT_SKIP | {"later", "finally"}:
        words.pop(0)
    found = bool(words) and words[0] in FOUND and words[1:2] != ["to"]  # not "was found to have"
    return found and k < len(tokens) and tokens[k].lower_ in ("was", "had", "has")


def in_name(token: Token) -> bool:
    """'Al-Aqsa Martyrs Brigade': a capitalised trigger word inside a name, mid-sentence."""
    return token.i > 0 and token.text[:1].isupper() and token.nbor(-1).text[:1].isupper()


def title_case(tokens: list[Token]) -> bool:
    """A headline in title case: the tagger's entities are unreliable there."""
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) / len(words) > 0.6


IRREALIS = _words("irrealis")


def irrealis(tokens: list[Token], trig: Trigger) -> bool:
    """'attempting to kill', 'threatened to kill the hostage': no one was killed."""
    k = trig.start
    if k >= 1 and tokens[k - 1].lower_ == "to" and tokens[k - 1].tag_ == "TO":
        return True  # "threatened to kill", "enough explosives to kill one person"
    return k >= 1 and tokens[k - 1].lower_ in IRREALIS


def negated(tokens: list[Token], trig: Trigger) -> bool:
    window = tokens[max(0, trig.start - 3) : trig.start]
    return any(t.lower_ in NEGATION for t in window) or _neither_subject(tokens, trig.start)


def _neither_subject(tokens: list[Token], k: int) -> bool:
    """'Neither the minister's wife nor his daughter ... were injured': the subject is denied."""
    for t in reversed(tokens[max(0, k - 25) : k]):
        if t.lower_ == "neither":
            return True
        if t.text in (";", ".") or t.lower_ in ("but", "however"):
            return False
    return False


TRIGGER_WORDS = frozenset(LEXICON.verb_forms) | frozenset(LEXICON.adjectives) | frozenset(LEXICON.nouns)
