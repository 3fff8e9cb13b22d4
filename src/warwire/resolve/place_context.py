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
