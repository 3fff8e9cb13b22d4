"""Sentence spans: punctuation, abbreviations, scraped text that dropped the space."""

from __future__ import annotations

import pytest

from warwire.ingest.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, [(0, len(text))])]


@pytest.mark.parametrize("text, expected", [
    ("Maj. Gen. Ali Hassan said four soldiers died. The army denied it.",
     ["Maj. Gen. Ali Hassan said four soldiers died.", "The army denied it."]),
    ("The U.S. military said two Marines were wounded. No one else was hurt.",
     ["The U.S. military said two Marines were wounded.", "No one else was hurt."]),
    ("Troops entered Mosul.The army took over the city.", ["Troops entered Mosul.", "The army took over the city."]),
    ("Was anyone hurt? Nine people died! Police sealed the area.",
     ["Was anyone hurt?", "Nine people died!", "Police sealed the area."]),
    ('"Five fighters were killed." The group confirmed it.',
     ['"Five fighters were killed."', "The group confirmed it."]),
    ("The blast came at 8 a.m. on Sunday near the market.", ["The blast came at 8 a.m. on Sunday near the market."]),
    ("Dr. Karim, of the city hospital, said 12 people were treated.",
     ["Dr. Karim, of the city hospital, said 12 people were treated."]),
    ("The toll rose to 1,200. 300 of them were children.",
     ["The toll rose to 1,200.", "300 of them were children."]),
])
def test_split(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_sentences_stay_within_body_lines_and_skip_the_rest() -> None:
    text = "Headline about a blast\nSubscribe now\n  Six died. Ten were hurt.  "
    head = (0, 22)
    body = (text.index("Six"), len(text.rstrip()))
    spans = split_sentences(text, [head, body])
    assert [text[s:e] for s, e in spans] == ["Headline about a blast", "Six died.", "Ten were hurt."]
