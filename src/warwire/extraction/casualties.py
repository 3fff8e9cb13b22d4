"""Casualty figures in one parsed sentence: quantities linked to outcome triggers.

Linking is by position, which holds up on headlines and telegraphic text where a small parser
stumbles: a passive or intransitive trigger takes the victims on its left ("40 troops were killed",
"28 civilians died"), an active one those on its right ("killing 5 soldiers"); coordinated victims
share a trigger ("two policemen and a civilian were killed"). The parse is the fallback for a named
person ("X, a judge, was shot dead").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from warwire.extraction.lexicon import Lexicon
from warwire.extraction.lexicon import load as load_lexicon
from warwire.extraction.quantities import Quantity, find_quantities
from warwire.extraction.scan import scan

LEXICON = load_lexicon()
LEFT_SKIP = frozenset(
    "were was are is been have has had be being got get reportedly also allegedly later all both each "
    "then subsequently apparently now already tragically fatally seriously critically lightly slightly "
    "badly severely mortally instantly immediately more who that which since thereby too initially "
    "eventually confirmed believed said feared reported estimated thought known presumed to found ".split()
)
RIGHT_SKIP = frozenset(["off", "down", "also", "reportedly", "instantly"])
CONJ = frozenset({"and", ",", "as well as", "along with", "plus", "&"})
SUBSET_CUES = frozenset({"including", "among", "whom", "incl", "included"})
NEGATION = frozenset({"not", "n't", "no", "never", "nobody", "none"})
PASSIVE_TAGS = frozenset({"VBN"})
ACTIVE_TAGS = frozenset({"VBD", "VBG", "VBZ", "VBP", "VB"})


@dataclass
class Trigger:
    start: int
    end: int
    outcome: str
    direction: str  # "left", "right", "either", "toll"


@dataclass
class Figure:
    """A casualty figure found in a sentence, before it is grouped into a claim."""

    outcome: str
    quantity: Quantity
    char_start: int  # offsets of the figure within the sentence text
    char_end: int
    additive: bool = False  # "was also killed", "another three were wounded": more victims, not a retelling
    part: bool = False  # a part of the claim's total ("13 of them in two districts"): evidence, not a bound
    anaphoric: bool = False  # "his body was found": a victim already told of, wherever the body lay


def find_triggers(tokens: list[Token], lex: Lexicon) -> list[Trigger]:
    return scan(len(tokens), lambda i: _phrase_trigger(tokens, i, lex) or _word_trigger(tokens, i, lex))


def _phrase_trigger(tokens: list[Token], i: int, lex: Lexicon) -> Trigger | None:
    if (tokens[i].lower_, tokens[i + 1].lower_ if i + 1 < len(tokens) else "") not in lex.phrase_starts:
        return None
    for size in (4, 3, 2):
        key = tuple(t.lower_ for t in tokens[i : i + size])
        if len(key) == size and key in lex.phrases:
            direction = "right" if key[-1] == "of" else "either"
            return Trigger(i, i + size, lex.phrases[key], direction)
    return None


def _word_trigger(tokens: list[Token], i: int, lex: Lexicon) -> Trigger | None:
    tok = tokens[i]
    low = tok.lower_
    lemma = lex.lemma(low)
    if low in lex.toll_nouns:
        before = {t.lower_ for t in tokens[max(0, i - 3) : i]}
        if before & {"earlier", "previous", "initial", "preliminary", "old"}:
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
        if tag == "VBD" or (tag in PASSIVE_TAGS and low in lex.adjectives):
            return Trigger(i, i + 1, outcome, "either")
        return Trigger(i, i + 1, outcome, "left")
    if low in lex.nouns and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
        return Trigger(i, i + 1, lex.nouns[low], "adjacent")
    if low in MANNER and (end := _to_death(tokens, i + 1)) is not None:
        return Trigger(i, end, "killed", "to death")  # "shot a man to death"
    if low in ("body", "corpse") and (_found(tokens, i + 1) or _found_active(tokens, i)):
        return Trigger(i, i + 1, "killed", "remains")  # "His body was found the next day"
    return None


MANNER = frozenset({"shot", "stabbed", "beat", "beaten", "burned", "burnt", "hacked", "stoned", "shooting",
                    "stabbing", "beating", "burning", "hacking", "stoning"})


def _to_death(tokens: list[Token], k: int) -> int | None:
    """'shot [a man] to death': the index after 'death' when a short object stands before it."""
    for j in range(k + 1, min(len(tokens) - 1, k + 7)):
        if tokens[j].text in (",", ".", ";"):
            return None
        if tokens[j].lower_ == "to" and tokens[j + 1].lower_ == "death":
            return j + 2
    return None


FOUND = frozenset({"found", "discovered", "recovered", "retrieved", "located"})


def _found_active(tokens: list[Token], i: int) -> bool:
    """'police found his body', 'recovered a body': the finder before the remains."""
    return i >= 2 and tokens[i - 1].lower_ in ("his", "her", "a", "the") and tokens[i - 2].lower_ in FOUND


def _found(tokens: list[Token], k: int) -> bool:
    """'was found', 'was later discovered', 'had been recovered' right after the word."""
    words = [t.lower_ for t in tokens[k : k + 4]]
    while words and words[0] not in FOUND and words[0] in LEFT_SKIP | {"later", "finally"}:
        words.pop(0)
    found = bool(words) and words[0] in FOUND and words[1:2] != ["to"]  # not "was found to have"
    return found and k < len(tokens) and tokens[k].lower_ in ("was", "had", "has")


def find_figures(sent: Span, lex: Lexicon) -> list[Figure]:
    """Every casualty figure in a sentence, each quantity used once."""
    tokens = list(sent)
    quantities = find_quantities(sent, lex)
    by_start = {q.start: q for q in quantities}
    by_end = {q.end: q for q in quantities}
    used: set[tuple[int, str]] = set()
    figures: list[Figure] = []
    headline = _title_case(tokens)
    for trig in find_triggers(tokens, lex):
        if _negated(tokens, trig) or _irrealis(tokens, trig) or (_in_name(tokens[trig.start]) and not headline):
            continue
        victims = []
        people_only = lex.lemma(tokens[trig.start].lower_) in lex.person_verbs
        for quantity in _victims(tokens, trig, by_start, by_end, lex):
            unknown_ok = quantity.person is None and trig.outcome in ("killed", "wounded") and not people_only
            if (id(quantity), trig.outcome) in used or not (quantity.person or unknown_ok):
                continue
            if people_only and (trig.direction != "right" or quantity.group != "armed_groups"):
                continue  # "destroyed 60 terrorists", never "two were destroyed" (towers) or a home
            used.add((id(quantity), trig.outcome))  # one victim may be abducted, then killed
            victims.append(quantity)
        additive = _additive(tokens, trig)
        for q in _combine(victims):
            figures.append(_figure(sent, trig.outcome, q, tokens))
            figures[-1].anaphoric = trig.direction == "remains" or q.pronoun or _retelling(tokens, q)
            # "His driver was also killed" adds a victim; "the Observatory also said 10 were killed" retells.
            figures[-1].additive = (additive and q.implicit) or tokens[q.start].lower_ in ADDING
    _inherit_groups(tokens, figures, lex)
    return [f for f in figures if not _subset(tokens, f.quantity)]




def _in_name(token: Token) -> bool:
    """'Al-Aqsa Martyrs Brigade': a capitalised trigger word inside a name, mid-sentence."""
    return token.i > 0 and token.text[:1].isupper() and token.nbor(-1).text[:1].isupper()


def _title_case(tokens: list[Token]) -> bool:
    """A headline in title case: the tagger's entities are unreliable there."""
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) / len(words) > 0.6


