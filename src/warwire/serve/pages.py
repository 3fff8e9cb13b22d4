"""What each page shows, as plain dicts: the HTML templates and the .json twins render the same context."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from warwire.ledger.reconcile import source_key
from warwire.ledger.reviewed import ReviewedLedger, View
from warwire.serve import marks
from warwire.serve.facet_index import FacetIndex
from warwire.serve.query import FACETS, Query, claimant_kind, public

RULE = ("Per outcome and victim group: reports are grouped by source (the claimant, or the outlet speaking in its "
        "own voice; outlets relaying one claimant are one source). Within a source low = min, high = max, best = "
        "its highest best. Across sources low = the lowest low, high = the highest high, best = the median of the "
        "sources' bests (the lower middle when even). Rejected claims count for nothing; corrected ones count "
        "as corrected.")  # fmt: skip
MEMO = 64  # queries whose results a view keeps
RTL = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})  # languages written right to left
WORDING = {"at_least": "at least", "at_most": "up to", "approximately": "about", "exact": "", "vague": ""}


def _memo(view: Any, key: Any, make: Any) -> Any:
    """What `make()` gives for this state of the view, computed once (a view keeps at most MEMO)."""
    if key not in view.memo:
        if len(view.memo) >= MEMO:
            view.memo.clear()
        view.memo[key] = make()
    return view.memo[key]


def index(desk: ReviewedLedger, view: View | None = None) -> FacetIndex:
    """The facet index of the current view, brought up to date with the decisions since it was made."""
    view = view or desk.view()
    idx = view.kept.get("facets")
    if idx is None or idx.worn():
        with desk.kept_lock:
            idx = view.kept.get("facets")
            if idx is None or idx.worn():
                idx = FacetIndex(list(view.events))
                idx.applied = len(view.changes)
                view.kept["facets"] = idx
    with idx.lock:
        idx.update(view.by_id, view.changes)
    return idx


def matching(desk: ReviewedLedger, q: Query) -> tuple[FacetIndex, Any, dict[str, list[tuple[str, int]]]]:
    """The index, the slots of a query's events in the view's order and its facet counts (once per query
    and state of the ledger)."""
    view = desk.view()
    idx = index(desk, view)
    return idx, *_memo(view, ("run", tuple(q.params())), lambda: idx.run(q))


def filtered(desk: ReviewedLedger, q: Query) -> tuple[list[dict[str, Any]], dict[str, list[tuple[str, int]]]]:
    """The events of a query and its facet counts (as query.run gives them)."""
    idx, slots, facets = matching(desk, q)
    return idx.events(slots), facets


def events_page(desk: ReviewedLedger, q: Query) -> dict[str, Any]:
    idx, slots, facets = matching(desk, q)
    shown = idx.events(slots[(q.page - 1) * q.per_page : q.page * q.per_page])
    return {
        "count": len(slots), "page": q.page, "per_page": q.per_page,
        "pages": max(1, -(-len(slots) // q.per_page)), "events": [public(e) for e in shown],
        "facets": {k: [{"value": v, "count": n, "selected": v in q.selected.get(k, ())} for v, n in vals]
                   for k, vals in facets.items()},
        "facet_labels": FACETS, "query": q.params(), "since": q.since, "until": q.until,
        "progress": idx.progress(),
    }  # fmt: skip


def map_data(desk: ReviewedLedger, q: Query, limit: int) -> str:
    """Map features of a query's events (see facet_index.map_feature), as JSON text."""
    view = desk.view()
    return _memo(view, ("map", tuple(q.params()), limit), lambda: _map(desk, q, limit))


def _map(desk: ReviewedLedger, q: Query, limit: int) -> str:
    idx, slots, _ = matching(desk, q)
    return idx.map_json(slots, limit)


def direction(language: str | None) -> dict[str, str]:
    """How a report's text runs: right to left for an RTL language the ledger stored, else the browser
    decides from the text (dir="auto"); `lang` only when known."""
    return {"dir": "rtl" if language in RTL else "auto", "lang": language or ""}


def wording(c: dict[str, Any]) -> str:
    """The figure as the report words it: 'at least 40', 'dozens', 'up to 80'."""
    if c.get("vague"):
        return c["vague"]
    value = c.get("value")
    words = WORDING.get(c.get("qualifier") or "", "")
    return f"{words} {value}".strip() if value is not None else "?"


