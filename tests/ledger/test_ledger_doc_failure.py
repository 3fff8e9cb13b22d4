"""Issue 17: a store error in one document's rows is that document's failure only. The database itself
refuses one document's claim (a trigger the test adds, on SQLite and on PostgreSQL): that document fails
with a warning and is counted, and every other document of the batch, before and after it in the same
transaction, is stored and linked; nothing of the refused one stays behind, and a rerun stores it."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from typer.testing import CliRunner

from warwire.cli import app
from warwire.ledger import Ledger
from warwire.ledger.schema import claims, doc_events, documents, links

REPORTS = [  # (id, published, text): our own sentences
    ("a1", "2021-04-03", "An airstrike killed seven civilians in the town of Kafr Nabl in Idlib province on "
                         "Friday, a local monitoring group said."),
    ("a2", "2021-04-03", "Seven civilians were killed on Friday when an airstrike hit the town of Kafr Nabl in "
                         "Idlib province, residents said."),
    ("bad", "2021-04-03", "Shelling killed four people in the village of Maarat Misrin in Idlib province on "
                          "Friday, rescuers said."),
    ("a3", "2021-04-04", "The airstrike on Kafr Nabl in Idlib province on Friday killed seven civilians, the "
                         "monitoring group said on Saturday."),
    ("c", "2021-05-10", "A car bomb killed twelve people in the town of Azaz in Aleppo province on Monday, "
                        "officials said."),
]
MARK = "Misrin"  # the claim the trigger refuses

SQLITE_TRIGGER = [
    f"CREATE TRIGGER refuse BEFORE INSERT ON claims WHEN NEW.quote LIKE '%{MARK}%' "
    "BEGIN SELECT RAISE(ABORT, 'claim refused by the test'); END"
]
PG_TRIGGER = [
    "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
    f"IF NEW.quote LIKE '%{MARK}%' THEN "
    "RAISE EXCEPTION 'claim refused by the test' USING ERRCODE = 'check_violation'; END IF; "
    "RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER refuse BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION refuse()",
]


def _run(url: str, statements: list[str]) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        for s in statements:
            conn.execute(text(s))
    engine.dispose()


def _ingest(tmp_path: Path, url: str):  # noqa: ANN202 - a click Result
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps({"id": i, "published": p, "text": t}) + "\n" for i, p, t in REPORTS))
    return CliRunner().invoke(app, ["ingest", str(path), "--db", url, "--workers", "1"])


def test_a_store_error_fails_its_document_alone(tmp_path: Path, any_store: str) -> None:
    Ledger(any_store).close()  # the schema, then the trigger on it
    pg = any_store.startswith("postgresql")
    _run(any_store, PG_TRIGGER if pg else SQLITE_TRIGGER)

    result = _ingest(tmp_path, any_store)
    assert result.exit_code == 1, result.stderr
    assert "warning: bad: could not be stored: IntegrityError: claim refused by the test" in result.stderr
    assert "1 of 5 documents failed; 4 processed" in result.stderr
    assert "stored 4 documents" in result.stderr

    engine = create_engine(any_store)
    with engine.connect() as conn:
        stored = sorted(r[0] for r in conn.execute(select(documents.c.doc)))
        n_events = conn.execute(select(func.count()).select_from(doc_events)).scalar()
        n_links = conn.execute(select(func.count()).select_from(links)).scalar()
        orphans = conn.execute(select(func.count()).select_from(claims).where(
            ~claims.c.doc_event_id.in_(select(doc_events.c.id)))).scalar()  # fmt: skip
    engine.dispose()
    assert stored == ["a1", "a2", "a3", "c"]  # nothing of `bad` (its document row went before its claim)
    assert n_events == n_links >= 4 and orphans == 0  # every stored report linked
    ledger = Ledger(any_store)
    try:
        by_doc = {d: e["id"] for e in ledger.events() for d in e["documents"]}
    finally:
        ledger.close()
    assert by_doc["a1"] == by_doc["a2"] == by_doc["a3"] != by_doc["c"]  # linked across the failure

    _run(any_store, ["DROP TRIGGER refuse" + (" ON claims" if pg else "")])
    again = _ingest(tmp_path, any_store)  # the refused document was not lost: a rerun stores it
    assert again.exit_code == 0, again.stderr
    assert "stored 1 documents (4 seen before)" in again.stderr
