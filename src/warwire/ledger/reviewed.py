"""The reviewed ledger: what the machine stored with the review log's decisions applied.

Claims take their corrections (a rejected claim stays visible but counts for nothing), reports split off
or events merge, and an event's type, place, date or background flag follow the latest decision on any
of its reports. The whole view is built once per state of the database (row ids and the log's last id)
and kept, so pages over 100k events read memory.
"""

from __future__ import annotations

import gc
import hashlib
import threading
from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from warwire.ledger import assemble
from warwire.ledger.review import CLAIM_ACTIONS, Decision, ReviewLog, active
from warwire.ledger.schema import claims, doc_events, documents, links

DAY_PRECISION = {10: "day", 7: "month", 4: "year"}


@dataclass
class View:
    """One state of the reviewed ledger."""

    events: list[dict[str, Any]] = field(default_factory=list)  # summaries, newest first
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    members: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    by_report: dict[str, str] = field(default_factory=dict)  # report key -> event id
    row_by_key: dict[str, dict[str, Any]] = field(default_factory=dict)  # report key -> its row
    claim_row: dict[str, str] = field(default_factory=dict)  # claim key -> report key
    ledger_rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # stored ledger event -> rows
    rows_by_doc: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # every report, linked or not
    claim_state: dict[str, dict[str, Any]] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    memo: dict[Any, Any] = field(default_factory=dict)  # what pages computed from this state (cleared on change)
    # per refresh: the event ids it removed and those it made (remade ones in both), so what pages keep
    # across refreshes (`kept`, e.g. the desk's facet index) follows the few events a decision touched
    changes: list[tuple[set[str], list[str]]] = field(default_factory=list)
    kept: dict[str, Any] = field(default_factory=dict)


