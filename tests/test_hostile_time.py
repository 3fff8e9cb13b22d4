"""Hostile input (issue 17), time: crafted texts that were quadratic take seconds, not minutes. The bounds
are loose (a shared CI machine); scripts/bench_hostile.py prints the figures."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire.cli import app
from warwire.ingest.records import Record

CRAFTED = {
    "dots_40k": "Gunmen killed five people." + "." * 40_000,  # the sentence boundary regex
    "A_40k_one_sentence": "Gunmen killed five people " + "A " * 40_000 + "said.",  # ISSUED / NAME
    "numbers_20k": "Gunmen killed " + " ".join(str(n) for n in range(20_000)) + " people.",
    "al_100k": "Al-" * 100_000,
    "killed_20k": "killed " * 20_000,  # actors._words
    "capitalised_100k": " ".join(f"{w}{n % 9973}".capitalize() for n, w in enumerate(["kafr", "tal", "deir"] * 33_334))
    + ".",
    "capitals_30k": " ".join(f"Kafr{n % 977}" for n in range(30_000)) + " issued a statement.",
}


@pytest.fixture(scope="module")
def ex():
    import warwire

    return warwire.extractor()


@pytest.mark.parametrize("name", list(CRAFTED))
def test_crafted_text_takes_seconds(ex, name: str) -> None:
    start = time.monotonic()
    [result] = list(ex.extract_many([Record(name, text=CRAFTED[name])]))
    assert time.monotonic() - start < 20, "superlinear again: see scripts/bench_hostile.py"
    assert hasattr(result, "events"), result


def test_two_megabytes_of_articles_take_seconds(ex) -> None:
    """1-4 MB took 14.6-91 s (place resolution compared every event with every place mention); now the text
    is read in its first TEXT_MAX characters, each step linear."""
    reports = [f"Artillery shells fired by militants killed {n % 9 + 2} civilians and wounded {n % 7 + 3} in the "
               f"district of Hama on Monday, police said. Residents of Kafr Nabl said {n % 5 + 1} houses burned."
               for n in range(12_500)]
    text = "\n\n".join(reports)
    assert len(text) > 2_000_000
    start = time.monotonic()
    [result] = list(ex.extract_many([Record("big", text=text)]))
    assert time.monotonic() - start < 60, "superlinear again: see scripts/bench_hostile.py"
    assert result.events and any("only the first" in w for w in result.warnings)


def test_nul_after_the_first_8_kb_of_a_file(tmp_path: Path, any_store: str) -> None:
    """The binary check reads the first 8 KB: a NUL further on reaches the text, and is replaced there."""
    body = ("Gunmen killed three farmers near the village on Friday, local officials said. " * 120).encode()
    (tmp_path / "late_nul.txt").write_bytes(body + b"\x00\x00 More text follows.\n")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", any_store, "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert "NUL" in result.stderr and "stored 1 documents" in result.stderr