def _claim_rows(detail: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for rep in detail["report_details"]:
        for c in rep["claims"]:
            from warwire.ledger.reconcile import Report

            who = c.get("claimant") or {}
            src = source_key(Report(c["outcome"], c["group"], c["low"], c["best"], c["high"], c["claimed_by"],
                                    rep["outlet"], rep["doc"], who or None))  # fmt: skip
            kind = who.get("kind") or (claimant_kind(c["claimed_by"]) if c.get("claimed_by") else "outlet")
            rows.append({**c, "doc": rep["doc"], "outlet": rep["outlet"], "published": rep["published"],
                         "report": rep["key"], "source": src, "wording": wording(c), "kind": kind,
                         "claimant_id": who.get("id"), "claimant_name": who.get("name"),
                         "side": who.get("side"), "via": who.get("via")})  # fmt: skip
    rows.sort(key=lambda r: (r["outcome"], r["group"], r["source"], r["published"] or ""))
    return rows


def _toll_movement(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per outcome and group, the figures in the order the reports came out ('40 → 45')."""
    seq: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r["published"] or "9999", r["doc"])):
        if r.get("review") != "rejected":
            seq[(r["outcome"], r["group"])].append(r)
    out = []
    for (outcome, group), rs in sorted(seq.items()):
        steps, last = [], None
        for r in rs:
            move: str | None = None if last is None or r["best"] is None or last is None else (
                "rose" if r["best"] > last else "fell" if r["best"] < last else "same")
            steps.append({"wording": r["wording"], "best": r["best"], "outlet": r["outlet"] or r["doc"],
                          "published": r["published"], "move": move})  # fmt: skip
            last = r["best"] if r["best"] is not None else last
        out.append({"outcome": outcome, "group": group, "steps": steps})
    return out


def _report_text(rep: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    text = stored.get("text") or ""
    events = stored.get("events") or []
    i = rep["event_index"]
    spans = _figure_spans(events[i] if i < len(events) else {})
    stored_spans = stored.get("spans") or []
    place = stored_spans[i] if i < len(stored_spans) else {}
    if place and place.get("place"):
        spans.append(marks.Span(place["place"][0], place["place"][1], "place", "place of this event"))
    return {**rep, "runs": marks.runs(text, spans), "has_text": bool(text), "marked": len(spans),
            **direction(stored.get("language"))}  # fmt: skip


def event_page(desk: ReviewedLedger, event_id: str) -> dict[str, Any]:
    detail = desk.event(event_id)
    texts = desk.texts([r["doc"] for r in detail["report_details"]])
    rows = _claim_rows(detail)
    keys = {r["key"] for r in detail["report_details"]} | {c["stable_key"] for c in rows if c.get("stable_key")}
    decisions = [d.to_dict() for d in desk.view().decisions if d.target in keys]
    return {
        "event": public(detail), "rule": RULE, "claims": rows, "toll": _toll_movement(rows),
        "reports": [_report_text(rep, texts.get(rep["doc"], {})) for rep in detail["report_details"]],
        "decisions": decisions, "anchor": detail["report_details"][0]["key"],
    }  # fmt: skip


def _figure_spans(ev: dict[str, Any]) -> list[marks.Span]:
    return [marks.Span(e["start"], e["end"], "figure", f"{c['outcome']} {c['group']}: {c.get('value')}")
            for c in ev.get("casualties") or [] for e in c.get("evidence") or []]  # fmt: skip


def document_page(desk: ReviewedLedger, doc: str) -> dict[str, Any]:
    d = desk.document(doc)
    text, spans = d["text"], []
    for i, ev in enumerate(d["events"]):
        spans += _figure_spans(ev)
        sp = d["spans"][i] if i < len(d["spans"]) else {}
        if sp.get("place"):
            name = (ev.get("location") or {}).get("name") or ""
            spans.append(marks.Span(sp["place"][0], sp["place"][1], "place", name))
        spans += marks.occurrences(text, (ev.get("date") or {}).get("as_written"), "date")
        for a in ev.get("actors") or []:
            spans += marks.occurrences(text, a.get("as_written") or a.get("name"), "actor", a.get("name") or "")
    counts = {k: sum(1 for s in spans if s.kind == k) for k in ("figure", "place", "date", "actor")}
    return {"document": {k: v for k, v in d.items() if k != "spans"}, "runs": marks.runs(text, spans), "counts": counts,
            **direction(d.get("language"))}  # fmt: skip


def claimant_page(desk: ReviewedLedger, claimant_id: str) -> dict[str, Any]:
    out = desk.claimant(claimant_id)
    for f in out["figures"]:
        f["wording"] = wording(f)
    # The machine's track record (the ledger's, as `warwire claimant ID` prints it) beside the review record.
    try:
        detail = desk.ledger.claimant(claimant_id)
    except KeyError:
        detail = {}
    out["track_record"] = {k: detail.get(k) for k in ("compared", "median_ratio", "higher", "lower", "equal", "party")}
    return out
