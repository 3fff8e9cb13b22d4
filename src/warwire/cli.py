"""The `warwire` command: a thin layer over the library. Data goes to stdout (or -o), messages to stderr."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from warwire.ingest.records import MAX_BYTES, ReadError, Record, iter_records
from warwire.model import Document, Failure

app = typer.Typer(help="Conflict news to a sourced, geocoded, deduplicated event ledger, offline.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
gazetteer_app = typer.Typer(help="Extend the place gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

DEFAULT_DB = "sqlite:///warwire.db"
PROGRESS_BYTES, PROGRESS_DOCS = 1_000_000, 100  # inputs above either show a progress bar on a terminal
err = Console(stderr=True, highlight=False)


class DocFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class EventFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    table = "table"


class DetailFormat(StrEnum):
    table = "table"
    json = "json"


PathsArg = Annotated[list[str], typer.Argument(help="Files (.txt, .html, .htm, .jsonl), directories, or - for stdin.")]
PublishedOpt = Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for records without one.")]
MaxBytesOpt = Annotated[int, typer.Option(help="Refuse files (and JSONL lines) larger than this.")]
WorkersOpt = Annotated[int | None, typer.Option(min=1, help="Worker processes (default: all cores; 1: in process).")]
EngineOpt = Annotated[str, typer.Option(help="local (process pool) or ray (pip install 'warwire[ray]').")]
RayAddressOpt = Annotated[str | None, typer.Option(help="Ray cluster address (engine ray); default: a local Ray.")]
DocTimeoutOpt = Annotated[float, typer.Option(min=0, help="Seconds one document may take (0: no limit).")]
DbOpt = Annotated[str, typer.Option(help="Ledger database URL (SQLite or postgresql+psycopg://...).")]
ConventionOpt = Annotated[str, typer.Option(
    help="Coding convention for vague words: default (best left empty), acled, aan (data/conventions/).")]


def warn(doc: str, message: str) -> None:
    """One line per problem, so a batch's warnings can be grepped."""
    err.print(f"warning: {doc}: {message}", markup=False, soft_wrap=True)


def _published(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint="--published") from None


def read_records(paths: list[str], published: str | None, max_bytes: int) -> Iterator[Record | ReadError]:
    for rec in iter_records(paths, max_bytes=max_bytes):
        if published and isinstance(rec, Record) and not rec.published:
            rec = dataclasses.replace(rec, published=published)
        yield rec


def run_extraction(
    records: Iterable[Record | ReadError], workers: int | None, engine: str = "local", ray_address: str | None = None,
    doc_timeout: float | None = None,
) -> Iterator[Document | Failure]:
    """In this process (one worker), a process pool (all cores by default) or Ray; same output, same order."""
    from warwire.scale import default_workers
    from warwire.scale import run_extraction as scaled
    from warwire.settings import Settings

    settings = Settings() if doc_timeout is None else dataclasses.replace(Settings(), doc_timeout=doc_timeout)
    return iter(scaled(records, workers=workers or default_workers(), engine=engine, ray_address=ray_address,
                       settings=settings))


@dataclasses.dataclass
class Tally:
    done: int = 0
    failed: int = 0


def _convention(name: str) -> str:
    """The convention name, checked before any work starts (a clear error for a name not shipped)."""
    from warwire.extraction import conventions

    try:
        conventions.load(name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--convention") from exc
    return name


def checked(results: Iterable[Document | Failure], tally: Tally, convention: str = "default") -> Iterator[Document]:
    """Documents only (vague words coded by `convention`); each failure and each document warning
    becomes one line on stderr."""
    from warwire.extraction import conventions

    for res in results:
        if isinstance(res, Failure):
            tally.failed += 1
            warn(res.doc, res.message)
            continue
        tally.done += 1
        for w in res.warnings:
            warn(res.doc, w)
        yield conventions.apply(res, convention)


def _input_size(paths: list[str]) -> tuple[int, int | None]:
    """(bytes, approximate documents) of the inputs; documents unknown for stdin."""
    size, docs = 0, 0
    for raw in paths:
        if raw == "-":
            return PROGRESS_BYTES, None
        p = Path(raw)
        files = [f for f in p.rglob("*") if f.is_file()] if p.is_dir() else [p] if p.is_file() else []
        for f in files:
            size += f.stat().st_size
            docs += _count_lines(f) if f.suffix.lower() == ".jsonl" else 1
    return size, docs


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))


