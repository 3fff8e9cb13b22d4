"""Place recognition and geocoding: choose and locate the event's place among the place names found.

Finding the names is `place_mentions.find_place_mentions` (re-exported here). `resolve_place` picks the
event's mention and its gazetteer entry by context.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache

from warwire.model import GeoPrecision, Place
from warwire.resolve.gazetteer import Entry, load, norm, norm_token
from warwire.resolve.place_mentions import (  # noqa: F401 (find_place_mentions re-exported)
    PlaceMention,
    _effective_pop,  # defined with the finding half, which weighs lone names by it
    demonyms,
    find_place_mentions,
)
from warwire.resolve.place_rules import (
    name_spellings,
    same_theatre,
    settlement_country,
    spelled_as_written,
    written_spelling,
)

# ---- resolution -------------------------------------------------------------------------------------

# Capitalised runs, \b[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*\b with the first \b written after the first letter
# (as a lookbehind): a pattern that opens with a character class lets re skip to capitals (2x faster).
_CAPS_RUN_RE = re.compile(r"[A-Z](?<!\w[\s\S])[A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*\b")


def _country_votes(text: str, mentions: list[PlaceMention]) -> dict[str, float]:
    """Evidence for the document's country: country names, demonyms, and places named."""
    votes: dict[str, float] = {}
    for m in mentions:
        weight = FUZZY_VOTE if m.fuzzy else 1.0
        for cc, vote in _mention_votes(m.as_written, tuple(m.candidates)):
            votes[cc] = votes.get(cc, 0) + weight * vote
    for cc in _cue_countries(text):
        votes[cc] = votes.get(cc, 0) + 1
    head = _HEADING_RE.match(text)
    if head:  # "ARGENTINA.  A bomb ...": a leading country heading says where the report is from
        for e in load().lookup(norm(head.group(1))):
            if e.kind == "country":
                votes[e.country] = votes.get(e.country, 0) + 12
                break
    return votes


FUZZY_VOTE = 0.25  # a near miss ("Pithan" read as India's Paithan) is weak evidence of the country


_HEADING_RE = re.compile(r"\s*([A-Z][A-Z .'’-]{2,40}?)\s*\.\s")


# A name's votes depend only on its spelling and candidates, and the same names recur in every
# document's three vote counts (choose_entries, then resolve_events' country and its strength).
@lru_cache(maxsize=4096)
def _mention_votes(as_written: str, cands: tuple[Entry, ...]) -> tuple[tuple[str, float], ...]:
    """(country, vote) pairs one mention adds, in order: 3 per country sense, else its weighted split."""
    if any(e.kind == "country" for e in cands):
        return tuple((e.country, 3) for e in cands if e.kind == "country")
    weight = _vote_weight(cands)
    return tuple((cc, weight * share) for cc, share in _place_countries(cands, as_written).items())


def _cue_countries(text: str) -> list[str]:
    """Countries of the demonyms and country-bound groups the text names ("Afghan police", "Iraqi
    soldiers", "the Taliban", "LTTE"): one vote per occurrence, two-word forms first."""
    return list(_cue_countries_cached(text))


@lru_cache(maxsize=8)  # a document's country is asked for once per stage (choose_entries, events)
def _cue_countries_cached(text: str) -> tuple[str, ...]:
    runs = (m.group() for m in _CAPS_RUN_RE.finditer(text) if not _ABROAD_AFTER.match(text, m.end()))
    return tuple(cc for run in runs for cc in _run_countries(run) if not _ABROAD_IN.search(run))


# "the Indian consulate in Kandahar", "the Japanese Embassy in Athens", "a Jordanian diplomat", "German
# tourists": a country's missions and nationals abroad say where the event is not.
_ABROAD_WORDS = r"(?:embassy|embassies|consulate|consul|diplomats?|ambassador|tourists?|citizens?)\b"
_ABROAD_AFTER = re.compile(r"[\s-]+" + _ABROAD_WORDS, re.I)
_ABROAD_IN = re.compile(r"\b" + _ABROAD_WORDS, re.I)


