"""An event keeps the date resolved when extraction read its phrase: resolve does not parse it again
(sentences written for these tests)."""

from __future__ import annotations

import warwire.refs.dates as dates_module
from warwire.pipeline import Extractor

# A first line long enough that the date below is not read as the page's opening stamp.
LEAD = "The provincial council met for its regular session in the capital to discuss the budget.\n"


def test_the_event_keeps_the_date_extraction_resolved_and_nothing_parses_it_twice(monkeypatch) -> None:
    calls: list[str] = []
    real = dates_module._resolve_cached  # every resolution of a phrase goes through it

    def counted(norm, published, hint):
        calls.append(norm)
        return real(norm, published, hint)

    monkeypatch.setattr(dates_module, "_resolve_cached", counted)
    doc = Extractor().extract(LEAD + "Gunmen killed three villagers in Homs on Tuesday, officials said.",
                              published="2024-03-08")
    event = next(e for e in doc.events if e.casualties)
    assert event.date.as_written == "on Tuesday"
    assert event.date.precision == "day" and event.date.start is not None
    assert (event.date.start.year, event.date.start.month, event.date.start.day) == (2024, 3, 5)
    assert len([c for c in calls if "tuesday" in c.lower()]) == 1


def test_two_events_of_one_phrase_do_not_share_one_date_object() -> None:
    doc = Extractor().extract(LEAD + "Gunmen killed three villagers in Homs on Tuesday. In Aleppo, a bomb killed two "
                              "soldiers and wounded four civilians.", published="2024-03-08")
    dates = [e.date for e in doc.events]
    assert len(dates) >= 2 and {d.as_written for d in dates} == {"on Tuesday"}  # one phrase dates both
    assert len({id(d) for d in dates}) == len(dates)
