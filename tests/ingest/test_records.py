"""Reading inputs: files, directories, JSONL and stdin into Records or ReadErrors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from warwire.ingest.decode import DecodeError, decode_bytes
from warwire.ingest.records import ReadError, Record, iter_records

BODY = "Gunmen killed three farmers near the village on Friday, local officials said."


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_txt_file_gives_a_text_record_named_by_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "report.txt", BODY)
    [record] = list(iter_records([str(path)]))
    assert isinstance(record, Record)
    assert (record.id, record.text, record.html, record.warnings) == ("report.txt", BODY, None, ())


def test_html_file_gives_an_html_record(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{BODY}</p></article></body></html>"
    [record] = list(iter_records([str(_write(tmp_path / "page.html", page))]))
    assert isinstance(record, Record)
    assert record.html == page and record.text is None


def test_directory_is_read_recursively_with_ids_relative_to_the_root(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", BODY)
    _write(tmp_path / "sub" / "a.htm", f"<p>{BODY}</p>")
    _write(tmp_path / "sub" / "notes.pdf", b"%PDF-1.4")  # not an input suffix: skipped
    ids = [r.id for r in iter_records([str(tmp_path)])]
    assert ids == ["b.txt", "sub/a.htm"]


def test_jsonl_records_keep_metadata_and_a_bad_line_does_not_stop_the_stream(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": BODY, "title": "Farmers killed", "published": "2020-02-12",
                    "outlet": "Wire", "url": "http://example.org/1", "gold": {"killed": 3}}),
        "{not json",
        json.dumps({"id": "r3", "html": f"<p>{BODY}</p>"}),
        json.dumps({"id": "r4", "title": "no body"}),
        json.dumps(["a", "list"]),
    ]
    path = _write(tmp_path / "set.jsonl", "\n".join(lines) + "\n\n")
    out = list(iter_records([str(path)]))
    assert [type(x) for x in out] == [Record, ReadError, Record, ReadError, ReadError]
    first = out[0]
    assert (first.id, first.title, first.published, first.outlet, first.url) == (
        "r1", "Farmers killed", "2020-02-12", "Wire", "http://example.org/1")
    assert out[1].id == "set.jsonl:2" and "not valid JSON" in out[1].message
    assert out[2].html and out[2].text is None
    assert out[3].id == "r4" and "neither" in out[3].message


def test_missing_path_is_a_read_error(tmp_path: Path) -> None:
    [error] = list(iter_records([str(tmp_path / "nope.txt")]))
    assert isinstance(error, ReadError) and "no such file" in error.message


def test_cp1252_is_decoded_with_a_warning(tmp_path: Path) -> None:
    text = "The minister’s office said “five” soldiers died – officials confirmed."
    path = _write(tmp_path / "old.txt", text.encode("cp1252"))
    [record] = list(iter_records([str(path)]))
    assert isinstance(record, Record)
    assert record.text == text
    assert any("Windows-1252" in w for w in record.warnings)


def test_utf8_bom_is_dropped_without_warning() -> None:
    assert decode_bytes("\ufeffSoldiers died.".encode()) == ("Soldiers died.", ())


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    (bytes(range(1, 9)) * 50, "binary"),
])
def test_empty_and_binary_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode_bytes(data)


def test_binary_and_empty_files_are_read_errors_and_the_stream_goes_on(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", b"")
    _write(tmp_path / "b.txt", b"\x00\x01\x02binary\x00" * 10)
    _write(tmp_path / "c.txt", BODY)
    out = list(iter_records([str(tmp_path)]))
    assert [type(x).__name__ for x in out] == ["ReadError", "ReadError", "Record"]
    assert "empty" in out[0].message and "binary" in out[1].message


def test_max_bytes_refuses_large_files_and_large_jsonl_lines(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", BODY * 20)
    [error] = list(iter_records([str(big)], max_bytes=100))
    assert isinstance(error, ReadError) and "--max-bytes" in error.message
    lines = json.dumps({"id": "small", "text": BODY}) + "\n" + json.dumps({"id": "large", "text": BODY * 5}) + "\n"
    out = list(iter_records([str(_write(tmp_path / "set.jsonl", lines))], max_bytes=200))
    assert isinstance(out[0], Record) and out[0].id == "small"
    assert isinstance(out[1], ReadError) and "limit" in out[1].message


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("data, kind", [
    (BODY.encode(), "text"),
    (f"  <html><body><p>{BODY}</p></body></html>".encode(), "html"),
])
def test_stdin_text_and_html(monkeypatch: pytest.MonkeyPatch, data: bytes, kind: str) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    [record] = list(iter_records(["-"]))
    assert isinstance(record, Record) and record.id == "stdin"
    assert getattr(record, kind) == data.decode()


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps({"id": "s1", "text": BODY}) + "\n{bad\n" + json.dumps({"text": BODY}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    out = list(iter_records(["-"]))
    assert [x.id for x in out] == ["s1", "stdin:2", "stdin:3"]
    assert isinstance(out[1], ReadError)


def test_stdin_binary_is_a_read_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"\x00\x00\x01\x02"))
    [error] = list(iter_records(["-"]))
    assert isinstance(error, ReadError) and error.id == "stdin"
