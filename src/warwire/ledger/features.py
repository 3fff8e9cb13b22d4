"""Pairwise features of two event mentions for linking: date, place, type, actors, figures.

Each feature returns (compatible, score in 0..1, detail); an incompatible feature vetoes the merge.
Rules (documented here, used by link.py):
- date: known-year dates become day ranges (day: that day; month: the whole month; year: the whole year;
  start..end when an end is given; week: start..start+6). Two ranges are compatible when the gap between
  them is at most one day (so day precision matches the same day +-1, a month matches any day in it).
  A date with an unknown year is compatible only when month (and day, +-1) agree with the other side's;
  an empty date (nothing known) is compatible with anything but scores 0.
- place: different countries never match. With coordinates at town/point level on both sides: haversine
  <= 25 km. Otherwise the same admin1 when both give one (one side admin1-level, or no coordinates), else the
  same country. Same place name scores like a short distance. Unknown place: compatible, score 0. A side
  located only to its admin1 or country is compatible (or vetoes) by those rules but scores 0.
- type: same type; same family (data/ledger.json) or either generic ('other', 'attack' ...) scores less;
  anything else vetoes.
- actors: named actors shared score; two disjoint non-empty sets of named perpetrators veto.
- figures: killed totals within a factor of 3 ((max+1)/(min+1) <= 3) or missing on a side; equal scores most.
- text (primary events of documents with text): cosine of the two documents' salient terms (capitalised words
  of title and text: victim and street names, places, agencies), each weighted by its idf, so words every
  report uses weigh little. The counts start from a background table (`background_stats`,
  data/ledger_term_df.tsv) and add the documents linked so far: counted from nothing, the idf depended on
  which documents came first, and so did the ledger. See link.py for how it combines.
"""

from __future__ import annotations

import calendar
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from warwire.model import PartialDate

FINE_GEO = {"point", "town", "near_town"}
MAX_KM = 25.0
MAX_KILLED_RATIO = 3.0
Feature = tuple[bool, float, str]


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    return json.loads(
        (Path(__file__).resolve().parents[1] / "data" / "ledger.json").read_text(encoding="utf-8")
    )


@dataclass
class Mention:
    """One non-background event as one document tells it, reduced to what linking compares."""

    key: tuple[str, int]  # (document id, event index)
    source: Any  # identity of the document (events of one source never merge)
    type: str = "other"
    start: PartialDate | None = None
    end: PartialDate | None = None
    precision: str = "unknown"
    location: dict[str, Any] = field(default_factory=dict)
    actors: list[dict[str, Any]] = field(default_factory=list)
    killed: int | None = None
    wounded: int | None = None
    primary: bool = False
    published: int | None = None  # publication date of the document, as a date ordinal
    terms: frozenset[str] = frozenset()  # salient terms of the document (see `salient_terms`)
    arabic: bool = field(init=False, default=False)  # its terms are Arabic words (link.py's Arabic text rule)

    def __post_init__(self) -> None:
        self.arabic = any("\u0621" <= t[0] <= "\u064a" for t in self.terms)


@lru_cache(maxsize=65536)  # linking normalises the same place and actor names over and over
def norm(text: str | None) -> str:
    return _NOT_ALNUM.sub(" ", (text or "").lower()).strip()


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _bounds(p: PartialDate) -> tuple[int, int]:
    return _ordinal_bounds(p.year or 1, p.month, p.day)


@lru_cache(maxsize=65536)  # linking asks for the same few thousand dates over and over
def _ordinal_bounds(y: int, month: int | None, day: int | None) -> tuple[int, int]:
    if month and day:
        d = _safe_date(y, month, day).toordinal()
        return d, d
    if month:
        return date(y, month, 1).toordinal(), date(y, month, calendar.monthrange(y, month)[1]).toordinal()
    return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()


def _safe_date(y: int, m: int, d: int) -> date:
    return date(y, m, min(d, calendar.monthrange(y, m)[1]))


def day_range(m: Mention) -> tuple[int, int] | None:
    """The mention's date as an ordinal day range; None when the year is unknown."""
    if not m.start or m.start.year is None:
        return None
    lo, hi = _bounds(m.start)
    if m.end and m.end.year is not None:
        hi = max(hi, _bounds(m.end)[1])
    elif m.precision == "week" and lo == hi:
        hi = lo + 6
    return lo, hi


