"""Local bodies that name no place ('police said', 'the coroner', 'a hospital spokeswoman') are the bodies of
their report's place: the one body of their type the report names with a place ('Oakland police said ...
police said': police:oakland), else their event's place. The event's resolved town (else another event's) gives the
police, hospital and fire department; its county (the gazetteer's, else the first 'X County' the text names)
the sheriff, coroner, medical examiner and prosecutor; its state the state police. With no such place the
claimant keeps its bare type. Bare 'authorities' and 'officials' are local officials in local news (an event in
a local-news country, or a report citing a local body), a government elsewhere."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from warwire.extraction.local_bodies import local_bodies
from warwire.model import Document, Place

TOWN_PRECISIONS = frozenset({"point", "town", "near_town"})
TOWN_KINDS = frozenset({"city", "town", "village"})
DATELINE_CHARS = 300
# "SAN ANTONIO - ...", "INDIANAPOLIS, Ind. – ...", "GARY | ...", "MODESTO (CBS13) – ...": a dateline's end
DATELINE_END = re.compile(r"\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\.?)?\s*(?:\([^)]{1,20}\)\s*)?[–—\-|:]")
COUNTY_NAMED = re.compile(r"\b(?P<x>(?:[A-Z][a-z]+[ \-]){1,2}(?:County|Parish))\b")


def place_local_claimants(doc: Document, places: Sequence[tuple[Any, Any]] = ()) -> None:
    """`places`: the document's place mentions with their chosen entries (the dateline's town is the report's
    own town, before any event's)."""
    bodies = local_bodies()
    dateline = _dateline_town(doc.text, places)
    primary = next((e.location for e in doc.events if e.primary and e.location is not None), None)
    towns = [e.location for e in doc.events if e.location is not None and e.location.precision in TOWN_PRECISIONS]
    named: dict[str, set[tuple[str, str]]] = {}  # type -> the placed bodies of that type the report names
    for claim in (c for e in doc.events for c in e.casualties):
        if claim.claimant is not None and ":" in claim.claimant.id and bodies.is_local(claim.claimant):
            named.setdefault(claim.claimant.id.split(":")[0], set()).add((claim.claimant.id, claim.claimant.name))
    county_named: list[str | None] = []  # the text's first county, looked up once and only when needed
    cites_local = any(c.claimant is not None and bodies.is_local(c.claimant) for e in doc.events for c in e.casualties)
    for event in doc.events:
        where = event.location if event.location is not None else primary
        local_news = cites_local or (where is not None and where.country in bodies.local_countries)
        for claim in event.casualties:
            if claim.claimant is not None and claim.claimant.id in bodies.bare_officials and local_news:
                claim.claimant = replace(claim.claimant, kind="local_official")
            level = bodies.unplaced(claim.claimant) if claim.claimant is not None else None
            if level is None or claim.claimant is None:
                continue
            same = named.get(claim.claimant.id, set())
            if len(same) == 1:  # "Oakland police said ... police said"
                cid, name = next(iter(same))
                claim.claimant = replace(claim.claimant, id=cid, name=name)
                continue
            place = (dateline if level == "city" else None) or _level(where, level, primary) \
                or _level(towns[0] if towns else None, level, None)
            if place is None and level == "county":
                if not county_named:
                    found = COUNTY_NAMED.search(doc.text)
                    county_named.append(found.group("x") if found else None)
                place = county_named[0]
            if place is not None:
                claim.claimant = bodies.place(claim.claimant, place)


def _dateline_town(text: str, places: Sequence[tuple[Any, Any]]) -> str | None:
    for mention, entry in places:
        written = mention.as_written
        if mention.start < DATELINE_CHARS and entry is not None and entry.kind in TOWN_KINDS \
                and written.isupper() and len(written) > 2 and DATELINE_END.match(text, mention.end):
            return written.title()
    return None


def _level(where: Place | None, level: str, primary: Place | None) -> str | None:
    for place in (where, primary):
        if place is None:
            continue
        if level == "city" and place.precision in TOWN_PRECISIONS and place.name:
            return place.name
        if level == "county" and place.admin2:
            return place.admin2
        if level == "state" and place.admin1:
            return place.admin1
    return None



