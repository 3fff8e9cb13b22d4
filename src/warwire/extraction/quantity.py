"""The Quantity record: a candidate victim count found in a sentence (quantities.py finds them)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token


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


def build(
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
