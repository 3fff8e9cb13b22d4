"""SIGKILL in the middle of a batch: committed documents stay whole, a rerun stores the rest."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

from sqlalchemy import func, select

from warwire.ledger import Ledger, link_documents
from warwire.ledger.from_contract import read_jsonl
from warwire.ledger.schema import claims, doc_events, documents, ledger_events, links

N = 240
CHILD = """
import sys, time
from warwire.ledger import Ledger
from warwire.ledger.from_contract import read_jsonl
def slow(docs):
    for d in docs:
        yield d
        time.sleep(0.01)
Ledger(sys.argv[1]).ingest_documents(slow(read_jsonl(sys.argv[2])))
"""
TOWNS = [("Idlib", 35.93, 36.63), ("Saraqib", 35.86, 36.80), ("Homs", 34.73, 36.71), ("Hama", 35.13, 36.75)]


def write_docs(path, mk) -> None:
    with open(path, "w") as fh:
        for i in range(N):
            name, lat, lon = TOWNS[i % 4]
            n = 3 + (i // 8) % 5
            text = f"Report {i}: strikes near {name} killed {n} fighters, monitors said."
            place = {
                "name": name,
                "admin1": name,
                "country": "SY",
                "lat": lat,
                "lon": lon,
                "precision": "town",
            }
            doc = mk.doc(
                f"k{i:03d}",
                text,
                f"Outlet {i % 3}",
                (2020, 1 + i // 40, 1 + (i // 8) % 28),
                place,
                [(f"{n} fighters", "killed", "armed_groups", "monitors")],
            )
            fh.write(json.dumps({**doc.to_dict(), "text": text}) + "\n")


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as c:
            return c.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # table not created yet
        return 0


def check_consistent(ledger: Ledger) -> int:
    with ledger.engine.connect() as c:
        n_docs = c.execute(select(func.count()).select_from(documents)).scalar()
        n_events = sum(len(d["events"]) for (d,) in c.execute(select(documents.c.data)))
        assert c.execute(select(func.count()).select_from(doc_events)).scalar() == n_events
        assert c.execute(select(func.count()).select_from(claims)).scalar() == n_events  # one claim each
        assert c.execute(select(func.count()).select_from(links)).scalar() == n_events
        orphans = (
            select(func.count())
            .select_from(ledger_events)
            .where(~ledger_events.c.id.in_(select(links.c.ledger_event_id)))
        )
        assert c.execute(orphans).scalar() == 0
    return n_docs


def test_sigkill_mid_batch_then_rerun(tmp_path, mk):
    src, db = tmp_path / "docs.jsonl", tmp_path / "k.db"
    write_docs(src, mk)
    url = f"sqlite:///{db}"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, url, str(src)])
    deadline = time.monotonic() + 15
    while stored(db) < 15 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"
    ledger = Ledger(url)
    partial = check_consistent(ledger)
    assert 15 <= partial < N
    done = subprocess.run([sys.executable, "-c", CHILD, url, str(src)], timeout=60)
    assert done.returncode == 0
    assert check_consistent(ledger) == N
    want = sorted(sorted({d for d, _ in c}) for c in link_documents(read_jsonl(src)))
    assert sorted(sorted(e["documents"]) for e in ledger.events()) == want  # (listed in canonical order)
    assert len(want) < N  # reports of one strike were merged
