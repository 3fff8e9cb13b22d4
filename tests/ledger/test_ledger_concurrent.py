"""Two writers on one ledger (SQLite file or PostgreSQL database): both finish, nothing lost or doubled."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import func, select, text
from test_ledger_kill import CHILD, N, check_consistent, write_docs

from warwire.ledger import Ledger
from warwire.ledger.schema import documents

OPEN = "import sys; from warwire.ledger import Ledger; Ledger(sys.argv[1]).close()"


def run_at_once(*cmds: list[str], timeout: float = 180) -> list[subprocess.CompletedProcess]:
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in cmds]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=timeout)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


def test_concurrent_first_opens_migrate_once(store_url):
    """Four processes open a new ledger at once: one migrates, the others wait and find it at head."""
    done = run_at_once(*[[sys.executable, "-c", OPEN, store_url] for _ in range(4)])
    assert [p.returncode for p in done] == [0] * 4, [p.stderr[-800:] for p in done]
    ledger = Ledger(store_url)
    with ledger.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    ledger.close()


def split(src, tmp_path) -> tuple:
    lines = src.read_text().splitlines(keepends=True)
    halves = tmp_path / "h1.jsonl", tmp_path / "h2.jsonl"
    halves[0].write_text("".join(lines[: N // 2]))
    halves[1].write_text("".join(lines[N // 2 :]))
    return halves


def test_two_processes_ingest_halves_at_once(store_url, tmp_path, mk):
    src = tmp_path / "docs.jsonl"
    write_docs(src, mk)
    h1, h2 = split(src, tmp_path)
    # both start on a database that does not exist yet: migrations race too
    done = run_at_once(*[[sys.executable, "-c", CHILD, store_url, str(h)] for h in (h1, h2)])
    assert [p.returncode for p in done] == [0, 0], [p.stderr[-800:] for p in done]
    ledger = Ledger(store_url)
    assert check_consistent(ledger) == N
    with ledger.engine.connect() as c:
        assert c.execute(select(func.count(func.distinct(documents.c.doc)))).scalar() == N
    assert len(ledger.events()) < N  # reports were linked across the two processes' halves


ARTICLE = (
    "{town} Police say {n} men were shot dead outside a store on {street} Street in {town} on Friday night. "
    "Officers found {victim} and the other victims in a parked car, police said."
)
STREETS = ["Juniper", "Quarry", "Bramble", "Kestrel", "Thornbury", "Magnolia"]
VICTIMS = ["Dario Okafor", "Imani Bassey", "Silas Varga", "Greta Lindqvist", "Oren Castellano", "Tamsin Achebe"]


def test_two_warwire_ingest_commands_at_once(store_url, tmp_path):
    """The CLI itself, twice at once into one new ledger (one worker each)."""
    towns = ["Dayton", "Toledo", "Akron", "Canton", "Parma", "Lorain"]
    paths = []
    for half in range(2):
        p = tmp_path / f"in{half}.jsonl"
        with p.open("w") as fh:
            for i, town in enumerate(towns):
                text = ARTICLE.format(town=town, n=i + 2, street=STREETS[i], victim=VICTIMS[i])
                rec = {"id": f"h{half}-{i}", "text": text, "outlet": f"Paper {half}",
                       "published": f"2021-03-{10 + i:02d}", "title": f"{i + 2} shot in {town}"}  # fmt: skip
                fh.write(json.dumps(rec) + "\n")
        paths.append(p)
    cmd = [sys.executable, "-m", "warwire.cli", "ingest", "--db", store_url, "--workers", "1"]
    done = run_at_once(*[[*cmd, str(p)] for p in paths])
    assert [p.returncode for p in done] == [0, 0], [p.stderr[-800:] for p in done]
    ledger = Ledger(store_url)
    with ledger.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(documents)).scalar() == 12
        assert c.execute(select(func.count(func.distinct(documents.c.doc)))).scalar() == 12
    # each town's two reports (one per process) are one ledger event
    assert sorted(len(e["documents"]) for e in ledger.events() if e["primary"]) == [2] * 6