def date_feature(a: Mention, b: Mention) -> Feature:
    ok, score, gap = date_score(a, b)
    sa, sb = a.start, b.start
    if gap is None or sa is None or sb is None:  # (a day gap means both dates are there)
        if not sa or sa.is_empty or not sb or sb.is_empty:
            return True, 0.0, "date unknown on one side"
        return _partial_date_feature(sa, sb)
    if not ok:
        return False, 0.0, f"dates {sa.iso()} / {sb.iso()} {gap} days apart"
    if score >= 0.7:
        return True, score, f"{sa.iso()} ~ {sb.iso()} (gap {max(gap, 0)} d)"
    return True, score, f"{sa.iso()} overlaps {sb.iso()}"


def date_score(a: Mention, b: Mention) -> tuple[bool, float, int | None]:
    """`date_feature` without its explanation: (compatible, score, day gap; None when a year is unknown)."""
    if not a.start or a.start.is_empty or not b.start or b.start.is_empty:
        return True, 0.0, None
    ra, rb = day_range(a), day_range(b)
    if ra is None or rb is None:
        ok, score, _ = _partial_date_feature(a.start, b.start)
        return ok, score, None
    gap = max(ra[0], rb[0]) - min(ra[1], rb[1])
    if gap > 1:
        return False, 0.0, gap
    if ra[0] == ra[1] and rb[0] == rb[1]:
        return True, 1.0 if gap <= 0 else 0.7, gap
    return True, 0.5 if min(ra[1] - ra[0], rb[1] - rb[0]) <= 7 else 0.3, gap


