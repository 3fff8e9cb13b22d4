"""Hand-written reports (invented text) for the desk tests, and a review POST as a browser sends it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warwire.model import Claim, Claimant, Document, Event, EventDate, Evidence, PartialDate, Place

MINISTRY = Claimant("testland-ministry", "Testland Ministry of Defence", "government", "Army of Testland")
SRC = Path(__file__).resolve().parents[2] / "src"
TOKEN = "test-token-123"
ORIGIN = "http://127.0.0.1:8080"
SAME = {"Sec-Fetch-Site": "same-origin", "Origin": ORIGIN}
IDLIB = {"name": "Idlib", "admin1": "Idlib", "country": "SY", "lat": 35.93, "lon": 36.63, "precision": "town"}
HAMA = {"name": None, "admin1": "Hama", "country": "SY", "lat": 35.13, "lon": 36.75, "precision": "admin1"}

WIRE_A = ("Jets kill 12 fighters near Idlib\n\nJets struck a depot near Idlib on Monday and killed 12 fighters, "
          "the ministry said. Residents reported heavy smoke over the depot.")
WIRE_B = ("Air raid near Idlib\n\nAn air raid on a depot near Idlib on Monday killed 12 fighters, the ministry "
          "said, and wounded 5 others at the depot.")
HOSTILE = ('Shelling in Hama <script>alert("x")</script>\n\nShelling killed 3 civilians in Hama province, '
           'medics said. <img src=x onerror="alert(1)"> A school was hit.')


def _claim(text: str, sentence: str, figure: int, outcome: str = "killed", group: str = "armed_groups",
           by: str | None = None, qualifier: str = "exact") -> Claim:  # fmt: skip
    start = text.index(sentence)
    ev = [Evidence(sentence, start, start + len(sentence))]
    who = Claimant(MINISTRY.id, MINISTRY.name, "government", "Army of Testland", by) if by == "the ministry" else None
    return Claim(outcome, group, figure, qualifier, figure, figure, figure, ev, claimed_by=by, claimant=who)


def _event(doc: str, text: str, place: dict, claims: list[Claim], day: int = 6, index: int = 1) -> Event:
    first = min(e.start for c in claims for e in c.evidence)
    ev = Event(id=f"{doc}#{index}", type="air_drone_strike", primary=index == 1,
               date=EventDate(start=PartialDate(2025, 1, day), precision="day"), location=Place(**place),
               casualties=claims)  # fmt: skip
    ev.sentences = sorted({(e.start, e.end) for c in claims for e in c.evidence})
    name = place.get("name") or place.get("admin1")
    ev.place_span = (text.index(name, first), text.index(name, first) + len(name)) if name in text[first:] else None
    return ev


def wire_docs(killed_a: int = 12) -> list[Document]:
    sa = "Jets struck a depot near Idlib on Monday and killed 12 fighters, the ministry said."
    sb = ("An air raid on a depot near Idlib on Monday killed 12 fighters, the ministry said, and wounded 5 others "
          "at the depot.")
    day = PartialDate(2025, 1, 6)
    a_claims = [_claim(WIRE_A, sa, killed_a, by="the ministry")]
    b_claims = [_claim(WIRE_B, sb, 12, by="the ministry"), _claim(WIRE_B, sb, 5, "wounded", by="the ministry")]
    a = Document("wire-a", WIRE_A, title="Jets kill 12 fighters near Idlib", outlet="Wire A", published=day,
                 published_source="given", events=[_event("wire-a", WIRE_A, IDLIB, a_claims)])  # fmt: skip
    b = Document("wire-b", WIRE_B, title="Air raid near Idlib", outlet="Wire B", published=day,
                 published_source="given", events=[_event("wire-b", WIRE_B, IDLIB, b_claims)])  # fmt: skip
    return [a, b]


# An Arabic report written for these tests: 12 civilians killed in an air strike on Idlib, per SOHR.
ARABIC = "قتل 12 مدنيا في غارة جوية على مدينة إدلب يوم الثلاثاء، بحسب المرصد السوري لحقوق الإنسان."
ARABIC_TITLE = "غارة جوية على إدلب"


def arabic_doc() -> Document:
    """The Arabic report as the extractor reads it (language 'ar', one killed civilians figure)."""
    import dataclasses

    import warwire

    d = warwire.extract(ARABIC, title=ARABIC_TITLE, published="2024-03-05", outlet="Arabic Wire")
    return dataclasses.replace(d, doc="ar-idlib")


def hostile_doc() -> Document:
    s = "Shelling killed 3 civilians in Hama province, medics said."
    ev = _event("hostile", HOSTILE, HAMA, [_claim(HOSTILE, s, 3, group="civilians", by="medics")], day=9)
    ev.type = "shelling_artillery_missile_attack"
    title = 'Shelling in Hama <script>alert("x")</script>'
    return Document("hostile", HOSTILE, title=title, outlet="Local <b>News</b>",
                    published=PartialDate(2025, 1, 9), published_source="given", events=[ev])  # fmt: skip



def post(client, url: str, data: dict, **headers: str):  # noqa: ANN001, ANN201 - a TestClient and its response
    return client.post(url, data=data, headers={**SAME, "Authorization": f"Bearer {TOKEN}",
                                                "Accept": "application/json", **headers})  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_desk(db_url: str, *extra: str) -> tuple[subprocess.Popen, str, str]:
    """A `warwire serve` process; (process, base URL, token) once it listens."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.Popen([sys.executable, "-m", "warwire.cli", "serve", "--db", db_url, "--port", str(port), *extra],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)  # fmt: skip
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        lines.append(line)
        if m := re.search(r"token .*: (\S+)$", line):
            token = m.group(1)
            break
        if proc.poll() is not None:
            raise AssertionError("warwire serve exited: " + "".join(lines))
    else:
        proc.kill()
        raise AssertionError("warwire serve did not start: " + "".join(lines))
    url = re.search(r"(http://127\.0\.0\.1:\d+)/events", "".join(lines)).group(1)
    for _ in range(100):  # the token line is printed just before uvicorn binds
        try:
            urllib.request.urlopen(url + "/-/status", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    return proc, url, token


PG_URL = os.environ.get("WARWIRE_TEST_PG_URL")


@contextmanager
def pg_database() -> Iterator[str]:
    """A database of its own on the test server (the desk tests count what they find), dropped after."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"desk_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
