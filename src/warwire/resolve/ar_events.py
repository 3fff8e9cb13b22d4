"""Resolve each Arabic event's date and place against its document (the Arabic half of resolve/events.py)."""

from __future__ import annotations

from warwire.extraction.ar.normalise import Normalised
from warwire.model import Document, Event, EventDate, PartialDate
from warwire.resolve.ar_dates import find_ar_dates
from warwire.resolve.ar_places import SYRIA, find_ar_places, governorates, resolve_ar_place

LEDE = 2  # sentences of the primary event read for its place before the rest


def resolve_ar_events(doc: Document, norm: Normalised, events: list[Event]) -> None:
    places = find_ar_places(norm.text)
    admin1s = governorates(places)
    dates = find_ar_dates(norm.text, doc.published)
    syrian = bool(places) or "سوري" in norm.text
    for event in events:
        spans = [(_n(norm, s), _n(norm, e)) for s, e in event.sentences]
        focus = (spans[0][0], spans[min(LEDE, len(spans)) - 1][1]) if spans else (0, 0)
        event.location = resolve_ar_place(places, norm.text, focus, admin1s)
        if event.location is None and syrian:
            event.location = SYRIA.__class__(**SYRIA.to_dict())
        event.date = _date(event, spans, dates, doc)


def _n(norm: Normalised, offset: int) -> int:
    from bisect import bisect_left

    return bisect_left(norm.offsets, offset)


def _date(event: Event, spans: list[tuple[int, int]], dates: list, doc: Document) -> EventDate:
    inside = [d for d in dates if any(lo <= d.start < hi for lo, hi in spans)]
    pick = next((d for d in inside if d.explicit), None) or (inside[0] if inside else None)
    if pick is not None:
        return pick.date
    pub = doc.published
    if event.background or pub is None or pub.year is None:
        return EventDate(precision="unknown")
    if pub.day is not None:
        return EventDate(start=PartialDate(pub.year, pub.month, pub.day), precision="day")
    return EventDate(start=PartialDate(pub.year, pub.month, None), precision="month")