def _partial_date_feature(a: PartialDate, b: PartialDate) -> Feature:
    if a.month and b.month and a.month != b.month:
        return False, 0.0, f"months {a.month} / {b.month} differ (year unknown)"
    if a.day and b.day and abs(a.day - b.day) > 1:
        return False, 0.0, f"days {a.day} / {b.day} differ (year unknown)"
    if a.month and b.month and a.day and b.day:
        return True, 0.6, f"month/day {a.month}-{a.day} ~ {b.month}-{b.day} (year unknown)"
    return True, 0.1, "partial dates agree (year unknown)"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.pi / 180
    x = (
        math.sin((lat2 - lat1) * r / 2) ** 2
        + math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin((lon2 - lon1) * r / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(x))


def _fine(loc: dict[str, Any]) -> bool:
    return loc.get("precision") in FINE_GEO and loc.get("lat") is not None and loc.get("lon") is not None


def _place_name(loc: dict[str, Any]) -> str:
    """The resolved name, else the name as written (an unresolved place still names a place)."""
    return norm(loc.get("name") or loc.get("as_written"))


COARSE_GEO = {"admin1", "country", "unknown"}


def place_feature(a: Mention, b: Mention) -> Feature:
    """Compatibility and support of two places. A place located only to its region or country (often a
    report's fallback) can veto but never supports a match: two reports that only say "Florida" share nothing."""
    ok, score, detail = _place_feature(a, b)
    if ok and score and any((m.location or {}).get("precision") in COARSE_GEO for m in (a, b)):
        return True, 0.0, f"{detail} (coarse: no support)"
    return ok, score, detail


def _place_feature(a: Mention, b: Mention) -> Feature:
    la, lb = a.location or {}, b.location or {}
    if not any(la.get(k) for k in ("country", "admin1", "name", "as_written", "lat")) or not any(
        lb.get(k) for k in ("country", "admin1", "name", "as_written", "lat")
    ):
        return True, 0.0, "place unknown on one side"
    ca, cb = (la.get("country") or "").upper(), (lb.get("country") or "").upper()
    if ca and cb and ca != cb:
        return False, 0.0, f"countries {ca} / {cb} differ"
    if _fine(la) and _fine(lb):
        km = haversine_km(la["lat"], la["lon"], lb["lat"], lb["lon"])
        if km > MAX_KM:
            return False, 0.0, f"{la.get('name')} / {lb.get('name')} {km:.0f} km apart"
        return True, 1.0 if km <= 2 else 0.7, f"{la.get('name')} ~ {lb.get('name')} ({km:.1f} km)"
    na, nb = _place_name(la), _place_name(lb)
    if na and na == nb:
        return True, 0.8, f"same place name {la.get('name') or la.get('as_written')}"
    a1, b1 = norm(la.get("admin1")), norm(lb.get("admin1"))
    if a1 and b1:
        if a1 != b1:
            return False, 0.0, f"admin1 {la.get('admin1')} / {lb.get('admin1')} differ"
        both_named = na and nb and la.get("precision") in FINE_GEO and lb.get("precision") in FINE_GEO
        return True, 0.1 if both_named else 0.4, f"same admin1 {la.get('admin1')}"
    if ca and cb:
        return True, 0.15, f"same country {ca}"
    return True, 0.0, "place not comparable"


def type_feature(a: Mention, b: Mention) -> Feature:
    ta, tb = a.type or "other", b.type or "other"
    if ta == tb:
        return True, 1.0, f"same type {ta}"
    if any(ta in fam and tb in fam for fam in tables()["type_families"]):
        return True, 0.6, f"related types {ta} / {tb}"
    if ta in tables()["generic_types"] or tb in tables()["generic_types"]:
        return True, 0.3, f"generic type {ta} / {tb}"
    return False, 0.0, f"types {ta} / {tb} differ"


def _named(m: Mention, role: str | None = None) -> set[str]:
    return {
        norm(x["name"])
        for x in m.actors
        if x.get("category") not in ("unidentified", "civilians") and (role is None or x.get("role") == role)
    }


def actor_feature(a: Mention, b: Mention) -> Feature:
    shared = _named(a) & _named(b)
    if shared:
        return True, 1.0, "shared actors " + ", ".join(sorted(shared))
    pa, pb = _named(a, "perpetrator"), _named(b, "perpetrator")
    if pa and pb:
        return False, 0.0, f"perpetrators differ: {sorted(pa)} / {sorted(pb)}"
    return True, 0.0, "no shared named actors"


def figure_feature(a: Mention, b: Mention) -> Feature:
    ka, kb = a.killed, b.killed
    if ka is None or kb is None:
        return True, 0.0, "killed figure missing on a side"
    ratio = (max(ka, kb) + 1) / (min(ka, kb) + 1)
    if ratio > MAX_KILLED_RATIO:
        return False, 0.0, f"killed {ka} / {kb} too different"
    score = 1.0 if ka == kb else 0.4
    if ka == kb == 0:
        score = 0.5 if a.wounded is not None and a.wounded == b.wounded else 0.2
    return True, score, f"killed {ka} ~ {kb}"


CAPITALISED = re.compile(r"\b[A-Z][a-z][A-Za-z'\u2019-]+")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # a plain word list; no model is loaded

    return frozenset(STOP_WORDS) | frozenset(tables()["generic_terms"])


def salient_terms(title: str | None, text: str | None) -> frozenset[str]:
    """Capitalised words of title and text, lowercased, without stop words and generic news words
    (days, months, agencies, street types: `generic_terms` in data/ledger.json): names carry the identity."""
    found = CAPITALISED.findall((title or "") + "\n" + (text or ""))
    return frozenset(w.lower().replace("\u2019", "'") for w in found) - _stop_words()


LOG_HALF = math.log(0.5)  # log(df + 0.5) of a term no document has
# the background counts are of Latin-script terms (capitalised words, lowercased): other terms (the words of
# Arabic reports) are weighed over the documents added alone (`base` not counted)
BACKGROUND_END = "\u0080"


class TermStats:
    """Document frequencies of salient terms over the documents added (idf for the text feature); the
    linker's start from background counts (`background_stats`)."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        self.base = 0  # documents of the background counts in n (`background_stats`)
        self._weights: dict[frozenset[str], tuple[dict[str, float], float]] = {}  # valid until next add
        # idf = log(n + 1) - log(df + 0.5): the second part changes only for the terms of an added document,
        # so it is kept per term, and an add costs no log of the other terms
        self._log_n = self._log_own = math.log(1)
        self._log_df: dict[str, float] = {}

    def add(self, terms: Iterable[str]) -> None:
        terms = set(terms)
        self.df.update(terms)
        self.n += 1
        self._log_n = math.log(self.n + 1)
        self._log_own = math.log(self.n - self.base + 1)
        for t in terms:
            self._log_df[t] = math.log(self.df[t] + 0.5)
        self._weights.clear()

    def copy(self) -> TermStats:
        out = TermStats()
        out.df, out.n, out.base = Counter(self.df), self.n, self.base
        out._log_n, out._log_own, out._log_df = self._log_n, self._log_own, dict(self._log_df)
        return out

    def remove(self, terms: Iterable[str]) -> None:
        """Undo `add` (a document replaced by its new version)."""
        terms = set(terms)
        self.df.subtract(terms)
        self.n -= 1
        self._log_n = math.log(self.n + 1)
        self._log_own = math.log(self.n - self.base + 1)
        for t in terms:
            if self.df[t] > 0:
                self._log_df[t] = math.log(self.df[t] + 0.5)
            else:
                del self.df[t]
                self._log_df.pop(t, None)
        self._weights.clear()

    def weights(self, terms: frozenset[str]) -> tuple[dict[str, float], float]:
        """Idf weight of each term and the vector's norm (cached until the next `add`)."""
        got = self._weights.get(terms)
        if got is None:
            log_n, log_own, log_df = self._log_n, self._log_own, self._log_df
            w = {t: (log_n if t < BACKGROUND_END else log_own) - log_df.get(t, LOG_HALF) for t in terms}
            got = self._weights[terms] = (w, math.sqrt(sum(x * x for x in w.values())))
        return got

    def idf(self, term: str) -> float:
        return (self._log_n if term < BACKGROUND_END else self._log_own) - self._log_df.get(term, LOG_HALF)

    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        """`cosine` without the shared terms (summed in another order: equal up to float rounding)."""
        if not a or not b:
            return 0.0
        (wa, na), (wb, nb) = self.weights(a), self.weights(b)
        return sum(wa[t] * wb[t] for t in a & b) / (na * nb) if na and nb else 0.0

    def cosine(self, a: frozenset[str], b: frozenset[str]) -> tuple[float, list[str]]:
        """Idf-weighted cosine of two term sets, and the heaviest shared terms (for the explanation)."""
        if not a or not b:
            return 0.0, []
        (wa, na), (wb, nb) = self.weights(a), self.weights(b)
        shared = sorted(a & b, key=lambda t: (-wa[t], t))  # ties by name: set order varies by process
        if not na or not nb:
            return 0.0, shared[:6]
        return sum(wa[t] * wb[t] for t in shared) / (na * nb), shared[:6]


TERM_DF = Path(__file__).resolve().parents[1] / "data" / "ledger_term_df.tsv"


@lru_cache(maxsize=1)
def _term_df() -> tuple[int, dict[str, int]]:
    """The shipped table: '#documents<TAB>N', then 'term<TAB>df' lines."""
    lines = TERM_DF.read_text(encoding="utf-8").splitlines()
    head, n = lines[0].split("\t")
    if head != "#documents":
        raise ValueError(f"{TERM_DF}: first line must be '#documents<TAB>N'")
    return int(n), {t: int(c) for t, c in (line.split("\t") for line in lines[1:] if line)}


def background_stats() -> TermStats:
    """New statistics that start from the shipped background counts (scripts/build_term_df.py) and then
    count the documents added. Counted from nothing, the idf of a ledger's first documents was noise and
    moved with every arrival, so the ledger depended on which came first; over thousands of background
    documents one more document hardly moves it, while a word every report of this ledger uses still comes
    to weigh little."""
    n, df = _term_df()
    stats = TermStats()
    stats.df.update(df)
    stats.n = stats.base = n
    stats._log_n = math.log(n + 1)  # (_log_own stays log(1): no document added yet)
    stats._log_df = {t: math.log(c + 0.5) for t, c in df.items()}
    return stats


def text_feature(a: Mention, b: Mention, stats: TermStats) -> Feature:
    score, shared = stats.cosine(a.terms, b.terms)
    return True, score, f"text cosine {score:.2f}, shared: {', '.join(shared) or 'none'}"


def published_gap(a: Mention, b: Mention) -> int | None:
    if a.published is None or b.published is None:
        return None
    return abs(a.published - b.published)
