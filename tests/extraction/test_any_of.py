"""matching.any_of.AnyOf answers as the one alternation of its patterns does (the background cues and the
totals are read with it): on sentences written for these tests, and on dev sentences when ../shared is present."""

from __future__ import annotations

import json
import re
from itertools import islice

import pytest
from shared_data import shared_path

from warwire.data import rule_patterns
from warwire.matching.any_of import AnyOf

SECTIONS = ("background", "aggregate")
WRITTEN = [
    "Police found the bodies of three men, two days after the raid.",
    "Days after the raid, police found the bodies.",  # the cue's lookbehind: not at the start
    "Just days after the raid, police found the bodies.",
    "The 2014 massacre left 40 dead.",
    "In the three-year civil war, thousands have died.",
    "Since the start of the conflict, 20,000 people have been killed.",
    "Gunmen killed two farmers near the village on Monday, police said.",
    "Overall, the coordinated attacks killed 77 people.",
    "İn the past years 40 people died there.",  # a dotted capital I: the plain search decides
    "SINCE 2011 THE WAR HAS KILLED 400,000.",
    "",
]


@pytest.mark.parametrize("section", SECTIONS)
def test_any_of_answers_as_the_alternation_on_written_sentences(section: str) -> None:
    patterns = rule_patterns("background.json", section)
    plain, fast = re.compile("|".join(patterns), re.I), AnyOf(patterns)
    answers = [fast.found(s) for s in WRITTEN]
    assert answers == [plain.search(s) is not None for s in WRITTEN]
    if section == "background":
        assert answers[:4] == [True, False, False, True]


def test_any_of_tries_patterns_without_openings_too() -> None:
    fast = AnyOf([r"\w+-year-old", r"\bkilled\b"])
    assert fast.found("a 25-year-old man") and fast.found("He was KILLED.") and not fast.found("skilled men")


@pytest.mark.parametrize("section", SECTIONS)
def test_any_of_answers_as_the_alternation_on_dev_sentences(section: str) -> None:
    path = shared_path("dev", "fakes_dev.jsonl")
    if not path.exists():
        pytest.skip(f"../shared not present: {path}")
    patterns = rule_patterns("background.json", section)
    plain, fast = re.compile("|".join(patterns), re.I), AnyOf(patterns)
    with path.open(encoding="utf-8") as fh:
        sentences = [s for line in islice(fh, 150) for s in re.split(r"(?<=[.!?])\s+", json.loads(line)["text"])]
    answers = [fast.found(s) for s in sentences]
    assert answers == [plain.search(s) is not None for s in sentences]
    assert 0 < sum(answers) < len(sentences)