def _irrealis(tokens: list[Token], trig: Trigger) -> bool:
    """'attempting to kill', 'threatened to kill the hostage': no one was killed."""
    k = trig.start
    if k >= 1 and tokens[k - 1].lower_ == "to" and tokens[k - 1].tag_ == "TO":
        return True  # "threatened to kill", "enough explosives to kill one person"
    return k >= 1 and tokens[k - 1].lower_ in ("attempted", "attempt", "would-be", "would", "will", "could", "might")


def _negated(tokens: list[Token], trig: Trigger) -> bool:
    window = tokens[max(0, trig.start - 3) : trig.start]
    return any(t.lower_ in NEGATION for t in window)


def _victims(
    tokens: list[Token], trig: Trigger, by_start: dict[int, Quantity], by_end: dict[int, Quantity], lex: Lexicon
) -> list[Quantity]:
    if trig.direction == "to death":
        return _right_chain(tokens, trig.start + 1, by_start)
    if trig.direction == "toll":
        return _toll_value(tokens, trig, by_start)
    if trig.direction == "adjacent":  # "five deaths", "12 dead"
        return [by_end[trig.start]] if trig.start in by_end else []
    if trig.direction == "remains":
        return _whose_remains(tokens, trig.start, by_end)
    if trig.direction in ("right", "either"):
        chain = [q for q in _right_chain(tokens, trig.end, by_start) if q.person is not False]  # not "two days"
        if chain and trig.direction == "either" and chain[0].end < len(tokens) \
                and tokens[chain[0].end].lower_ in TRIGGER_WORDS:
            chain = []  # "A child killed, 7 people injured": the next figure has its own trigger
        if chain and chain[0].end < len(tokens) and tokens[chain[0].end].lower_ in OWN_CLAUSE \
                and tokens[trig.end - 1].lower_ != "of":  # not "the bodies of two men were found"
            chain = []  # "14 people were killed 25 were wounded" (commas lost): 25 is a subject
        if chain:
            return chain + _companions(tokens, chain[-1].end, by_start)
    if trig.direction == "either" and _has_object(tokens, trig.end):
        return []  # "Two gunmen killed radio reporter X": the subject of an active verb is the killer
    if trig.direction in ("left", "either"):
        chain = [q for q in _left_chain(tokens, trig.start, by_end)
                 if not (q.implicit and q.person is None and not q.indefinite)]
        if not chain and trig.outcome in ("killed", "wounded"):
            chain = _lone_name(tokens, trig.start, by_end, lex) or _pronoun_subject(tokens, trig.start, by_end)
        if chain:
            return chain + _companions(tokens, trig.end, by_start)
    return []


