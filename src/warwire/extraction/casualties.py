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

from warwire.extraction.quantities import Quantity, find_quantities
from warwire.extraction.references import (
    definite_event_subject,
    of_told_victims,
    part_opener,
    retold_victim,
    updated_toll,
)
from warwire.extraction.triggers import SHOT, Trigger, find_triggers, in_name, irrealis, negated, title_case
from warwire.extraction.victims import GENERAL_HEADS, find_victims
from warwire.lexicon import Lexicon


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
    retold: bool = False  # "a higher toll of 23": the event's victims counted again, by another count
    of_wounds: bool = False  # "one of whom later died", "died of his wounds": a death among the wounded
    settled: bool = False  # "X was shot": an outcome the rest of the report settled (document.py)
    named_one: bool = False  # "Rodriguez", "the 13-year-old", "the teen": one person told by name or role
    more: bool = False  # "several more insurgents": a vague word adding to a vague figure told before
    a_wound: bool = False  # "suffering from a gunshot wound": one wound, of someone the report may count elsewhere


def find_figures(sent: Span, lex: Lexicon) -> list[Figure]:
    """Every casualty figure in a sentence, each quantity used once."""
    tokens = list(sent)
    quantities = find_quantities(sent, lex)
    by_start = {q.start: q for q in quantities}
    by_end = {q.end: q for q in quantities}
    used: set[tuple[int, str]] = set()
    figures: list[Figure] = []
    headline = title_case(tokens)
    objects: list[tuple[str, int]] = []  # (outcome, end) of the victims told after their trigger
    for trig in find_triggers(tokens, lex):
        if negated(tokens, trig) or irrealis(tokens, trig) or (in_name(tokens[trig.start]) and not headline):
            continue
        victims = []
        people_only = lex.lemma(tokens[trig.start].lower_) in lex.person_verbs
        for quantity in find_victims(tokens, trig, by_start, by_end, lex):
            unknown_ok = quantity.person is None and trig.outcome in ("killed", "wounded", SHOT) and not people_only
            if (id(quantity), trig.outcome) in used or not (quantity.person or unknown_ok):
                continue
            if trig.outcome == "wounded" and (id(quantity), "killed") in used:
                continue  # "one of whom died as a result of injuries": the death is what counts
            if people_only and (trig.direction != "right" or quantity.group != "armed_groups"):
                continue  # "destroyed 60 terrorists", never "two were destroyed" (towers) or a home
            used.add((id(quantity), trig.outcome))  # one victim may be abducted, then killed
            victims.append(quantity)
        additive = _additive(tokens, trig)
        combined = _combine(victims, tokens)
        _mark_listed_with_a_person(combined, tokens)
        for q in combined:
            # "arrested a Taliban leader and detained one suspected insurgent": a second deed's object
            # in the same sentence is more victims, not the first retold.
            again = q.start > trig.start and _coordinated_deed(tokens, trig) \
                and any(d == trig.outcome and e <= trig.start for d, e in objects)
            figures.append(_figure(sent, trig.outcome, q, tokens))
            figures[-1].anaphoric = trig.direction == "remains" or q.pronoun or retold_victim(tokens, q)
            # "His driver was also killed" adds a victim; "the Observatory also said 10 were killed" retells.
            figures[-1].additive = (additive and (q.implicit or _also_did(tokens, trig))) or (
                _adding(tokens, q) and not _contrasts(figures[:-1], trig.outcome))
            if again and not figures[-1].anaphoric and not q.definite:
                figures[-1].additive = True
            if q.start > trig.start:
                objects.append((trig.outcome, q.end))
            if not additive:
                _mark_reference(figures[-1], tokens)
            figures[-1].of_wounds = trig.outcome == "killed" and _died_of_wounds(tokens, trig)
            figures[-1].named_one = _named_one(tokens, q)
            figures[-1].more = _more_vague(tokens, q)
            if _wound_kind(tokens, q, lex):
                figures[-1].a_wound = figures[-1].named_one = True
                if q.value is None:  # "suffering multiple gunshot wounds": many wounds of one person
                    q.value, q.qualifier, q.vague, q.bounds, q.implicit = 1, "exact", None, (1, 1, 1), True
    _inherit_groups(tokens, figures, lex)
    settled = {id(f.quantity) for f in figures if f.outcome != SHOT}  # "was shot three times, and killed"
    figures = [f for f in figures if f.outcome != SHOT or id(f.quantity) not in settled]
    return [f for f in figures if not _subset(tokens, f.quantity)]


def _wound_kind(tokens: list[Token], q: Quantity, lex: Lexicon) -> bool:
    """'a gunshot wound', 'multiple gun shot wounds': the head names a wound, not a person."""
    if q.head is None:
        return False
    head = tokens[q.head].lower_
    return head in lex.wound_kinds or (q.head > q.start and f"{tokens[q.head - 1].lower_} {head}" in lex.wound_kinds)


ADDING = frozenset({"another", "additional", "further"})
MORE_OF = ADDING | {"also", "second", "third", "fourth", "fifth"}
ADJECTIVE_FORMS = frozenset({"killed", "wounded", "injured", "dead", "hurt"})  # 'were also killed': a retelling
_OF_WOUNDS = re.compile(r"\b(?:of|from|to) (?:his|her|their|the) (?:wounds|injuries)")


def _coordinated_deed(tokens: list[Token], trig: Trigger) -> bool:
    """'..., and detained one suspected insurgent': a finite verb joined by 'and' to the deed before it."""
    before = [t.lower_ for t in tokens[max(0, trig.start - 2) : trig.start]]
    joined = before[-1:] == ["and"] or before == ["and", "also"]
    return joined and tokens[trig.start].tag_ in ("VBD", "VBZ", "VBP")