def with_progress(docs: Iterator[Document], paths: list[str], stack: ExitStack) -> Iterator[Document]:
    """A progress bar on stderr for large inputs on a terminal; the stream unchanged otherwise."""
    if not err.is_terminal:
        return docs
    size, total = _input_size(paths)
    if size < PROGRESS_BYTES and (total or 0) < PROGRESS_DOCS:
        return docs
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = stack.enter_context(Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                                            TimeElapsedColumn(), console=err, transient=True))
    task = progress.add_task("extract", total=total)

    def advance() -> Iterator[Document]:
        for doc in docs:
            progress.advance(task)
            yield doc

    return advance()


def _open_output(output: Path | None, stack: ExitStack) -> TextIO:
    if output is None:
        return sys.stdout
    return stack.enter_context(output.open("w", encoding="utf-8", newline=""))


def _finish(tally: Tally, what: str) -> None:
    if tally.failed:
        err.print(f"{tally.failed} of {tally.done + tally.failed} documents failed; {tally.done} {what}",
                  markup=False)
        raise typer.Exit(1)


@app.command()
def extract(
    paths: PathsArg,
    format: Annotated[DocFormat, typer.Option("--format", "-f", help="Output format.")] = DocFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    published: PublishedOpt = None,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    workers: WorkersOpt = None,
    engine: EngineOpt = "local",
    ray_address: RayAddressOpt = None,
    convention: ConventionOpt = "default",
    doc_timeout: DocTimeoutOpt = 30.0,
) -> None:
    """Extract events and casualty claims from articles, streaming.

    jsonl: one line per document (the contract); csv: one row per casualty claim; table: for reading.
    Each failed document and each document warning is one line on stderr ("warning: DOC: message");
    the batch goes on. Exit code 0 when every document was processed, 1 when any failed.
    """
    convention = _convention(convention)
    records = read_records(paths, _published(published), max_bytes)
    tally = Tally()
    with ExitStack() as stack:
        writer = _writer(format.value, _open_output(output, stack))
        results = run_extraction(records, workers, engine, ray_address, doc_timeout)
        for doc in with_progress(checked(results, tally, convention), paths, stack):
            try:
                writer.write(doc)
            except Exception as exc:  # noqa: BLE001 - a record no writer can take fails alone
                tally.done, tally.failed = tally.done - 1, tally.failed + 1
                warn(doc.doc, f"could not be written: {type(exc).__name__}: {exc}")
    _finish(tally, "extracted")


def _writer(fmt: str, fh: TextIO):  # noqa: ANN202 - a cli_output.DocWriter
    from warwire.cli_output import writer_for

    return writer_for(fmt, fh)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = DEFAULT_DB,
    published: PublishedOpt = None,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    workers: WorkersOpt = None,
    engine: EngineOpt = "local",
    ray_address: RayAddressOpt = None,
    convention: ConventionOpt = "default",
    doc_timeout: DocTimeoutOpt = 30.0,
) -> None:
    """Extract articles and store them in the ledger: documents, claims, and linked events.

    Documents seen before (same id and text) are skipped. Exit code 1 when any document failed.
    """
    from warwire.ledger import Ledger

    convention = _convention(convention)
    ledger = Ledger(db)
    tally = Tally()
    try:
        with ExitStack() as stack:
            records = read_records(paths, _published(published), max_bytes)
            results = run_extraction(records, workers, engine, ray_address, doc_timeout)
            docs = with_progress(checked(results, tally, convention), paths, stack)

            def store_failed(doc: str, message: str) -> None:  # counted as extracted by `checked`: move it
                tally.done, tally.failed = tally.done - 1, tally.failed + 1
                warn(doc, message)

            report = ledger.ingest_documents(docs, on_failure=store_failed)
    finally:
        ledger.close()
    err.print(f"stored {report.stored} documents ({report.skipped} seen before), {report.events} events: "
              f"{report.merged} joined existing ledger events, {report.new_ledger_events} new"
              + (f"; {report.replaced} replaced an earlier version" if report.replaced else "")
              + (f"; {report.bridged} ledger events merged by a report matching two" if report.bridged else "")
              + (f"; {report.moved} reports moved by the re-link in publication order" if report.moved else ""),
              markup=False)  # fmt: skip
    _finish(tally, "processed")


def _open_ledger(db: str):  # noqa: ANN202 - a warwire.ledger.Ledger
    """The ledger at `db`; a missing SQLite file is an error here, not a new empty ledger."""
    from sqlalchemy.engine import make_url

    from warwire.ledger import Ledger

    url = make_url(db)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        err.print(f"error: no ledger at {url.database}: run `warwire ingest PATH --db {db}` first", markup=False)
        raise typer.Exit(2)
    return Ledger(db)