@lru_cache(maxsize=8192)  # the same runs ("Syrian", "Taliban", "Iraqi Army") recur from text to text
def _run_countries(run: str) -> tuple[str, ...]:
    """The countries of one capitalised run ("The Abu Sayyaf Group"): two-word forms first, then single words."""
    dem = demonyms()
    out = []
    words = [norm_token(w) for w in run.split()]  # letters only: each word is one token, its norm its norm_token
    i = 0
    while i < len(words):
        pair = f"{words[i]} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in dem:
            out.append(dem[pair])
            i += 2
            continue
        if words[i] in dem:
            out.append(dem[words[i]])
        i += 1
    return tuple(out)


@lru_cache(maxsize=50_000)
def _norm_cached(name: str) -> str:
    return norm(name)


def _vote_weight(cands: Sequence[Entry]) -> float:
    """Big cities and admin areas say more about a document's country than a village of the same name."""
    if any(e.kind in ("admin1", "admin2") for e in cands):
        return 2.0
    top = max((_effective_pop(e) for e in cands), default=0)
    return 0.2 if top <= 300 else min(2.5, max(0.3, math.log10(top + 1) - 3.0))


def _place_countries(cands: Sequence[Entry], as_written: str = "") -> dict[str, float]:
    """A place name's vote split over countries by prominence (kind and population); a candidate
    spelled exactly as written counts four times (Samarra, not Samara)."""
    weights: dict[str, float] = {}
    for e in cands:
        w = _prominence(e) * (4.0 if as_written and spelled_as_written(as_written, e.name) else 1.0)
        weights[e.country] = max(weights.get(e.country, 0), w)
    total = sum(weights.values()) or 1
    return {cc: w / total for cc, w in weights.items()}


def _prominence(e: Entry) -> float:
    return max(1.0, math.log10(_effective_pop(e) + 1) + (1.0 if e.syrian else 0.0)) ** 2


def document_country(text: str, mentions: list[PlaceMention] | None = None) -> str | None:
    """The ISO alpha-2 country a document is mostly about, or None when it names no place."""
    votes = _country_votes(text, find_place_mentions(text) if mentions is None else mentions)
    return _top_country(votes)


def _top_country(votes: dict[str, float]) -> str | None:
    return max(votes, key=lambda cc: votes[cc]) if votes else None


WEAK_COUNTRY = 1.25  # votes of a lone small place abroad ("Rawa", a Chinese town; "Sadra", an Iranian one)


def weak_document_country(text: str, mentions: list[PlaceMention]) -> bool:
    """Whether the document's country rests only on small places (no country, region, big city or
    demonym): other evidence, such as the home country of the armed groups named, should then decide."""
    votes = _country_votes(text, mentions)
    return not votes or max(votes.values()) < WEAK_COUNTRY


def document_country_strength(text: str, mentions: list[PlaceMention]) -> tuple[str | None, bool]:
    """`document_country` and `weak_document_country` together, from one count of the votes."""
    votes = _country_votes(text, mentions)
    return _top_country(votes), not votes or max(votes.values()) < WEAK_COUNTRY


def _admin1_context(mentions: list[PlaceMention], country: str | None) -> dict[str, list[int]]:
    """admin1 names the text mentions (as admin1s or via their towns), with positions."""
    seen: dict[str, list[int]] = {}
    for m in mentions:
        for e in m.candidates:
            if e.kind == "admin1" and e.admin1 and (country is None or e.country == country):
                seen.setdefault(e.admin1, []).append(m.start)
    return seen


def _choose_entry(m: PlaceMention, country: str | None, admin1s: dict[str, list[int]]) -> Entry | None:
    """Disambiguate one mention: document country, admin1 named nearby, the cue, then prominence."""
    if len(m.candidates) <= 1:
        return m.candidates[0] if m.candidates else None  # nothing to rank (_prefer_sense keeps a lone entry)

    # A district or province named like a town: the town is its seat ("the town of Ras al-Ain").
    seats = {a.admin1 for a in m.candidates if a.kind in ("admin1", "admin2")}
    written = written_spelling(m.as_written)

    def rank_key(e: Entry) -> tuple[float, int, int]:  # best score first, then the kind's rank and id
        name_spellings, rank, size, area = _entry_traits(e)
        s = 0.0 if country is None or e.country == country or same_theatre(e.country, country) else -100.0
        s += 2.5 if written in name_spellings else 0.0
        if rank >= 3 and e.admin1 in seats:
            s += 5
        near = [abs(p - m.start) for p in admin1s.get(e.admin1 or "", ()) if p != m.start]
        if near and e.kind != "admin1":
            s += 20 + (20 if min(near) < 300 else 0)
        s += _cue_fit(m.cue, e)
        score = s + size + area
        return -score, rank, e.id

    ranked = sorted(m.candidates, key=rank_key)
    return _prefer_sense(ranked, m.cue)


