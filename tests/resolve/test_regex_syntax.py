"""matching.regex_syntax: the one reader of the regex subset the rule files use, shared by matching.openings and
matching.reverse (patterns written for these tests, and every pattern of the event-type rules)."""

from __future__ import annotations

import re

import pytest

from warwire.matching import openings, reverse
from warwire.matching.regex_syntax import Branches, Unsupported, parse
from warwire.resolve.event_types import _data


def _written(branches: Branches) -> str:
    return "|".join("".join(n.text + n.quantifier for n in b) for b in branches)


def _patterns() -> list[str]:
    rules = _data()
    return [p for r in rules["rules"] + rules["demonstrations"]["rules"] for p in r["patterns"]]


def test_every_node_keeps_its_text_as_written() -> None:
    for p in [*_patterns(), r"\b(?:north|south)(?:ern)?\s+of\s+(?P<x>[A-Z]\w+){1,3}?(?!\s+police)"]:
        assert _written(parse(p)) == p


def test_groups_keep_their_opener_and_branches() -> None:
    (seq,) = parse(r"(?P<verb>kill|shoot)ed(?=\s)")
    assert [n.kind for n in seq] == ["group", "literal", "literal", "group"]
    assert seq[0].opener == "(?P<verb>" and len(seq[0].branches) == 2
    assert seq[-1].opener == "(?="


@pytest.mark.parametrize("pattern", [r"(?i)abc", r"(abc)\1", r"+a", r"(?:ab", r"ab)", r"[ab"])
def test_what_it_does_not_read_is_refused(pattern: str) -> None:
    with pytest.raises(Unsupported):
        parse(pattern)


def test_both_readers_use_it() -> None:
    assert openings.parse is parse and reverse.parse is parse


def test_a_brace_that_is_no_quantifier_is_a_literal_both_ways() -> None:
    assert openings.literal_openings([r"Gunmen {} two"]) == ("gunmen {} two",)
    rev = reverse.reversed_regex(r"of {}\s+(?:the\s+)?")
    assert rev == r"(?:\s+eht)?\s+}{ fo"
    assert re.fullmatch(rev, "of {}  the "[::-1])
