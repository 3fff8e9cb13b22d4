"""Reading inputs into records: .txt, .html/.htm, .jsonl, directories (recursive) and stdin.

Every input becomes a Record or a ReadError; a bad file or line never stops the stream.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from warwire.ingest.decode import DecodeError, decode_bytes
from warwire.ingest.fields import body_text, field_text

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
    """Every input's records; an id seen before in this input is renamed ('id~2') with a warning, so
    event ids (the doc id and a number) never collide."""
    seen: dict[str, int] = {}
    for item in _iter_inputs(paths, max_bytes):
        if isinstance(item, Record):
            item = _unique(item, seen)
        yield item


def _unique(record: Record, seen: dict[str, int]) -> Record:
    count = seen.get(record.id, 0) + 1
    seen[record.id] = count
    if count == 1:
        return record
    new_id = f"{record.id}~{count}"
    while new_id in seen:
        count += 1
        new_id = f"{record.id}~{count}"
    seen[record.id] = count
    seen[new_id] = 1
    note = f"id {record.id!r} was used by an earlier record of this input: renamed {new_id!r}"
    return dataclasses.replace(record, id=new_id, warnings=(*record.warnings, note))


def _iter_inputs(paths: Iterable[str], max_bytes: int) -> Iterator[Record | ReadError]:
    for raw in paths:
        if raw == "-":
            yield from _from_stdin(max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _from_directory(path, max_bytes)
        elif path.is_file():
            yield from _from_file(path, path.name, max_bytes)
        elif path.is_symlink():
            yield ReadError(raw, "broken link: its target does not exist")
        else:
            yield ReadError(raw, "no such file or directory")


def _from_directory(root: Path, max_bytes: int) -> Iterator[Record | ReadError]:
    """Every input file under `root`, in name order; a directory that cannot be read and a broken link
    are each a ReadError, never skipped in silence."""
    found: list[tuple[str, Path | None, str]] = []  # (name, file, error)
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            found.append((_name(folder, root) or folder.name, None, f"cannot read directory: {exc.strerror or exc}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir():
                pending.append(path)
            elif entry.is_file():
                if path.suffix.lower() in SUFFIXES:
                    found.append((_name(path, root), path, ""))
            elif entry.is_symlink():
                found.append((_name(path, root), None, "broken link: its target does not exist"))
    for name, file, error in sorted(found, key=lambda x: x[0].split("/")):  # as paths sort: "a/b" before "a.txt"
        if file is None:
            yield ReadError(name, error)
        else:
            yield from _from_file(file, name, max_bytes)


def _name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


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
    """JSON lines when the first non-blank line is a JSON object (read line by line, each line bounded);
    else one text or HTML document, refused past `max_bytes` as a file would be."""
    stream = sys.stdin.buffer
    first = b""
    while not first.strip():
        first = stream.readline(max_bytes + 1)
        if not first:
            break
    if _is_json_object(first):
        yield from _jsonl_lines(_chain_first(first, stream, max_bytes), "stdin", max_bytes)
        return
    data = first + stream.read(max_bytes + 1 - len(first))
    if len(data) > max_bytes:
        yield ReadError("stdin", f"input is over the {max_bytes / 1e6:.0f} MB limit (--max-bytes)")
        return
    try:
        text, warnings = decode_bytes(data)
    except DecodeError as exc:
        yield ReadError("stdin", str(exc))
        return
    is_html = text.lstrip()[:1] == "<"
    yield Record("stdin", html=text if is_html else None, text=None if is_html else text, warnings=warnings)


def _is_json_object(line: bytes) -> bool:
    if line.lstrip()[:1] != b"{":
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def _chain_first(first: bytes, stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """The first line, then the rest line by line; a line past the limit is read no further than that."""
    yield first
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass  # skip the oversized line's remainder without holding it
        yield line


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
    return record_from_mapping(data, where)


def record_from_mapping(data: dict[str, Any], where: str) -> Record | ReadError:
    """A Record from a JSON object; fields of the wrong type are written out or ignored, with a warning."""
    doc_id, note = field_text(data, "id")
    notes = [note]
    text, note = body_text(data, "text")
    notes.append(note)
    html, note = (None, None) if text is not None else body_text(data, "html")
    notes.append(note)
    meta = {}
    for key in ("title", "published", "outlet", "url"):
        meta[key], note = field_text(data, key)
        notes.append(note)
    doc_id = doc_id or where
    if text is None and html is None:
        why = "; ".join(n for n in notes if n)
        return ReadError(doc_id, "record has neither 'text' nor 'html'" + (f" ({why})" if why else ""))
    return Record(doc_id, text=text, html=html, warnings=tuple(n for n in notes if n), **meta)


def record_from_text(text: str, **meta: Any) -> Record:
    return Record(meta.pop("id", None) or "text", text=text, **meta)
