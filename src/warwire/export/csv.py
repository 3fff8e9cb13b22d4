"""CSV exports: one row per ledger event (ACLED-like columns) and one row per casualty claim of documents."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from warwire.model import Document

GROUPS = ("civilians", "state_forces", "armed_groups", "unspecified")
OUTCOMES = ("killed", "wounded")
EVENT_COLUMNS = [
    "event_id", "event_date", "event_date_end", "date_precision", "event_type", "actor1", "actor2", "admin1",
    "admin2", "location", "latitude", "longitude", "geo_precision", "country", "fatalities_low",
    "fatalities_best", "fatalities_high",
    *[f"{o}_{g}" for o in OUTCOMES for g in GROUPS],
    "reports", "sources", "claimants", "documents", "notes",
]  # fmt: skip
CLAIM_COLUMNS = [
    "doc", "event_id", "event_type", "primary", "background", "date", "place", "admin1", "country", "outcome",
    "group", "victims", "value", "qualifier", "vague", "low", "best", "high", "claimed_by", "quote",
]  # fmt: skip


# A spreadsheet runs a cell that begins with one of these as a formula (OWASP "CSV injection"): such a
# cell is written with a leading apostrophe, which spreadsheets show as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: safe_cell(v) for k, v in row.items()}


def _join(items: Iterable[Any]) -> str:
    return "; ".join(str(x) for x in items if x)


def _sum(figs: list[dict[str, Any]], key: str) -> int | None:
    vals = [f[key] for f in figs if f.get(key) is not None]
    return sum(vals) if vals else None


def event_row(e: dict[str, Any]) -> dict[str, Any]:
    """One ledger event (as `Ledger.events()` gives it) as a flat row."""
    loc = e.get("location") or {}
    actors = e.get("actors") or []
    killed = [f for f in e.get("casualties", []) if f["outcome"] == "killed"]
    row = {
        "event_id": e["id"], "event_date": e["date"].get("start"), "event_date_end": e["date"].get("end"),
        "date_precision": e["date"].get("precision"), "event_type": e.get("type"),
        "actor1": _join(a["name"] for a in actors if a.get("role") != "target"),
        "actor2": _join(a["name"] for a in actors if a.get("role") == "target"),
        "admin1": loc.get("admin1"), "admin2": loc.get("admin2"), "location": loc.get("name"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), "geo_precision": loc.get("precision"),
        "country": loc.get("country"), "fatalities_low": _sum(killed, "low"),
        "fatalities_best": _sum(killed, "best"), "fatalities_high": _sum(killed, "high"),
        "reports": e.get("reports"), "sources": _join(e.get("sources", [])),
        "claimants": _join(e.get("claimants", [])), "documents": _join(e.get("documents", [])),
        "notes": _join(e.get("flags", [])),
    }  # fmt: skip
    for f in e.get("casualties", []):
        if f["outcome"] in OUTCOMES:
            row[f"{f['outcome']}_{f['group']}"] = f.get("best")
    return {c: row.get(c) for c in EVENT_COLUMNS}


def events_dataframe(events: Iterable[dict[str, Any]]) -> Any:
    """Ledger events (`Ledger.events(...)`) as a pandas DataFrame of the CSV's rows."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError("events_dataframe() needs pandas: pip install pandas (or use to_csv()).") from exc
    return pd.DataFrame([event_row(e) for e in events])


def to_csv(events: Iterable[dict[str, Any]], fh: TextIO) -> int:
    """Write ledger events as CSV; returns the number of rows."""
    w = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS)
    w.writeheader()
    n = 0
    for e in events:
        w.writerow(safe_row(event_row(e)))
        n += 1
    return n


def claim_rows(doc: Document) -> Iterable[dict[str, Any]]:
    for ev in doc.events:
        loc = ev.location
        for c in ev.casualties:
            yield {
                "doc": doc.doc, "event_id": ev.id, "event_type": ev.type, "primary": ev.primary,
                "background": ev.background, "date": ev.date.start.iso() if ev.date.start else None,
                "place": loc.name if loc else None, "admin1": loc.admin1 if loc else None,
                "country": loc.country if loc else None, "outcome": c.outcome, "group": c.group,
                "victims": c.victims, "value": c.value, "qualifier": c.qualifier, "vague": c.vague,
                "low": c.low, "best": c.best, "high": c.high, "claimed_by": c.claimed_by,
                "quote": " … ".join(e.quote for e in c.evidence),
            }  # fmt: skip


def documents_to_csv(docs: Iterable[Document], fh: TextIO) -> int:
    """Write one row per casualty claim of the documents (for `warwire extract --format csv`)."""
    w = csv.DictWriter(fh, fieldnames=CLAIM_COLUMNS)
    w.writeheader()
    n = 0
    for doc in docs:
        for row in claim_rows(doc):
            w.writerow(safe_row(row))
            n += 1
    return n


CLAIMANT_COLUMNS = [
    "id", "name", "kind", "side", "figures", "events", "outlets", "via", "compared", "median_ratio", "higher",
    "lower", "equal", *[f"{about}_{k}" for about in ("enemy", "own")
                        for k in ("figures", "compared", "median_ratio", "higher", "lower", "equal")],
]  # fmt: skip


def claimants_to_csv(rows: Iterable[dict[str, Any]], fh: TextIO) -> None:
    """One row per claimant (`Ledger.claimants()`): its record, and a party's on enemy and own losses."""
    writer = csv.DictWriter(fh, fieldnames=CLAIMANT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        row = {k: r.get(k) for k in CLAIMANT_COLUMNS[:13]}
        row.update(events=len(r["events"]), outlets=_join(r["outlets"]), via=_join(r["via"]))
        for about, record in (r.get("party") or {}).items():
            row.update({f"{about}_{k}": v for k, v in record.items()})
        writer.writerow(safe_row(row))
