"""An event's place is chosen once, by resolve: extraction hands over the span of the place name that set
the event, each setting's gazetteer entry is chosen once per document, and every event picks among those
(sentences written for these tests)."""

from __future__ import annotations

import warwire.pipeline as pipeline_module
import warwire.resolve.places as places_module
from warwire.pipeline import Extractor
from warwire.resolve.places import choose_settings, document_country, find_place_mentions, resolve_place

LEAD = "The provincial council met for its regular session in the capital to discuss the budget.\n"
TWO = LEAD + ("Gunmen killed three villagers in Saraqib on Tuesday. In a separate attack in Aleppo, "
              "a bomb killed two soldiers.")


def test_extraction_leaves_the_place_to_resolve_and_hands_over_the_name_that_set_it(monkeypatch) -> None:
    monkeypatch.setattr(pipeline_module, "resolve_events", lambda doc, places: None)
    doc = Extractor().extract(TWO, published="2024-03-08")
    told = [e for e in doc.events if e.casualties]
    assert len(told) == 2
    assert all(e.location is None for e in doc.events)  # extraction writes no place
    assert [TWO[slice(*e.place_span)] for e in told if e.place_span] == ["Saraqib", "Aleppo"]


def test_each_setting_is_chosen_once_per_document_and_each_event_picks_its_own(monkeypatch) -> None:
    calls: list[int] = []
    real = places_module._drop_lookalikes  # the last step of choose_settings, run once per choice

    def counted(chosen):
        calls.append(len(chosen))
        return real(chosen)

    extractor = Extractor()  # its warm-up document resolves first
    monkeypatch.setattr(places_module, "_drop_lookalikes", counted)
    doc = extractor.extract(TWO, published="2024-03-08")
    names = [e.location.name for e in doc.events if e.casualties and e.location]
    assert names == ["Sarāqib", "Aleppo"]  # each event its own place, by its gazetteer name
    assert len(calls) == 1


def test_a_choice_made_once_gives_what_each_event_would_choose_alone() -> None:
    text = "Shells hit the town of Saraqib overnight. Later a car bomb exploded in the city of Aleppo."
    mentions = find_place_mentions(text)
    country = document_country(text, mentions)
    chosen = choose_settings(mentions, text, country)
    for focus in [(0, 40), (41, len(text)), None]:
        alone = resolve_place(mentions, text, focus=focus, country_hint=country)
        assert resolve_place(mentions, text, focus=focus, country_hint=country, chosen=chosen) == alone
