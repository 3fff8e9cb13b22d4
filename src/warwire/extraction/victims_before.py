"""Victims standing before their trigger: '40 troops were killed', 'Khan and six of his guards were
killed', 'X, a judge, was shot dead', 'He was abducted and killed'. Read right to left from the trigger,
stepping over asides (appositions, relative clauses, parentheses, dashes).
"""

from __future__ import annotations

from spacy.tokens import Token

from warwire.extraction.quantities import Quantity
from warwire.extraction.triggers import LEFT_SKIP, LEXICON, TRIGGER_WORDS, title_case
from warwire.lexicon import Lexicon

CONJ = frozenset({"and", ",", "as well as", "along with", "plus", "&"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def victims_before(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    trigger = k
    k -= 1
    while k >= 0 and (k + 1) not in by_end:
        if tokens[k].lower_ in LEFT_SKIP or tokens[k].is_space or tokens[k].tag_ == "RB":
            k -= 1  # "was accidentally shot to death"
        elif (time := _time_before(tokens, k)) is not None:
            k = time  # "were yesterday killed", "were on Friday night killed"
        elif tokens[k].lower_ == "other" and k > 0 and k in by_end:
            k -= 1  # "left one dead and one other injured"
        elif tokens[k].lower_ == "and" and k > 0 and tokens[k - 1].tag_ in ("VBN", "VBD"):
            k -= 2  # "was abducted and then killed", "tortured and killed"
        elif tokens[k].lower_ == "and" and (first := first_passive(tokens, k)) is not None:
            k = first - 1  # "was kidnapped from his home and killed"
        else:
            break
    _shared_owner(tokens, k, by_end)
    near = by_end.get(k + 1)
    plural = any(t.lower_ in ("were", "are", "have") for t in tokens[k + 1 : trigger])
    if near is not None and near.start > 0 and tokens[near.start - 1].lower_ == "and":
        plural = False  # "X and his driver were": the coordination is plural, not an aside
    if near is None or near.person is False or (near.implicit and near.person is None and not near.indefinite) \
            or (plural and near.implicit and near.value == 1):  # "Six engineers working for a firm were"
        k = _skip_aside(tokens, k, by_end)  # "Four members of the patrol were wounded"
    chain: list[Quantity] = []
    while (k + 1) in by_end:
        told = by_end[k + 1]
        quantity = _owner_of(tokens, told, by_end)
        if chain and quantity.start > 0 and tokens[quantity.start - 1].lower_ in TRIGGER_WORDS:
            break  # "eliminated 50 militants, and 90 were wounded": the object of another trigger
        if chain and quantity.person is None and quantity.implicit and tokens[told.end].text == ",":
            break  # "As a result, one officer was wounded": an opening phrase, not a victim listed
        if chain and tokens[told.end].text == "," and apposed(tokens, quantity, chain[-1]):
            k = quantity.start - 1  # "A police officer, Major X, was killed": one man, named and described
            while len(chain) > 1 and _described_twice(tokens, chain[-1], chain[-2]):
                del chain[-2]  # "X, a religious figure and a former village head, was killed": one man
            break
        chain.append(quantity)
        k = quantity.start - 1
        if len(chain) == 1 and _own_clause(tokens, quantity, k):
            break  # "Four people were killed including two officers and twenty-six wounded"
        if k >= 0 and tokens[k].lower_ in CONJ:
            conj = tokens[k].lower_
            k -= 1
            if k >= 0 and tokens[k].lower_ == "," and conj == "and":
                named = _described_before(tokens, k, by_end)
                if named is not None:  # "Khalil Ahmad, a tribal elder, and his son were killed"
                    chain.append(named)
                    k = named.start - 1
                break  # otherwise ", and 100 injured": a clause of its own
            if k >= 0 and tokens[k].lower_ == ",":
                k -= 1  # "Twenty-six passengers, plus the bomber"
            if k >= 0 and tokens[k].text == ")":
                k = _before_parenthesis(tokens, k)  # "Two police (both women) and the attacker"
            if (k + 1) not in by_end and tokens[k + 1].lower_ == "and":
                k = _past_place_of(tokens, k, by_end)  # "The governor of Badakhshan Province and three others"
            if (k + 1) not in by_end and tokens[k + 1].lower_ == "and":
                chain += _opening_name(tokens, k, by_end)  # "Singh and six of his supporters were killed"
        else:
            break
    if not chain:
        chain = _unclosed_apposition(tokens, k, by_end) or _before_unclosed_including(tokens, k, by_end)
    chain.reverse()
    subset = chain and k >= 0 and tokens[k].lower_ in ("including", "incl", "included")  # "18 civilians including five"
    if chain and k >= 1 and tokens[k].lower_ in ("them", "whom") and tokens[k - 1].lower_ in ("among", "of"):
        k, subset = k - 1, True  # "Thirteen civilians, among them seven children, were killed"
    if subset:
        k -= 1
        while k >= 0 and tokens[k].text == ",":
            k -= 1
        if not (k + 1 in by_end and by_end[k + 1].person):
            k = _skip_aside(tokens, k, by_end)  # "Four nationals living in the building, including the consul"
        chain = [by_end[k + 1]] if (k + 1) in by_end else []
    return [q for q in drop_apposition(tokens, chain) if not q.definite or len(chain) > 1 or q.implicit]


PHRASE_TAGS = frozenset({"IN", "DT", "JJ", "NN", "NNS", "NNP", "NNPS"})  # a short noun or place phrase


def _described_before(tokens: list[Token], comma: int, by_end: dict[int, Quantity]) -> Quantity | None:
    """'NAME, a DESCRIPTION [in a place], and ...': the person named before the description."""
    end = comma
    while end > comma - 6 and not (end in by_end and by_end[end].person) and tokens[end - 1].tag_ in PHRASE_TAGS:
        end -= 1  # ", a vice mayor in the northern Philippines,"
    description = by_end.get(end)
    if description is None or not description.person or description.start < 2:
        return None
    named = by_end.get(description.start - 1)
    if tokens[description.start - 1].text != "," or named is None or not named.person:
        return None
    return named if apposed(tokens, named, description) else None


def bare_person(tokens: list[Token], k: int) -> Quantity | None:
    """A singular person noun standing without a determiner of its own ('his father and brother'): one
    person, of the group the lexicon gives the noun."""
    word = tokens[k].lower_ if 0 <= k < len(tokens) else ""
    if word not in LEXICON.singular_person or tokens[k].tag_ != "NN":
        return None
    group = LEXICON.victim_groups.get(word, "unspecified")
    return Quantity(k, k + 1, 1, "exact", None, (1, 1, 1), k, group, tokens[k].text, True, True)


_PARTS_OF_DAY = frozenset({"night", "morning", "evening", "afternoon"})


def _time_before(tokens: list[Token], k: int) -> int | None:
    """The index before a time phrase ending at k between an auxiliary and its participle ('were on Friday
    night killed'), or None."""
    j = k - 1 if tokens[k].lower_ in _PARTS_OF_DAY else k
    if j < 1 or tokens[j].lower_ not in LEXICON.time_words:
        return None
    j -= 1
    if tokens[j].lower_ in ("on", "last", "early", "late"):
        j -= 1
    return j if j >= 0 and tokens[j].lower_ in ("was", "were", "been", "is", "are", "be") else None


def _shared_owner(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> None:
    """'Dar's wife and bodyguard', 'his father and brother': a second person sharing the first one's
    owner, added as a quantity of its own (leftwards; victims.py reads such lists rightwards)."""
    before = by_end.get(k - 1)
    if k < 2 or (k + 1) in by_end or tokens[k - 1].lower_ != "and" or before is None or not before.person:
        return  # "his father and brother", "three police officers and civilian" (a lost article)
    person = bare_person(tokens, k)
    if person is not None:
        person.definite = True
        by_end[k + 1] = person


def _past_place_of(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> int:
    """'The governor of Badakhshan Province and ...': back over a proper name after 'of' to the person
    it belongs to; k itself when there is none."""
    for j in range(k, max(0, k - 5), -1):
        if tokens[j].lower_ == "of":
            owner = by_end.get(j)
            return j - 1 if owner is not None and owner.person and j < k else k
        if tokens[j].tag_ not in ("NNP", "NNPS", "DT"):
            return k
    return k


def _unclosed_apposition(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    """'Mirzajan Nimgari, district chief of the Musa Khel district of Khost Province was murdered': the
    description's closing comma is missing; the name opening the clause is the victim."""
    for c in range(k, max(0, k - 16), -1):
        if tokens[c].pos_ in ("VERB", "AUX") or tokens[c].text in (";", ":", ".", "(", ")"):
            return []
        if tokens[c].text == ",":
            named = by_end.get(c)
            if named is None:
                return []
            opens = named.start == 0 or tokens[named.start - 1].is_punct
            ok = opens and named.person and named.definite and tokens[named.end - 1].tag_ in ("NNP", "NNPS")
            return [named] if ok else []
    return []


def _before_unclosed_including(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    """'At least 11 people, including women and children have been killed': a list of kinds opened by
    'including' whose closing comma is missing; the count before it is the victims."""
    for c in range(k, max(0, k - 8), -1):
        if tokens[c].lower_ == "including":
            told = by_end.get(c - 1) if tokens[c - 1].text == "," else None
            return [told] if told is not None and told.person and not told.implicit else []
        if tokens[c].pos_ in ("VERB", "AUX") or tokens[c].is_punct:
            return []
    return []


def _own_clause(tokens: list[Token], quantity: Quantity, k: int) -> bool:
    """A bare number after 'and' with a trigger of its own, when an earlier trigger told other victims:
    a clause of its own ('... were killed ... and 26 wounded'), not one more name in a list."""
    return quantity.head is None and not quantity.implicit and k > 0 and tokens[k].lower_ == "and" \
        and any(t.lower_ in TRIGGER_WORDS for t in tokens[:k])


def _described_twice(tokens: list[Token], first: Quantity, second: Quantity) -> bool:
    """'a religious figure and a former village head': two descriptions joined by 'and' (of one person
    when a name stands apposed to them)."""
    return all(q.implicit and q.indefinite and q.value == 1 and q.person is not False for q in (first, second)) \
        and second.start == first.end + 1 and tokens[first.end].lower_ == "and"


def _owner_of(tokens: list[Token], quantity: Quantity, by_end: dict[int, Quantity]) -> Quantity:
    """'The caretaker of a mosque': a thing after 'of' is the complement of the person before it."""
    j = quantity.start - 1
    owner = by_end.get(j)
    if quantity.person is None and j > 0 and tokens[j].lower_ == "of" and owner is not None and owner.person:
        return owner
    return quantity


def _before_parenthesis(tokens: list[Token], k: int) -> int:
    for j in range(k - 1, max(-1, k - 12), -1):
        if tokens[j].text == "(":
            return j - 1
    return k


def first_passive(tokens: list[Token], k: int) -> int | None:
    """The first verb of 'was kidnapped from his home and [killed]': a passive a few words back, with
    no clause boundary between."""
    for j in range(k - 1, max(0, k - 12), -1):
        if tokens[j].text == "," and j == k - 1:
            continue  # "was shot four times in the head, and killed"
        if tokens[j].text in (",", ";", ":") or tokens[j].tag_ in FINITE:
            return None
        if tokens[j].tag_ == "VBN" and tokens[j - 1].lower_ in ("was", "were"):
            return j
    return None


def apposed(tokens: list[Token], a: Quantity, b: Quantity) -> bool:
    """One person told twice, side by side: a name and a description of one."""
    named = [q.head is not None and tokens[q.head].tag_ in ("NNP", "NNPS") and q.definite
             and tokens[q.start].lower_ not in ("the", "a", "an") for q in (a, b)]  # "the Secretary General": a role
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
    for p in range(k, max(-1, k - 20), -1):
        word = tokens[p].lower_
        near = by_end.get(p)
        someone = near is not None and (
            near.person or (near.person is None and (not near.implicit or (near.value or 0) > 1)))
        if someone and tokens[p].tag_ in ("VBN", "VBG") and p < k:
            return p - 1  # "Two Austrians employed by the power company were killed"
        relative = word in ("who", "whom") or (word == "that" and tokens[p].tag_ == "WDT")
        if near is not None and near.person and (relative or word in ("mostly", "mainly", "most") or (
                tokens[p].pos_ == "ADP" and word not in ("by", "after", "when"))):
            return p - 1  # "Five workers who were spying for X were", "members of a community in X were"
        compound = p > 0 and tokens[p - 1].text in ("-", "to")  # "state-run", "assigned to guard"
        if tokens[p].text in (";", ":") or word in TRIGGER_WORDS or (tokens[p].pos_ in ("VERB", "AUX") and not compound
                                            and not _in_relative(tokens, p)):
            break
    return k


def _in_relative(tokens: list[Token], p: int) -> bool:
    """Is token p inside a 'who ...' clause or an apposition that opened within the last few words?"""
    return any(t.lower_ in ("who", "whom", "which", "that", ",") for t in tokens[max(0, p - 8) : p])


def drop_apposition(tokens: list[Token], chain: list[Quantity]) -> list[Quantity]:
    """'three people, two women and a child': the list after a total spells it out."""
    first = chain[0] if chain else None
    if first and len(chain) > 1 and (first.value or 0) > 1 and tokens[first.end].text in (",", ":", "-"):
        rest = [q.value or 0 for q in chain[1:]]
        # "two soldiers, a policeman and a civilian" lists three groups: victims added, whatever the sum
        same_kind = first.group == "unspecified" or all(q.group in (first.group, "unspecified") for q in chain[1:])
        if sum(rest) == chain[0].value and same_kind:
            groups = {q.group for q in chain[1:]}
            if chain[0].group == "unspecified" and len(groups) == 1:
                chain[0].group = groups.pop()
            return chain[:1]
    return chain


def lone_name(tokens: list[Token], k: int, by_end: dict[int, Quantity], lex: Lexicon) -> list[Quantity]:
    """'Soleman was killed': a one-word name as the subject of 'was' + trigger is one person."""
    k -= 1
    while k >= 0 and tokens[k].lower_ in ("reportedly", "also", "later", "fatally", "seriously", "critically"):
        k -= 1
    if k < 1 or tokens[k].lower_ != "was":
        return []
    j = k - 1
    name = tokens[j]
    opens = j == 0 or tokens[j - 1].is_punct or tokens[j - 1].lower_ in ("and", "but", "while", "when")
    if name.tag_ != "NNP" or not opens or j in by_end or name.lower_ in lex.demonyms or title_case(tokens) \
            or name.lower_ in lex.name_words or name.lower_ in lex.victim_groups:
        return []
    person = Quantity(j, j + 1, 1, "exact", None, (1, 1, 1), j, "unspecified", name.text, True, True)
    person.definite = True
    by_end[j + 1] = person
    return [person]


def _opening_name(tokens: list[Token], j: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    """A one-word name opening the clause, before 'and' and more victims: one person."""
    name = tokens[j] if j >= 0 else None
    if name is None or name.tag_ != "NNP" or not (j == 0 or tokens[j - 1].is_punct) or title_case(tokens) \
            or name.lower_ in LEXICON.demonyms or name.lower_ in LEXICON.name_words:
        return []
    person = Quantity(j, j + 1, 1, "exact", None, (1, 1, 1), j, "unspecified", name.text, True, True)
    by_end[j + 1] = person
    return [person]


def pronoun_subject(tokens: list[Token], k: int, by_end: dict[int, Quantity]) -> list[Quantity]:
    """'He was killed a day later', 'they were found dead': victims already told of. A singular pronoun
    is one person; 'they' takes its number from the figure before it (events.py)."""
    j = k - 1
    while j >= 0:
        if tokens[j].lower_ in LEFT_SKIP or tokens[j].lower_ in ("later", "days", "hours"):
            j -= 1
        elif tokens[j].lower_ == "and" and (first := first_passive(tokens, j + 1)) is not None:
            j = first - 1  # "He was kidnapped from his home and killed"
        else:
            break
    opens = j == 0 or tokens[j - 1].is_punct or tokens[j - 1].lower_ in ("later", "then", "and", "but", "when",
                                                                         "where")
    if j < 0 or tokens[j].lower_ not in ("he", "she", "they") or not opens:
        return []
    plural = tokens[j].lower_ == "they"
    value, bounds = (None, (None, None, None)) if plural else (1, (1, 1, 1))
    person = Quantity(j, j + 1, value, "exact", None, bounds, None, "unspecified", None, True, True)
    person.pronoun = True
    by_end[j + 1] = person
    return [person]
