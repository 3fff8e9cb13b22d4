"""Counts of one not written as a number: a named person ('Major Robert Perry'), 'a civilian', 'the
commander', "Dar's wife", 'a 15-year-old'."""

from __future__ import annotations

from spacy.tokens import Token

from warwire.extraction.noun_runs import head_group, modifier_group, noun_run
from warwire.extraction.quantity import Quantity
from warwire.lexicon import Lexicon

IMPLICIT_DETS = frozenset({"a", "an", "another"})


DEFINITE_DETS = frozenset({"the", "his", "her", "their", "its"})


def person_at(tokens: list[Token], i: int, lex: Lexicon) -> Quantity | None:
    """A named person ('Major Robert Perry', 'Jaffar Hassan, a professor'): a count of one."""
    end = _name_run(tokens, i, lex)
    if end is None:
        return None
    start = i
    while start > 0 and tokens[start - 1].lower_ in lex.titles:
        start -= 1
    titles = {t.lower_ for t in tokens[start:i]}
    group = ("state_forces" if titles & lex.military_titles else "civilians" if titles
             else _apposition_group(tokens, end, lex))
    if titles and start > 0:  # "insurgent commander Abu Omar", "Taliban commander X"
        group = modifier_group(tokens[start - 1 : start], lex) or group
    victims = "".join(t.text_with_ws for t in tokens[start:end]).strip()
    quantity = Quantity(start, end, 1, "exact", None, (1, 1, 1), end - 1, group, victims, True, True)
    quantity.definite = True
    return quantity


def role_with_name_at(tokens: list[Token], i: int, lex: Lexicon) -> Quantity | None:
    """'killed Taliban leader, Wali, during ...': a role with no article right after a verb, its bearer's
    name set off by commas, is one person."""
    if i == 0 or not tokens[i - 1].tag_.startswith("VB"):
        return None
    end = noun_run(tokens, i, lex)
    if end == i or end + 2 >= len(tokens) or tokens[end].text != "," or tokens[end + 1].tag_ != "NNP":
        return None
    head = tokens[end - 1]
    if head.tag_ != "NN" or head.lower_ not in lex.singular_person:
        return None
    name = end + 1
    while name < len(tokens) and tokens[name].tag_ == "NNP":
        name += 1
    if name < len(tokens) and tokens[name].text not in (",", "."):
        return None
    group, _ = head_group(tokens, end - 1, lex)
    group = modifier_group(tokens[i : end - 1], lex) or group or "unspecified"
    victims = "".join(t.text_with_ws for t in tokens[i:end]).strip()
    # The phrase ends after the name, so ', along with one other insurgent' follows it.
    quantity = Quantity(i, name, 1, "exact", None, (1, 1, 1), end - 1, group, victims, True, True)
    quantity.definite = True
    return quantity


def _name_run(tokens: list[Token], i: int, lex: Lexicon) -> int | None:
    """End of a person's name starting at i: two or more proper nouns ('Jaffar Hassan', 'Abdul-Wahab
    Jabr Halloub'), or one after a title, not an organisation ('Islamic State', 'Syrian Army') nor
    followed by a noun."""
    after_title = i > 0 and tokens[i - 1].lower_ in lex.titles
    if tokens[i].tag_ != "NNP" or (i > 0 and tokens[i - 1].tag_ in ("NNP", "NNPS") and not after_title) \
            or tokens[i].lower_ in lex.demonyms or tokens[i].lower_ in lex.titles or _after_locative(tokens, i):
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
        run = noun_run(tokens, end + 2, lex)
        phrase = tokens[end + 2 : run]
        if phrase:
            group, _ = head_group(tokens, run - 1, lex)
            return modifier_group(phrase[:-1], lex) or group or "unspecified"
    return "unspecified"


def implicit_at(tokens: list[Token], i: int, lex: Lexicon) -> Quantity | None:
    """'a civilian', 'an office boy', 'the Taliban leader', 'his wife', 'another': a count of one."""
    det = tokens[i].lower_
    if _named_owner(tokens, i):
        return _owned_person(tokens, i, lex)
    if det not in IMPLICIT_DETS and det not in DEFINITE_DETS:
        return None
    end = noun_run(tokens, i + 1, lex)
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
    group, person = head_group(tokens, end - 1, lex)
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
