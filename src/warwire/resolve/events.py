"""Resolve each extracted event's date, place, actors and type against the document."""

from __future__ import annotations

from warwire.model import Document, Event, EventDate
from warwire.resolve.datelines import dateline_weekday_hint
from warwire.resolve.dates import resolve_date


def resolve_events(doc: Document, place_mentions: list) -> None:
    weekday = dateline_weekday_hint(doc.text, doc.published)
    for event in doc.events:
        event.date = _date(event, doc, weekday)


def _date(event: Event, doc: Document, weekday: int | None) -> EventDate:
    written = event.date.as_written
    if not written:
        return EventDate(precision="unknown")
    resolved = resolve_date(written, doc.published, weekday=weekday)
    resolved.as_written = written
    return resolved
