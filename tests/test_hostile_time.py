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


def test_nul_after_the_first_8_kb_of_a_file(tmp_path: Path) -> None:
    """The binary check reads the first 8 KB: a NUL further on reaches the text, and is replaced there."""
    body = ("Gunmen killed three farmers near the village on Friday, local officials said. " * 120).encode()
    (tmp_path / "late_nul.txt").write_bytes(body + b"\x00\x00 More text follows.\n")
    db = f"sqlite:///{tmp_path / 'l.db'}"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert "NUL" in result.stderr and "stored 1 documents" in result.stderr
