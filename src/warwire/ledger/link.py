"""Cross-report linking: which event mentions of different documents tell the same event.

Two rules, see `compare`; a mention never joins a cluster holding a mention of its own document.
- fields rule (any event): no feature vetoes (date, place, type, actors, figures; features.py) and the
  weighted score is >= THRESHOLD. The mention must be compatible with every member of the cluster.
- story rule (primary events of documents with text, the one incident an article is about): the idf
  cosine of the documents' salient terms plus small bonuses (or penalties when a feature vetoes) for place
  (STORY_WEIGHTS), date and figures, >= STORY_MIN when the publication dates are at most STORY_DAYS apart,
  or >= LONG_MIN up to LONG_DAYS apart (follow-ups: arrests, trials). Extracted places and dates of a
  report are noisy, names in the text much less, so one strongly matching member is enough (single link).
Thresholds were set on the whole gva_linking_dev set, never per row: B-cubed F1 0.896-0.907 for STORY_MIN
0.15-0.22, STORY_DAYS 7-21, LONG_MIN 0.3-0.4; the chosen point is in the middle of that plateau.
Arabic rule (`_arabic_match`; primary events of Arabic reports, whose terms are their normalised Arabic
words): most posts carry no publication date and Arabic has no capitals, so the idf cosine of the words
plus half the fields score (date and place must not veto) >= AR_MIN, single link, while no member's date
or place rules the report out. Set on the whole airwars_dev set (B-cubed F1 0.57-0.60 for AR_MIN 0.35-0.45,
share 0.5; fields rule only: 0.48).
An Arabic and an English report share no words: they link by the fields rule.
The idf counts start from background counts (`features.background_stats`), so the first documents of a
ledger weigh terms as later ones do, whatever came first. STORY_MIN_DOCS: the story rule needs that many
documents with text linked (a ledger of a handful links by the fields rule alone).
STORY_ONLY: primary events with text on both sides link by the story rule alone (their extracted fields are
noisier than the text; the fields rule on them cost precision on the dev set).
A mention joins the best-scoring cluster (story matches first), else starts a new one. Incremental: a new
document is compared only with the clusters in its blocks, nothing is recomputed. The ledger on SQLite
(blocks.py) keeps a cluster only when one of its members can still match (`fields_reachable`, or the story
window): an event without a date is compared only with events of its place. `MemoryIndex` (link_documents)
and the SQL blocking (PostgreSQL) block by country x month and publication window, a superset.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from warwire.extraction.ar.terms import arabic_terms
from warwire.ledger.features import (
    Mention,
    TermStats,
    _safe_date,
    actor_feature,
    background_stats,
    date_feature,
    date_score,
    figure_feature,
    place_feature,
    published_gap,
    salient_terms,
    text_feature,
    type_feature,
)
from warwire.model import Document, Event, PartialDate

WEIGHTS = {"date": 0.3, "place": 0.3, "type": 0.15, "actors": 0.1, "figures": 0.15}
FEATURES = {
    "date": date_feature,
    "place": place_feature,
    "type": type_feature,
    "actors": actor_feature,
    "figures": figure_feature,
}
THRESHOLD = 0.5
# story rule: bonus weight per feature (a vetoing feature subtracts VETO_SHARE of it, figures all of it)
STORY_WEIGHTS = {"place": 0.05, "date": 0.1, "figures": 0.05}
VETO_SHARE = {"place": 0.5, "date": 0.5, "figures": 1.0}
STORY_MIN, STORY_DAYS = 0.2, 14
LONG_MIN, LONG_DAYS = 0.35, 400
STORY_ONLY = True
# Arabic text rule (`_arabic_match`)
AR_MIN, AR_FIELDS_SHARE, AR_VETO = 0.4, 0.5, 0.1
STORY_MIN_DOCS = 20  # idf means nothing over a handful of documents: below this the story rule is off


@dataclass
class Match:
    score: float
    features: dict[str, dict[str, Any]] = field(default_factory=dict)
    with_key: tuple[str, int] | None = None
    rule: str = "fields"


def _fields(
    a: Mention, b: Mention, stop_on_veto: bool = False
) -> tuple[float, dict[str, dict[str, Any]], str | None]:
    """Weighted score and details of every feature, and the first vetoing feature (None when none);
    with `stop_on_veto` the rest is not computed once a feature vetoes (the caller only wants the veto)."""
    feats: dict[str, dict[str, Any]] = {}
    total, veto = 0.0, None
    for name, fn in FEATURES.items():
        ok, score, detail = fn(a, b)
        if not ok and veto is None:
            veto = name
            if stop_on_veto:
                return 0.0, feats, veto
        total += WEIGHTS[name] * score if ok else 0.0
        feats[name] = {"score": round(score, 3), "ok": ok, "detail": detail}
    return total, feats, veto


def _story(a: Mention, b: Mention, feats: dict[str, dict[str, Any]], stats: TermStats) -> Match | None:
    """The story rule (module docstring): text cosine plus feature bonuses within a publication window."""
    gap = published_gap(a, b)
    if gap is None or gap > LONG_DAYS or not a.terms or not b.terms:
        return None
    need = STORY_MIN if gap <= STORY_DAYS else LONG_MIN
    bonus = sum(w * feats[k]["score"] if feats[k]["ok"] else -w * VETO_SHARE[k] for k, w in STORY_WEIGHTS.items())
    if _cosine_bound(a.terms, b.terms, stats) + bonus < need - 1e-9:
        return None  # the cosine cannot make up for the features: skip computing it
    _, cos, detail = text_feature(a, b, stats)
    total = cos
    for name, w in STORY_WEIGHTS.items():
        f = feats[name]
        total += w * f["score"] if f["ok"] else -w * VETO_SHARE[name]
    if total < need:
        return None
    text = {"score": round(cos, 3), "ok": True, "detail": f"{detail}; published {gap} d apart"}
    return Match(round(total, 4), {**feats, "text": text}, b.key, "story")


def story_on(stats: TermStats | None) -> TypeGuard[TermStats]:
    """Whether the story rule applies: STORY_MIN_DOCS documents counted besides the background."""
    return stats is not None and stats.n - stats.base >= STORY_MIN_DOCS


def compare(a: Mention, b: Mention, stats: TermStats | None = None) -> Match | None:
    """The match of two mentions by the story rule (with `stats`, primary events) or the fields rule;
    None when neither holds (a fields match below THRESHOLD is returned: callers apply the threshold)."""
    if a.arabic or b.arabic:
        return _arabic_match(a, b, stats)
    if story_on(stats) and a.primary and b.primary and a.terms and b.terms:
        if STORY_ONLY and not _story_reachable(a, b, stats):
            return None  # _story would return None whatever the features say: skip computing them
        # (cosines are >= 0: with MAX_BONUS >= STORY_MIN this test never holds and is skipped)
        if MAX_BONUS < STORY_MIN and stats.cosine(a.terms, b.terms)[0] + MAX_BONUS < STORY_MIN:
            return None if STORY_ONLY else _fields_match(a, b)
        total, feats, veto = _fields(a, b)
        story = _story(a, b, feats, stats)
        if story is not None or STORY_ONLY:
            return story
        return None if veto is not None else Match(round(total, 4), feats, b.key)
    return _fields_match(a, b)


def _arabic_match(a: Mention, b: Mention, stats: TermStats | None) -> Match | None:
    """Arabic reports: most carry no publication date (posts) and no capitalised names, so the story rule
    cannot hold. Two Arabic primary events match when date and place do not rule them out and the idf
    cosine of their Arabic words plus AR_FIELDS_SHARE of the fields score reaches AR_MIN (no date or place
    support needed: two undated posts, one located to the town and one to its governorate, link by their
    words; blocks.py finds them by word). An Arabic and an English report have no words in common: the
    fields rule."""
    if stats is None or a.arabic != b.arabic or not (a.primary and b.primary) or not story_on(stats):
        return _fields_match(a, b)
    total, feats, veto = _fields(a, b)
    if veto in ("date", "place"):
        return None
    _, cos, detail = text_feature(a, b, stats)
    score = cos + AR_FIELDS_SHARE * total - (AR_VETO if veto else 0.0)
    if score < AR_MIN:
        return None
    return Match(round(score, 4), {**feats, "text": {"score": round(cos, 3), "ok": True, "detail": detail}},
                 b.key, "story")


def _fields_match(a: Mention, b: Mention) -> Match | None:
    total, feats, veto = _fields(a, b, stop_on_veto=True)
    return None if veto is not None else Match(round(total, 4), feats, b.key)


MAX_BONUS = sum(STORY_WEIGHTS.values())
REST_MAX = sum(w for name, w in WEIGHTS.items() if name not in ("date", "place"))


def fields_reachable(a: Mention, b: Mention) -> bool:
    """Whether the fields rule can hold for the pair: date and place do not veto, and their scores plus
    the largest type, actor and figure scores reach THRESHOLD (the margin covers scores rounded to 4 places)."""
    ok, when, _ = date_score(a, b)
    if not ok:
        return False
    ok, where, _ = place_feature(a, b)
    total = WEIGHTS["date"] * when + WEIGHTS["place"] * where + REST_MAX
    return ok and total >= THRESHOLD - 1e-4


def _story_reachable(a: Mention, b: Mention, stats: TermStats) -> bool:
    """Whether the story rule can hold at all: publication dates within LONG_DAYS and the text cosine
    plus the largest possible bonuses reaching the threshold of that gap (a cheap bound before the features;
    the margin keeps float rounding on the side of computing)."""
    gap = published_gap(a, b)
    if gap is None or gap > LONG_DAYS:
        return False
    need = STORY_MIN if gap <= STORY_DAYS else LONG_MIN
    if need <= MAX_BONUS:
        return True
    return _cosine_bound(a.terms, b.terms, stats) + MAX_BONUS >= need - 1e-9 and (
        stats.similarity(a.terms, b.terms) + MAX_BONUS >= need - 1e-9)  # fmt: skip


def _cosine_bound(a: frozenset[str], b: frozenset[str], stats: TermStats) -> float:
    """An upper bound of the idf cosine from `a`'s weights alone (Cauchy-Schwarz: the shared part of `a`'s
    vector over its norm); `a` is the new document, its weights are computed once, `b`'s not at all."""
    shared = a & b
    if not shared:
        return 0.0
    wa, na = stats.weights(a)
    return math.sqrt(sum(wa[t] * wa[t] for t in shared)) / na if na else 0.0


