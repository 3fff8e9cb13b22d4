"""Coding conventions (data/conventions/): a vague word's `best` under a named dataset's rules."""

from __future__ import annotations

import pytest

from warwire.extraction import conventions


def _kept(doc) -> list[tuple]:
    """What a convention must leave as it is: outcome, vague word, low and high."""
    return [(c.outcome, c.vague, c.low, c.high) for e in doc.events for c in e.casualties]


@pytest.mark.parametrize(("name", "text", "best"), [
    ("aan", "Coalition troops killed several insurgents in Nad Ali district on Tuesday.", 3),
    ("aan", "The patrol detained numerous suspected militants near the bazaar, officials said.", 4),
    ("aan", "The patrol came under fire and responded, killing several of the gunmen.", 3),  # not 'killing of'
    ("acled", "Gunmen killed dozens of villagers in an overnight raid on Tuesday.", 12),
    ("acled", "Several soldiers were killed when their convoy was ambushed, the army said.", 3),
])  # fmt: skip
def test_a_convention_fills_best_and_says_so(ex, name: str, text: str, best: int) -> None:
    plain = ex.extract(text)
    coded = ex.extract(text, convention=name)
    figures = [c for e in coded.events for c in e.casualties]
    assert figures and all(c.qualifier == "vague" for c in figures)
    assert [c.best for c in figures] == [best]
    assert [c.convention for c in figures] == [name]
    # The vague word, low and high are the same as without a convention; only best is filled.
    assert _kept(coded) == _kept(plain)
    assert [c.best for e in plain.events for c in e.casualties] == [None]


def test_default_leaves_best_empty_and_numbers_untouched(ex) -> None:
    doc = ex.extract("Several civilians and 4 soldiers were killed in the attack, police said.", convention="aan")
    by_value = {(c.value, c.best, c.convention) for e in doc.events for c in e.casualties}
    assert (4, 4, None) in by_value  # a written number is never recoded
    plain = ex.extract("Several civilians were killed in the attack, police said.")
    assert [(c.best, c.convention) for e in plain.events for c in e.casualties] == [(None, None)]


def test_unknown_convention_is_a_clear_error(ex) -> None:
    with pytest.raises(ValueError, match="unknown convention 'icews'.*aan"):
        ex.extract("Two soldiers were killed.", convention="icews")


def test_shipped_conventions_have_sources() -> None:
    from importlib import resources

    sources = resources.files("warwire.data").joinpath("SOURCES.md").read_text("utf-8")
    for name in conventions.names()[1:]:
        assert f"conventions/{name}.json" in sources
        assert conventions.load(name).best


def _doc_total(doc, outcome: str) -> int:
    return sum(c.best or 0 for e in doc.events if not e.background for c in e.casualties if c.outcome == outcome)


@pytest.mark.parametrize(("text", "default", "aan"), [
    # a count and a vague word together: the counted part is kept, the convention adds its figure
    ("Afghan forces captured a Haqqani commander and several associates in Gardez district on Monday.", 1, 4),
    ("The patrol arrested a Taliban financier in Zurmat district today. The force also detained multiple "
     "suspected insurgents and seized two rifles.", 1, 4),
    ("Security forces captured a Taliban bomb facilitator in Nawa district on Friday. Numerous suspected "
     "insurgents were detained during the search.", 1, 5),
    # the same vague word told in the lede and again in the body is one figure, not two
    ("Afghan and coalition forces detained several suspected insurgents in Zabul province yesterday. After "
     "questioning residents in Shah Joy district, the force detained several suspected insurgents.", 0, 3),
    # 'several more' is a second group, 'also ... several' the first told again
    ("The patrol detained several suspected insurgents in Nawa district on Monday. Several more suspected "
     "insurgents were detained at a second compound.", 0, 6),
    ("The patrol detained a Taliban facilitator and several suspected insurgents in Nawa district on Monday. "
     "The force also detained several suspected insurgents for questioning.", 1, 4),
])  # fmt: skip
def test_counted_and_vague_victims_add_up_under_a_convention(ex, text: str, default: int, aan: int) -> None:
    assert _doc_total(ex.extract(text), "captured") == default
    assert _doc_total(ex.extract(text, convention="aan"), "captured") == aan
