"""Hostile input (issue 17), reading: text in any common encoding is read as text, broken HTML still gives
its article, stdin obeys --max-bytes, and no file under a directory is lost in silence."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire.cli import app
from warwire.ingest.decode import decode_bytes
from warwire.ingest.html import NoArticle, extract_article
from warwire.ingest.records import ReadError, Record, iter_records

BODY = ("Gunmen killed three farmers near the village of Tal Hamra on Friday, local officials said. "
        "The attackers fled on motorbikes before security forces arrived, a witness told reporters. "
        "Two other farmers were wounded and taken to the district hospital, the officials added.")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le"])
def test_unicode_encodings_are_text(codec: str) -> None:
    text, warnings = decode_bytes(("Caf\u00e9 " + BODY).encode(codec))
    assert text == "Caf\u00e9 " + BODY
    assert codec == "utf-8-sig" or warnings


def test_mixed_encoding_file_is_decoded_line_by_line() -> None:
    data = "Aleppo caf\u00e9 \u2013 one\n".encode() + "Homs caf\u00e9 \u2013 two\n".encode("cp1252")
    text, warnings = decode_bytes(data)
    assert text == "Aleppo caf\u00e9 \u2013 one\nHoms caf\u00e9 \u2013 two\n"
    assert "mixed encodings: 1 of 2 lines" in warnings[0]


def test_cyrillic_code_page_is_detected() -> None:
    russian = "\u0412 \u0440\u0435\u0437\u0443\u043b\u044c\u0442\u0430\u0442\u0435 \u043e\u0431\u0441\u0442\u0440" \
              "\u0435\u043b\u0430 \u043f\u043e\u0433\u0438\u0431\u043b\u0438 \u0442\u0440\u0438 \u0447\u0435\u043b" \
              "\u043e\u0432\u0435\u043a\u0430, \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0438 \u0432\u043b\u0430" \
              "\u0441\u0442\u0438 \u0433\u043e\u0440\u043e\u0434\u0430. " * 4
    text, warnings = decode_bytes(russian.encode("cp1251"))
    assert text == russian and "detected" in warnings[0]


def test_utf16_file_is_extracted(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes(BODY.encode("utf-16-le"))
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    [doc] = [json.loads(x) for x in result.stdout.splitlines()]
    assert 3 in {c["value"] for e in doc["events"] for c in e["casualties"]}


BROKEN_PAGES = {
    "unclosed-title": f"<html><head><title>Raid in the village<body><p>{BODY}</p></body></html>",
    "unclosed-script": f"<html><head><script>var x = 1;</head><body><p>{BODY}</p></body></html>",
    "unclosed-comment": f"<html><body><!-- old layout <p>{BODY}</p></body></html>",
    "unclosed-textarea": f"<html><body><form><textarea>Comment</form><p>{BODY}</p></body></html>",
    "unclosed-style": f"<html><head><style>p {{color: red}}<body><p>{BODY}</p></body></html>",
    "100k-nested-divs": "<html><body>" + "<div>" * 100_000 + f"<p>{BODY}</p>" + "</div>" * 100_000 + "</body></html>",
}


@pytest.mark.parametrize("page", list(BROKEN_PAGES.values()), ids=list(BROKEN_PAGES))
def test_article_in_broken_html_is_read(page: str) -> None:
    article = extract_article(page)
    assert article.text.startswith("Gunmen killed three farmers") and "<" not in article.text
    assert article.warnings


def test_menu_page_still_has_no_article() -> None:
    with pytest.raises(NoArticle):
        extract_article("<html><body><nav><a href='/'>Home</a></nav><ul><li>About</li><li>Contact</li></ul></body>")


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_obeys_max_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(BODY.encode() * 1000))
    [error] = list(iter_records(["-"], max_bytes=10_000))
    assert isinstance(error, ReadError) and "--max-bytes" in error.message


def test_stdin_jsonl_lines_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "a", "text": BODY}), json.dumps({"id": "big", "text": BODY * 100}),
             json.dumps({"id": "c", "text": BODY})]
    monkeypatch.setattr(sys, "stdin", _Stdin("\n".join(lines).encode() + b"\n"))
    out = list(iter_records(["-"], max_bytes=5_000))
    assert [type(x).__name__ for x in out] == ["Record", "ReadError", "Record"]
    assert out[2].id == "c"


def test_stdin_text_starting_with_a_brace_is_text(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ("{Update} " + BODY).encode()
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    [record] = list(iter_records(["-"]))
    assert isinstance(record, Record) and record.text == data.decode()


def test_broken_link_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    os.symlink(tmp_path / "missing.txt", tmp_path / "b.txt")
    out = list(iter_records([str(tmp_path)]))
    assert [(type(x).__name__, x.id) for x in out] == [("Record", "a.txt"), ("ReadError", "b.txt")]
    assert "broken link" in out[1].message
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    [error] = list(iter_records([str(tmp_path / "link.txt")]))
    assert "broken link" in error.message


def test_unreadable_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root every directory is readable, so the refusal is simulated where os.scandir raises it."""
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(BODY, encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--workers", "1"])
    assert result.exit_code == 1
    assert "warning: locked: cannot read directory: Permission denied" in result.stderr
    assert [json.loads(x)["doc"] for x in result.stdout.splitlines()] == ["ok/a.txt"]


@pytest.mark.parametrize("data", [b"just some words\nand more junk\n", b"\x89PNG\r\n\x1a\n\x00" + bytes(range(256))],
                         ids=["junk-text", "binary"])
def test_gazetteer_import_refuses_junk(tmp_path: Path, data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARWIRE_HOME", str(tmp_path / "home"))
    path = tmp_path / "SY.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["gazetteer", "import", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert not (tmp_path / "home").exists()  # nothing written
