"""Who a figure is attributed to, per sentence and resolved across the article."""

from __future__ import annotations

import pytest

from warwire.extraction.attribution import find_attribution
from warwire.extraction.claimant_resolution import resolve_claimants


def _claimants(ex, text: str) -> set[str | None]:
    return {c.claimed_by for e in ex.extract(text).events for c in e.casualties}


@pytest.mark.parametrize("sentence, claimant", [
    ("Twelve civilians were killed, according to the Interior Ministry.", "Interior Ministry"),
    ("Six civilians were killed in the shelling, police said.", "police"),
    ("Nine soldiers died, the Syrian Observatory for Human Rights said.", "Syrian Observatory for Human Rights"),
    ("A military source told Sputnik that 40 militants were killed.", "military source"),
    ("Four policemen were wounded, the statement said.", "the statement"),
])
def test_find_attribution(sentence: str, claimant: str) -> None:
    found = find_attribution(sentence)
    assert found is not None and claimant.lower() in found.claimant.lower()


def test_indefinite_source_waits_for_a_name() -> None:
    found = find_attribution("Eleven civilians were killed, says a UK-based war monitor.")
    assert found is not None and (found.claimant, found.kind) == ("a UK-based war monitor", "indefinite")


def test_outlet_own_voice_has_no_claimant() -> None:
    assert find_attribution("Gunmen killed three farmers in the village on Friday.") is None


def test_resolution_of_generic_and_indefinite_references() -> None:
    sentences = [
        "Eleven civilians were killed, says a UK-based war monitor.",
        "The Syrian Observatory for Human Rights said four of them were children.",
        "Two soldiers also died, the monitor said.",
        "Nobody else was hurt.",
    ]
    resolved = [name for name, _ in resolve_claimants(sentences)]
    observatory = "Syrian Observatory for Human Rights"
    assert resolved == [observatory, observatory, observatory, None]


@pytest.mark.parametrize("text, claimant", [
    ("Twelve civilians were killed in the shelling of the town on Monday, according to the Interior Ministry.",
     "Interior Ministry"),
    ("Six civilians were killed in the shelling of the town on Monday, police said.", "police"),
    ("Airstrikes killed 11 civilians in a village on Wednesday, says a UK-based war monitor. "
     "The Syrian Observatory for Human Rights said four children were among the dead.",
     "Syrian Observatory for Human Rights"),
    pytest.param(
        "The Interior Ministry said on Monday that gunmen attacked a checkpoint outside the town. "
        '"Four policemen were killed and six were wounded in the attack," the statement said.', "Interior Ministry"),
    pytest.param(
        "The Interior Ministry issued a statement on Monday. "
        '"Four policemen were killed and six were wounded in the attack," the statement said.', "Interior Ministry"),
])
def test_claimant_in_articles(ex, text: str, claimant: str) -> None:
    found = _claimants(ex, text)
    assert len(found) == 1
    [got] = found
    assert got is not None and claimant.lower() in got.lower()


def test_own_voice_claim_has_no_claimant(ex) -> None:
    assert _claimants(ex, "Gunmen killed three farmers in the village on Friday.") == {None}
