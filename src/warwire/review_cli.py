"""`warwire review ...`: the review desk's exports and log from the command line, for scripts."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, TextIO

import typer

review_app = typer.Typer(help="The reviewed ledger: exports, queue and log (decisions are made in `warwire serve`).",
                         no_args_is_help=True)  # fmt: skip
DEFAULT_DB = "sqlite:///warwire.db"
DbOpt = Annotated[str, typer.Option(help="Ledger database URL (SQLite or postgresql+psycopg://...).")]
OutOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]


def _reviewed(db: str):  # noqa: ANN202 - a ReviewedLedger
    from warwire.cli import _open_ledger
    from warwire.ledger.reviewed import ReviewedLedger

    return ReviewedLedger(_open_ledger(db))


def _out(output: Path | None, stack: ExitStack) -> TextIO:
    return sys.stdout if output is None else stack.enter_context(output.open("w", encoding="utf-8", newline=""))


@review_app.command("export-acled")
def export_acled(db: DbOpt = DEFAULT_DB, output: OutOpt = None) -> None:
    """The reviewed ledger as an ACLED-shaped CSV (one row per event)."""
    from warwire.export.reviewed import to_acled_csv

    with ExitStack() as stack:
        to_acled_csv(_reviewed(db).events(), _out(output, stack))


@review_app.command("export-ucdp")
def export_ucdp(db: DbOpt = DEFAULT_DB, output: OutOpt = None) -> None:
    """The reviewed ledger as a UCDP-shaped CSV (best, low, high per side)."""
    from warwire.export.reviewed import to_ucdp_csv

    with ExitStack() as stack:
        to_ucdp_csv(_reviewed(db).events(), _out(output, stack))


@review_app.command("export-geojson")
def export_geojson(db: DbOpt = DEFAULT_DB, output: OutOpt = None) -> None:
    """The reviewed ledger as GeoJSON."""
    from warwire.export import to_geojson

    with ExitStack() as stack:
        to_geojson(_reviewed(db).events(), _out(output, stack))


@review_app.command("export-gold")
def export_gold(db: DbOpt = DEFAULT_DB, output: OutOpt = None) -> None:
    """Reviewed documents as gold JSONL (the shape of ../shared/dev/*.jsonl), for `score.py totals`."""
    from warwire.export.reviewed import to_gold_jsonl

    desk = _reviewed(db)
    view = desk.view()
    with ExitStack() as stack:
        n = to_gold_jsonl(view, desk.texts(list(view.rows_by_doc)), _out(output, stack))
    typer.echo(f"{n} reviewed documents", err=True)


@review_app.command("queue")
def show_queue(db: DbOpt = DEFAULT_DB, limit: Annotated[int, typer.Option(help="Events to list.")] = 20) -> None:
    """What to review first, with the reasons, and the progress."""
    from warwire.ledger.review_queue import queue

    items, progress = queue(_reviewed(db).events())
    for i in items[:limit]:
        ev = i["event"]
        typer.echo(f"{ev['id']}\t{ev['date']['start'] or '?'}\t{ev['type']}\t{','.join(i['reasons'])}")
    typer.echo(f"reviewed {progress['reviewed']} of {progress['events']} ({progress['partial']} partly)", err=True)


@review_app.command("log")
def show_log(db: DbOpt = DEFAULT_DB) -> None:
    """The review log, one JSON line per decision."""
    for d in _reviewed(db).log.decisions():
        sys.stdout.write(json.dumps(d.to_dict(), ensure_ascii=False, default=str) + "\n")


@review_app.command("decide")
def decide(
    what: Annotated[str, typer.Argument(help="confirm, correct, reject, set_type, set_place, set_date, "
                                              "set_background, split, merge or undo.")],
    target: Annotated[str, typer.Argument(help="A claim or report key (see `warwire event ID --format json`).")],
    after: Annotated[str | None, typer.Option(help='The new value as JSON, e.g. {"value": 45}.')] = None,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    who: Annotated[str, typer.Option(help="Reviewer name for the log.")] = "cli",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Append one decision to the review log (what the desk's buttons do)."""
    from warwire.ledger.review import ReviewError

    try:
        did = _reviewed(db).log.append(who, what, target, None, json.loads(after) if after else None, note)
    except (ReviewError, json.JSONDecodeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(str(did))
