"""matching.openings reads the openings of a pattern with its own parser of the regex subset the rule files
use (not re's private one): every match of a pattern opens with one of them, and what it cannot read gives
no openings (texts written for these tests, and dev texts when ../shared is present)."""

from __future__ import annotations

import json
import re
from itertools import islice

import pytest
from shared_data import shared_path

from warwire.matching.openings import literal_openings
from warwire.resolve.event_types import _data


def _patterns() -> list[str]:
    rules = _data()
    return [p for r in rules["rules"] + rules["demonstrations"]["rules"] for p in r["patterns"]]


@pytest.mark.parametrize(("pattern", "openings"), [
    (r"\bkidnap\w*", ("kidnap",)),
    (r"\b(?:shot|shoot|shoots)\s+down", ("sho",)),  # re's own reading: the shared literals first
    (r"\bbe(?:at|ats|aten)\s+", ("beat",)),
    (r"\bbr(?:ought|ing|inging)\s+under\b", ("brought", "bring", "bringing")),
    (r"\b(?:missiles?|rockets?)\b", ("missile", "rocket")),
    (r"\b(?-i:UAVs?)\b", ("uav",)),
    (r"\briot(?:s|ed)\b(?!\s+police)", ("riot",)),
    (r"(?P<verb>kill)ed", ("kill",)),
    (r"(?<!^)(?<!^just )\b(?:days|weeks) after", ("days", "weeks")),  # leading lookarounds are zero-width
    (r"(?!nothing)\bno(?:body|one)\b", ("nobody", "noone")),
    (r"\b(?:re)?deploy(?:s|ed)?\b", ("redeploy", "deploy")),  # a group at most once: with it or without
    (r"\b(?:gang-?)?rap(?:e|ed)\b", ("gang", "rape")),  # "e|ed": the shared "e" is read first
    (r"\b(?:ab)*cdef", None),  # a repeated group: what follows it opens nothing fixed
    (r"Gunmen {} two", ("gunmen {} two",)),  # "{}" is no quantifier
    (r"ab{2}cd", None),  # a repeated letter ends the literal run: "ab" is too short
    (r"\bbr(?:a|ing)\b", None),  # a branch too short on its own
    (r"\bbr\w+", None),
    (r"\w+ killed", None),
    (r"(?:abc)?def", ("abcdef", "def")),
    (r"\u0130stanbul", None),  # a non-ascii opening
    (r"(?i)abc", None),  # inline flags are not read
    (r"(abc)\1", None),  # nor back-references
])
def test_openings_of_written_patterns(pattern: str, openings: tuple[str, ...] | None) -> None:
    re.compile(pattern)
    assert literal_openings([pattern]) == openings


def test_every_event_type_pattern_has_openings_where_it_can() -> None:
    read = [p for p in _patterns() if literal_openings([p]) is not None]
    assert len(read) > 0.9 * len(_patterns())


def test_every_match_opens_with_an_opening() -> None:
    path = shared_path("dev", "rdwti_dev.jsonl")
    if not path.exists():
        pytest.skip(f"../shared not present: {path}")
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"].lower() for line in islice(fh, 300)]
    checked = 0
    for p in _patterns():
        heads = literal_openings([p])
        if heads is None:
            continue
        pattern = re.compile(p, re.I)
        for text in texts:
            for m in pattern.finditer(text):
                assert text.startswith(heads, m.start()), (p, m.group())
                checked += 1
    assert checked > 1000