def story_capable(m: Mention, stats: TermStats | None) -> bool:
    """Whether `compare(m, ...)` can ever return a story match (else any None vetoes the cluster)."""
    return bool(
        story_on(stats) and m.primary and m.terms
        and (m.published is not None or m.arabic)
    )  # fmt: skip


def _compatible(a: Mention, b: Mention) -> bool:
    return date_score(a, b)[0] and place_feature(a, b)[0]


def _better(a: Match, b: Match | None) -> bool:
    return b is None or (a.rule == "story", a.score) > (b.rule == "story", b.score)


def match_cluster(
    m: Mention, members: Sequence[Mention], stats: TermStats | None = None, story_ok: bool | None = None
) -> Match | None:
    """Best match of `m` against a cluster: by the story rule with any member, or by the fields rule
    when compatible with all members (scored by the closest one). `story_ok`: `story_capable(m, stats)`,
    when the caller has it."""
    best: Match | None = None
    vetoed = False
    src = m.source
    for other in members:
        if other.source == src:
            return None
    if story_ok is None:
        story_ok = story_capable(m, stats)
    if m.arabic and not all(_compatible(m, other) for other in members):
        return None  # undated reports chain by their words: no member's date or place may rule `m` out
    for other in members:
        got = compare(m, other, stats)
        if got is None:
            if not story_ok:  # only a story match could still win, and none can come
                return None
            vetoed = True
        elif _better(got, best):
            best = got
    if best is None or (best.rule == "fields" and (vetoed or best.score < THRESHOLD)):
        return None
    return best