def _pronoun_subject(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    """'He was killed a day later', 'they were found dead': victims already told of. A singular pronoun
    is one person; 'they' takes its number from the figure before it (events.py)."""
    j = k - 1
    while j >= 0:
        if tokens[j].lower_ in LEFT_SKIP or tokens[j].lower_ in ("later", "days", "hours"):
            j -= 1
        elif tokens[j].lower_ == "and" and (first := _first_passive(tokens, j + 1)) is not None:
            j = first - 1  # "He was kidnapped from his home and killed"
        else:
            break
    opens = j == 0 or tokens[j - 1].is_punct or tokens[j - 1].lower_ in ("later", "then", "and", "but", "when")
    if j < 0 or tokens[j].lower_ not in ("he", "she", "they") or not opens:
        return []
    plural = tokens[j].lower_ == "they"
    value, bounds = (None, (None, None, None)) if plural else (1, (1, 1, 1))
    person = Quantity(j, j + 1, value, "exact", None, bounds, None, "unspecified", None, True, True)
    person.pronoun = True
    by_end[j + 1] = person
    return [person]


def _opening_name(tokens: list[Token], j: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    """A one-word name opening the clause, before 'and' and more victims: one person."""
    name = tokens[j] if j >= 0 else None
    if name is None or name.tag_ != "NNP" or not (j == 0 or tokens[j - 1].is_punct) or _title_case(tokens) \
            or name.lower_ in LEXICON.demonyms or name.lower_ in LEXICON.name_words:
        return []
    person = Quantity(j, j + 1, 1, "exact", None, (1, 1, 1), j, "unspecified", name.text, True, True)
    by_end[j + 1] = person
    return [person]


def _lone_name(tokens: list[Token], k: int, by_end: dict[int, Quantity], lex: Lexicon) -> list[Quantity]:
    """'Soleman was killed': a one-word name as the subject of 'was' + trigger is one person."""
    k -= 1
    while k >= 0 and tokens[k].lower_ in ("reportedly", "also", "later", "fatally", "seriously", "critically"):
        k -= 1
    if k < 1 or tokens[k].lower_ != "was":
        return []
    j = k - 1
    name = tokens[j]
    opens = j == 0 or tokens[j - 1].is_punct or tokens[j - 1].lower_ in ("and", "but", "while", "when")
    if name.tag_ != "NNP" or not opens or j in by_end or name.lower_ in lex.demonyms or _title_case(tokens) \
            or name.lower_ in lex.name_words or name.lower_ in lex.victim_groups:
        return []
    person = Quantity(j, j + 1, 1, "exact", None, (1, 1, 1), j, "unspecified", name.text, True, True)
    person.definite = True
    by_end[j + 1] = person
    return [person]


ADDING = frozenset({"another", "additional", "further"})
OWN_CLAUSE = frozenset({"were", "was", "are", "is", "had", "have", "has"})


RETOLD_HEADS = frozenset({"victim", "deceased", "dead", "man", "woman", "boy", "girl"})


def _retelling(tokens: list[Token], quantity: Quantity) -> bool:
    """'The victim, X, was killed as she opened the parcel': one already told of, told again."""
    return quantity.value == 1 and tokens[quantity.start].lower_ == "the" and quantity.head is not None \
        and tokens[quantity.head].lower_ in RETOLD_HEADS


def _whose_remains(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    """'his body', 'the policeman's body', 'the body': one dead person, named or not."""
    before = tokens[k - 1].lower_ if k else ""
    if before == "'s" and (k - 1) in by_end and by_end[k - 1].value == 1:
        return [by_end[k - 1]]
    if before in ("his", "her", "the", "a", "'s"):
        start = k - 1 if before != "'s" else k
        body = Quantity(start, k + 1, 1, "exact", None, (1, 1, 1), None, "unspecified", None, True, True)
        by_end[k + 1] = body
        return [body]
    return []


def _additive(tokens: list[Token], trig: Trigger) -> bool:
    return any(t.lower_ == "also" for t in tokens[max(0, trig.start - 3) : trig.start])


def _has_object(tokens: list[Token], k: int) -> bool:
    """Does a noun phrase follow the verb (an active use), rather than 'in', a comma or the end?"""
    if k + 1 < len(tokens) and tokens[k + 1].lower_ in SPEECH:
        return False  # "160 were injured it said": the source speaking, commas lost
    if k < len(tokens) and tokens[k].lower_ in WHEN_WORDS:
        return False  # "were killed Friday", "killed Tuesday night"
    return k < len(tokens) and tokens[k].pos_ in ("DET", "NOUN", "PROPN", "PRON") and tokens[k].lower_ not in (
        "this", "that", "these", "those") and not (tokens[k].text[:1].isupper() and _title_case(tokens))


WHEN_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today overnight "
                       "tonight earlier late early".split())
SPEECH = frozenset({"said", "says", "added", "reported", "stated", "told", "confirmed"})


def _companions(tokens: list[Token], k: int, by_start: dict[int, Quantity]) -> list[Quantity]:
    """'was killed along with his security guard'."""
    words = [t.lower_ for t in tokens[k : k + 3]]
    if words[:2] in (["along", "with"], ["together", "with"]):
        return _right_chain(tokens, k + 2, by_start)
    if words == ["as", "well", "as"]:
        return _right_chain(tokens, k + 3, by_start)
    return []


def _right_chain(tokens: list[Token], k: int, by_start: dict[int, Quantity]) -> list[Quantity]:
    while k < len(tokens) and tokens[k].lower_ in RIGHT_SKIP and k not in by_start:
        k += 1
    if k < len(tokens) and tokens[k].lower_ in ("him", "her", "himself", "herself"):
        pronoun = Quantity(k, k + 1, 1, "exact", None, (1, 1, 1), None, "unspecified", None, True, True)
        by_start[k] = pronoun
        if k + 1 < len(tokens) and tokens[k + 1].lower_ == "and" and (k + 2) in by_start:
            return [pronoun, *_right_chain(tokens, k + 2, by_start)]  # "killing himself and four civilians"
        return [pronoun] + _companions(tokens, k + 1, by_start)
    k = _past_roles(tokens, k, by_start)
    if k not in by_start and k < len(tokens) and (named := _object_name(tokens, k)) is not None:
        by_start[k] = named  # "shooting and killing Ashraf and his wife"
    chain: list[Quantity] = []
    while k in by_start:
        quantity = by_start[k]
        if chain and _has_own_verb(tokens, quantity.end):
            break  # "eliminated 50 militants, and up to 90 were wounded": a clause of its own
        apposition = bool(chain) and tokens[k - 1].text == "," and (
            (quantity.implicit and quantity.indefinite and chain[-1].implicit) or _apposed(tokens, quantity, chain[-1]))
        if not apposition:
            chain.append(quantity)
        k = quantity.end
        if apposition:  # "Jaffar Hassan, a professor at the university, and X": on to the next victim
            k = _after_aside(tokens, k, by_start)
        if k < len(tokens) and tokens[k].lower_ in CONJ:
            k += 1
            if k < len(tokens) and tokens[k].lower_ == "and":
                k += 1
            if k not in by_start and (shared := _shared_determiner(tokens, k, quantity)) is not None:
                by_start[k] = shared  # "his father and brother": two people, one determiner
    return _drop_apposition(tokens, chain)


def _shared_determiner(tokens: list[Token], k: int, before: Quantity) -> Quantity | None:
    word = tokens[k].lower_ if k < len(tokens) else ""
    if not (before.implicit and before.value == 1 and word in LEXICON.singular_person and tokens[k].tag_ == "NN"):
        return None
    group = LEXICON.victim_groups.get(word, "unspecified")
    return Quantity(k, k + 1, 1, "exact", None, (1, 1, 1), k, group, tokens[k].text, True, True)


AFTER_NAME = frozenset({"and", ",", ".", "in", "on", "at", "while", "near", "outside", "inside", "as", "along"})


def _object_name(tokens: list[Token], k: int) -> Quantity | None:
    """A one-word name right after a killing verb: one person."""
    name = tokens[k]
    after = tokens[k + 1].lower_ if k + 1 < len(tokens) else "."
    if name.tag_ != "NNP" or after not in AFTER_NAME or name.lower_ in LEXICON.demonyms or _title_case(tokens) \
            or name.lower_ in TRIGGER_WORDS \
            or name.lower_ in LEXICON.name_words or name.lower_ in LEXICON.victim_groups:
        return None
    person = Quantity(k, k + 1, 1, "exact", None, (1, 1, 1), k, "unspecified", name.text, True, True)
    person.definite = True
    return person


def _past_roles(tokens: list[Token], k: int, by_start: dict[int, Quantity]) -> int:
    """'killing radio reporter and announcer Paul Marquez': the name after the bare role words."""
    if k in by_start:
        return k
    for j in range(k, min(len(tokens), k + 5)):
        if j in by_start:
            named = by_start[j]
            if named.head is None or tokens[named.head].tag_ != "NNP" or not named.definite:
                return k
            roles = [LEXICON.victim_groups.get(t.lower_) for t in tokens[k:j]]
            if named.group == "unspecified":
                named.group = next((g for g in roles if g and g != "unspecified"), "unspecified")
            return j
        if not (tokens[j].tag_ in ("NN", "JJ", "NNP", "NNPS") or tokens[j].lower_ == "and"):
            return k  # "National Conference leader Abdul Rashid", "Shiite scholar X"
    return k



def _after_aside(tokens: list[Token], k: int, by_start: dict[int, Quantity]) -> int:
    """The end of an apposition's trailing phrase (', a judge at the court of X, and'), if a list goes on."""
    for j in range(k, min(len(tokens) - 2, k + 10)):
        if tokens[j].pos_ in ("VERB", "AUX") or tokens[j].text in (".", ";", ":"):
            break
        if tokens[j].text == "," and tokens[j + 1].lower_ == "and" and (j + 2) in by_start:
            return j
        if tokens[j].lower_ == "and" and (j + 1) in by_start and by_start[j + 1].definite and by_start[j + 1].person:
            return j  # "X, a former official under the regime and Y"
    return k


def _combine(victims: list[Quantity]) -> list[Quantity]:
    """'two Japanese diplomats and their driver were killed': one figure of three for the group.
    Bare numbers and pronouns keep their own figure: their group is settled later."""
    out: list[Quantity] = []
    for quantity in victims:
        same = next((q for q in out if q.group == quantity.group and q.head is not None
                     and quantity.head is not None and q.value is not None and quantity.value is not None), None)
        if same is None:
            out.append(quantity)
            continue
        same.value = same.value + quantity.value  # type: ignore[operator]
        low, best, high = (None if a is None or b is None else a + b for a, b in zip(same.bounds, quantity.bounds,
                                                                                   strict=True))
        same.bounds, same.end = (low, best, high), max(same.end, quantity.end)
        same.victims = f"{same.victims} and {quantity.victims}"
    return out


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
TRIGGER_WORDS = frozenset(LEXICON.verb_forms) | frozenset(LEXICON.adjectives) | frozenset(LEXICON.nouns)


def _has_own_verb(tokens: list[Token], k: int) -> bool:
    """Is the quantity ending at k the subject of a verb of its own ('and 90 were wounded')?"""
    return k < len(tokens) and (tokens[k].lower_ in LEFT_SKIP or tokens[k].tag_ in FINITE)


def _left_chain(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    trigger = k
    k -= 1
    while k >= 0 and (k + 1) not in by_end:
        if tokens[k].lower_ in LEFT_SKIP or tokens[k].is_space:
            k -= 1
        elif tokens[k].lower_ == "and" and k > 0 and tokens[k - 1].tag_ in ("VBN", "VBD"):
            k -= 2  # "was abducted and then killed", "tortured and killed"
        elif tokens[k].lower_ == "and" and (first := _first_passive(tokens, k)) is not None:
            k = first - 1  # "was kidnapped from his home and killed"
        else:
            break
    near = by_end.get(k + 1)
    plural = any(t.lower_ in ("were", "are", "have") for t in tokens[k + 1 : trigger])
    if near is None or near.person is False or (near.implicit and near.person is None and not near.indefinite) \
            or (plural and near.implicit and near.value == 1):  # "Six engineers working for a firm were"
        k = _skip_aside(tokens, k, by_end)  # "Four members of the patrol were wounded"
    chain: list[Quantity] = []
    while (k + 1) in by_end:
        quantity = by_end[k + 1]
        if chain and quantity.start > 0 and tokens[quantity.start - 1].lower_ in TRIGGER_WORDS:
            break  # "eliminated 50 militants, and 90 were wounded": the object of another trigger
        if chain and tokens[quantity.end].text == "," and _apposed(tokens, quantity, chain[-1]):
            break  # "A police officer, Major X, was killed": one man, named and described
        chain.append(quantity)
        k = quantity.start - 1
        if k >= 0 and tokens[k].lower_ in CONJ:
            conj = tokens[k].lower_
            k -= 1
            if k >= 0 and tokens[k].lower_ == "," and conj == "and":
                break  # ", and 100 injured": a clause of its own
            if k >= 0 and tokens[k].lower_ == ",":
                k -= 1  # "Twenty-six passengers, plus the bomber"
            if k >= 0 and tokens[k].text == ")":
                k = _before_parenthesis(tokens, k)  # "Two police (both women) and the attacker"
            if (k + 1) not in by_end and tokens[k + 1].lower_ == "and":
                chain += _opening_name(tokens, k, by_end)  # "Singh and six of his supporters were killed"
        else:
            break
    chain.reverse()
    subset = chain and k >= 0 and tokens[k].lower_ in ("including", "incl", "included")  # "18 civilians including five"
    if chain and k >= 1 and tokens[k].lower_ in ("them", "whom") and tokens[k - 1].lower_ in ("among", "of"):
        k, subset = k - 1, True  # "Thirteen civilians, among them seven children, were killed"
    if subset:
        k -= 1
        while k >= 0 and tokens[k].text == ",":
            k -= 1
        chain = [by_end[k + 1]] if (k + 1) in by_end else []
    return [q for q in _drop_apposition(tokens, chain) if not q.definite or len(chain) > 1 or q.implicit]


def _before_parenthesis(tokens: list[Token], k: int) -> int:
    for j in range(k - 1, max(-1, k - 12), -1):
        if tokens[j].text == "(":
            return j - 1
    return k


def _first_passive(tokens: list[Token], k: int) -> int | None:
    """The first verb of 'was kidnapped from his home and [killed]': a passive a few words back, with
    no clause boundary between."""
    for j in range(k - 1, max(0, k - 12), -1):
        if tokens[j].text in (",", ";", ":") or tokens[j].tag_ in FINITE:
            return None
        if tokens[j].tag_ == "VBN" and tokens[j - 1].lower_ in ("was", "were"):
            return j
    return None


def _apposed(tokens: list[Token], a: Quantity, b: Quantity) -> bool:
    """One person told twice, side by side: a name and a description of one."""
    named = [q.head is not None and tokens[q.head].tag_ == "NNP" and q.definite for q in (a, b)]
    return a.value == b.value == 1 and (a.implicit or b.implicit) and named[0] != named[1]


def _someone(quantity: Quantity | None) -> bool:
    return quantity is not None and (bool(quantity.person) or (quantity.person is None and quantity.indefinite))


def _skip_aside(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> int:
    """Step back over what stands between the victims and their trigger: an apposition (', a judge,'),
    a phrase ('from the province of Yala'), a relative clause ('who worked for US forces'); returns k
    unchanged when there is none."""
    if k >= 0 and tokens[k].text in ("--", "—", "–", ")"):
        opener = "(" if tokens[k].text == ")" else tokens[k].text
        for c in range(k - 1, max(-1, k - 20), -1):
            if tokens[c].text == opener:
                before = by_end.get(c)
                if before is not None and before.person is not False:
                    return c - 1  # "Two friends -- one a Protestant and the other a Catholic -- were"
                break
    if k >= 0 and tokens[k].text == ",":
        if _someone(by_end.get(k)):
            return k - 1  # "The deputy chief of police, Lieutenant X, was killed": the name itself
        found = None  # the farthest comma back: "Nine people, including one New Zealander, two Indians ..., were"
        for c in range(k - 1, max(-1, k - 30), -1):
            if tokens[c].text in (";", ":", ".") or tokens[c].lower_ == "but":
                break
            if tokens[c].text == "," and _someone(by_end.get(c)):
                found = c - 1
        if found is not None:
            return found
    for p in range(k, max(-1, k - 14), -1):
        word = tokens[p].lower_
        near = by_end.get(p)
        if near is not None and (near.person or (near.person is None and not near.implicit)) \
                and tokens[p].tag_ in ("VBN", "VBG") and p < k:
            return p - 1  # "Two Austrians employed by the power company were killed"
        if near is not None and near.person and (word in ("who", "whom", "mostly", "mainly", "most") or (
                tokens[p].pos_ == "ADP" and word not in ("by", "after", "when"))):
            return p - 1  # "Five workers who were spying for X were", "members of a community in X were"
        compound = p > 0 and tokens[p - 1].text == "-"  # "state-run", "US-led"
        if tokens[p].text in (";", ":") or word in TRIGGER_WORDS or (tokens[p].pos_ in ("VERB", "AUX") and not compound
                                            and not _in_relative(tokens, p)):
            break
    return k


def _in_relative(tokens: list[Token], p: int) -> bool:
    """Is token p inside a 'who ...' clause or an apposition that opened within the last few words?"""
    return any(t.lower_ in ("who", "whom", "which", ",") for t in tokens[max(0, p - 8) : p])


def _drop_apposition(tokens: list[Token], chain: list[Quantity]) -> list[Quantity]:
    """'three people, two women and a child': the list after a total spells it out."""
    first = chain[0] if chain else None
    if first and len(chain) > 1 and (first.value or 0) > 1 and tokens[first.end].text in (",", ":", "-"):
        rest = [q.value or 0 for q in chain[1:]]
        if sum(rest) == chain[0].value:
            groups = {q.group for q in chain[1:]}
            if chain[0].group == "unspecified" and len(groups) == 1:
                chain[0].group = groups.pop()
            return chain[:1]
    return chain


def _toll_value(tokens: list[Token], trig: Trigger, by_start: dict[int, Quantity]) -> list[Quantity]:
    for k in range(trig.end, min(len(tokens), trig.end + 8)):
        if k in by_start and by_start[k].value is not None and not by_start[k].implicit:
            by_start[k].person = True
            by_start[k].toll = True
            return [by_start[k]]
        if tokens[k].text in (".", ";"):
            break
    return []


def _figure(sent: Span, outcome: str, quantity: Quantity, tokens: list[Token]) -> Figure:
    start = tokens[quantity.start].idx - sent.start_char
    last = tokens[quantity.end - 1]
    return Figure(outcome, quantity, start, last.idx + len(last.text) - sent.start_char)


def _inherit_groups(tokens: list[Token], figures: list[Figure], lex: Lexicon) -> None:
    """A bare number ('seven militants were killed and nine suffered wounds', 'As for Syrian troops,
    two were killed') takes the group of the victims named before it: the nearest earlier figure,
    else a topic phrase ('As for X', 'Of the X'). Never the attackers ('Gunmen ... wounding dozens')."""
    for n, figure in enumerate(figures):
        quantity = figure.quantity
        bare = quantity.head is None or tokens[quantity.head].lower_ in ("others", "them", "other")
        if quantity.group != "unspecified" or quantity.toll or not bare:
            continue
        earlier = [f.quantity for f in figures[:n] if f.quantity.start < quantity.start]
        if earlier:
            quantity.group = earlier[-1].group
            continue
        quantity.group = _topic_group(tokens[: quantity.start], lex) or "unspecified"


def _topic_group(tokens: list[Token], lex: Lexicon) -> str | None:
    words = [t.lower_ for t in tokens]
    for cue in (("as", "for"), ("of", "the"), ("among", "the")):
        for k in range(len(words) - 1):
            if (words[k], words[k + 1]) == cue:
                groups = [lex.victim_groups.get(w) for w in words[k + 2 :]]
                named = [g for g in groups if g and g != "unspecified"]
                if named:
                    return named[0]
    return None


def _subset(tokens: list[Token], quantity: Quantity) -> bool:
    """'including three children', 'among them seven children' (not 'were among five people killed')."""
    window = [t.lower_ for t in tokens[max(0, quantity.start - 3) : quantity.start]]
    if any(w in ("including", "incl", "included", "whom") for w in window):
        return True
    return any(a == "among" and b in ("them", "those", "whom") for a, b in zip(window, window[1:], strict=False))


ZERO = re.compile(
    r"\b(?:no (?:one|body) (?:was|were|has been|had been) (?P<o1>killed|hurt|injured|wounded|harmed)"
    r"|nobody (?:was|were) (?P<o2>killed|hurt|injured|wounded|harmed)"
    r"|(?:there were|caused|causing|resulting in|with|reported) no (?P<o3>casualties|injuries|deaths|fatalities)"
    r"|no (?P<o4>casualties|injuries|deaths|fatalities) (?:were|was) (?:reported|caused))",
    re.I,
)


def find_zero_figures(text: str) -> list[tuple[str, int, int]]:
    """Explicit zeros ('no one was hurt', 'there were no casualties'): (outcome, start, end)."""
    out = []
    for match in ZERO.finditer(text):
        word = next(g for g in match.groups() if g).lower()
        if word in ("killed", "deaths", "fatalities"):
            out.append(("killed", match.start(), match.end()))
        elif word == "casualties":
            out += [("killed", match.start(), match.end()), ("wounded", match.start(), match.end())]
        else:
            out.append(("wounded", match.start(), match.end()))
    return out
