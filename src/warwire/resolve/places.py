"""Place recognition and geocoding: find place names in text, then choose and locate the event's place.

`find_place_mentions` does an exact pass (normalised word n-grams looked up in the gazetteer index)
and a near-miss pass (rapidfuzz) only for capitalised words right after a place cue ("town of",
"near", "in" ...). `resolve_place` picks the event's mention and its gazetteer entry by context.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from warwire.model import Place
from warwire.resolve.gazetteer import DATA_DIR, Entry, load, norm, norm_token, tokens
from warwire.resolve.place_rules import same_theatre, settlement_country, spelled_as_written

MAX_WORDS = 5
# Lowercase words allowed inside a capitalised place name ("Dayr al-Zor", "Rio de Janeiro").
_LINKERS = {"al", "of", "de", "la", "le", "del", "da", "do", "du", "di", "des", "los", "las", "y", "and"}
_GAP_RE = re.compile(r"[ \t\-‐–]{1,3}")
_CUE_BEFORE = re.compile(
    r"(?:\b(?:town|village|city|cities|towns|villages|province|provinces|governorate|countryside|outskirts|"
    r"suburbs?|district|region|area|countryside)\s+of|\b(?:in|near|at|around|outside|into|from|toward|towards|"
    r"entered|besieged|captured|stormed|shelled|struck|hit))\s+(?:the\s+)?$",
    re.I,
)
_NEAR_RE = re.compile(
    r"\b(?:near|outside|outskirts\s+of|close\s+to|vicinity\s+of|nearby|around|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:of|outskirts)"
    r"|(?:\d+|a\s+few|several)\s*(?:km|kilometers|kilometres|miles)\s+\w+\s+of)\s+(?:the\s+)?(?:\w+\s+of\s+)?$",
    re.I,
)
_REGION_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|central|rural|"
    r"countryside\s+of|(?:part|parts|areas|countryside)\s+of|province\s+of|governorate\s+of)\s+(?:the\s+)?$",
    re.I,
)
_REGION_AFTER = re.compile(r"^[\s’']*(?:s\s+)?(?:province|governorate|countryside|region|de-escalation|"
                           r"suburbs|outskirts|area|rural|countryside)\b", re.I)
_TOWN_AFTER = re.compile(r"^\s+(?:city|town|village)\b", re.I)
_TOWN_BEFORE = re.compile(r"\b(?:town|village|city)\s+of\s+(?:the\s+)?$", re.I)


@dataclass
class PlaceMention:
    """A place name found in text with its gazetteer candidates (empty: a cue-marked unknown name)."""

    start: int
    end: int
    as_written: str
    candidates: list[Entry] = field(default_factory=list)
    cue: str | None = None
    lead: bool = False  # right after a locative word ("in", "near", "at"): where, not whose


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    words = _data_words(DATA_DIR / "stopwords.txt")
    return frozenset(norm_token(w) for w in words)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    rows = (line.split("\t") for line in _data_lines(DATA_DIR / "demonyms.tsv"))
    return {norm(name): cc.strip() for name, cc in rows}


def _data_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip() and not ln.startswith("#")]


def _data_words(path: Path) -> list[str]:
    return [w for line in _data_lines(path) for w in line.split()]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _name_ok(words: list[str], nwords: list[str], stop: frozenset[str] = frozenset()) -> bool:
    """Every word of a name is capitalised, except linkers; linkers may not start or end it. A name of
    several words may go on in lowercase when the whole is a gazetteer name ("Deir ezzor", "Damascus
    countryside"), but not with an ordinary word ("Aleppo city" is the city word, not a name)."""
    if nwords[-1] in _LINKERS or nwords[0] in _LINKERS - {"al"}:
        return False
    if not _capitalised(words[0]) and nwords[0] != "al":
        return False
    return all(_capitalised(w) or nw in _LINKERS or (k > 0 and nw not in stop and len(words) > 1)
               for k, (w, nw) in enumerate(zip(words, nwords, strict=True))) and any(_capitalised(w) for w in words)


def _joinable(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """joinable[i]: word i and word i+1 may belong to one name (only spaces or hyphens between)."""
    gaps = (text[spans[i][1]:spans[i + 1][0]] for i in range(len(spans) - 1))
    return [g == " " or bool(_GAP_RE.fullmatch(g)) for g in gaps] + [False]


def _usable(e: Entry) -> bool:
    """Every shipped row counts: GeoNames towns without a population figure are administrative seats."""
    return bool(e.name)


def _common_word(word: str, text_lower_words: set[str]) -> bool:
    """A one-word name that the same text also uses in lowercase is an ordinary word there."""
    return word.lower() in text_lower_words


def find_place_mentions(text: str) -> list[PlaceMention]:
    """Place names in `text`, exact matches first, then near misses after place cues."""
    gaz = load()
    spans = tokens(text)
    words = [text[s:e] for s, e in spans]
    nwords = [norm_token(w) for w in words]
    join = _joinable(text, spans)
    lower = {w for w in words if w.islower()}
    cap = [_capitalised(w) for w in words]
    stop = stopwords()
    out: list[PlaceMention] = []
    i = 0
    while i < len(spans):
        # Only a capitalised word (or "al") can open a name: skip the rest without a call.
        hit = (_exact_at(gaz, i, words, nwords, join, stop, lower, text[max(0, spans[i][0] - 40):spans[i][0]])
               if cap[i] or nwords[i] == "al" else None)
        if hit:
            n, cands = hit
            out.append(_mention(text, spans[i][0], spans[i + n - 1][1], cands))
            i += n
        else:
            i += 1
    near = _near_misses(text, spans, words, nwords, join, out, cap)
    # A near miss over a longer name replaces an exact match on its first word ("Deir" in "Deir Sunbol").
    out = [m for m in out if not any(n.candidates and n.start <= m.start < n.end for n in near)] + near
    out.sort(key=lambda m: m.start)
    return out


def _exact_at(gaz, i, words, nwords, join, stop, lower, before: str) -> tuple[int, list[Entry]] | None:
    if not _capitalised(words[i]) and nwords[i] != "al":
        return None
    n_max = 1
    while n_max < MAX_WORDS and i + n_max < len(words) and join[i + n_max - 1]:
        n_max += 1
    for n in range(n_max, 0, -1):
        key = " ".join(nwords[i:i + n])
        if len(key) < 3 or key not in gaz or not _name_ok(words[i:i + n], nwords[i:i + n], stop):
            continue
        if n == 1 and (key in stop or key in demonyms() or _common_word(words[i], lower)):
            continue
        cands = [e for e in gaz.lookup(key) if _usable(e)]
        if n == 1 and words[i].isupper() and len(words[i]) <= 4:
            cands = [e for e in cands if e.kind == "country"]  # acronyms: only "US", "UK", "USA"
        if cands and nwords[i] == "al" and i > 0 and join[i - 1] and _joined_name_word(i - 1, words, nwords, stop):
            return None  # the tail of a longer name: "Ahrar al-Sham", "Bashar al-Assad"
        if cands and n == 1 and not _lone_word_ok(i, words, nwords, join, cands, stop, before):
            return None
        if cands:
            return n, cands
    return None


_PLACE_WORD = re.compile(r"(?:city|town|village|district|province|governorate|region|area|county|state|"
                         r"neighbou?rhood|quarter|camp|countryside|suburbs?|outskirts)$", re.I)
_LEAD_CUE = re.compile(r"(?:\b(?:in|near|at|around|outside|into|from|to|toward|towards|of|between|and|across|"
                       r"through|entered|besieged|captured|stormed|shelled|struck|hit|targeted|seized|"
                       r"(?:north|south|east|west)(?:ern|east|west)?)|,)\s+(?:the\s+)?$", re.I)
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|into|around)\s+(?:the\s+)?$", re.I)
BIG_TOWN = 100_000


def _lone_word_ok(i, words, nwords, join, cands, stop, before: str) -> bool:
    """A one-word name is a place only where the text treats it as one: a big place, or a smaller one
    after a place cue ("in", "near", "town of") or before a place word ("district"), and never a part
    of a longer capitalised name ("Bikram Thapa", "Jean-Guy", "Bashar al-Assad")."""
    if any(e.kind in ("country", "admin1") for e in cands):
        return True
    top = max(_effective_pop(e) for e in cands)
    nxt = words[i + 1] if i + 1 < len(words) and join[i] else ""
    if nxt and _PLACE_WORD.match(nxt):
        return True
    in_name = _joined_name_word(i - 1, words, nwords, stop) if i > 0 and join[i - 1] else False
    if nxt and (_joined_name_word(i + 1, words, nwords, stop) or (
            nwords[i + 1] == "al" and i + 2 < len(words) and join[i + 1] and _capitalised(words[i + 2]))):
        in_name = in_name or top < BIG_TOWN
    if in_name and top < 1_000_000:
        return False
    return top >= BIG_TOWN or bool(_LEAD_CUE.search(before))


def _joined_name_word(j, words, nwords, stop) -> bool:
    w = words[j]
    return w[:1].isupper() and nwords[j] not in stop and nwords[j] not in _LINKERS and not _PLACE_WORD.match(w)




def _mention(text: str, start: int, end: int, cands: list[Entry]) -> PlaceMention:
    lead = bool(_LOCATIVE.search(text[max(0, start - 40):start]))
    return PlaceMention(start, end, text[start:end], cands, _cue(text, start, end), lead)


def _cue(text: str, start: int, end: int) -> str | None:
    """How the text places the event relative to the name: near, region (part of an area), town."""
    before, after = text[max(0, start - 60):start], text[end:end + 30]
    if _NEAR_RE.search(before):
        return "near"
    if _REGION_BEFORE.search(before) or _REGION_AFTER.match(after):
        return "region"
    if _TOWN_BEFORE.search(before) or _TOWN_AFTER.match(after):
        return "town"
    return None


def _skeleton(key: str) -> str:
    """Consonant outline: transliterations of one Arabic name mostly differ in vowels."""
    return re.sub(r"[aeiouyw]", "", key)


def _fuzzy_bucket(first: str) -> list[str]:
    """Fuzzy keys sharing the first consonant of their outline (vowel-only spellings differ first)."""
    return _fuzzy_buckets(load()).get(first, [])


@lru_cache(maxsize=2)
def _fuzzy_buckets(gaz) -> dict[str, list[str]]:
    buckets: dict[str, list[str]] = {}
    for k in gaz.fuzzy_keys():
        buckets.setdefault(k.lstrip("aeiouyw")[:1], []).append(k)
    return buckets


def _fuzzy_lookup(query: str) -> list[Entry]:
    """Gazetteer entries whose name is a near miss of `query` (normalised), or []."""
    return list(_fuzzy_cached(query, load()))  # keyed by the gazetteer: an import makes a new one


@lru_cache(maxsize=20_000)
def _fuzzy_cached(query: str, gaz) -> tuple[Entry, ...]:
    return tuple(_fuzzy_search(query, gaz))


def _fuzzy_search(query: str, gaz) -> list[Entry]:
    if len(query) < 5 or query in stopwords():
        return []
    found = process.extract(query, _fuzzy_bucket(_skeleton(query)[:1]), scorer=fuzz.ratio, limit=20,
                            score_cutoff=74)
    ok = [(score, key) for key, score, _ in found
          if score >= 88 or (_skeleton(key) == _skeleton(query) and score >= 74)]
    if not ok:
        return []
    top = max(score for score, _ in ok)
    best = [key for score, key in ok if score == top]
    return [e for key in best for e in gaz.lookup(key) if _usable(e)]


def _near_misses(text, spans, words, nwords, join, found: list[PlaceMention],
                 cap: list[bool] | None = None) -> list[PlaceMention]:
    """Capitalised names right after a place cue that the exact pass did not match (`cap`: the words'
    _capitalised, when the caller has it)."""
    cap = cap if cap is not None else [_capitalised(w) for w in words]
    covered = _covered(spans, found)
    extendable = {i for i in covered if i + 1 < len(spans) and i + 1 not in covered and join[i]
                  and _capitalised(words[i + 1]) and (i == 0 or i - 1 not in covered)}
    covered -= extendable
    out: list[PlaceMention] = []
    i = 0
    while i < len(spans):
        if not cap[i] or i in covered or not _cue_before(text, spans, words, i):
            i += 1
            continue
        n = 1
        while n < 4 and i + n < len(spans) and join[i + n - 1] and i + n not in covered and (
                _capitalised(words[i + n]) or nwords[i + n] == "al"):
            n += 1
        mention = _near_miss_at(text, spans, words, nwords, i, n, 2 if i in extendable else 1)
        if mention:
            out.append(mention)
        i += n
    return out


def _covered(spans: list[tuple[int, int]], found: list[PlaceMention]) -> set[int]:
    """Indexes of the words lying inside a found mention (spans are sorted and do not overlap)."""
    starts = [s for s, _ in spans]
    covered: set[int] = set()
    for m in found:
        i = bisect_left(starts, m.start)
        while i < len(spans) and spans[i][1] <= m.end:
            covered.add(i)
            i += 1
    return covered


# Last words of the _CUE_BEFORE cues (and "the"): the word before a cue-marked name must end with one.
_CUE_ENDS = ("of", "in", "near", "at", "around", "outside", "into", "from", "toward", "towards", "entered",
             "besieged", "captured", "stormed", "shelled", "struck", "hit", "the")


def _cue_before(text: str, spans: list[tuple[int, int]], words: list[str], i: int) -> bool:
    """_CUE_BEFORE on the 40 characters before word i; most words fail the cheap test on the word before
    (a non-ascii word always gets the regex, whose case rules go beyond str.lower)."""
    if i == 0:
        return False  # a cue is made of letters, so it is a word before this one
    prev = words[i - 1]
    if prev.isascii() and not prev.lower().endswith(_CUE_ENDS):
        return False
    start = spans[i][0]
    return _CUE_BEFORE.search(text[max(0, start - 40):start]) is not None


def _near_miss_at(text, spans, words, nwords, i, n, min_words) -> PlaceMention | None:
    stop = stopwords()
    if nwords[i] in stop or words[i].isupper() and len(words[i]) <= 4 or _lower_in(text, words[i]):
        return None
    for k in range(n, min_words - 1, -1):
        if nwords[i + k - 1] == "al":
            continue
        cands = _fuzzy_lookup(" ".join(nwords[i:i + k]))
        if cands:
            return _mention(text, spans[i][0], spans[i + k - 1][1], cands)
    if min_words > 1 or not _unknown_name_ok(text, words[i:i + n], nwords[i:i + n]):
        return None
    end = spans[i + n - 1][1] if nwords[i + n - 1] != "al" else spans[i + n - 2][1]
    return PlaceMention(spans[i][0], end, text[spans[i][0]:end], [], _cue(text, spans[i][0], end))


def _unknown_name_ok(text: str, words: list[str], nwords: list[str]) -> bool:
    """An unknown name after a cue must look like a name: it starts with a letter, and none of its words
    is an ordinary word (a stopword, or one the text also writes in lowercase: headline case
    "Killed in Rocket Attacks")."""
    if not words[0][:1].isalpha():
        return False
    stop = stopwords()
    for w, nw in zip(words, nwords, strict=True):
        if nw in stop or w[:1].isdigit() or (nw not in _LINKERS and _lower_in(text, w)):
            return False
    return True


def _lower_in(text: str, word: str) -> bool:
    low = word.lower()
    return low != word and re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


# ---- resolution -------------------------------------------------------------------------------------

_CAPS_RUN_RE = re.compile(r"\b[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*\b")


def _country_votes(text: str, mentions: list[PlaceMention]) -> dict[str, float]:
    """Evidence for the document's country: country names, demonyms, and places named."""
    votes: dict[str, float] = {}
    for m in mentions:
        kinds = {e.kind for e in m.candidates}
        if "country" in kinds:
            for e in m.candidates:
                if e.kind == "country":
                    votes[e.country] = votes.get(e.country, 0) + 3
            continue
        weight = _vote_weight(m.candidates)
        for cc, share in _place_countries(m.candidates, m.as_written).items():
            votes[cc] = votes.get(cc, 0) + weight * share
    for cc in _cue_countries(text):
        votes[cc] = votes.get(cc, 0) + 1
    head = _HEADING_RE.match(text)
    if head:  # "ARGENTINA.  A bomb ...": a leading country heading says where the report is from
        for e in load().lookup(norm(head.group(1))):
            if e.kind == "country":
                votes[e.country] = votes.get(e.country, 0) + 12
                break
    return votes


_HEADING_RE = re.compile(r"\s*([A-Z][A-Z .'’-]{2,40}?)\s*\.\s")


def _cue_countries(text: str) -> list[str]:
    """Countries of the demonyms and country-bound groups the text names ("Afghan police", "Iraqi
    soldiers", "the Taliban", "LTTE"): one vote per occurrence, two-word forms first."""
    return list(_cue_countries_cached(text))


@lru_cache(maxsize=8)  # a document's country is asked for once per stage (choose_entries, events)
def _cue_countries_cached(text: str) -> tuple[str, ...]:
    dem = demonyms()
    out = []
    for m in _CAPS_RUN_RE.finditer(text):
        # Each capitalised run ("The Abu Sayyaf Group"): two-word forms first, then single words.
        words = [_norm_cached(w) for w in m.group().split()]
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


def _vote_weight(cands: list[Entry]) -> float:
    """Big cities and admin areas say more about a document's country than a village of the same name."""
    if any(e.kind in ("admin1", "admin2") for e in cands):
        return 2.0
    top = max((_effective_pop(e) for e in cands), default=0)
    return 0.2 if top <= 300 else min(2.5, max(0.3, math.log10(top + 1) - 3.0))


def _place_countries(cands: list[Entry], as_written: str = "") -> dict[str, float]:
    """A place name's vote split over countries by prominence (kind and population); a candidate
    spelled exactly as written counts four times (Samarra, not Samara)."""
    weights: dict[str, float] = {}
    for e in cands:
        w = _prominence(e) * (4.0 if as_written and spelled_as_written(as_written, e.name) else 1.0)
        weights[e.country] = max(weights.get(e.country, 0), w)
    total = sum(weights.values()) or 1
    return {cc: w / total for cc, w in weights.items()}


def _effective_pop(e: Entry) -> int:
    """Population as evidence of prominence: areas count as big places whatever their recorded
    population; a GeoNames town without a figure is listed for being a seat, so counts as a town;
    a Syrian village without one (the dense Syrian tables) counts as a hamlet."""
    floor = {"country": 5_000_000, "admin1": 500_000, "admin2": 200_000}.get(e.kind, 0)
    if not floor and e.population == 0:
        floor = 300 if e.syrian else 10_000
    return max(e.population, floor)


def _prominence(e: Entry) -> float:
    return max(1.0, math.log10(_effective_pop(e) + 1) + (1.0 if e.syrian else 0.0)) ** 2


def document_country(text: str, mentions: list[PlaceMention] | None = None) -> str | None:
    """The ISO alpha-2 country a document is mostly about, or None when it names no place."""
    votes = _country_votes(text, find_place_mentions(text) if mentions is None else mentions)
    return max(votes, key=lambda cc: votes[cc]) if votes else None


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
    if not m.candidates:
        return None

    # A district or province named like a town: the town is its seat ("the town of Ras al-Ain").
    seats = {a.admin1 for a in m.candidates if a.kind in ("admin1", "admin2")}

    def score(e: Entry) -> float:
        s = 0.0 if country is None or same_theatre(e.country, country) else -100.0
        s += 2.5 if spelled_as_written(m.as_written, e.name) else 0.0
        if e.rank >= 3 and e.admin1 in seats:
            s += 5
        near = [abs(p - m.start) for p in admin1s.get(e.admin1 or "", ()) if p != m.start]
        if near and e.kind != "admin1":
            s += 20 + (20 if min(near) < 300 else 0)
        s += _cue_fit(m.cue, e)
        return s + math.log10(_effective_pop(e) + 10) + (3 if e.kind in ("country", "admin1") else 0)

    ranked = sorted(m.candidates, key=lambda e: (-score(e), e.rank, e.id))
    return _prefer_sense(ranked, m.cue)


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
) -> Place:
    """The event's place: the most specific mention inside `focus` (else the nearest before it, else
    the document's best), resolved by context; unknown names fall back to admin1 or country level."""
    country = country_hint or document_country(text, mentions)
    admin1s = _admin1_context(mentions, country)
    chosen = [(m, _choose_entry(m, country, admin1s)) for m in mentions]
    chosen = [(m, e) for m, e in chosen if e is None or country is None or same_theatre(e.country, country)]
    chosen = _drop_lookalikes(chosen)
    pick = _pick_mention(chosen, focus)
    if pick is None:
        return _country_place(country, None)
    m, e = pick
    place = _fallback(chosen, m, country) if e is None else _to_place(e, m)
    if place.precision in ("country", "unknown") and settlement_country(text, m.start, m.end, place.country):
        return _country_place("PS", m.as_written)  # a settlement the gazetteer lacks: West Bank or Gaza
    return place


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
        out.append((m, None) if small and e.admin1 not in regions else (m, e))
    return out


