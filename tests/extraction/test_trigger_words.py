"""The word sets read around a trigger (data/lang/en/triggers.json): each set's example gives the figures it
says, and other figures once the set is emptied, so every set is in use and does what its why says."""

from __future__ import annotations

import re

import pytest

from warwire import data
from warwire.extraction import document, triggers, victims, victims_before

TABLE = data.load_json("triggers.json", "en")
SETS = sorted(k for k in TABLE if not k.startswith("_"))
# Where each set is read (a module that imported it by name holds its own reference).
READERS = {"left_skip": [(triggers, "LEFT_SKIP"), (victims, "LEFT_SKIP"), (victims_before, "LEFT_SKIP")],
           "negation": [(triggers, "NEGATION")], "perfect": [(triggers, "PERFECT")],
           "superseded_toll": [(triggers, "SUPERSEDED")], "life_verbs": [(triggers, "LIFE_VERBS")],
           "manner": [(triggers, "MANNER")], "found": [(triggers, "FOUND")], "body_parts": [(triggers, "BODY_PARTS")],
           "gunfire": [(triggers, "_GUNFIRE")], "irrealis": [(triggers, "IRREALIS")],
           "hyphenated_deaths": [(triggers, "_HYPHENATED_DEATH")], "settle_death": [(document, "_DEATH_WORDS")],
           "settle_hurt": [(document, "_HURT_WORDS")], "died_of": [(document, "_DIED_OF")]}
NEVER = re.compile(r"(?!)")  # an emptied set read as a pattern


def _figures(ex, text: str) -> list[list]:
    doc = ex.extract(triggers.unhyphenate_deaths(text))
    return sorted([c.outcome, c.group, c.value] for e in doc.events for c in e.casualties)


def test_every_set_is_read_and_has_why_and_example() -> None:
    assert set(SETS) == set(READERS)
    for name in SETS:
        rule = TABLE[name]
        assert rule["why"] and rule["example"] and rule["words"]
        assert len(set(rule["words"])) == len(rule["words"]), name  # no word twice


@pytest.mark.parametrize("name", SETS)
def test_each_set_gives_its_example_the_figures_it_says(ex, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    rule = TABLE[name]
    assert _figures(ex, rule["example"]) == sorted(rule["expect"])
    for module, attr in READERS[name]:
        monkeypatch.setattr(module, attr, NEVER if isinstance(getattr(module, attr), re.Pattern) else frozenset())
    assert _figures(ex, rule["example"]) != sorted(rule["expect"]), f"{name}: the set changes nothing here"