def _killed(ev: Event, outcome: str = "killed") -> int | None:
    """The event's figure for an outcome: per victim group the largest best, summed over groups."""
    per_group: dict[str, int] = {}
    for c in ev.casualties:
        if c.outcome == outcome and c.best is not None:
            per_group[c.group] = max(per_group.get(c.group, 0), c.best)
    return sum(per_group.values()) if per_group else None


def ordinal(p: PartialDate | None) -> int | None:
    """A full date as a date ordinal; None when year, month or day is missing."""
    if p is None or p.year is None or not p.month or not p.day:
        return None
    return _safe_date(p.year, p.month, p.day).toordinal()


def mention_from_event(
    doc: Document,
    index: int,
    ev: Event,
    source: Any = None,
    terms: frozenset[str] = frozenset(),
    as_dict: dict[str, Any] | None = None,
) -> Mention:
    """The event as linking sees it; `as_dict`: `ev.to_dict()` when the caller has it (saves a copy)."""
    as_dict = as_dict or {"location": ev.location.to_dict() if ev.location else None,
                          "actors": [a.to_dict() for a in ev.actors]}  # fmt: skip
    return Mention(
        key=(doc.doc, index),
        source=source if source is not None else doc.doc,
        type=ev.type,
        start=ev.date.start,
        end=ev.date.end,
        precision=ev.date.precision,
        location=as_dict["location"] or {},
        actors=as_dict["actors"],
        killed=_killed(ev),
        wounded=_killed(ev, "wounded"),
        primary=ev.primary,
        published=ordinal(doc.published),
        terms=terms,
    )