def choose_entries(
    mentions: list[PlaceMention], text: str, country: str | None = None
) -> list[tuple[PlaceMention, Entry | None]]:
    """Each mention with the entry its document's context picks (country, admin1 named nearby)."""
    country = country or document_country(text, mentions)
    admin1s = _admin1_context(mentions, country)
    return [(m, _choose_entry(m, country, admin1s)) for m in mentions]


def _specificity(e: Entry | None) -> int:
    return {"country": 0, "admin1": 1, "admin2": 2}.get(e.kind, 3) if e else -1


def _pick_mention(chosen: list[tuple[PlaceMention, Entry | None]], focus: tuple[int, int] | None):
    if not chosen:
        return None
    if focus is None:
        pool = chosen
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
    return min(pool, key=key)


def _fallback(chosen, m: PlaceMention, country: str | None) -> Place:
    """An unknown name: keep the best level known, the admin1 named nearest, else the country."""
    known = [(abs(o.start - m.start), e) for o, e in chosen if e is not None and e.kind == "admin1"]
    if known:
        e = min(known, key=lambda t: t[0])[1]
        return _area_place(e, m.as_written)
    return _country_place(country, m.as_written)


def _to_place(e: Entry, m: PlaceMention) -> Place:
    if e.kind in ("country", "admin1", "admin2"):
        return _area_place(e, m.as_written)
    precision = "near_town" if m.cue == "near" else "town"
    return Place(name=e.name, admin1=e.admin1, admin2=e.admin2, country=e.country, lat=e.lat, lon=e.lon,
                 precision=precision, geonameid=e.id, as_written=m.as_written)


def _area_place(e: Entry, as_written: str | None) -> Place:
    precision = {"country": "country", "admin1": "admin1"}.get(e.kind, "admin2")
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
