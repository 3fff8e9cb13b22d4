"""Document-level place context: the region an article is mostly about.

A primary event resolved only to its country ("in Syria", "a village in the north") still sits in the
region the article keeps naming: its headline and lede weigh most. `fill_admin1` adds that admin1 (not
a town) so the event keeps an honest precision of "admin1".
"""

from __future__ import annotations

from warwire.model import Place
from warwire.resolve.gazetteer import Entry, load, norm
from warwire.resolve.places import PlaceMention

LEDE = 400  # characters of headline and first sentence that weigh double


def admin1_votes(places: list[tuple[PlaceMention, Entry | None]], country: str) -> dict[str, float]:
    """Mentions per admin1 of `country` (areas and towns alike), the lede's counting double."""
    votes: dict[str, float] = {}
    for m, e in places:
        if e is None or e.country != country or not e.admin1 or e.kind == "country":
            continue
        votes[e.admin1] = votes.get(e.admin1, 0.0) + (2.0 if m.start < LEDE else 1.0)
    return votes


def fill_admin1(place: Place, places: list[tuple[PlaceMention, object]]) -> None:
    """A country-level place takes the admin1 the document names most, when one clearly leads."""
    if place.admin1 or not place.country or place.precision not in ("country", "unknown"):
        return
    votes = admin1_votes([(m, e) for m, e in places if e is None or isinstance(e, Entry)], place.country)
    if not votes:
        return
    ranked = sorted(votes.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] < 1.5 * ranked[1]:
        return  # two regions about equally: the article spans them
    admin1 = max(votes, key=lambda a: votes[a])
    area = next((e for e in load().lookup(norm(admin1)) if e.kind == "admin1" and e.country == place.country), None)
    place.admin1, place.name, place.precision = admin1, admin1, "admin1"
    if area is not None:
        place.lat, place.lon, place.geonameid = area.lat, area.lon, area.id


HEADLINE_TOWN = 100_000  # a headline town this big names its governorate ("in Syria's Aleppo")


def looks_like_headline(title: str) -> bool:
    """A headline is short and no sentence: a title taken from a text's first line ("A bomb exploded in
    X on Monday.") is the lede, which the chooser already reads."""
    t = title.strip()
    return len(t.split()) <= 18 and not t.endswith(".") and ". " not in t


def headline_admin1(title: str | None, country: str | None,
                    doc_places: list[tuple[PlaceMention, object]]) -> str | None:
    """The one admin1 of `country` a headline names (as a region or a big town), else None. Small
    places are left out: headline case makes ordinary words look like village names."""
    if not title or not country or not looks_like_headline(title):
        return None
    from warwire.resolve.places import _admin1_context, _choose_entry, _effective_pop, find_place_mentions

    admin1s = _admin1_context([m for m, _ in doc_places], country)
    named: set[str] = set()
    other: set[str] = set()
    for m in find_place_mentions(title):
        e = _choose_entry(m, country, admin1s)
        if e is None or e.country != country or not e.admin1:
            continue
        (named if e.kind == "admin1" or _effective_pop(e) >= HEADLINE_TOWN else other).add(e.admin1)
    # One governorate, and no smaller place the headline names lies in another ("Qalamoun ... Deir Ezzor").
    return named.pop() if len(named) == 1 and other <= named else None


def prefer_headline(place: Place, head: str, country: str | None, places: list[tuple[PlaceMention, Entry]],
                    focus: tuple[int, int]) -> Place | None:
    """The primary event set in another governorate than the one its headline names: the same name's
    entry in that governorate (a lookalike), else the most specific place the lede names there, else
    the headline's governorate itself (`country`: the document's, the headline's governorate's). None
    when the place already agrees."""
    from warwire.resolve.places import _area_place, _specificity, _to_place

    if place.admin1 == head and place.country == country:
        return None
    same = [(m, e) for m, e in places if e is not None and e.country == country]
    for m, _ in same:  # the mention the place came from, read in the headline's governorate
        if m.as_written == place.as_written and focus[0] <= m.start < focus[1]:
            twin = [c for c in m.candidates if c.admin1 == head and c.country == country]
            if twin:
                return _to_place(min(twin, key=lambda c: (c.rank, -c.population)), m)
    there = [(m, e) for m, e in same if e.admin1 == head and focus[0] <= m.start < focus[1]]
    if there:
        m, e = max(there, key=lambda t: (_specificity(t[1]), -t[0].start))
        return _to_place(e, m)
    areas = [e for _, e in same if e.kind == "admin1" and e.admin1 == head]
    area = areas[0] if areas else next(
        (e for e in load().lookup(norm(head)) if e.kind == "admin1" and e.country == country), None)
    return _area_place(area, head) if area is not None else None
