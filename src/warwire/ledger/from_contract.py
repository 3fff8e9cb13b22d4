"""Rebuild `warwire.model.Document` objects from contract dicts (events.schema.json lines)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warwire.model import Actor, Claim, Claimant, Document, Event, EventDate, Evidence, PartialDate, Place


def claim_from_dict(d: dict[str, Any]) -> Claim:
    return Claim(
        outcome=d["outcome"],
        group=d["group"],
        value=d.get("value"),
        qualifier=d.get("qualifier", "exact"),
        low=d.get("low"),
        best=d.get("best"),
        high=d.get("high"),
        evidence=[Evidence(e["quote"], e["start"], e["end"]) for e in d.get("evidence") or []],
        victims=d.get("victims"),
        vague=d.get("vague"),
        convention=d.get("convention"),
        claimed_by=d.get("claimed_by"),
        claimant=Claimant.from_dict(d.get("claimant")),
    )


def place_from_dict(d: dict[str, Any] | None) -> Place | None:
    if not d:
        return None
    keys = ("name", "admin1", "admin2", "country", "lat", "lon", "geonameid", "as_written")
    return Place(**{k: d.get(k) for k in keys}, precision=d.get("precision") or "unknown")


def date_from_dict(d: dict[str, Any] | None) -> EventDate:
    d = d or {}
    return EventDate(
        start=PartialDate.from_dict(d.get("start")),
        end=PartialDate.from_dict(d.get("end")),
        precision=d.get("precision") or "unknown",
        as_written=d.get("as_written"),
    )


def event_from_dict(d: dict[str, Any], index: int) -> Event:
    actors = [
        Actor(a["name"], a.get("category", "unidentified"), a.get("role", "unknown"), a.get("as_written"))
        for a in d.get("actors") or []
    ]
    return Event(
        id=d.get("id") or f"e{index}",
        type=d.get("type") or "other",
        primary=bool(d.get("primary")),
        background=bool(d.get("background")),
        date=date_from_dict(d.get("date")),
        location=place_from_dict(d.get("location")),
        actors=actors,
        casualties=[claim_from_dict(c) for c in d.get("casualties") or []],
    )


def document_from_dict(d: dict[str, Any]) -> Document:
    """A contract line (or an input record with `text`) as a Document; `text` is '' when absent."""
    pub = d.get("published")
    pub_date = pub.get("date") if isinstance(pub, dict) else None
    return Document(
        doc=d["doc"],
        text=d.get("text") or "",
        title=d.get("title"),
        outlet=d.get("outlet"),
        url=d.get("url"),
        published=PartialDate.from_dict(pub_date),
        published_source=(pub.get("source") if isinstance(pub, dict) else None) or "none",
        events=[event_from_dict(e, i) for i, e in enumerate(d.get("events") or [])],
        language=d.get("language"),
    )


def read_jsonl(path: str | Path) -> Iterator[Document]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield document_from_dict(json.loads(line))
