"""`warwire` on the command line: formats, stdin, -o, --published, exit codes, and the ledger commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire.cli import app

CHECKPOINT = ("Bomb kills three soldiers at Tikrit checkpoint\n\nTIKRIT, Iraq (test) - A roadside bomb killed "
              "three soldiers and wounded at least 9 others at an army checkpoint north of Tikrit on Sunday, "
              "a police officer said.\n")
MARKET = ("Shelling hits Homs market\n\nHOMS, Syria (test) - Rebel shelling killed up to 14 civilians in a "
          "market in the city of Homs on Friday, according to the Syrian Observatory for Human Rights.\n")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "checkpoint.txt").write_text(CHECKPOINT, encoding="utf-8")
    (folder / "sub" / "market.txt").write_text(MARKET, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")  # skipped: not an input suffix
    return folder


def claims(line: dict) -> set[tuple]:
    return {(c["outcome"], c["group"], c["value"], c["qualifier"]) for e in line["events"] for c in e["casualties"]}


def test_extract_jsonl_directory_recursive(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(app, ["extract", str(articles)])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["doc"] for x in lines] == ["checkpoint.txt", "sub/market.txt"]
    assert ("killed", "state_forces", 3, "exact") in claims(lines[0])
    assert ("wounded", "state_forces", 9, "at_least") in claims(lines[0])
    assert ("killed", "civilians", 14, "at_most") in claims(lines[1])
    assert result.stderr == ""


def test_extract_csv_one_row_per_claim(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(app, ["extract", str(articles), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["doc"], r["outcome"], r["value"]) for r in rows} >= {
        ("checkpoint.txt", "killed", "3"), ("checkpoint.txt", "wounded", "9"), ("sub/market.txt", "killed", "14")}
    market = next(r for r in rows if r["doc"] == "sub/market.txt")
    assert market["claimed_by"] == "Syrian Observatory for Human Rights"
    assert "up to 14 civilians" in market["quote"]


def test_extract_table_shows_wording_and_claimant(runner: CliRunner, articles: Path) -> None:
    result = runner.invoke(app, ["extract", str(articles / "sub"), "-f", "table"])
    assert result.exit_code == 0, result.stderr
    assert "up to 14" in result.stdout and "Syrian Observatory" in result.stdout
    assert "Homs" in result.stdout and "primary" in result.stdout


def test_extract_stdin_text_and_jsonl(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "-"], input=CHECKPOINT)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["doc"] == "stdin"
    records = "\n".join(json.dumps({"id": i, "text": t}) for i, t in (("a", CHECKPOINT), ("b", MARKET)))
    result = runner.invoke(app, ["extract", "-"], input=records)
    assert [json.loads(x)["doc"] for x in result.stdout.splitlines()] == ["a", "b"]


def test_extract_output_file_and_published(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(articles / "checkpoint.txt"), "-o", str(out),
                                 "--published", "2016-04-03"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    line = json.loads(out.read_text(encoding="utf-8"))
    assert line["published"] == {"date": {"year": 2016, "month": 4, "day": 3}, "source": "given"}
    assert runner.invoke(app, ["extract", str(articles), "--published", "3 April"]).exit_code == 2


def test_extract_exit_code_one_when_a_document_fails(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(articles / "checkpoint.txt"), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert [json.loads(x)["doc"] for x in result.stdout.splitlines()] == ["checkpoint.txt"]
    assert f"warning: {tmp_path / 'missing.txt'}: no such file or directory" in result.stderr
    assert "1 of 2 documents failed" in result.stderr


def test_extract_help_documents_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Exit code 0 when every document was processed, 1 when any failed" in text


def test_ingest_then_events_and_event(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    result = runner.invoke(app, ["ingest", str(articles), "--db", db])
    assert result.exit_code == 0, result.stderr
    assert "stored 2 documents (0 seen before)" in result.stderr
    again = runner.invoke(app, ["ingest", str(articles), "--db", db])
    assert "stored 0 documents (2 seen before)" in again.stderr
    events = [json.loads(x) for x in runner.invoke(app, ["events", "--db", db]).stdout.splitlines()]
    assert sorted(d for e in events for d in e["documents"]) == ["checkpoint.txt", "sub/market.txt"]
    geo = json.loads(runner.invoke(app, ["events", "--db", db, "-f", "geojson"]).stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(events)
    market = next(e for e in events if e["documents"] == ["sub/market.txt"])
    detail = runner.invoke(app, ["event", market["id"], "--db", db, "-f", "json"])
    assert json.loads(detail.stdout)["report_details"][0]["quotes"]
    assert runner.invoke(app, ["event", "no-such-event", "--db", db]).exit_code == 1


def test_events_without_a_ledger_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code == 2 and "no ledger at" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_workers_option_runs(runner: CliRunner, articles: Path) -> None:
    """--workers goes to warwire.scale when installed; the output is the same documents either way."""
    plain = runner.invoke(app, ["extract", str(articles)])
    result = runner.invoke(app, ["extract", str(articles), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == plain.stdout


def test_gazetteer_import(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARWIRE_HOME", str(tmp_path / "home"))
    row = ["9999001", "Tal Zahab", "Tal Zahab", "", "35.1", "36.9", "P", "PPL", "SY", "", "11", "", "", "", "0",
           "", "300", "Asia/Damascus", "2020-01-01"]
    (tmp_path / "SY.txt").write_text("\t".join(row) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["gazetteer", "import", str(tmp_path / "SY.txt")])
    assert result.exit_code == 0, result.stderr
    assert "added 1 places from SY.txt" in result.stderr
    assert (tmp_path / "home" / "gazetteer" / "SY.tsv.gz").exists()


def test_extract_convention_fills_vague_best(runner: CliRunner) -> None:
    text = "Afghan forces killed several insurgents in Zhari district on Monday, officials said.\n"
    plain = runner.invoke(app, ["extract", "-", "--workers", "1"], input=text)
    coded = runner.invoke(app, ["extract", "-", "--workers", "1", "--convention", "aan"], input=text)
    assert plain.exit_code == coded.exit_code == 0, coded.output

    def figure(out: str) -> list[tuple]:
        return [(c["vague"], c["best"], c["convention"]) for e in json.loads(out)["events"] for c in e["casualties"]]

    assert figure(plain.stdout) == [("several", None, None)]
    assert figure(coded.stdout) == [("several", 3, "aan")]
    bad = runner.invoke(app, ["extract", "-", "--convention", "nope"], input=text)
    assert bad.exit_code == 2 and "unknown convention" in bad.output


def test_ingest_of_an_edited_article_replaces_it(runner: CliRunner, articles: Path, tmp_path: Path) -> None:
    """The same file edited (same id, new text): one document, the new version, and a line that says so."""
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    assert runner.invoke(app, ["ingest", str(articles), "--db", db]).exit_code == 0
    page = articles / "checkpoint.txt"
    page.write_text("Bomb wounds five soldiers at Tikrit checkpoint\n\nTIKRIT, Iraq (test) - A roadside bomb wounded "
                    "five soldiers at an army checkpoint north of Tikrit on Sunday, a police officer said.\n")
    result = runner.invoke(app, ["ingest", str(articles), "--db", db])
    assert result.exit_code == 0, result.stderr
    assert "stored 1 documents (1 seen before)" in result.stderr and "1 replaced an earlier version" in result.stderr
    events = [json.loads(x) for x in runner.invoke(app, ["events", "--db", db]).stdout.splitlines()]
    assert sorted(d for e in events for d in e["documents"]) == ["checkpoint.txt", "sub/market.txt"]
    (ev,) = [e for e in events if e["documents"] == ["checkpoint.txt"]]
    assert {c["outcome"] for c in ev["casualties"]} == {"wounded"}
