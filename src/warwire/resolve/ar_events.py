"""Resolve each Arabic event's date, place, type and actors against its document (the Arabic half of
resolve/events.py): the same type names and actor names as English reports, so the two link."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from warwire import data
from warwire.extraction.ar.normalise import Normalised, norm_word
from warwire.extraction.ar.pack import load
from warwire.model import Actor, Document, Event, EventDate, PartialDate
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
        told = " ".join(norm.text[lo:hi] for lo, hi in spans)
        event.type = _type(told)
        event.actors = _actors(told, norm, spans)


def _n(norm: Normalised, offset: int) -> int:
    return bisect_left(norm.offsets, offset)


def _phrase_re(phrases: list[str]) -> re.Pattern[str]:
    """Phrases with their attached prefixes: 'للطيران الروسي' is 'ل' + 'الطيران الروسي' written with one alef."""
    bodies = {norm_word(p).removeprefix("ال") for p in phrases}
    alternation = "|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True))
    return re.compile(rf"(?<![\u0621-\u064A])(?:[وفبل]|وب|ول|لل|ولل)?(?:ال)?(?:{alternation})(?![\u0621-\u064A])")


@cache
def _tables() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, str, re.Pattern[str]]]]:
    pack = load("events")
    types = [(name, _phrase_re(phrases)) for name, phrases in pack["types"]]
    category = {row["name"]: row["category"] for row in data.load_json("actors.json")["actors"]}
    actors = [(name, category.get(name, "unidentified"), _phrase_re(phrases))
              for name, phrases in pack["actors"].items()]
    return types, actors


def _type(told: str) -> str:
    for name, pattern in _tables()[0]:
        if pattern.search(told):
            return name
    return "other"


def _actors(told: str, norm: Normalised, spans: list[tuple[int, int]]) -> list[Actor]:
    """Named actors of the event's sentences, role unknown: who did what is not read off Arabic clauses."""
    found = []
    for name, category, pattern in _tables()[1]:
        m = pattern.search(told)
        if m:
            found.append((m.start(), Actor(name, category, "unknown", m.group())))
    return [a for _, a in sorted(found, key=lambda x: x[0])]


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
