"""Exports of the reviewed ledger: ACLED- and UCDP-shaped CSV with the corrections, gold JSONL that the
project's scorer reads."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from desk_data import post
from shared_data import shared_path


def _correct_wire_a(client, value: str = "14") -> None:  # noqa: ANN001
    ev = next(e for e in client.get("/events.json").json()["events"] if "wire-a" in e["documents"])
    d = client.get(f"/event/{ev['id']}.json").json()
    key = next(c["stable_key"] for c in d["claims"] if c["doc"] == "wire-a" and c["outcome"] == "killed")
    post(client, "/review/claim", {"key": key, "action": "correct", "value": value})
    key = next(c["stable_key"] for c in d["claims"] if c["doc"] == "wire-b" and c["outcome"] == "killed")
    post(client, "/review/claim", {"key": key, "action": "correct", "value": value})


def test_acled_csv_carries_the_corrected_figure(client):
    _correct_wire_a(client)
    rows = {r["admin1"]: r for r in csv.DictReader(io.StringIO(client.get("/export/acled.csv").text))}
    idlib = rows["Idlib"]
    assert idlib["fatalities"] == "14" and idlib["country"] == "Syria" and idlib["iso"] == "SY"
    assert (idlib["event_type"], idlib["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert idlib["geo_precision"] == "1" and rows["Hama"]["geo_precision"] == "3"
    assert "review: partial" in idlib["notes"]


def test_ucdp_csv_has_low_best_high_per_side(client):
    rows = {r["adm_1"]: r for r in csv.DictReader(io.StringIO(client.get("/export/ucdp.csv").text))}
    assert (rows["Idlib"]["deaths_b"], rows["Idlib"]["low_b"], rows["Idlib"]["high_b"]) == ("12", "12", "12")
    assert rows["Hama"]["deaths_civilians"] == "3" and rows["Hama"]["where_prec"] == "4"


def test_gold_export_is_scored_by_the_project_scorer(client, tmp_path):
    score = shared_path("tools", "score.py")
    _correct_wire_a(client)
    gold = [json.loads(x) for x in client.get("/export/gold.jsonl").text.splitlines()]
    got = [(g["id"], g["gold"]["killed"], g["gold"]["wounded"]) for g in gold]
    assert got == [("wire-a", 14, 0), ("wire-b", 14, 5)]
    assert gold[0]["text"].startswith("Jets kill 12") and gold[0]["set"] == "review"
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in gold) + "\n", encoding="utf-8")
    # the machine's output: 12 killed in both
    machine = [{"primary": True, "background": False, "casualties": [{"outcome": "killed", "best": 12}]}]
    out = [{"doc": d, "events": machine} for d in ("wire-a", "wire-b")]
    (tmp_path / "out.jsonl").write_text("\n".join(json.dumps(o) for o in out) + "\n", encoding="utf-8")
    cmd = [sys.executable, str(score), "totals", str(tmp_path / "gold.jsonl"), str(tmp_path / "out.jsonl")]
    got = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    line = next(x for x in got.splitlines() if x.startswith("killed exact, gold>0 (doc sum)"))
    assert line.split()[-2:] == ["0/2", "0.000"]  # the machine's 12 against the reviewed 14
    assert next(x for x in got.splitlines() if x.startswith("wounded exact (doc sum)")).split()[-2] == "1/2"


def test_review_cli_exports(ledger_url, client, tmp_path):
    from typer.testing import CliRunner

    from warwire.cli import app

    _correct_wire_a(client, "15")
    runner = CliRunner()
    r = runner.invoke(app, ["review", "export-acled", "--db", ledger_url])
    assert r.exit_code == 0
    assert "15" in [row["fatalities"] for row in csv.DictReader(io.StringIO(r.stdout))]
    r = runner.invoke(app, ["review", "export-gold", "--db", ledger_url, "-o", str(tmp_path / "g.jsonl")])
    assert r.exit_code == 0 and len((tmp_path / "g.jsonl").read_text().splitlines()) == 2
    r = runner.invoke(app, ["review", "queue", "--db", ledger_url])
    assert r.exit_code == 0 and "ev-" in r.stdout
    r = runner.invoke(app, ["review", "decide", "reject", "wire-b|wounded/armed_groups|0-1", "--db", ledger_url])
    assert r.exit_code == 0
    r = runner.invoke(app, ["review", "log", "--db", ledger_url])
    assert r.stdout.count("\n") == 3 and '"what": "reject"' in r.stdout
    assert runner.invoke(app, ["review", "decide", "explode", "x", "--db", ledger_url]).exit_code == 2