@lru_cache(maxsize=8192)  # the same places are candidates in text after text
def _entry_traits(e: Entry) -> tuple[tuple[str, ...], int, float, int]:
    """What _choose_entry reads of an entry alone: its name's spellings, its kind's rank, log10 of its
    effective population (+ 10), and 3 for a country or admin1 (added in this order to a score)."""
    area = 3 if e.kind in ("country", "admin1") else 0
    return name_spellings(e.name), e.rank, math.log10(_effective_pop(e) + 10), area


def _cue_fit(cue: str | None, e: Entry) -> float:
    if cue == "region":
        return 30.0 if e.kind in ("admin1", "country") else -5.0
    if cue in ("town", "near"):
        return 30.0 if e.kind in ("city", "town", "village") else -10.0
    return 0.0


def _prefer_sense(ranked: list[Entry], cue: str | None) -> Entry:
    """A bare name that is both an admin1 and its capital means the city when the city holds a good
    share of the admin1's people (Aleppo, Homs), the province otherwise (Idlib, Hama)."""
    best = ranked[0]
    if cue is not None or best.kind != "admin1":
        return best
    towns = [e for e in ranked if same_theatre(e.country, best.country) and e.kind in ("city", "town")]
    if towns and (best.population == 0 or towns[0].population >= 0.3 * best.population):
        return towns[0]
    return best


def resolve_place(
    mentions: list[PlaceMention],
    text: str,
    *,
    focus: tuple[int, int] | None = None,
    country_hint: str | None = None,
    chosen: ChosenSettings | None = None,
) -> Place:
    """The event's place: the most specific mention inside `focus` (else the nearest before it, else
    the document's best), resolved by context; unknown names fall back to admin1 or country level.
    `chosen`: the document's `choose_settings(mentions, text, country_hint)`, made once for all its events."""
    country = country_hint or document_country(text, mentions)
    chosen = choose_settings(mentions, text, country) if chosen is None else chosen
    pick = _pick_mention(chosen, focus)
    if pick is None:
        return _country_place(country, None)
    m, e = _whole_town(text, chosen, pick)
    place = _fallback(chosen, m, country) if e is None else _to_place(e, m)
    if place.precision in ("country", "unknown") and settlement_country(text, m.start, m.end, place.country):
        return _country_place("PS", m.as_written)  # a settlement the gazetteer lacks: West Bank or Gaza
    return place


class ChosenSettings(list):
    """The document's settings with their entries, in text order (as mentions come), with what the events'
    look-ups need indexed once: mention starts (a focus window by bisection) and the admin1 positions."""

    def __init__(self, items: list[tuple[PlaceMention, Entry | None]]) -> None:
        super().__init__(items)
        self.starts = [m.start for m, _ in items]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))
        known = [(m.start, e) for m, e in items if e is not None and e.kind == "admin1"]
        self.admin1_starts = [p for p, _ in known]
        self.admin1s = [e for _, e in known]


def choose_settings(mentions: list[PlaceMention], text: str, country: str | None) -> ChosenSettings:
    """The entry of each setting under the document's country, chosen once per document: every event of it
    picks its place among these (resolve_place's `chosen`)."""
    chosen = _choose_all(mentions, text, country, _admin1_context(mentions, country))
    kept = [c for c in (_abroad_unknown(m, e, country) for m, e in chosen) if c is not None]
    return ChosenSettings(_drop_lookalikes(kept))


_PART_OF = re.compile(r"\s+(?:neighbou?rhood|area|district|quarter|section|suburb|municipality|market)\s+of\s+"
                      r"(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?", re.I)
_TOWN_KINDS = ("city", "town", "village")
_AREA_AFTER = re.compile(r"\s+(?:district|province|governorate|region|county|state|agency)\b", re.I)