@app.command()
def events(
    db: DbOpt = DEFAULT_DB,
    format: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.jsonl,
    since: Annotated[str | None, typer.Option(help="Events ending on or after (YYYY, YYYY-MM, YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Events starting on or before this date.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166 alpha-2 country code, e.g. SY.")] = None,
    admin1: Annotated[str | None, typer.Option(help="First-level division, e.g. Idlib.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Event type (see the contract).")] = None,  # noqa: A002
) -> None:
    """The deduplicated ledger: one line (jsonl), row (csv) or feature (geojson) per event."""
    from warwire.export import to_csv, to_geojson, to_jsonl

    ledger = _open_ledger(db)
    try:
        found = ledger.events(since=since, until=until, country=country, admin1=admin1, type=type)
    finally:
        ledger.close()
    if format is EventFormat.table:
        from warwire.cli_output import ledger_table

        Console(highlight=False).print(ledger_table(found))
        return
    {"jsonl": to_jsonl, "csv": to_csv, "geojson": to_geojson}[format.value](found, sys.stdout)


@app.command()
def event(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="A ledger event id (see `warwire events`).")],
    db: DbOpt = DEFAULT_DB,
    format: Annotated[DetailFormat, typer.Option("--format", "-f")] = DetailFormat.table,
) -> None:
    """One ledger event with every report: outlet, claimant, figures, quotes, and why it was merged."""
    ledger = _open_ledger(db)
    try:
        found = ledger.event(event_id)
    except KeyError:
        err.print(f"error: no ledger event {event_id!r}", markup=False)
        raise typer.Exit(1) from None
    finally:
        ledger.close()
    if format is DetailFormat.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    from warwire.cli_output import print_event_detail

    print_event_detail(Console(highlight=False), found)


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps the desk on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8080,
    token: Annotated[str | None, typer.Option(help="Token for writes (default: a new one, printed).")] = None,
) -> None:
    """The review desk in a browser: events, map, timeline, claims against their sentences, and review."""
    from warwire.serve.run import serve as run_desk

    run_desk(_open_ledger(db), host, port, token)


from warwire.review_cli import review_app  # noqa: E402 - after the shared options it uses

app.add_typer(review_app, name="review")


class ClaimantFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def claimants(
    db: DbOpt = DEFAULT_DB,
    format: Annotated[ClaimantFormat, typer.Option("--format", "-f", help="Output format.")] = ClaimantFormat.table,
) -> None:
    """Each claimant's track record: figures, events, relaying outlets, and how its figures compare with the
    other independent sources' (median ratio, share higher/lower/equal; a party's on enemy vs own losses)."""
    ledger = _open_ledger(db)
    try:
        found = ledger.claimants()
    finally:
        ledger.close()
    if format is ClaimantFormat.table:
        from warwire.cli_output import claimants_table

        console = Console(highlight=False)
        console.width = max(console.width, 160)  # a pipe or a file gets the table unwrapped
        console.print(claimants_table(found))
    elif format is ClaimantFormat.jsonl:
        for row in found:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        from warwire.export.csv import claimants_to_csv

        claimants_to_csv(found, sys.stdout)


@app.command()
def claimant(
    claimant_id: Annotated[str, typer.Argument(metavar="ID", help="A claimant id (see `warwire claimants`).")],
    db: DbOpt = DEFAULT_DB,
    format: Annotated[DetailFormat, typer.Option("--format", "-f")] = DetailFormat.table,
) -> None:
    """One claimant's track record and each of its figures with its sentence."""
    ledger = _open_ledger(db)
    try:
        found = ledger.claimant(claimant_id)
    except KeyError:
        err.print(f"error: no claimant {claimant_id!r} in the ledger", markup=False)
        raise typer.Exit(1) from None
    finally:
        ledger.close()
    if format is DetailFormat.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    from warwire.cli_output import print_claimant_detail

    print_claimant_detail(Console(highlight=False), found)


@gazetteer_app.command("import")
def gazetteer_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="GeoNames dump or WOF CSV.")],
) -> None:
    """Add a GeoNames country dump (e.g. SY.txt) or a Who's On First CSV to the user gazetteer."""
    from warwire.resolve.gazetteer import GazetteerImportError, import_gazetteer, user_dir

    try:
        added = import_gazetteer(file)
    except GazetteerImportError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None
    err.print(f"added {added} places from {file.name} to {user_dir()}", markup=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
