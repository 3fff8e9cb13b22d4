"""The victims of one trigger: those after it ('killing 5 soldiers', 'killed radio reporter X and his
driver') read here, those before it delegated to victims_before.
"""

from __future__ import annotations

from spacy.tokens import Token

from warwire.extraction.quantities import Quantity
from warwire.extraction.triggers import LEFT_SKIP, LEXICON, TRIGGER_WORDS, Trigger, title_case
from warwire.extraction.victims_before import (
    CONJ,
    FINITE,
    PHRASE_TAGS,
    apposed,
    bare_person,
    drop_apposition,
    lone_name,
    pronoun_subject,
    victims_before,
)
from warwire.lexicon import Lexicon

GENERAL_HEADS = frozenset({"civilians", "people", "persons", "residents", "villagers", "citizens"})
RIGHT_SKIP = frozenset(["off", "down", "also", "reportedly", "instantly", "the"])  # "wounding the three people"
OWN_CLAUSE = frozenset({"were", "was", "are", "is", "had", "have", "has"})


WHEN_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today overnight "
                       "tonight earlier late early".split())
SPEECH = frozenset({"said", "says", "added", "reported", "stated", "told", "confirmed"})


AFTER_NAME = frozenset({"and", ",", ".", "in", "on", "at", "while", "near", "outside", "inside", "as", "along"})


def find_victims(
    tokens: list[Token], trig: Trigger, by_start: dict[int, Quantity], by_end: dict[int, Quantity], lex: Lexicon
) -> list[Quantity]:
    if trig.direction == "to death":
        chain = _right_chain(tokens, trig.start + 1, by_start)  # "shot a man to death"
        before = trig.start - 1
        while before > 0 and tokens[before].tag_ == "RB":
            before -= 1  # "was accidentally shot to death"
        passive = before >= 0 and tokens[before].lower_ in ("was", "were")
        if chain or not passive:
            return chain
        trig = Trigger(trig.start, trig.end, trig.outcome, "left")  # "was shot and stabbed to death"
    if trig.direction == "toll":
        return _toll_value(tokens, trig, by_start)
    if trig.direction == "adjacent":  # "five deaths", "12 dead"
        return [by_end[trig.start]] if trig.start in by_end else []
    if trig.direction == "with":
        verb = _passive_verb_before(tokens, trig.start)
        return victims_before(tokens, verb, by_end) if verb is not None else []
    if trig.direction == "remains":
        return _whose_remains(tokens, trig.start, by_end)
    if trig.direction in ("right", "either"):
        chain = [q for q in _right_chain(tokens, trig.end, by_start) if q.person is not False]  # not "two days"
        if not chain and trig.end < len(tokens) and tokens[trig.end].lower_ == "them":
            chain = _held_before(tokens, trig.start, by_start)  # "abducted three engineers and later killed them"
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
        chain = [q for q in victims_before(tokens, trig.start, by_end)
                 if not (q.implicit and q.person is None and not q.indefinite)]
        if not chain and trig.outcome in ("killed", "wounded"):
            chain = lone_name(tokens, trig.start, by_end, lex) or pronoun_subject(tokens, trig.start, by_end)
        chain = [_total_before(tokens, q, by_end) for q in chain]
        if chain:
            return chain + _companions(tokens, trig.end, by_start)
    return []


def _passive_verb_before(tokens: list[Token], k: int) -> int | None:
    """'The victim was taken to the hospital with injuries': the passive verb of the clause the injuries
    belong to (its subject is the victim), within a few words and no clause break."""
    for j in range(k - 1, max(0, k - 14), -1):
        if tokens[j].text in (",", ";", ":", ".") and tokens[j + 1].lower_ != "non":
            return None
        if tokens[j].tag_ == "VBN" and tokens[j - 1].lower_ in ("was", "were", "been"):
            return j
    return None


def _total_before(tokens: list[Token], quantity: Quantity, by_end: dict[int, Quantity]) -> Quantity:
    """'15 Syrian Civilians 3 Children Killed' (a headline without its commas): the victims right before
    a narrower count of the same group are the total it is part of."""
    total = by_end.get(quantity.start)
    if total is None or total.head is None or total.value is None or quantity.value is None:
        return quantity
    general = tokens[total.head].lower_ in GENERAL_HEADS
    return total if general and total.group == quantity.group and total.value > quantity.value else quantity


