"""Reading inputs into records: .txt, .html/.htm, .jsonl, directories (recursive) and stdin.

Every input becomes a Record or a ReadError; a bad file or line never stops the stream.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warwire.ingest.decode import DecodeError, decode_bytes

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
MAX_BYTES = 10 * 1024 * 1024


@dataclass
class Record:
    id: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass
class ReadError:
    id: str
    message: str


def iter_records(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> Iterator[Record | ReadError]:
    for raw in paths:
        if raw == "-":
            yield from _from_stdin(max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from _from_file(file, file.relative_to(path).as_posix(), max_bytes)
        elif path.is_file():
            yield from _from_file(path, path.name, max_bytes)
        else:
            yield ReadError(raw, "no such file or directory")


def _from_file(path: Path, doc_id: str, max_bytes: int) -> Iterator[Record | ReadError]:
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    size = path.stat().st_size
    if size > max_bytes and kind != "jsonl":
        yield ReadError(doc_id, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (--max-bytes)")
        return
    if kind == "jsonl":
        with path.open("rb") as handle:
            yield from _jsonl_lines(handle, doc_id, max_bytes)
        return
    try:
        text, warnings = decode_bytes(path.read_bytes())
    except (DecodeError, OSError) as exc:
        yield ReadError(doc_id, str(exc))
        return
    if kind == "html":
        yield Record(doc_id, html=text, warnings=warnings)
    else:
        yield Record(doc_id, text=text, warnings=warnings)


def _from_stdin(max_bytes: int) -> Iterator[Record | ReadError]:
    data = sys.stdin.buffer.read()
    if data.lstrip()[:1] == b"{":
        yield from _jsonl_lines(iter(data.splitlines(keepends=True)), "stdin", max_bytes)
        return
    try:
        text, warnings = decode_bytes(data)
    except DecodeError as exc:
        yield ReadError("stdin", str(exc))
        return
    is_html = text.lstrip()[:1] == "<"
    yield Record("stdin", html=text if is_html else None, text=None if is_html else text, warnings=warnings)


def _jsonl_lines(lines: Iterable[bytes], source: str, max_bytes: int) -> Iterator[Record | ReadError]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        if len(line) > max_bytes:
            yield ReadError(where, f"record is {len(line) / 1e6:.1f} MB, over the limit (--max-bytes)")
            continue
        try:
            data = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield ReadError(where, f"not valid JSON: {exc}")
            continue
        yield _record_from_json(data, where)


def _record_from_json(data: Any, where: str) -> Record | ReadError:
    if not isinstance(data, dict):
        return ReadError(where, "a JSONL record must be an object")
    doc_id = str(data.get("id") or where)
    text, html = data.get("text"), data.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return ReadError(doc_id, "record has neither 'text' nor 'html'")
    return Record(
        doc_id,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        title=_str(data.get("title")),
        published=_str(data.get("published")),
        outlet=_str(data.get("outlet")),
        url=_str(data.get("url")),
    )


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def record_from_text(text: str, **meta: Any) -> Record:
    return Record(meta.pop("id", None) or "text", text=text, **meta)
