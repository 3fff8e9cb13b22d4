"""Bad input in a batch: each bad document gives one clear warning line, the good one is still extracted,
and the exit code says whether any document failed (1) or all were processed, some with warnings (0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire.cli import app

GOOD = ("Mortar fire kills four in Aleppo\n\nALEPPO, Syria (test) - Mortar rounds fired by militants killed "
        "four civilians and injured 12 others in the Midan district of Aleppo on Wednesday, SANA said.\n")


def run_batch(tmp_path: Path, name: str, data: bytes, *extra: str):
    """`warwire extract` over a good article and one bad file; returns (result, docs written)."""
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    result = CliRunner().invoke(app, ["extract", str(tmp_path), *extra])
    docs = {d["doc"]: d for d in map(json.loads, result.stdout.splitlines())}
    assert ("killed", "civilians", 4) in {(c["outcome"], c["group"], c["value"])
                                          for e in docs["a_good.txt"]["events"] for c in e["casualties"]}
    return result, docs


def warnings_for(result, doc: str) -> list[str]:
    return [x for x in result.stderr.splitlines() if x.startswith(f"warning: {doc}: ")]


def test_empty_file(tmp_path: Path) -> None:
    result, docs = run_batch(tmp_path, "b_empty.txt", b"  \n\n")
    assert result.exit_code == 1
    assert warnings_for(result, "b_empty.txt") == ["warning: b_empty.txt: empty document"]
    assert "b_empty.txt" not in docs


def test_binary_file(tmp_path: Path) -> None:
    result, docs = run_batch(tmp_path, "b_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert result.exit_code == 1
    assert warnings_for(result, "b_image.txt") == ["warning: b_image.txt: binary content, not text"]
    assert "b_image.txt" not in docs


def test_twenty_megabyte_file_refused(tmp_path: Path) -> None:
    big = (GOOD.encode("utf-8") * (20_000_000 // len(GOOD) + 1))[:20_000_000]
    result, docs = run_batch(tmp_path, "b_huge.txt", big)
    assert result.exit_code == 1
    [line] = warnings_for(result, "b_huge.txt")
    assert "20.0 MB" in line and "--max-bytes" in line
    assert "b_huge.txt" not in docs


def test_cp1252_file_decoded_with_warning(tmp_path: Path) -> None:
    text = ("Bomb blast in Kirkuk caf\xe9 kills 6\n\nKIRKUK, Iraq (test) \u2013 A bomb ripped through a caf\xe9 in "
            "Kirkuk on Thursday, killing 6 people and wounding 15, the city\u2019s police chief said.\n")
    result, docs = run_batch(tmp_path, "b_cp1252.txt", text.encode("cp1252"))
    assert result.exit_code == 0, result.stderr
    assert warnings_for(result, "b_cp1252.txt") == ["warning: b_cp1252.txt: not UTF-8: decoded as Windows-1252"]
    got = {(c["outcome"], c["value"]) for e in docs["b_cp1252.txt"]["events"] for c in e["casualties"]}
    assert {("killed", 6), ("wounded", 15)} <= got
    assert "café" in docs["b_cp1252.txt"]["title"]


NAV_ONLY = (b"<html><head><title>Login</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a>"
            b"</nav><form><input name='user'><button>Sign in</button></form></body></html>")
NO_ARTICLE_HTML = [
    pytest.param(b"<html><head><title>Index</title></head><body><div></div></body></html>", id="empty-body"),
    pytest.param(NAV_ONLY, id="navigation-only"),
]


@pytest.mark.parametrize("page", NO_ARTICLE_HTML)
def test_html_without_an_article(tmp_path: Path, page: bytes) -> None:
    result, docs = run_batch(tmp_path, "b_page.html", page)
    assert result.exit_code == 1
    [line] = warnings_for(result, "b_page.html")
    assert "no article text" in line
    assert "b_page.html" not in docs


def test_text_without_a_rule_pack_warned(tmp_path: Path) -> None:
    text = ("Des tirs d'obus ont tué six personnes et blessé vingt autres dans la ville d'Alep mercredi, "
            "selon une source militaire citée par l'agence officielle. Les secours sont arrivés sur place "
            "dans la soirée et les blessés ont été transportés vers les hôpitaux de la ville.\n")
    result, docs = run_batch(tmp_path, "b_french.txt", text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    [line] = warnings_for(result, "b_french.txt")
    assert "'fr'" in line and "no rule pack" in line
    assert "b_french.txt" in docs


@pytest.mark.parametrize("line", [b"{not json", b"[1, 2]", b'{"id": "x", "title": "no text"}'])
def test_bad_jsonl_line(tmp_path: Path, line: bytes) -> None:
    result, docs = run_batch(tmp_path, "b_records.jsonl", line + b"\n")
    assert result.exit_code == 1
    assert len([x for x in result.stderr.splitlines() if x.startswith("warning: ")]) == 1
    assert list(docs) == ["a_good.txt"]
