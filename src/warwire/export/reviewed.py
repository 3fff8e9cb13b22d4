"""Exports of the reviewed ledger: ACLED-shaped and UCDP-shaped CSV, and the corrections as gold JSONL.

The gold lines have the shape of ../shared/dev/*.jsonl (`id`, `title`, `text`, `published`, `outlet`, `set`,
`gold`), so `score.py totals GOLD OUT` measures the extractor on what analysts reviewed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Any, TextIO

ACLED_COLUMNS = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "iso", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                 "fatalities"]  # fmt: skip
SIDES = {"state_forces": "a", "armed_groups": "b", "civilians": "civilians", "unspecified": "unknown"}
UCDP_COLUMNS = ["id", "date_start", "date_end", "country", "adm_1", "where_coordinates", "latitude", "longitude",
                "where_prec", *[f"deaths_{s}" for s in SIDES.values()],
                *[f"{b}_{s}" for s in SIDES.values() for b in ("low", "high")], "best", "low", "high",
                "source_office", "source_article"]  # fmt: skip


@cache
def _types() -> dict[str, Any]:
    return json.loads(files("warwire.data").joinpath("acled_types.json").read_text(encoding="utf-8"))


@cache
def country_name(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=code.upper())
    return (getattr(c, "common_name", None) or c.name) if c else code


def _killed(ev: dict[str, Any], key: str) -> int | None:
    vals = [f[key] for f in ev.get("casualties", []) if f["outcome"] == "killed" and f.get(key) is not None]
    return sum(vals) if vals else None


def _actors(ev: dict[str, Any], target: bool) -> str:
    return "; ".join(a["name"] for a in ev.get("actors") or [] if (a.get("role") == "target") == target)


def acled_row(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    etype, sub = _types()["types"].get(ev.get("type") or "other", ["Strategic developments", "Other"])
    best = _killed(ev, "best")
    fatalities = best if best is not None else (_killed(ev, "low") or 0)  # ACLED's conservative count
    notes = [f"{f['outcome']} {f['group']}: {f['low']}/{f['best']}/{f['high']}" for f in ev.get("casualties", [])]
    notes += [f"review: {ev.get('review_state')}"] + list(ev.get("flags") or [])
    return {
        "event_id_cnty": ev["id"], "event_date": ev["date"].get("start"), "event_type": etype,
        "sub_event_type": sub, "actor1": _actors(ev, False), "actor2": _actors(ev, True),
        "country": country_name(loc.get("country")), "iso": loc.get("country"), "admin1": loc.get("admin1"),
        "location": loc.get("name"), "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "geo_precision": _types()["geo_precision"].get(loc.get("precision") or "unknown", 3),
        "source": "; ".join(ev.get("sources") or []), "notes": "; ".join(notes), "fatalities": fatalities,
    }  # fmt: skip


def ucdp_row(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    row: dict[str, Any] = {
        "id": ev["id"], "date_start": ev["date"].get("start"),
        "date_end": ev["date"].get("end") or ev["date"].get("start"),
        "country": country_name(loc.get("country")), "adm_1": loc.get("admin1"), "where_coordinates": loc.get("name"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "where_prec": _types()["ucdp_where_prec"].get(loc.get("precision") or "unknown", 7),
        "best": _killed(ev, "best"), "low": _killed(ev, "low"), "high": _killed(ev, "high"),
        "source_office": "; ".join(ev.get("sources") or []), "source_article": "; ".join(ev.get("documents") or []),
    }  # fmt: skip
    for f in ev.get("casualties", []):
        if f["outcome"] == "killed" and f["group"] in SIDES:
            s = SIDES[f["group"]]
            row[f"deaths_{s}"], row[f"low_{s}"], row[f"high_{s}"] = f.get("best"), f.get("low"), f.get("high")
    return {c: row.get(c) for c in UCDP_COLUMNS}


def _cell(v: Any) -> Any:
    """Text a spreadsheet would run as a formula starts with a quote (outlet and actor names are input)."""
    return "'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r") else v


def _write(rows: Iterable[dict[str, Any]], columns: list[str], fh: TextIO) -> int:
    w = csv.DictWriter(fh, fieldnames=columns)
    w.writeheader()
    n = 0
    for r in rows:
        w.writerow({k: _cell(v) for k, v in r.items()})
        n += 1
    return n


def to_acled_csv(events: Iterable[dict[str, Any]], fh: TextIO) -> int:
    return _write((acled_row(e) for e in events), ACLED_COLUMNS, fh)


def to_ucdp_csv(events: Iterable[dict[str, Any]], fh: TextIO) -> int:
    return _write((ucdp_row(e) for e in events), UCDP_COLUMNS, fh)


def gold_lines(view: Any, texts: dict[str, dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """One gold line per document with a decision on one of its claims (`view`: ledger.reviewed.View):
    killed and wounded summed over the document's news reports, as reviewed (score.py's doc sum)."""
    reviewed_docs = {k.rpartition("|")[0].rpartition("|")[0] for k in view.claim_state}
    for doc in sorted(reviewed_docs & set(view.rows_by_doc)):
        rows = view.rows_by_doc[doc]
        gold: dict[str, Any] = {"killed": 0, "wounded": 0}
        news = [(r, ev) for r in rows if (ev := view.by_id.get(r.get("event") or "")) and not ev["background"]]
        primary = next((ev for r, ev in news if r["primary"]), news[0][1] if news else None)
        for r, _ in news:
            for c in r["claims"]:
                if c["best"] is not None:
                    gold[c["outcome"]] = gold.get(c["outcome"], 0) + c["best"]
        country = ((primary or {}).get("location") or {}).get("country")
        if country:
            gold["country"] = country
        first = rows[0]
        yield {"id": doc, "title": first["title"], "text": texts.get(doc, {}).get("text", ""),
               "published": first["published"], "outlet": first["outlet"], "set": "review", "gold": gold}  # fmt: skip


def to_gold_jsonl(view: Any, texts: dict[str, dict[str, Any]], fh: TextIO) -> int:
    n = 0
    for line in gold_lines(view, texts):
        fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        n += 1
    return n
