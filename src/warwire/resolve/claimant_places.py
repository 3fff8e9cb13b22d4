"""Local bodies that name no place ('police said', 'the coroner', 'a hospital spokeswoman') are the bodies of
their report's place: the one body of their type the report's claimants name with a place ('Oakland police said
... police said': police:oakland), else the one its text names ('Perris Police are seeking ... according to a
police report'; the place must be a gazetteer name or an 'X County'), else the dateline's town ('GARY | ...',
'FITCHBURG -- ...', 'VERNON, Conn. (WTNH) -'), else their event's place. The event's resolved town (else another
event's) gives the police, hospital and fire department; its county (the gazetteer's, else the first 'X County'
the text names) the sheriff, coroner, medical examiner and prosecutor; its state the state police. With no such
place the claimant keeps its bare type. Bare 'authorities' and 'officials' are local officials in local news (an
event in a local-news country, or a report citing a local body), a government elsewhere."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from warwire.extraction.local_bodies import LocalBodies, local_bodies
from warwire.model import Claimant, Document, Place
from warwire.resolve.gazetteer import load as load_gazetteer
from warwire.resolve.gazetteer import norm

TOWN_PRECISIONS = frozenset({"point", "town", "near_town"})
TOWN_KINDS = frozenset({"city", "town", "village"})
DATELINE_CHARS = 300
# "SAN ANTONIO - ...", "INDIANAPOLIS, Ind. – ...", "GARY | ...", "MODESTO (CBS13) – ...": a dateline's end
DATELINE_END = re.compile(r"\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\.?)?\s*(?:\([^)]{1,20}\)\s*)?[–—\-|:]")
COUNTY_NAMED = re.compile(r"\b(?P<x>(?:[A-Z][a-z]+[ \-]){1,2}(?:County|Parish))\b")
# A dateline in capitals the place finder did not take ("GARY | ...", "FITCHBURG -- ...")
DATELINE = re.compile(
    r"(?<![\w.,'’])(?P<x>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3})(?=" + DATELINE_END.pattern + ")")
COUNTY_WORDS = frozenset({"county", "parish"})
NAMED_BEFORE = r"(?P<x>(?:[A-Z][\w.'’\-]*\s+){1,4})"  # "Port St. Lucie " before "police"
ABBREVIATIONS = frozenset({"st.", "ft.", "mt.", "n.", "s.", "e.", "w."})  # a place's, not a sentence's end


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
    text_named: list[tuple[Claimant, str]] | None = None
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
            if text_named is None:  # read once, and only for a report with a body to place
                text_named = _named_in_text(doc.text, bodies)
            in_text = {c.id: (c, p) for c, p in text_named if c.id.split(":")[0] == claim.claimant.id}
            if len(in_text) == 1:  # "Perris Police are seeking ... according to a police report"
                placed, _ = next(iter(in_text.values()))
                claim.claimant = replace(claim.claimant, id=placed.id, name=placed.name)
                continue
            place = (dateline if level == "city" or _is_county(dateline) else None) \
                or _level(where, level, primary) or _level(towns[0] if towns else None, level, None)
            if place is None and level == "city":  # "police" beside "the Phoenix Fire Department"
                towns_named = {p for c, p in text_named if bodies.place_level(c) == "city"}
                place = next(iter(towns_named)) if len(towns_named) == 1 else None
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
    gazetteer = load_gazetteer()
    for found in DATELINE.finditer(text, 0, DATELINE_CHARS):
        name = found.group("x").title()
        if len(name) > 2 and (norm(name) in gazetteer or _is_county(name)):
            return name
    return None


def _is_county(name: str | None) -> bool:
    return name is not None and len(name.split()) > 1 and name.split()[-1].lower() in COUNTY_WORDS


def _named_in_text(text: str, bodies: LocalBodies) -> list[tuple[Claimant, str]]:
    """The placed local bodies the text names ('Port St. Lucie police', 'the Pike County Sheriff’s Office'),
    with their places: a gazetteer name ('Miami-Dade': its first part) or an 'X County', never a common word
    ('When Bristol Police officers': Bristol; 'Many police officers': none)."""
    gazetteer = load_gazetteer()
    found: list[tuple[Claimant, str]] = []
    for m in _heads_pattern(bodies).finditer(text):
        words = m.group("x").split()
        ends = [n for n, w in enumerate(words) if w[-1] in ".!?:" and w.lower() not in ABBREVIATIONS]
        words = words[ends[-1] + 1 :] if ends else words  # "... Medical Center. Police learned": no place
        for cut in range(len(words)):
            place = " ".join(words[cut:]).strip(".,")
            if place.lower() in STOP_WORDS or place.lower() in bodies.modifiers:  # "University police"
                continue
            # A county's name is a place's too: "Camden County", not "Photo Camden County"
            if _is_place(place.rsplit(" ", 1)[0] if _is_county(place) else place, gazetteer):
                claimant = bodies.claimant(f"{place} {m.group('h')}")
                if claimant is not None and ":" in claimant.id:
                    level = bodies.place_level(claimant)
                    if _is_county(place) or level == "county" or level == _gazetteer_level(place, gazetteer):
                        found.append((claimant, place))
                break
    return found


def _is_place(name: str, gazetteer: Any) -> bool:
    return norm(name) in gazetteer or norm(name.split("-")[0]) in gazetteer  # "Miami-Dade": Miami's


def _gazetteer_level(name: str, gazetteer: Any) -> str:
    """'city' for a town's name ('Perris'), 'state' for a state's only ('Tennessee')."""
    entries = gazetteer.lookup(norm(name)) or gazetteer.lookup(norm(name.split("-")[0]))
    return "city" if any(e.kind in TOWN_KINDS for e in entries) else "state"


def _heads_pattern(bodies: LocalBodies) -> re.Pattern[str]:
    if bodies not in _PATTERNS:
        # Not a hospital (its own name is its place) nor a bare role ('Homicide Detectives')
        heads = sorted({" ".join(h) for h, b in bodies.heads.items() if b.place != "name" and h not in bodies.roles},
                       key=len, reverse=True)
        alternation = "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in h.split()) for h in heads)
        _PATTERNS[bodies] = re.compile(NAMED_BEFORE + r"(?P<h>(?i:" + alternation + r"))\b")
    return _PATTERNS[bodies]


_PATTERNS: dict[LocalBodies, re.Pattern[str]] = {}


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



