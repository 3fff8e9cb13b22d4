"""Review decisions: applied in the reconciled view, undone by new decisions, kept across re-ingest and
re-extraction, and never updated or deleted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from desk_data import SAME, TOKEN, hostile_doc, post, wire_docs
from sqlalchemy import text

SRC = Path(__file__).resolve().parents[2] / "src" / "warwire"


def _wire(client) -> dict:  # noqa: ANN001
    ev = next(e for e in client.get("/events.json").json()["events"] if "wire-a" in e["documents"])
    return client.get(f"/event/{ev['id']}.json").json()


def _killed(detail: dict) -> tuple:
    f = next(f for f in detail["event"]["casualties"] if f["outcome"] == "killed")
    return f["low"], f["best"], f["high"]


def _claim(detail: dict, doc: str, outcome: str = "killed") -> dict:
    return next(c for c in detail["claims"] if c["doc"] == doc and c["outcome"] == outcome)


def test_correct_a_figure_changes_the_reconciled_figure_and_undo_restores_it(client):
    d = _wire(client)
    key = _claim(d, "wire-a")["stable_key"]
    r = post(client, "/review/claim", {"key": key, "action": "correct", "value": "14", "claimant": "the army",
                                      "note": "the ministry later said 14"})  # fmt: skip
    assert r.status_code == 200
    d2 = _wire(client)
    assert _killed(d2) == (12, 12, 14)  # two sources now: 12 and 14, median low 12
    c = _claim(d2, "wire-a")
    assert (c["best"], c["claimed_by"], c["review"], c["machine"]["best"]) == (14, "the army", "corrected", 12)
    assert d2["event"]["review_state"] == "partial"
    decision = r.json()["decision"]
    log = client.get("/log.json").json()["decisions"]
    assert log[0]["before"]["best"] == 12 and log[0]["after"] == {"value": 14, "claimed_by": "the army"}
    assert log[0]["note"] == "the ministry later said 14"
    post(client, "/review/undo", {"decision": str(decision)})
    assert _killed(_wire(client)) == (12, 12, 12)
    assert [d["what"] for d in client.get("/log.json").json()["decisions"]] == ["correct", "undo"]
    assert post(client, "/review/undo", {"decision": "2"}).status_code == 422  # an undo is not undone


def test_htmx_post_gets_the_review_block_back(client):
    d = _wire(client)
    key = _claim(d, "wire-a")["stable_key"]
    r = client.post("/review/claim", data={"key": key, "action": "correct", "value": "16"},
                    headers={**SAME, "Authorization": f"Bearer {TOKEN}", "HX-Request": "true"})
    assert r.status_code == 200 and r.text.lstrip().startswith('<div id="review">') and "<html" not in r.text
    assert '<td class="high">16</td>' in r.text and "review-corrected" in r.text


def test_reject_confirm_and_state(client):
    d = _wire(client)
    post(client, "/review/claim", {"key": _claim(d, "wire-b", "wounded")["stable_key"], "action": "reject"})
    for doc in ("wire-a", "wire-b"):
        post(client, "/review/claim", {"key": _claim(d, doc)["stable_key"], "action": "confirm"})
    d2 = _wire(client)
    assert [f["outcome"] for f in d2["event"]["casualties"]] == ["killed"]  # the rejected wounded count is gone
    assert d2["event"]["review_state"] == "reviewed"
    assert client.get("/queue.json").json()["progress"]["reviewed"] == 1
    assert post(client, "/review/claim", {"key": "nope|killed/civilians|1-2", "action": "confirm"}).status_code == 404
    bad = post(client, "/review/claim", {"key": _claim(d, "wire-a")["stable_key"], "action": "correct", "value": "x"})
    assert bad.status_code == 422


def test_split_merge_type_place_date_background(client):
    d = _wire(client)
    report_b = d["reports"][1]["key"]
    r = post(client, "/review/split", {"report": report_b})
    events = client.get("/events.json").json()
    assert events["count"] == 3
    split_id = r.json()["event"]
    assert split_id.startswith("split-")
    r = post(client, "/review/merge", {"event": d["event"]["id"], "other": split_id, "note": "same strike"})
    assert client.get("/events.json").json()["count"] == 2
    merged = r.json()["event"]
    post(client, "/review/event", {"event": merged, "action": "set_type", "type": "shelling_artillery_missile_attack"})
    post(client, "/review/event", {"event": merged, "action": "set_date", "start": "2025-01-05"})
    post(client, "/review/event", {"event": merged, "action": "set_place", "name": "Saraqib", "admin1": "Idlib",
                                   "country": "sy", "lat": "35.86", "lon": "36.8", "precision": "town"})  # fmt: skip
    ev = client.get(f"/event/{merged}.json").json()["event"]
    assert ev["type"] == "shelling_artillery_missile_attack" and ev["date"]["start"] == "2025-01-05"
    assert ev["location"]["name"] == "Saraqib" and ev["location"]["country"] == "SY"
    assert ev["review_state"] == "partial"
    post(client, "/review/event", {"event": merged, "action": "set_background", "background": "1"})
    assert client.get("/events.json").json()["count"] == 1
    assert client.get("/events.json?background=1").json()["count"] == 2
    assert post(client, "/review/event", {"event": merged, "action": "set_type", "type": "made_up"}).status_code == 422


def test_decisions_survive_reingest_and_reextraction(ledger_url, client):
    from warwire.ledger import Ledger
    from warwire.serve import create_app

    d = _wire(client)
    post(client, "/review/claim", {"key": _claim(d, "wire-a")["stable_key"], "action": "correct", "value": "14"})
    post(client, "/review/claim", {"key": _claim(d, "wire-b", "wounded")["stable_key"], "action": "reject"})
    again = Ledger(ledger_url)
    assert again.ingest_documents([*wire_docs(), hostile_doc()]).skipped == 3  # re-ingest: nothing new
    # re-extraction: the stored documents go (as an edited article's re-ingest replaces them) and a newer
    # extractor's output comes in, its machine figure 13 and with its claims in another order
    with again.engine.begin() as conn:
        conn.execute(text("DELETE FROM documents"))
        conn.execute(text("DELETE FROM ledger_events"))
    redo = wire_docs(killed_a=13)
    redo[1].events[0].casualties.reverse()
    fresh = Ledger(ledger_url)
    fresh.ingest_documents([hostile_doc(), *redo])
    from fastapi.testclient import TestClient

    c2 = TestClient(create_app(ledger_url, token="t"), base_url="http://127.0.0.1:8080")
    d2 = _wire(c2)
    a = _claim(d2, "wire-a")
    assert (a["best"], a["review"], a["machine"]["best"]) == (14, "corrected", 13)
    assert _claim(d2, "wire-b", "wounded")["review"] == "rejected"
    assert len(c2.get("/log.json").json()["decisions"]) == 2


def test_review_log_refuses_update_and_delete(ledger_url):
    from warwire.ledger import Ledger
    from warwire.ledger.review import ReviewLog

    ledger = Ledger(ledger_url)
    ReviewLog(ledger.engine).append("t", "confirm", "x|killed/civilians|1-2")
    for stmt in ("UPDATE review_log SET note = 'x'", "DELETE FROM review_log"):
        with pytest.raises(Exception, match="append-only"), ledger.engine.begin() as conn:
            conn.execute(text(stmt))
    assert len(ReviewLog(ledger.engine).decisions()) == 1


def test_no_code_path_updates_or_deletes_the_review_log():
    """Every use of the table in the package is an insert, a select or the migration that makes it."""
    uses = []
    for path in SRC.rglob("*.py"):
        src = path.read_text(encoding="utf-8")
        for m in re.finditer(r"review_log", src):
            line = src[src.rfind("\n", 0, m.start()) + 1 : src.find("\n", m.end())]
            uses.append((path.name, line.strip()))
        assert not re.search(r"(update|delete)\(\s*review_log", src, re.I), path
        assert not re.search(r"(UPDATE|DELETE FROM)\s+review_log\b(?!.*RAISE)", src.replace("\n", " ")
                             .replace("BEFORE UPDATE ON review_log", "").replace("BEFORE DELETE ON review_log", "")
                             .replace("BEFORE UPDATE OR DELETE ON review_log", "")), path  # fmt: skip
    assert uses  # the scan did find the table
    assert not any(".update(" in line or ".delete(" in line for _, line in uses)


def test_the_view_after_decisions_equals_a_fresh_build(app, client):
    """Decisions update only the events they touch; the result is what a full rebuild gives."""
    from warwire.ledger.reviewed import build

    d = _wire(client)
    desk = app.state.desk
    desk.view()  # built once; every decision below takes the incremental path
    post(client, "/review/claim", {"key": _claim(d, "wire-a")["stable_key"], "action": "correct", "value": "20"})
    post(client, "/review/claim", {"key": _claim(d, "wire-b", "wounded")["stable_key"], "action": "reject"})
    split = post(client, "/review/split", {"report": d["reports"][1]["key"]}).json()
    hama = next(e["id"] for e in client.get("/events.json").json()["events"] if "hostile" in e["documents"])
    merged = post(client, "/review/merge", {"event": hama, "other": split["event"]}).json()
    post(client, "/review/event", {"event": merged["event"], "action": "set_type", "type": "armed_clash"})
    post(client, "/review/undo", {"decision": "3"})  # the split

    def strip(view):  # noqa: ANN001, ANN202
        return [{k: v for k, v in e.items() if k != "_facets"} for e in view.events]

    incremental = strip(desk.view())
    with desk.ledger.engine.connect() as conn:
        assert incremental == strip(build(conn, desk.log))
    # the split undone, wire-b is back with wire-a, and the merge still joins it with the Hama report
    assert [e["documents"] for e in incremental] == [["wire-a", "wire-b", "hostile"]]