def block_keys(m: Mention) -> list[tuple[str, Any, Any]]:
    """Blocks a mention is filed under: (country, year, month); unknowns get their own keys."""
    country = ((m.location or {}).get("country") or "?").upper()
    if m.start and m.start.year is not None:
        return [(country, m.start.year, m.start.month)]
    return [(country, None, m.start.month if m.start else None)]


def _neighbour_months(year: int, month: int | None) -> list[tuple[int, int | None]]:
    if month is None:
        return [(year, mo) for mo in range(1, 13)] + [(year, None), (year - 1, 12), (year + 1, 1)]
    out = [(year, month), (year, None)]
    out.append((year, month - 1) if month > 1 else (year - 1, 12))
    out.append((year, month + 1) if month < 12 else (year + 1, 1))
    return out


class MemoryIndex:
    """Clusters held in memory with their blocks: the DB-free twin of the ledger's SQL blocking.
    Blocks: (country, year, month) of the event date; and the publication week of primary mentions with
    terms (the story rule's window)."""

    def __init__(self) -> None:
        self.clusters: list[list[Mention]] = []
        self.blocks: dict[tuple[str, Any, Any], set[int]] = defaultdict(set)
        self.weeks: dict[int, set[int]] = defaultdict(set)
        self.countries: set[str] = set()
        self.alias: dict[int, int] = {}  # cluster merged away -> the cluster it was merged into

    def find(self, cluster: int) -> int:
        while cluster in self.alias:
            cluster = self.alias[cluster]
        return cluster

    def merge(self, keep: int, gone: int) -> None:
        self.clusters[keep] += self.clusters[gone]
        self.clusters[gone] = []
        self.alias[gone] = keep

    def candidates(self, m: Mention) -> list[int]:
        """Clusters in the mention's blocks, oldest first."""
        return sorted({self.find(c) for c in self._candidates(m)})

    def _candidates(self, m: Mention) -> set[int]:
        country = ((m.location or {}).get("country") or "?").upper()
        countries = {country, "?"} if country != "?" else self.countries | {"?"}
        found: set[int] = set()
        for c in countries:
            found |= self._in_country(c, m)
        if m.primary and m.terms and m.published is not None:
            week = m.published // 7
            for w in range(week - LONG_DAYS // 7 - 1, week + LONG_DAYS // 7 + 2):
                found |= self.weeks.get(w, set())
        return found

    def _in_country(self, c: str, m: Mention) -> set[int]:
        found: set[int] = set()
        if m.start and m.start.year is not None:
            for y, mo in _neighbour_months(m.start.year, m.start.month):
                found |= self.blocks.get((c, y, mo), set())
            month_keys = [(c, None, m.start.month), (c, None, None)] if m.start.month else []
            for k in month_keys or [k for k in self.blocks if k[0] == c and k[1] is None]:
                found |= self.blocks.get(k, set())
            return found
        return {i for k, ids in self.blocks.items() if k[0] == c for i in ids}

    def add(self, m: Mention, cluster: int | None) -> int:
        if cluster is None:
            self.clusters.append([])
            cluster = len(self.clusters) - 1
        cluster = self.find(cluster)
        self.clusters[cluster].append(m)
        country = ((m.location or {}).get("country") or "?").upper()
        self.countries.add(country)
        for k in block_keys(m):
            self.blocks[k].add(cluster)
        if m.primary and m.terms and m.published is not None:
            self.weeks[m.published // 7].add(cluster)
        return cluster


def assign(
    mentions: Sequence[Mention], candidates: Mapping[Any, Sequence[Mention]], stats: TermStats | None = None
) -> list[tuple[int, Any, Match]]:
    """Greedy best-first assignment of one document's mentions to candidate clusters (one each)."""
    return assign_and_bridge(mentions, candidates, stats)[0]


def bridgeable(keep: Sequence[Mention], other: Sequence[Mention]) -> bool:
    """Whether two clusters a report matches may be merged: no member of one has a place that rules out a
    member of the other (a report located only to a country can match incidents in two regions: those keep
    apart). On gva_linking_dev (B-cubed F1 of one run; of half 2 then half 1): merging every bridged pair
    0.896, 0.896 (precision 0.915); vetoed by date or place 0.901, 0.896; by place only 0.902, 0.901."""
    return not any(not place_feature(a, b)[0] for a in other for b in keep)


Bridge = tuple[Any, list[tuple[Any, Match]], int]  # (cluster kept, [(cluster merged into it, match)], mention)


def assign_and_bridge(
    mentions: Sequence[Mention], candidates: Mapping[Any, Sequence[Mention]], stats: TermStats | None = None
) -> tuple[list[tuple[int, Any, Match]], list[Bridge]]:
    """`assign`, and the bridges: a mention that also matches clusters no mention of its document took
    joins them all (two reports of one event that did not match each other, and a third that matches both,
    are one event whatever the order they came in). Clusters that share a document are never merged. The
    cluster kept is the first of the group in `candidates` order (the oldest, as callers order them)."""
    scored: list[tuple[tuple[bool, float, int, str], int, Any, Match]] = []
    for i, m in enumerate(mentions):
        story_ok = story_capable(m, stats)
        for cid, members in candidates.items():
            got = match_cluster(m, members, stats, story_ok)
            if got is not None:  # story matches first, then by score; ties by the matched report (as stored)
                scored.append(((got.rule != "story", -got.score, i, str(got.with_key)), i, cid, got))
    scored.sort(key=lambda t: t[0])
    used_m: dict[int, Any] = {}
    used_c, out = set(), []
    for _, i, cid, got in scored:
        if i not in used_m and cid not in used_c:
            used_m[i] = cid
            used_c.add(cid)
            out.append((i, cid, got))
    groups: dict[int, list[tuple[Any, Match]]] = defaultdict(list)
    merged = {i: list(candidates[cid]) for i, cid in used_m.items()}  # each mention's cluster, as it grows
    for _, i, cid, got in scored:
        if i in used_m and cid not in used_c:
            theirs = candidates[cid]
            if not {x.source for x in theirs} & {x.source for x in merged[i]} and bridgeable(merged[i], theirs):
                merged[i] += theirs
                used_c.add(cid)
                groups[i].append((cid, got))
    order = {cid: n for n, cid in enumerate(candidates)}
    bridges: list[Bridge] = []
    for i, extra in sorted(groups.items()):
        group = sorted([used_m[i], *(cid for cid, _ in extra)], key=order.__getitem__)
        keep = group[0]
        if keep != used_m[i]:  # the mention joins the oldest cluster; its own match is merged in
            joined = next(n for n, t in enumerate(out) if t[0] == i)
            own = out[joined][2]
            kept_match = next(got for cid, got in extra if cid == keep)
            out[joined] = (i, keep, kept_match)
            extra = [(used_m[i], own)] + [(cid, got) for cid, got in extra if cid != keep]
        bridges.append((keep, extra, i))
    return out, bridges


def doc_mentions(doc: Document, as_dicts: Sequence[dict[str, Any]] | None = None) -> list[Mention]:
    """The document's news (non-background) events as mentions, the primary one first (with the
    document's salient terms when it has text). `as_dicts`: the events' `to_dict()`, when at hand."""
    terms = salient_terms(doc.title, doc.text) if doc.text else frozenset()
    if doc.text and doc.language == "ar":
        terms |= arabic_terms(doc.title, doc.text)  # Arabic has no capitals: its normalised words
    ms = [
        mention_from_event(doc, i, ev, terms=terms, as_dict=as_dicts[i] if as_dicts else None)
        for i, ev in enumerate(doc.events)
        if not ev.background
    ]
    return sorted(ms, key=lambda m: not m.primary)


def link_documents(docs: Iterable[Document]) -> list[list[tuple[str, int]]]:
    """Cluster the news events of `docs` without a database: lists of (doc id, event index). The documents
    are linked in canonical order (relink.py), so any order of `docs` gives the same clusters."""
    from warwire.ledger.relink import doc_key, link_day, replay  # (relink builds on this module)

    def key(doc: Document) -> tuple[int, int, str]:
        return doc_key(link_day(doc.published, (e.date.start for e in doc.events if not e.background)), doc.doc)

    ordered = [doc_mentions(doc) for doc in sorted(docs, key=key)]
    return [[m.key for m in c] for c in replay(ordered, background_stats()).clusters()]
