"""The attribution cues' word sets (data/lang/en/attribution.json): each example is attributed to the claimant
it says, and a set the code reads as a set changes that once it is emptied (so each set is in use)."""

from __future__ import annotations

import pytest

from warwire import data
from warwire.extraction import attribution

TABLE = data.load_json("attribution.json", "en")
SETS = sorted(k for k in TABLE if not k.startswith("_"))
READ_AS_SETS = {"cue_words": "TRIGGER_WORDS", "connectors": "CONNECTORS", "org_nouns": "ORG_NOUNS",
                "group_nouns": "GROUP_NOUNS", "modifiers": "MODIFIERS", "speaker_stops": "WEEKDAYS",
                "after_speaker": "AFTER_SPEAKER"}


def _claimant(sentence: str) -> str | None:
    found = attribution.find_attribution(sentence)
    return found.claimant if found else None


@pytest.mark.parametrize("name", SETS)
def test_each_example_is_attributed_as_it_says(name: str) -> None:
    rule = TABLE[name]
    assert rule["why"] and rule["words"] and len(set(rule["words"])) == len(rule["words"])
    assert _claimant(rule["example"]) == rule["expect"]


@pytest.mark.parametrize("name", sorted(READ_AS_SETS))
def test_emptying_a_set_changes_its_example(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(attribution, READ_AS_SETS[name], frozenset())
    assert _claimant(TABLE[name]["example"]) != TABLE[name]["expect"]


def test_the_patterns_are_written_from_the_sets() -> None:
    verbs = "|".join(TABLE["verbs"]["words"])
    assert verbs == attribution.VERBS and verbs in attribution.INVERTED.pattern
    assert "|".join(TABLE["abbreviations"]["words"]) in attribution.ABBREVIATION.pattern
    assert set(TABLE["cue_words"]["words"]) <= attribution.TRIGGER_WORDS
