"""How the CLI writes results: streaming document writers (jsonl, csv, table) and ledger tables.

Writers take one Document at a time so `warwire extract` writes as it reads.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from typing import Any, Protocol, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warwire.export.csv import CLAIM_COLUMNS, claim_rows, safe_row
from warwire.model import Claim, Document, Event

# Terminal control: CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ESC \\), any other ESC pair, and the
# remaining C0/C1 controls but tab and newline. Text from documents reaches the terminal only through `shown`.
TERMINAL_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|\x9b[0-?]*[ -/]*[@-~]"
                              r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(value: object) -> str:
    """A value as safe terminal text: control sequences stripped, rich markup escaped."""
    return escape(TERMINAL_CONTROL.sub("", "" if value is None else str(value)))


QUALIFIER_WORDS = {"at_least": "at least", "at_most": "up to", "approximately": "about"}


class DocWriter(Protocol):
    def write(self, doc: Document) -> None: ...


class JsonlWriter:
    def __init__(self, fh: TextIO) -> None:
        self.fh = fh

    def write(self, doc: Document) -> None:
        line = json.dumps(doc.to_dict(), ensure_ascii=False) + "\n"
        try:
            self.fh.write(line)
        except UnicodeEncodeError:  # a lone surrogate the ingest did not see (a library caller's Document)
            self.fh.write(json.dumps(doc.to_dict()) + "\n")


class CsvWriter:
    """One row per casualty claim; the header is written once, before the first document."""

    def __init__(self, fh: TextIO) -> None:
        self.writer = csv.DictWriter(fh, fieldnames=CLAIM_COLUMNS)
        self.writer.writeheader()

    def write(self, doc: Document) -> None:
        self.writer.writerows(safe_row(row) for row in claim_rows(doc))


class TableWriter:
    """A rich table per document: its events, then one row per casualty claim."""

    def __init__(self, fh: TextIO) -> None:
        self.console = Console(file=fh, width=None if fh.isatty() else 160, highlight=False)

    def write(self, doc: Document) -> None:
        self.console.print(doc_table(doc))


def writer_for(fmt: str, fh: TextIO) -> DocWriter:
    writers: dict[str, Callable[[TextIO], DocWriter]] = {"jsonl": JsonlWriter, "csv": CsvWriter, "table": TableWriter}
    return writers[fmt](fh)


def figure_wording(value: int | None, qualifier: str, vague: str | None, low: int | None,
                   high: int | None) -> str:
    """A claim's figure as a reader would say it: '40', 'at least 40', 'dozens (24–?)'."""
    if qualifier == "vague" or value is None:
        span = f"{low if low is not None else '?'}–{high if high is not None else '?'}"
        return f"{vague or 'unknown'} ({span})"
    word = QUALIFIER_WORDS.get(qualifier)
    return f"{word} {value}" if word else str(value)


def claim_wording(c: Claim) -> str:
    return figure_wording(c.value, c.qualifier, c.vague, c.low, c.high)


def event_kind(ev: Event) -> str:
    return "background" if ev.background else ("primary" if ev.primary else "")


def event_date(ev: Event) -> str:
    start = ev.date.start.iso() if ev.date.start else None
    end = ev.date.end.iso() if ev.date.end else None
    text = start or (ev.date.as_written or "")
    return f"{text} – {end}" if end and end != start else text


def event_place(ev: Event) -> str:
    loc = ev.location
    if loc is None:
        return ""
    name = loc.name or loc.as_written or ""
    where = ", ".join(x for x in (loc.admin1, loc.country) if x and x != name)
    return f"{name} ({where})" if where else name


def doc_table(doc: Document) -> Table:
    published = doc.published.iso() if doc.published else None
    title = f"[bold]{shown(doc.doc)}[/]" + (f" — {shown(doc.title)}" if doc.title else "")
    caption = " · ".join(x for x in (shown(doc.outlet) if doc.outlet else None,
                                     published and f"published {published}") if x)
    table = Table(title=title, caption=caption or None, title_justify="left", show_lines=True)
    for col in ("event", "kind", "type", "date", "place", "outcome", "group", "figure", "claimant"):
        table.add_column(col, overflow="fold")
    for ev in doc.events:
        head = [shown(x) for x in (ev.id, event_kind(ev), ev.type, event_date(ev), event_place(ev))]
        if not ev.casualties:
            table.add_row(*head, "", "", "", "")
        for i, c in enumerate(ev.casualties):
            cells = head if i == 0 else [""] * len(head)
            table.add_row(*cells, c.outcome, c.group, shown(claim_wording(c)), shown(c.claimed_by))
    if not doc.events:
        table.add_row("(no events)", *[""] * 8)
    return table


def _loc_text(loc: dict[str, Any] | None) -> str:
    if not loc:
        return ""
    return ", ".join(str(x) for x in (loc.get("name"), loc.get("admin1"), loc.get("country")) if x)


def _fig_text(f: dict[str, Any]) -> str:
    best = f.get("best")
    span = f"{f.get('low')}–{f.get('high')}"
    return f"{f['outcome']} {f['group']}: {best if best is not None else '?'} ({span})"


