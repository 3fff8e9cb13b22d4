"""The outlet a flattened page signs: wire datelines and byline lines (pages written for these tests)."""

from __future__ import annotations

import pytest
from shared_data import shared_path

from warwire.ingest.outlets import outlet_from_text


@pytest.mark.parametrize(("text", "outlet"), [
    ("Militants shell Aleppo district\n\nALEPPO, March 3. /TASS/. Militants shelled a district of the city.", "TASS"),
    ("BEIRUT (Reuters) - Air strikes hit a market town in Idlib on Monday, a monitor said.", "Reuters"),
    ("KABUL, Afghanistan (AP) — A roadside bomb killed two policemen on Sunday.", "Associated Press"),
    ("Headline about a clash\nSputnik\n\nThe ministry said 12 militants had been eliminated.", "Sputnik"),
    ("MOSCOW October 18 (RIA Novosti) - The monitor said the toll had risen.", "RIA Novosti"),
])
def test_signed_pages_name_their_outlet(text: str, outlet: str) -> None:
    assert outlet_from_text(text) == outlet


@pytest.mark.parametrize("text", [
    "A commander told the Sputnik news agency that 30 fighters had been killed near the town.",
    "Activists said (citing Reuters) that the convoy was hit.",
    "Army repels attack in Hama countryside\n\nThe army said it killed 20 militants, SANA reported.",
    "",
])
def test_an_agency_named_inside_the_story_is_not_the_outlet(text: str) -> None:
    assert outlet_from_text(text) is None


def test_seed_pages_outlets():
    seeds = shared_path("corpus", "seeds")
    found = {p.name[:3]: outlet_from_text(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))}
    assert found == {"000": None, "001": None, "002": "Sputnik", "003": "TASS", "004": None}
