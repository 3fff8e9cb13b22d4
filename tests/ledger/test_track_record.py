"""Claimants' track records (`warwire claimants`, `warwire claimant ID`) on a small ledger of three invented
reports of one clash, checked against figures computed by hand.

The Centre (relayed by TASS and Sputnik) claims 40 militants and 12 soldiers killed; the Observatory (AFP)
20 militants and 15 soldiers. By hand:
- Centre: militants 40 against the others' best 20 (ratio 2.0, higher), soldiers 12 against 15 (0.8, lower):
  median ratio (2.0 + 0.8) / 2 = 1.4, higher 0.5, lower 0.5; a party (Russian forces): enemy losses ratio
  2.0 all higher, own losses 0.8 all lower.
- Observatory: 20/40 = 0.5 and 15/12 = 1.25: median 0.875, higher 0.5, lower 0.5; no party split.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire.cli import app

REPORTS = [
    {"id": "tass-1", "outlet": "TASS", "published": "2020-03-03",
     "title": "Militants attack army positions near Saraqib",
     "text": "MOSCOW, March 3. /TASS/. Militants attacked Syrian army positions near Saraqib in Idlib province on "
             "Monday, the Russian Defence Ministry's Centre for Reconciliation said.\n\nUp to 40 militants were "
             "killed and 12 Syrian soldiers died in the fighting near Saraqib, the Centre said."},
    {"id": "afp-1", "outlet": "AFP", "published": "2020-03-03", "title": "Clashes near Saraqib kill 35",
     "text": "Fighting near Saraqib in Idlib province on Monday killed 20 militants and 15 Syrian soldiers, the "
             "Syrian Observatory for Human Rights said."},
    {"id": "sputnik-1", "outlet": "Sputnik", "published": "2020-03-03", "title": "40 militants killed near Saraqib",
     "text": "The Russian Centre for Reconciliation reported that 40 militants were killed in clashes near Saraqib "
             "in Idlib province on Monday. Twelve Syrian soldiers were also killed, the Centre added."},
]
CENTRE = "russia-reconciliation-centre"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("track")
    source = folder / "reports.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    url = f"sqlite:///{folder / 'ledger.db'}"
    result = CliRunner().invoke(app, ["ingest", str(source), "--db", url, "--workers", "1"])
    assert result.exit_code == 0, result.output
    return url


def _claimants(db: str, fmt: str = "jsonl") -> str:
    result = CliRunner().invoke(app, ["claimants", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_track_records_match_the_hand_computed_figures(db: str) -> None:
    rows = {r["id"]: r for r in map(json.loads, _claimants(db).splitlines())}
    assert set(rows) == {CENTRE, "sohr"}
    centre, sohr = rows[CENTRE], rows["sohr"]
    assert (centre["figures"], len(centre["events"]), centre["outlets"]) == (4, 1, ["Sputnik", "TASS"])
    assert (centre["compared"], centre["median_ratio"], centre["higher"], centre["lower"], centre["equal"]) == (
        2, 1.4, 0.5, 0.5, 0.0)
    assert centre["party"]["enemy"] == {"figures": 2, "compared": 1, "median_ratio": 2.0, "higher": 1.0,
                                        "lower": 0.0, "equal": 0.0}
    assert centre["party"]["own"] == {"figures": 2, "compared": 1, "median_ratio": 0.8, "higher": 0.0,
                                      "lower": 1.0, "equal": 0.0}
    assert (sohr["figures"], sohr["outlets"], sohr["median_ratio"], sohr["higher"], sohr["lower"]) == (
        2, ["AFP"], 0.875, 0.5, 0.5)
    assert sohr["party"] is None and sohr["events"] == centre["events"]


def test_one_claimant_gives_each_figure_with_its_sentence(db: str) -> None:
    result = CliRunner().invoke(app, ["claimant", CENTRE, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    detail = json.loads(result.stdout)
    assert detail["id"] == CENTRE and len(detail["claims"]) == 4
    by_doc = {(c["doc"], c["group"]): c for c in detail["claims"]}
    assert by_doc[("tass-1", "armed_groups")]["best"] == 40
    assert "Up to 40 militants were killed" in by_doc[("tass-1", "armed_groups")]["sentence"]
    assert by_doc[("sputnik-1", "state_forces")]["as_written"] == "the Centre added"


def test_table_csv_and_an_unknown_claimant(db: str) -> None:
    table = _claimants(db, "table")
    assert "sohr" in table and "TASS" in table
    header, *lines = _claimants(db, "csv").splitlines()
    assert header.startswith("id,name,kind,side,figures") and len(lines) == 2
    result = CliRunner().invoke(app, ["claimant", "nobody", "--db", db])
    assert result.exit_code == 1 and "no claimant" in result.stderr


def test_the_ledger_method_is_the_library_side(db: str, tmp_path: Path) -> None:
    from warwire.ledger import Ledger

    ledger = Ledger(db)
    try:
        assert [r["id"] for r in ledger.claimants()] == [CENTRE, "sohr"]
        assert ledger.claimant("sohr")["median_ratio"] == 0.875
    finally:
        ledger.close()
