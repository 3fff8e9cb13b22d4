"""The run-based `normalise` and the cheap cue pre-test keep the character-by-character results."""

from anyascii import anyascii

from warwire.resolve.actors import _APOSTROPHES, _SPACES, normalise
from warwire.resolve.places import find_place_mentions


def _reference(text: str) -> tuple[str, list[int], set[int]]:
    """The per-character definition of `normalise` (its original implementation)."""
    out: list[str] = []
    index: list[int] = []
    possessive: set[int] = set()
    dropped = False
    for i, ch in enumerate(text):
        for c in (ch if ch.isascii() else anyascii(ch)) or " ":
            if c in _APOSTROPHES:
                dropped = True
                continue
            if c in _SPACES:
                c = " "
                if out and out[-1] == " ":
                    continue
            if dropped and c in "sS":
                possessive.add(len(out))
            dropped = False
            out.append(c.lower())
            index.append(i)
    return "".join(out), index, possessive


def test_normalise_matches_the_per_character_definition():
    cases = [
        "", " ", "the Army's  men", "Hay\u2019at Tahrir al-Sham\u2019s fighters", "x ' s", "x' s", "'s",
        "Ras al\u2011Ain \u2013 Tell Abyad", "Deir\u00a0ez-Zor\n\n- S", "Caf\u00e9\u200bdu \u4e2d Nord",
        "a`S  b__c", "\u2018Islamic State\u2019 s", "trailing  ' ",
    ]
    for text in cases:
        assert normalise(text) == _reference(text), text


def test_cue_pre_test_keeps_near_misses_after_cues():
    # An unknown capitalised name counts only after a place cue ("town of", "in the"), never after "said".
    text = "Shells fell on the town of Zirbanta and in the village of Qarmulla, Hassan said."
    found = {m.as_written for m in find_place_mentions(text)}
    assert {"Zirbanta", "Qarmulla"} <= found
    assert not {m.as_written for m in find_place_mentions("Hassan said Zirbanta shells fell.")} & {"Zirbanta"}