def _short(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _row_order(r: dict[str, Any]) -> tuple[bool, int, int]:
    """Linked reports in link order (as Ledger.events() reads them), then unlinked ones."""
    return r["link_id"] is None, r["link_id"] or 0, r["id"]


def _load_rows(conn: Connection) -> list[dict[str, Any]]:
    cols = [doc_events.c[k] for k in ("id", "document_id", "event_index", "type", "is_primary", "background",
                                       "date", "location", "actors", "stable_key")]  # fmt: skip
    q = (
        select(*cols, documents.c.doc, documents.c.outlet, documents.c.title, documents.c.url,
               documents.c.published, links.c.ledger_event_id, links.c.score, links.c.explanation,
               links.c.id.label("link_id"))
        .join(documents, doc_events.c.document_id == documents.c.id)
        .outerjoin(links, links.c.doc_event_id == doc_events.c.id)
    )  # fmt: skip
    rows = sorted((dict(r._mapping) for r in conn.execute(q)), key=_row_order)
    by_de: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(select(claims).order_by(claims.c.id)):
        c = dict(row._mapping)
        c["group"] = c.pop("victim_group")
        by_de[c["doc_event_id"]].append(c)
    for r in rows:
        r["primary"] = r.pop("is_primary")
        r["key"] = r.pop("stable_key") or f"{r['doc']}|#{r['event_index']}"
        r["raw_claims"] = by_de.get(r["id"], [])
    return rows


def version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever a document, report, link or decision is added (or removed). count(*), not count(id):
    SQLite then counts a small covering index instead of reading the rows (25 ms -> 0.1 ms on 100k links)."""
    from warwire.ledger.schema import review_log

    parts = [select(func.max(links.c.id)), select(func.count()).select_from(links), select(func.max(doc_events.c.id)),
             select(func.count()).select_from(doc_events), select(func.max(review_log.c.id))]  # fmt: skip
    return tuple(conn.execute(select(*[p.scalar_subquery() for p in parts])).one())


def _bounds(qualifier: str, value: int | None, old: dict[str, Any]) -> tuple[int | None, int | None, int | None]:
    """low/best/high of a corrected figure, as the extractor reads its wording (README table)."""
    if value is None:
        return old.get("low"), None, old.get("high")
    return {
        "at_least": (value, value, None),
        "at_most": (None, value, value),
        "vague": (old.get("low"), None, old.get("high")),
    }.get(qualifier, (value, value, value))


def claim_states(decisions: list[Decision]) -> dict[str, dict[str, Any]]:
    """Per claim key: status (confirmed, corrected, rejected), the corrected fields, the decision ids."""
    out: dict[str, dict[str, Any]] = {}
    for d in decisions:
        if d.what not in CLAIM_ACTIONS:
            continue
        st = out.setdefault(d.target, {"status": None, "fields": {}, "ids": []})
        st["ids"].append(d.id)
        if d.what == "correct":
            st["fields"].update(d.after)
            st["status"] = "corrected"
        elif d.what == "confirm":
            st["status"] = "corrected" if st["fields"] else "confirmed"
        else:
            st["status"] = "rejected"
    return out


def _apply_claim(c: dict[str, Any], st: dict[str, Any] | None) -> dict[str, Any]:
    out = {**c, "review": st["status"] if st else None, "decisions": st["ids"] if st else []}
    if not st or not st["fields"]:
        return out
    f = st["fields"]
    out.update({k: v for k, v in f.items() if k in ("outcome", "group", "claimed_by")})
    if "claimed_by" in f:  # the claimant the reviewer named, resolved as the extractor resolves one
        from warwire.extraction.claimants import claimant_table

        out["claimant"] = claimant_table().claimant(f["claimed_by"], f["claimed_by"]).to_dict()
    if "value" in f or "qualifier" in f:
        out["value"] = f.get("value", c["value"])
        out["qualifier"] = f.get("qualifier", c["qualifier"])
        out["low"], out["best"], out["high"] = _bounds(out["qualifier"], out["value"], c)
        if out["qualifier"] != "vague":
            out["vague"] = None
    out.update({k: f[k] for k in ("low", "best", "high") if k in f})
    keep = ("outcome", "group", "value", "qualifier", "low", "best", "high", "claimed_by", "claimant")
    out["machine"] = {k: c.get(k) for k in keep}
    return out


class _Groups:
    """Union-find over event ids (merges)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _group(rows: list[dict[str, Any]], decisions: list[Decision], news: set[str]) -> dict[str, list[dict[str, Any]]]:
    split = {d.target for d in decisions if d.what == "split"}
    for r in rows:
        if r["key"] in split:
            r["event"] = "split-" + _short(r["key"])
        elif r["ledger_event_id"] is not None:
            r["event"] = r["ledger_event_id"]
        else:  # a background report: an event of its own only once marked news
            r["event"] = "bg-" + _short(r["key"]) if r["key"] in news else None
    by_key = {r["key"]: r["event"] for r in rows if r["event"]}
    groups = _Groups()
    for d in decisions:
        if d.what == "merge":
            ids = [by_key[k] for k in (*d.after["a"], *d.after["b"]) if k in by_key]
            for other in ids[1:]:
                groups.union(ids[0], other)
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r["event"]:
            out.setdefault(groups.find(r["event"]), []).append(r)
    return out


def _date(after: dict[str, Any]) -> dict[str, Any]:
    start, end = after.get("start") or None, after.get("end") or None
    return {"start": start, "end": end, "precision": DAY_PRECISION.get(len(start or ""), "unknown"),
            "start_parts": None, "as_written": "set by review"}  # fmt: skip


def _event_overrides(ev: dict[str, Any], keys: set[str], decisions: list[Decision]) -> None:
    for d in decisions:
        if d.target not in keys:
            continue
        if d.what == "set_type":
            ev["type"] = d.after["type"]
        elif d.what == "set_place":
            ev["location"] = d.after
        elif d.what == "set_date":
            ev["date"] = _date(d.after)
        elif d.what == "set_background":
            ev["background"] = bool(d.after.get("background"))
        else:
            continue
        ev["reviewed_fields"].append(d.what)


def _state(ev_claims: list[dict[str, Any]], touched: bool) -> str:
    done = sum(1 for c in ev_claims if c["review"])
    if ev_claims and done == len(ev_claims):
        return "reviewed"
    if done or touched:
        return "reviewed" if not ev_claims else "partial"
    return "unreviewed"


def _apply_claims(rows: list[dict[str, Any]], states: dict[str, dict[str, Any]]) -> None:
    for r in rows:
        r["all_claims"] = [_apply_claim(c, states.get(c["stable_key"] or "")) for c in r["raw_claims"]]
        r["claims"] = [c for c in r["all_claims"] if c["review"] != "rejected"]


def _summary(eid: str, members: list[dict[str, Any]], event_decisions: list[Decision]) -> dict[str, Any]:
    ev = assemble.summary(eid, members)
    ev["background"] = eid.startswith("bg-")
    ev["reviewed_fields"] = []
    _event_overrides(ev, {m["key"] for m in members}, event_decisions)
    all_claims = [c for m in members for c in m["all_claims"]]
    ev["review_state"] = _state(all_claims, bool(ev["reviewed_fields"]))
    ev["weakest_link"] = min((m["score"] for m in members if m["score"] is not None), default=None)
    ev["published"] = min((m["published"] for m in members if m["published"]), default=None)
    ev["claimant_entities"] = sorted({(c["claimant"]["id"], c["claimant"]["name"], c["claimant"]["kind"])
                                      for m in members for c in m["claims"] if c.get("claimant")})  # fmt: skip
    ev["_sort"] = _newest_first(ev)
    return ev


def _make_events(view: View, rows: list[dict[str, Any]], act: list[Decision]) -> list[str]:
    """The events of these rows into the view; their ids."""
    news = {d.target for d in act if d.what == "set_background" and not d.after.get("background")}
    event_decisions = [d for d in act if d.what in ("set_type", "set_place", "set_date", "set_background")]
    made = []
    for eid, members in _group(rows, act, news).items():
        view.by_id[eid] = _summary(eid, members, event_decisions)
        view.members[eid] = members
        made.append(eid)
        for m in members:
            view.by_report[m["key"]] = eid
    return made


def build(conn: Connection, log: ReviewLog) -> View:
    """The whole view from the database."""
    decisions = log.decisions(conn)
    act = active(decisions)
    rows = _load_rows(conn)
    view = View(claim_state=claim_states(act), decisions=decisions)
    _apply_claims(rows, view.claim_state)
    for r in rows:
        view.rows_by_doc.setdefault(r["doc"], []).append(r)
        view.row_by_key[r["key"]] = r
        if r["ledger_event_id"]:
            view.ledger_rows.setdefault(r["ledger_event_id"], []).append(r)
        for c in r["raw_claims"]:
            if c["stable_key"]:
                view.claim_row[c["stable_key"]] = r["key"]
    _make_events(view, rows, act)
    view.events = sorted(view.by_id.values(), key=_sort_key)
    return view


def _sort_key(ev: dict[str, Any]) -> tuple[str, str]:
    return ev["_sort"]


def _touched(new: list[Decision], by_id: dict[int, Decision]) -> set[str]:
    """Every key the new decisions (and the decisions they undo) name."""
    keys: set[str] = set()
    for d in new:
        for x in (d, by_id[d.after["undo"]]) if d.what == "undo" else (d,):
            keys.add(x.target)
            if x.what == "merge":
                keys |= {*x.after["a"], *x.after["b"]}
    return keys


def _closure(
    view: View, keys: set[str], merges: list[Decision]
) -> tuple[set[str], dict[int, dict[str, Any]]]:
    """The events to make again, and their rows: those holding the touched reports, grown until no row
    outside shares a stored ledger event or an active merge with a row inside (else ids would collide)."""
    rows = {id(view.row_by_key[k]): view.row_by_key[k] for k in keys if k in view.row_by_key}
    affected: set[str] = set()
    while True:
        inside = {r["key"] for r in rows.values()}
        lids = {r["ledger_event_id"] for r in rows.values() if r["ledger_event_id"]}
        want = {view.by_report[k] for k in inside if k in view.by_report}
        near = [r for lid in lids for r in view.ledger_rows.get(lid, ())]
        want |= {view.by_report[r["key"]] for r in near if r["key"] in view.by_report}
        for d in merges:
            named = {*d.after["a"], *d.after["b"]}
            if named & inside:
                want |= {view.by_report[k] for k in named if k in view.by_report}
        if want <= affected:
            return affected, rows
        for eid in want - affected:
            rows |= {id(m): m for m in view.members[eid]}
        affected |= want


def refresh(view: View, conn: Connection, log: ReviewLog) -> View:
    """The view after decisions appended since it was built (the stored rows unchanged): only the events
    they touch are made again, so a decision on a 100k-event ledger costs milliseconds, not a rebuild."""
    decisions = log.decisions(conn)
    new = decisions[len(view.decisions) :]
    act = active(decisions)
    view.claim_state, view.decisions = claim_states(act), decisions
    view.memo.clear()
    keys = {view.claim_row.get(k, k) for k in _touched(new, {d.id: d for d in decisions})}
    affected, rows = _closure(view, keys, [d for d in act if d.what == "merge"])
    for eid in affected:
        for m in view.members.pop(eid):
            view.by_report.pop(m["key"], None)
        old = view.by_id.pop(eid)
        i = bisect_left(view.events, old["_sort"], key=_sort_key)  # the list stays sorted: no full re-sort
        if i < len(view.events) and view.events[i] is old:
            del view.events[i]
    ordered = sorted(rows.values(), key=_row_order)
    _apply_claims(ordered, view.claim_state)
    made = _make_events(view, ordered, act)
    for eid in made:
        insort(view.events, view.by_id[eid], key=_sort_key)
    view.changes.append((affected, made))
    return view


def _newest_first(ev: dict[str, Any]) -> tuple[str, str]:
    # ISO dates sort as text; an inverted copy sorts newest first with the id as tie-break
    start = ev["date"]["start"] or ev.get("published") or ""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in start.ljust(10, "0")), ev["id"]