def _adding(tokens: list[Token], q: Quantity) -> bool:
    """'another three', 'two additional suspected insurgents', 'one other suspect': more victims."""
    first = tokens[q.start].lower_
    second = tokens[q.start + 1].lower_ if q.start + 1 < q.end else ""
    return first in ADDING or (q.value is not None and not q.implicit and second in ADDING) or _more_vague(tokens, q)


def _more_vague(tokens: list[Token], q: Quantity) -> bool:
    """'Several more insurgents were killed': a vague word told as more than the victims told before."""
    return q.value is None and q.vague is not None and q.start + 1 < q.end and tokens[q.start + 1].lower_ == "more"


def _died_of_wounds(tokens: list[Token], trig: Trigger) -> bool:
    """'one of whom later died', 'died of his wounds a week later': a victim counted among the wounded
    first (claims.py takes such deaths out of the wounded figure)."""
    if tokens[trig.start].lower_ not in ("died", "succumbed"):
        return False
    before = tokens[trig.start - 1].lower_ if trig.start > 0 else ""
    words = " ".join(t.lower_ for t in tokens[trig.start : trig.start + 6])
    return before in ("later", "subsequently") or " later" in words or _OF_WOUNDS.search(words) is not None


def _named_one(tokens: list[Token], q: Quantity) -> bool:
    """One person told by name, by 'the' and a noun or by a pronoun ('Smith', 'the 13-year-old', 'the teen',
    'he'): someone a report names after it counted them (events.py folds such a figure into the event told before)."""
    if q.value != 1 or any(t.lower_ in MORE_OF for t in tokens[max(0, q.start - 4) : q.start]):
        return False  # "another man, X, died": one more
    if q.pronoun:
        return True  # "He was pronounced dead at the scene"
    if not q.definite or q.head is None:
        return False
    return tokens[q.start].lower_ == "the" or tokens[q.head].tag_ == "NNP"


def _mark_reference(figure: Figure, tokens: list[Token]) -> None:
    """Figures that point back at victims already told of (references.py) join the event told last
    instead of starting one: a part of them, the same toll counted anew, or the victims of "the attack"."""
    q = figure.quantity
    words = [t.lower_ for t in tokens]
    if of_told_victims(tokens, q.start) or part_opener(words, q.start):
        figure.part = figure.anaphoric = True
    elif updated_toll(words[max(0, q.start - 6) : q.start]):
        figure.retold = figure.anaphoric = True
    elif definite_event_subject(words[: q.start]):
        figure.anaphoric = True


def _contrasts(earlier: list[Figure], outcome: str) -> bool:
    """'The driver was killed and another 42 injured': 'another' set against victims of another outcome
    in the same sentence, not more victims of this one."""
    return any(f.outcome != outcome for f in earlier)


def _also_did(tokens: list[Token], trig: Trigger) -> bool:
    """'The force also detained two suspected insurgents': 'also' right before an active trigger verb adds
    victims of the same deed (not 'the Observatory also said 10 were killed', a retelling)."""
    return trig.direction in ("right", "either") and trig.start > 0 and tokens[trig.start - 1].lower_ == "also" \
        and tokens[trig.start].tag_ in ("VBD", "VBZ", "VBP") and tokens[trig.start].lower_ not in ADJECTIVE_FORMS


def _additive(tokens: list[Token], trig: Trigger) -> bool:
    return any(t.lower_ == "also" for t in tokens[max(0, trig.start - 3) : trig.start])


def _combine(victims: list[Quantity], tokens: list[Token]) -> list[Quantity]:
    """'two Japanese diplomats and their driver were killed': one figure of three for the group.
    Bare numbers and pronouns keep their own figure: their group is settled later. A part of the
    victims just named ('40 people, 13 of them children') is dropped: it adds no one."""
    out: list[Quantity] = []
    for quantity in victims:
        if out and of_told_victims(tokens, quantity.start):
            continue
        same = next((q for q in out if q.group == quantity.group and q.head is not None
                     and quantity.head is not None and q.value is not None and quantity.value is not None), None)
        if same is None:
            out.append(quantity)
            continue
        if _listed_subset(tokens, same, quantity):
            continue
        same.value = same.value + quantity.value  # type: ignore[operator]
        low, best, high = (None if a is None or b is None else a + b for a, b in zip(same.bounds, quantity.bounds,
                                                                                   strict=True))
        same.bounds, same.end = (low, best, high), max(same.end, quantity.end)
        same.victims = f"{same.victims} and {quantity.victims}"
    return out


def _mark_listed_with_a_person(combined: list[Quantity], tokens: list[Token]) -> None:
    """'killing Ashraf and his wife', 'the representative and his son': a person of no known group listed
    with others is someone besides them, never their total (claims.py folds an unspecified figure into a
    named group's otherwise). So are 'one of his associates' after the man they belong to."""
    for q in combined[1:]:
        words = [t.lower_ for t in tokens[q.start : q.end]]
        if any(a == "of" and b in ("his", "her", "their") for a, b in zip(words, words[1:], strict=False)):
            q.companion = True
    if len(combined) > 1 and any(q.group == "unspecified" and q.implicit and q.value == 1 and q.definite
                                 and not q.pronoun for q in combined):
        for q in combined:
            q.companion = True


def _listed_subset(tokens: list[Token], total: Quantity, quantity: Quantity) -> bool:
    """'12 civilians, 4 children killed': a narrower count set after a general one by a bare comma is
    part of it ('12 civilians and 4 children' adds them)."""
    if total.head is None or quantity.head is None or tokens[total.head].lower_ not in GENERAL_HEADS:
        return False
    between = {t.lower_ for t in tokens[total.end : quantity.start]}
    return between == {","} and quantity.group == total.group and tokens[quantity.head].lower_ not in GENERAL_HEADS


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
