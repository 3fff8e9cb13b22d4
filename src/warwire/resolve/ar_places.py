"""Places in Arabic text: the Arabic names of the gazetteer's Syrian entries (data/lang/ar/places.tsv.gz,
the same ids and coordinates as the English table), looked up on normalised words with their attached
prefixes taken off ("بريف", "وبلدة", "#إدلب"); cues (مدينة، بلدة، قرية، ريف، حي ...) mark a setting.
"ريف إدلب الجنوبي" is the governorate's countryside: admin1 precision; so is "شرقي دير الزور" (a direction before
a governorate's name: the area around it, not the city), while "غرب عفرين" is near the town.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache

from warwire.extraction.ar.lexicon import variants
from warwire.extraction.ar.normalise import norm_word
from warwire.extraction.ar.pack import load, read_bytes
from warwire.model import Place
from warwire.resolve.gazetteer import Entry, norm, parse_row
from warwire.resolve.gazetteer import load as load_gazetteer

MAX_WORDS = 4
WORD = re.compile(r"[\u0621-\u064A]+")
SPECIFIC = {"village": 0, "town": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
SYRIA = Place(name="Syrian Arab Republic", country="SY", lat=33.5102, lon=36.29128, precision="country",
              geonameid=163843, as_written=None)


@dataclass(frozen=True)
class ArPlace:
    start: int  # offsets in the normalised text
    end: int
    candidates: tuple[Entry, ...]
    cue: bool  # after a place cue or a hashtag: a setting, not a name in passing
    countryside: bool  # 'ريف X': X's governorate countryside


@dataclass
class _Index:
    keys: dict[str, tuple[Entry, ...]]
    first: dict[str, int]  # first word -> most words of a key starting with it
    cues: frozenset[str]
    countryside: frozenset[str]
    not_places: frozenset[str]
    around: frozenset[str]


@cache
def _index() -> _Index:
    keys: dict[str, list[Entry]] = {}
    data = gzip.decompress(read_bytes("places.tsv.gz")).decode("utf-8")
    for line in data.splitlines():
        if line:
            entry, names = parse_row(line)
            for key in names:
                keys.setdefault(key, []).append(entry)
    first: dict[str, int] = {}
    for key in keys:
        words = key.split()
        first[words[0]] = max(first.get(words[0], 0), len(words))
    cfg = load("places")
    return _Index({k: tuple(v) for k, v in keys.items()}, first, frozenset(norm_word(c) for c in cfg["cues"]),
                  frozenset(norm_word(c) for c in cfg["countryside"]),
                  frozenset(norm_word(c) for c in cfg["not_places"]),
                  frozenset(norm_word(c) for c in cfg["around"]["words"]))


def find_ar_places(text: str) -> list[ArPlace]:
    """Place names of normalised text, longest first at each word."""
    idx = _index()
    words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
    plain = [w for w, _, _ in words]
    out: list[ArPlace] = []
    i = 0
    while i < len(words):
        found = _match(idx, plain, i)
        if found is None:
            i += 1
            continue
        entries, n, stem = found
        start, end = words[i][1], words[i + n - 1][2]
        prev = plain[i - 1] if i else ""
        hashtag = start > 0 and text[start - 1] == "#"
        prefixed = stem != plain[i]
        before = variants(prev) if prev else ()
        cue = hashtag or (prefixed and plain[i][0] in "بف") or any(v in idx.cues for v in before)
        # 'ريف إدلب', 'شرقي دير الزور': the area around the name, not the city itself
        countryside = any(v in idx.countryside or v in idx.around for v in before)
        if cue or n > 1 or any(e.kind in ("admin1", "admin2", "city") for e in entries):
            out.append(ArPlace(start, end, entries, cue, countryside))
        i += n
    return out


def _match(idx: _Index, words: list[str], i: int) -> tuple[tuple[Entry, ...], int, str] | None:
    common = any(v in idx.not_places or v in idx.cues for v in variants(words[i]))
    for stem in variants(words[i]):
        most = idx.first.get(stem)
        if most is None:
            continue
        for n in range(min(most, len(words) - i), 0, -1):
            key = " ".join([stem, *words[i + 1 : i + n]])
            if n == 1 and (common or len(key) < 3):
                continue
            entries = idx.keys.get(key)
            if entries:
                return entries, n, stem
    return None


def _place(entry: Entry, written: str, precision: str | None = None) -> Place:
    kind = precision or {"village": "town", "town": "town", "city": "town"}.get(entry.kind, entry.kind)
    return Place(name=entry.name, admin1=entry.admin1, admin2=entry.admin2, country=entry.country, lat=entry.lat,
                 lon=entry.lon, precision=kind, geonameid=entry.id, as_written=written)  # type: ignore[arg-type]


def governorates(mentions: list[ArPlace]) -> list[str]:
    """The governorates the text names (as admin1 entries or countryside), most often named first."""
    counts: dict[str, int] = {}
    for m in mentions:
        # In candidate order, not a set's: ties of count keep the order the names came in, the same every run.
        named = dict.fromkeys(e.admin1 or e.name for e in m.candidates if e.kind == "admin1" or m.countryside)
        for g in named:
            counts[g] = counts.get(g, 0) + 1
    return sorted(counts, key=lambda g: -counts[g])


def choose(mention: ArPlace, admin1s: list[str]) -> Entry | None:
    """A name's entry: one in a governorate the text names, a settlement before an area of the same name,
    the most populous first. None when the text names governorates and none of them holds the name (a
    village the table lacks, read as its namesake elsewhere)."""
    cands = list(mention.candidates)
    named = [e for e in cands if e.admin1 in admin1s]
    if admin1s and not named and not any(e.kind == "admin1" for e in cands):
        return None
    pool = named or cands
    rank = {g: -i for i, g in enumerate(admin1s)}
    return max(pool, key=lambda e: (rank.get(e.admin1 or "", -99),
                                    e.kind not in ("admin1", "admin2", "country") or mention.countryside,
                                    e.population, -SPECIFIC.get(e.kind, 5)))


def resolve_ar_place(mentions: list[ArPlace], text: str, focus: tuple[int, int], admin1s: list[str]) -> Place | None:
    """The event's place: the most specific setting named in its sentences (the focus), else in the text."""
    for lo, hi in (focus, (0, len(text))):
        inside = [m for m in mentions if lo <= m.start < hi]
        settings = [m for m in inside if m.cue] or inside
        chosen = [(m, e) for m in settings if (e := choose(m, admin1s)) is not None]
        if not chosen:
            continue
        best, entry = min(chosen, key=lambda me: (3 if me[0].countryside else SPECIFIC.get(me[1].kind, 5),
                                                  me[0].start))
        written = text[best.start : best.end]
        if best.countryside:  # 'ريف إدلب': the governorate; 'ريف عفرين': around the town
            gov = next((e for e in best.candidates if e.kind == "admin1"), None)
            return _place(gov, written, "admin1") if gov is not None else _place(entry, written, "near_town")
        if entry.kind == "admin2":  # 'كوباني' names the district and its town: the town, not the centroid
            entry = _seat(entry) or entry
        return _place(entry, written)
    return None


def _seat(district: Entry) -> Entry | None:
    """The district's namesake town in the shipped gazetteer (by its normalised English name)."""
    towns = [e for e in load_gazetteer().lookup(norm(district.name))
             if e.kind in ("city", "town", "village") and e.admin1 == district.admin1 and e.country == district.country]
    return max(towns, key=lambda e: e.population) if towns else None
