"""Figures that point back at victims already told of, read from the words around the figure.

The victim told again ("The victim, X, was killed ..."), a part of them ("15 of the dead", "the other
four civilians", "13 of them"), the same toll counted anew ("a higher toll of 23", "the death toll rose
to 45"), or the victims of "the attack" just reported ("the attack left nearly 50 rebels dead").
casualties.py marks such figures so that they join the event told last (events.py) and count inside its
claims (claims.py) rather than beside them.
"""

from __future__ import annotations

from spacy.tokens import Token

from warwire.extraction.quantities import Quantity

RETOLD_HEADS = frozenset({"victim", "deceased", "dead", "man", "woman", "boy", "girl"})
PART_OPENERS = frozenset({"other", "remaining"})
# "15 of the dead", "seven of those killed", "13 of them" (not "one of the commanders", "members of the group")
TOLD_VICTIMS = frozenset({"dead", "killed", "victims", "deceased", "fatalities", "casualties", "injured",
                          "wounded", "bodies"})
TOLL_UPDATES = frozenset({"higher", "lower", "new", "updated", "revised", "final", "latest", "rose", "risen",
                          "raised", "climbed", "increased", "reached"})
EVENT_NOUNS = frozenset({"attack", "attacks", "strike", "strikes", "blast", "bombing", "explosion", "raid",
                         "raids", "shelling", "ambush", "assault", "bombardment"})


def retold_victim(tokens: list[Token], quantity: Quantity) -> bool:
    """'The victim, X, was killed as she opened the parcel': one already told of, told again."""
    return quantity.value == 1 and tokens[quantity.start].lower_ == "the" and quantity.head is not None \
        and tokens[quantity.head].lower_ in RETOLD_HEADS


def part_opener(words: list[str], start: int) -> bool:
    """'the other four civilians', 'the remaining five'."""
    before = words[max(0, start - 2) : start]
    return len(before) == 2 and before[0] == "the" and before[1] in PART_OPENERS


def of_told_victims(tokens: list[Token], start: int) -> bool:
    """A number followed by 'of them' / 'of the dead' / 'of those killed', at the phrase's start."""
    for k in range(start + 1, min(start + 4, len(tokens) - 1)):
        if tokens[k].lower_ == "of" and tokens[k - 1].like_num:
            after = [t.lower_ for t in tokens[k + 1 : k + 3]]
            return after[0] == "them" or (after[0] in ("the", "those") and after[1:2] != []
                                          and after[1] in TOLD_VICTIMS)
    return False


def updated_toll(window: list[str]) -> bool:
    """'gave a higher toll of 23', 'the death toll rose to 45'."""
    return bool(window) and window[-1] in ("of", "to", "at") and "toll" in window \
        and any(w in TOLL_UPDATES for w in window)


def definite_event_subject(words: list[str]) -> bool:
    """'the attack left nearly 50 rebels dead': the event just told, as the subject of the figure's
    clause ('the attack on a checkpoint' names a new one and does not count)."""
    clause = words[max((k for k, w in enumerate(words) if w in (",", ";", "and", "while")), default=-1) + 1 :]
    for k in range(len(clause) - 1):
        if clause[k] == "the" and clause[k + 1] in EVENT_NOUNS:
            following = clause[k + 2 : k + 3]
            return not following or following[0] not in ("on", "in", "at", "near", "against", "by", "of")
    return False