def ledger_table(events: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(events)} ledger events", title_justify="left", show_lines=True)
    for col in ("id", "date", "type", "place", "figures (best, low–high)", "sources", "docs"):
        table.add_column(col, overflow="fold")
    for e in events:
        figs = "\n".join(_fig_text(f) for f in e.get("casualties", []))
        table.add_row(shown(e["id"]), shown(e["date"].get("start")), shown(e.get("type")),
                      shown(_loc_text(e.get("location"))), shown(figs), shown("; ".join(e.get("sources", []))),
                      str(len(e.get("documents", []))))
    return table


def print_event_detail(console: Console, e: dict[str, Any]) -> None:
    """One ledger event: reconciled figures, then every report with its figures, quotes and merge reason."""
    console.print(f"[bold]{shown(e['id'])}[/] {shown(e.get('type'))} · "
                  f"{shown(e['date'].get('start') or 'date unknown')} · "
                  f"{shown(_loc_text(e.get('location')) or 'place unknown')}")
    for f in e.get("casualties", []):
        console.print(f"  {shown(_fig_text(f))} · sources {shown(f.get('sources'))} · claimants: "
                      f"{shown(', '.join(f.get('claimants', [])) or '-')}")
    for flag in e.get("flags", []):
        console.print(f"  [yellow]flag[/] {shown(flag)}")
    for r in e.get("report_details", []):
        console.print(f"\n[bold]report[/] {shown(r['doc'])} · {shown(r.get('outlet') or 'outlet unknown')} · "
                      f"{shown(r.get('title'))}")
        for f in r.get("figures", []):
            wording = figure_wording(f["value"], f["qualifier"], f.get("vague"), f.get("low"), f.get("high"))
            console.print(f"  {shown(f['outcome'])} {shown(f['group'])}: {shown(wording)} · claimed by "
                          f"{shown(f.get('claimed_by') or '-')}")
        for q in r.get("quotes", []):
            console.print(f"  “{shown(q)}”")
        why = (r.get("merge") or {}).get("why")
        console.print(f"  merged: {shown(json.dumps(why, default=str))}" if why else "  first report of this event")


def _record_text(r: dict[str, Any]) -> str:
    """'3: ratio 1.2, higher 67% lower 33% equal 0%' (comparisons, median ratio, shares) or '-'."""
    if not r.get("compared"):
        return "-"
    ratio = r["median_ratio"] if r["median_ratio"] is not None else "?"
    return (f"{r['compared']}: ratio {ratio}, higher {r['higher']:.0%} lower {r['lower']:.0%} "
            f"equal {r['equal']:.0%}")


def claimants_table(rows: list[dict[str, Any]]) -> Table:
    """One row per claimant: who (id, kind, side), how much, relayed by whom, and its record."""
    table = Table(title=f"{len(rows)} claimants", title_justify="left", box=None, pad_edge=False)
    for col, width in (("claimant", 44), ("figs", 4), ("events", 6), ("relayed by", 24),
                       ("against other sources", 48), ("party: on enemy / own losses", 40)):
        table.add_column(col, overflow="fold", min_width=width if width < 10 else None, max_width=width)
    for r in rows:
        party = r.get("party")
        party_text = "" if not party else " / ".join(_record_text(party[about]) for about in ("enemy", "own"))
        who = f"{r['id']} ({r.get('kind') or '?'}" + (f", {r['side']})" if r.get("side") else ")")
        table.add_row(shown(who), str(r["figures"]), str(len(r["events"])), shown("; ".join(r["outlets"]) or "-"),
                      shown(_record_text(r)), shown(party_text))
    return table


def print_claimant_detail(console: Console, r: dict[str, Any]) -> None:
    """One claimant: who it is, its record, then each figure with its sentence."""
    console.print(f"[bold]{shown(r['name'])}[/] ({shown(r['id'])}) · {shown(r.get('kind'))}"
                  + (f" · side {shown(r['side'])}" if r.get("side") else ""))
    via = f" · via {shown('; '.join(r['via']))}" if r["via"] else ""
    console.print(f"  {r['figures']} figures in {len(r['events'])} events · relayed by "
                  f"{shown('; '.join(r['outlets']) or '-')}{via}")
    console.print(f"  against other sources: {shown(_record_text(r))}")
    for about in ("enemy", "own") if r.get("party") else ():
        console.print(f"  on its {about}'s losses: {shown(_record_text(r['party'][about]))}")
    for c in r["claims"]:
        wording = f"{c['outcome']} {c['group']}: {c['best'] if c['best'] is not None else c.get('vague') or '?'}"
        console.print(f"\n  [bold]{shown(wording)}[/] · {shown(c['event'])} · {shown(c['doc'])} · "
                      f"{shown(c.get('outlet') or '-')}")
        console.print(f"    {shown(c.get('as_written') or c.get('claimed_by') or '')}")
        console.print(f"    “{shown(c.get('sentence') or '')}”")