class ReviewedLedger:
    """The reviewed view of a Ledger, rebuilt when the database changed; thread-safe for a web server."""

    def __init__(self, ledger: Any) -> None:
        self.ledger = ledger
        self.log = ReviewLog(ledger.engine)
        self._view: View | None = None
        self._version: tuple[Any, ...] | None = None
        self._lock = threading.Lock()
        self.kept_lock = threading.Lock()  # for what pages keep in View.kept

    def view(self) -> View:
        with self.ledger.engine.connect() as conn:
            ver = version(conn)
            if self._view is not None and ver == self._version:
                return self._view
            with self._lock:
                if (self._view is not None and self._version is not None and ver[:-1] == self._version[:-1]
                        and ver != self._version):
                    self._view, self._version = refresh(self._view, conn, self.log), ver  # only the log grew
                elif self._view is None or ver != self._version:
                    self._view, self._version = build(conn, self.log), ver
                    # the view's million small objects out of the collector's full passes, which otherwise
                    # stall a request now and then for as long as a pass over them takes (unfrozen first: the
                    # view this one replaces is collected)
                    gc.unfreeze()
                    gc.collect()
                    gc.freeze()
                return self._view

    def events(self, include_background: bool = False) -> list[dict[str, Any]]:
        return [e for e in self.view().events if include_background or not e["background"]]

    def event(self, event_id: str) -> dict[str, Any]:
        """The event with every report (reviewed claims, merge explanations); KeyError when unknown."""
        v = self.view()
        ev = v.by_id[event_id]
        out = {**ev, "report_details": [_report(m) for m in v.members[event_id]]}
        return out

    def document(self, doc: str) -> dict[str, Any]:
        """A stored document: its contract dict, text and spans, and its reports with their events."""
        v = self.view()
        with self.ledger.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.doc == doc).order_by(documents.c.id.desc())).first()
        if row is None:
            raise KeyError(doc)
        data = dict(row._mapping["data"] or {})
        reports = [{**_report(r), "event": r["event"] if r["event"] in v.by_id else None}
                   for r in v.rows_by_doc.get(doc, [])]  # fmt: skip
        return {"doc": doc, "title": row.title, "outlet": row.outlet, "url": row.url, "published": row.published,
                "text": data.get("text") or "", "spans": data.get("spans") or [], "events": data.get("events") or [],
                "language": data.get("language"), "reports": reports}  # fmt: skip

    def claimant(self, claimant_id: str) -> dict[str, Any]:
        """A claimant's figures across the ledger (as reviewed) and its record under review: how many of its
        claims reviewers confirmed, corrected or rejected. KeyError when no claim names it."""
        v = self.view()
        figures, entity = [], None
        for rows in v.rows_by_doc.values():
            for r in rows:
                for c in r["all_claims"]:
                    who = c.get("claimant") or {}
                    if who.get("id") != claimant_id:
                        continue
                    entity = entity or who
                    figures.append({**{k: c.get(k) for k in ("outcome", "group", "value", "qualifier", "low", "best",
                                                               "high", "victims", "review", "stable_key")},
                                    "doc": r["doc"], "outlet": r["outlet"], "published": r["published"],
                                    "event": r["event"] if r["event"] in v.by_id else None,
                                    "via": who.get("via"), "as_written": who.get("as_written")})  # fmt: skip
        if entity is None:
            raise KeyError(claimant_id)
        record = {s: sum(1 for f in figures if f["review"] == s) for s in ("confirmed", "corrected", "rejected")}
        record["unreviewed"] = sum(1 for f in figures if not f["review"])
        figures.sort(key=lambda f: (f["published"] or "", f["doc"]), reverse=True)
        return {"claimant": {k: entity.get(k) for k in ("id", "name", "kind", "side")}, "figures": figures,
                "record": record, "outlets": sorted({f["outlet"] for f in figures if f["outlet"]})}  # fmt: skip

    def texts(self, docs: list[str]) -> dict[str, dict[str, Any]]:
        """Stored text and spans of the given documents (latest version of each)."""
        out: dict[str, dict[str, Any]] = {}
        with self.ledger.engine.connect() as conn:
            q = select(documents.c.doc, documents.c.data).where(documents.c.doc.in_(docs)).order_by(documents.c.id)
            for doc, data in conn.execute(q):
                data = data or {}
                out[doc] = {"text": data.get("text") or "", "spans": data.get("spans") or [],
                            "events": data.get("events") or [], "language": data.get("language")}  # fmt: skip
        return out


def _report(m: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": m["key"], "doc": m["doc"], "outlet": m["outlet"], "title": m["title"], "url": m["url"],
        "published": m["published"], "event_index": m["event_index"], "type": m["type"], "date": m["date"],
        "location": m["location"], "primary": m["primary"], "background": m["background"],
        "claims": [{k: v for k, v in c.items() if k not in ("id", "doc_event_id")} for c in m["all_claims"]],
        "merge": {"score": m["score"], "why": m["explanation"]},
    }  # fmt: skip