def _whole_town(text: str, chosen: list[tuple[PlaceMention, Entry | None]], pick):
    """"the Bebek neighbourhood of Istanbul", "the Zheray district of Kandahar": a part of a town is
    coded as the town it is part of (as RAND and ACLED code a city's quarters)."""
    m = pick[0]
    part = _PART_OF.match(text, m.end)
    if part is None:
        return pick
    for m2, e2 in chosen:
        if m2.start == part.end() and e2 is not None and not _AREA_AFTER.match(text, m2.end) and (
                e2.kind in _TOWN_KINDS or any(c.kind in _TOWN_KINDS and c.admin1 == e2.admin1 for c in m2.candidates)):
            return m2, e2
    return pick


def _abroad_unknown(m: PlaceMention, e: Entry | None, country: str | None):
    """A name whose only sense lies outside the document's country: dropped, unless the text sets something
    there ("in Rawa", "the settlement of Morag"), when it is kept as an unknown name of that country."""
    if e is None or country is None or same_theatre(e.country, country):
        return m, e
    small = e.kind not in ("country", "admin1", "admin2") and e.population < BIG_PLACE  # a lookalike, not Moscow
    return (m, None) if (m.lead or m.cue) and small else None


BIG_PLACE = 100_000


LOOKALIKE_POP = 20_000  # a hamlet this small in a region the text never names is likely another place


def _drop_lookalikes(chosen: list[tuple[PlaceMention, Entry | None]]) -> list[tuple[PlaceMention, Entry | None]]:
    """A small village whose admin1 the text never names, while it names other regions or big cities
    ("the Midan neighbourhood of Damascus" read as a hamlet in Aleppo), is kept as an unknown name."""
    regions = {e.admin1 for _, e in chosen if e is not None and e.admin1 and (
        e.kind in ("admin1", "admin2") or _effective_pop(e) >= 100_000)}
    if not regions:
        return chosen
    out = []
    for m, e in chosen:
        small = e is not None and e.rank >= 4 and e.admin1 and e.population < LOOKALIKE_POP
        out.append((m, None) if small and e is not None and e.admin1 not in regions else (m, e))
    return out


def choose_entries(
    mentions: list[PlaceMention], text: str, country: str | None = None
) -> list[tuple[PlaceMention, Entry | None]]:
    """Each mention with the entry its document's context picks (country, admin1 named nearby)."""
    country = country or document_country(text, mentions)
    chosen = _choose_all(mentions, text, country, _admin1_context(mentions, country))
    return [c for c in chosen if not _country_owner(text, *c)]


# The picks made for the last few texts: text -> (country, admin1 context, {id(mention): (mention, entry)}).
# A document's events mostly choose under the context choose_entries used, so resolve_place reuses its
# picks. The mentions are held, so an id names the same object while remembered (mentions are never
# changed once found).
_PICKS: dict[str, tuple[str | None, dict[str, list[int]], dict[int, tuple[PlaceMention, Entry | None]]]] = {}
_PICKS_KEPT = 4


def _choose_all(mentions: list[PlaceMention], text: str, country: str | None,
                admin1s: dict[str, list[int]]) -> list[tuple[PlaceMention, Entry | None]]:
    """Each mention with `_choose_entry`'s pick under one country and admin1 context."""
    memo = _PICKS.get(text)
    if memo is None or memo[0] != country or memo[1] != admin1s:
        memo = _PICKS[text] = (country, admin1s, {})
        while len(_PICKS) > _PICKS_KEPT:
            del _PICKS[next(iter(_PICKS))]
    picks = memo[2]
    out = []
    for m in mentions:
        pick = picks.get(id(m))
        if pick is None or pick[0] is not m:
            pick = picks[id(m)] = (m, _choose_entry(m, country, admin1s))
        out.append(pick)
    return out


def _country_owner(text: str, m: PlaceMention, e: Entry | None) -> bool:
    """"Syria's Idlib", "Thailand's security command", "Syrias rescuers": a country as owner says whose
    place or body that is, not where anything happened (the document's country is found without it)."""
    if e is None or e.kind != "country":
        return False
    return text.startswith(("'s", "’s"), m.end) or _norm_cached(m.as_written) not in load()


def _specificity(e: Entry | None) -> int:
    return {"country": 0, "admin1": 1, "admin2": 2}.get(e.kind, 3) if e else -1