def _held_before(tokens: list[Token], k: int, by_start: dict[int, Quantity]) -> list[Quantity]:
    """The people 'them' stands for: the last count of people earlier in the same clause chain
    ('dragged two officers from their homes and killed them'), if no sentence break stands between."""
    for j in range(k - 1, max(-1, k - 15), -1):
        if tokens[j].text in (".", ";", ":"):
            return []
        quantity = by_start.get(j)
        if quantity is not None and quantity.person and quantity.value and quantity.value > 1 \
                and quantity.end <= k:
            return [quantity]
    return []


def _whose_remains(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    """'his body', 'the policeman's body', 'the body': one dead person, named or not."""
    before = tokens[k - 1].lower_ if k else ""
    if before == "'s" and (k - 1) in by_end and by_end[k - 1].value == 1:
        return [by_end[k - 1]]
    if before in ("his", "her", "the", "a", "an", "'s") or (k > 0 and tokens[k - 1].tag_ == "JJ"):
        start = k - 1 if before != "'s" else k
        body = Quantity(start, k + 1, 1, "exact", None, (1, 1, 1), None, "unspecified", None, True, True)
        by_end[k + 1] = body
        return [body]
    return []


def _has_object(tokens: list[Token], k: int) -> bool:
    """Does a noun phrase follow the verb (an active use), rather than 'in', a comma or the end?"""
    if k + 1 < len(tokens) and tokens[k + 1].lower_ in SPEECH:
        return False  # "160 were injured it said": the source speaking, commas lost
    if k < len(tokens) and tokens[k].lower_ in WHEN_WORDS:
        return False  # "were killed Friday", "killed Tuesday night"
    if any(t.lower_ == "later" for t in tokens[k + 1 : k + 3]):
        return False  # "and killed a day later", "killed two days later"
    return k < len(tokens) and tokens[k].pos_ in ("DET", "NOUN", "PROPN", "PRON") and tokens[k].lower_ not in (
        "this", "that", "these", "those") and not (tokens[k].text[:1].isupper() and title_case(tokens))


def _companions(tokens: list[Token], k: int, by_start: dict[int, Quantity]) -> list[Quantity]:
    """'was killed along with his security guard', 'was killed in Baghdad, along with his driver'."""
    k = _past_setting(tokens, k)
    words = [t.lower_ for t in tokens[k : k + 3]]
    found: list[Quantity] = []
    if words[:2] in (["along", "with"], ["together", "with"]):
        found = _right_chain(tokens, k + 2, by_start)
    elif words == ["as", "well", "as"]:
        found = _right_chain(tokens, k + 3, by_start)
    for quantity in found:
        quantity.companion = True
    return found


SETTING_TAGS = PHRASE_TAGS | {"CD", "HYPH"}  # "in the city on 12 March", "in al-Nahrawan"


def _past_setting(tokens: list[Token], k: int) -> int:
    """Past a short phrase of setting ('in Baghdad', 'in the city on Monday') between the verb and
    ', along with ...'; k itself when there is none."""
    for j in range(k, min(len(tokens) - 2, k + 8)):
        if tokens[j].text == "," and tokens[j + 1].lower_ in ("along", "together"):
            return j + 1
        if tokens[j].tag_ not in SETTING_TAGS or tokens[j].lower_ in TRIGGER_WORDS:
            break
    return k


def _past_of_phrase(tokens: list[Token], k: int) -> int:
    """'the commander of the special force, his deputy, and ...': past the 'of' phrase to the list's next
    comma; k itself when no list goes on after it ('35 members of A and B groups' is one phrase)."""
    if k >= len(tokens) or tokens[k].lower_ != "of":
        return k
    for j in range(k + 1, min(len(tokens), k + 7)):
        if tokens[j].text == ",":
            return j if j > k + 1 else k
        if tokens[j].tag_ not in SETTING_TAGS or tokens[j].lower_ in ("them", "whom"):
            return k
    return k


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
    described = False  # the last victim was just described ("X, a cleric"): "and a member of Y" goes on
    while k in by_start:
        quantity = by_start[k]
        if chain and _has_own_verb(tokens, quantity.end):
            break  # "eliminated 50 militants, and up to 90 were wounded": a clause of its own
        apposition = bool(chain) and tokens[k - 1].text == "," and (
            (quantity.implicit and quantity.indefinite and chain[-1].implicit) or apposed(tokens, quantity, chain[-1]))
        apposition = apposition or _described_further(tokens, k, quantity, chain, described)
        described = apposition
        if not apposition:
            chain.append(quantity)
        k = quantity.end if apposition else _past_of_phrase(tokens, quantity.end)
        if apposition:  # "Jaffar Hassan, a professor at the university, and X": on to the next victim
            k = _after_aside(tokens, k, by_start)
        if k < len(tokens) and tokens[k].lower_ in CONJ:
            k += 1
            if k < len(tokens) and tokens[k].lower_ == "and":
                k += 1
            if k not in by_start and (shared := _shared_determiner(tokens, k, quantity)) is not None:
                by_start[k] = shared  # "his father and brother": two people, one determiner
    return drop_apposition(tokens, chain)


def _described_further(tokens: list[Token], k: int, quantity: Quantity, chain: list[Quantity],
                       described: bool) -> bool:
    """More words for the victim just named: 'X, a cleric and a member of Y', 'X, an activist and head
    of Y' (after a description), 'Lt. Col. X the head of the police' (a name, then its role)."""
    if not chain or not quantity.implicit or quantity.value != 1:
        return False
    if described and tokens[k - 1].lower_ == "and" and not quantity.definite:
        return True
    last = chain[-1]
    named = last.head is not None and tokens[last.head].tag_ in ("NNP", "NNPS") and last.definite
    return named and last.end == k and tokens[k].lower_ in ("the", "a", "an")  # commas lost in scraping


def _shared_determiner(tokens: list[Token], k: int, before: Quantity) -> Quantity | None:
    return bare_person(tokens, k) if before.implicit and before.value == 1 else None


def _object_name(tokens: list[Token], k: int) -> Quantity | None:
    """A one-word name right after a killing verb: one person."""
    name = tokens[k]
    after = tokens[k + 1].lower_ if k + 1 < len(tokens) else "."
    if name.tag_ != "NNP" or after not in AFTER_NAME or name.lower_ in LEXICON.demonyms or title_case(tokens) \
            or name.lower_ in TRIGGER_WORDS \
            or name.lower_ in LEXICON.name_words or name.lower_ in LEXICON.victim_groups:
        return None
    person = Quantity(k, k + 1, 1, "exact", None, (1, 1, 1), k, "unspecified", name.text, True, True)
    person.definite = True
    return person


def _past_roles(tokens: list[Token], k: int, by_start: dict[int, Quantity]) -> int:
    """'killing radio reporter and announcer Paul Marquez', 'the death of 21-year-old X': the name after the
    bare role words (or an age)."""
    if k in by_start:
        return k
    for j in range(k, min(len(tokens), k + 7)):
        if j in by_start:
            named = by_start[j]
            if named.head is None or tokens[named.head].tag_ != "NNP" or not named.definite:
                return k
            roles = [LEXICON.victim_groups.get(t.lower_) for t in tokens[k:j]]
            if named.group == "unspecified":
                named.group = next((g for g in roles if g and g != "unspecified"), "unspecified")
            return j
        if not (tokens[j].tag_ in ("NN", "JJ", "NNP", "NNPS", "CD", "HYPH") or tokens[j].lower_ == "and"):
            return k  # "National Conference leader Abdul Rashid", "Shiite scholar X", "21-year-old X"
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


def _has_own_verb(tokens: list[Token], k: int) -> bool:
    """Is the quantity ending at k the subject of a verb of its own ('and 90 were wounded')?"""
    if k < len(tokens) and tokens[k].lower_ in ("who", "whom"):
        return False  # "killed an officer and a guard who worked at the facility": a relative clause
    return k < len(tokens) and (tokens[k].lower_ in LEFT_SKIP or tokens[k].tag_ in FINITE)


def _toll_value(tokens: list[Token], trig: Trigger, by_start: dict[int, Quantity]) -> list[Quantity]:
    """The figure after a toll noun: the next number ('a death toll of 40'), or, past a long phrase saying
    whose toll it is, the number it was raised or put to ('raised the toll from strikes on a market in
    the town the previous day to 61')."""
    for k in range(trig.end, min(len(tokens), trig.end + TOLL_REACH)):
        if tokens[k].text in (".", ";"):
            break
        quantity = by_start.get(k)
        if quantity is None or quantity.value is None or quantity.implicit:
            continue
        if quantity.person is False:
            continue  # 'the toll from attacks on 3 villages ... rose to 40': that number counts no people
        if k < trig.end + 8 or tokens[k - 1].lower_ in ("to", "at"):
            quantity.person = quantity.toll = True
            return [quantity]
        break  # another count of people first: the toll's own number is not told
    return []


TOLL_REACH = 30