def _pick_mention(chosen: list[tuple[PlaceMention, Entry | None]], focus: tuple[int, int] | None):
    if not chosen:
        return None
    if focus is None:
        pool = chosen
    elif isinstance(chosen, ChosenSettings) and chosen.ordered:  # the same pool, found by bisection
        lo, hi = bisect_left(chosen.starts, focus[0]), bisect_left(chosen.starts, focus[1])
        pool = chosen[lo:hi] or (chosen[lo - 1 : lo] if lo else chosen[:1])
    else:
        inside = [c for c in chosen if focus[0] <= c[0].start < focus[1]]
        before = [c for c in chosen if c[0].start < focus[0]]
        pool = inside or before[-1:] or chosen[:1]
    # The most specific place wins; at equal specificity the first (inside a focus) or the nearest
    # before it. An unknown cue-marked name counts as town level only inside the focus.
    def key(item):
        m, e = item
        spec = _specificity(e) if e is not None else (3 if focus and focus[0] <= m.start < focus[1] else -1)
        return (-spec, not m.lead, m.start)
    best = min(pool, key=key)
    if focus is not None and best[1] is not None and best[1].kind == "country":
        # Only the country inside the focus ("... frequent in Iraq"): the place named last before it, in
        # that country, is where the story is ("kidnapped in Taji").
        earlier: Iterable[tuple[PlaceMention, Entry | None]]
        if isinstance(chosen, ChosenSettings) and chosen.ordered:
            earlier = (chosen[n] for n in range(bisect_left(chosen.starts, focus[0]) - 1, -1, -1))
        else:
            earlier = reversed([c for c in chosen if c[0].start < focus[0]])
        for c in earlier:
            if c[1] is not None and c[1].kind != "country" and c[1].country == best[1].country:
                return c
    return best


def _fallback(chosen, m: PlaceMention, country: str | None) -> Place:
    """An unknown name: keep the best level known, the admin1 named nearest, else the country."""
    if isinstance(chosen, ChosenSettings) and chosen.ordered:
        e = _nearest_admin1(chosen, m.start)
        return _area_place(e, m.as_written) if e is not None else _country_place(country, m.as_written)
    known = [(abs(o.start - m.start), e) for o, e in chosen if e is not None and e.kind == "admin1"]
    if known:
        e = min(known, key=lambda t: t[0])[1]
        return _area_place(e, m.as_written)
    return _country_place(country, m.as_written)


def _nearest_admin1(chosen: ChosenSettings, start: int) -> Entry | None:
    """The admin1 mention nearest `start`; at equal distance the earlier (the first of equal starts)."""
    pos = chosen.admin1_starts
    if not pos:
        return None
    after = bisect_left(pos, start)
    if after == 0:
        return chosen.admin1s[0]
    before = bisect_left(pos, pos[after - 1])
    if after == len(pos) or start - pos[before] <= pos[after] - start:
        return chosen.admin1s[before]
    return chosen.admin1s[after]


def _to_place(e: Entry, m: PlaceMention) -> Place:
    if e.kind in ("country", "admin1", "admin2"):
        return _area_place(e, m.as_written)
    precision: GeoPrecision = "near_town" if m.cue == "near" else "town"
    return Place(name=e.name, admin1=e.admin1, admin2=e.admin2, country=e.country, lat=e.lat, lon=e.lon,
                 precision=precision, geonameid=e.id, as_written=m.as_written)


def _area_place(e: Entry, as_written: str | None) -> Place:
    precision: GeoPrecision = "country" if e.kind == "country" else "admin1" if e.kind == "admin1" else "admin2"
    return Place(name=e.admin2 if e.kind == "admin2" else (e.admin1 or e.name), admin1=e.admin1,
                 admin2=e.admin2, country=e.country, lat=e.lat, lon=e.lon, precision=precision,
                 geonameid=e.id, as_written=as_written)


def _country_place(country: str | None, as_written: str | None) -> Place:
    if country is None:
        return Place(as_written=as_written)
    e = next((c for c in load().lookup(norm(country_name(country))) if c.kind == "country"), None)
    if e is None:
        return Place(country=country, precision="country", as_written=as_written)
    return Place(name=e.name, country=country, lat=e.lat, lon=e.lon, precision="country",
                 geonameid=e.id, as_written=as_written)


def country_name(cc: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_2=cc)
    return c.name if c else cc
