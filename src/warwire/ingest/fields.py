"""A record's fields made safe on the way in: text cleaned, ids and lengths bounded, dates checked.

Every writer and store downstream gets these values, so no field can abort a batch there: an encoder
refuses lone surrogates, PostgreSQL refuses NUL and strings over a column's length, a terminal obeys
control codes. Each change is one warning on the record.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warwire.ingest.records import Record

ID_MAX = 120  # the ledger's event key is String(128): the id, '#' and the event number
OUTLET_MAX = 256  # documents.outlet is String(256)
URL_MAX = 2048  # documents.url is Text; longer than browsers take is not an address
TITLE_MAX = 1000
# Characters: past this a document is read in its first part, so one document stays within seconds and
# well under the default --doc-timeout (extraction runs at roughly 50-80k characters a second here). The
# longest article of the dev sets is 100,000 characters.
TEXT_MAX = 500_000

NUL = re.compile("\x00+")
SURROGATE = re.compile("[\ud800-\udfff]")
# Line-like controls become newlines (str.splitlines already breaks there); other C0 controls (ESC
# included) and DEL become spaces. Both keep the text's length, so offsets stay where they were. C1 codes
# (mostly Windows-1252 quotes read as Latin-1) stay: harmless to stores, stripped on the terminal.
LINE_CONTROL = re.compile("[\x0b\x0c\x1c-\x1e]")
CONTROL = re.compile("[\x01-\x08\x0e-\x1b\x1f\x7f]")
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?")


def clean_text(value: str, what: str) -> tuple[str, list[str]]:
    """`value` without NUL, lone surrogates or control characters; one warning per kind replaced.
    In a text (or page) NUL becomes a space, so evidence offsets still point into the input as given."""
    warnings: list[str] = []
    if "\x00" in value:
        body = what in ("text", "html")
        value, n = NUL.subn(lambda m: " " * len(m.group()) if body else "", value)
        warnings.append(f"{what}: {'replaced' if body else 'removed'} NUL characters ({n} runs)")
    value, n = SURROGATE.subn("\ufffd", value)
    if n:
        warnings.append(f"{what}: replaced {n} lone surrogate(s) with U+FFFD")
    value, n = CONTROL.subn(" ", value)
    if n:
        warnings.append(f"{what}: replaced {n} control character(s) with spaces")
    value = LINE_CONTROL.sub("\n", value)
    return value, warnings


def bounded_text(text: str, limit: int | None = None) -> tuple[str, str | None]:
    """The first `limit` (TEXT_MAX) characters of a long text, cut at a line or word end, with a warning."""
    limit = limit or TEXT_MAX
    if len(text) <= limit:
        return text, None
    cut = text.rfind("\n", limit - limit // 10, limit)
    if cut < 0:
        cut = text.rfind(" ", limit - limit // 10, limit)
    cut = cut if cut > 0 else limit
    return text[:cut], (f"text is {len(text) / 1e6:.1f} million characters: only the first "
                        f"{cut / 1e6:.1f} million are read")


def bounded_id(value: str) -> tuple[str, str | None]:
    """An id short enough for every store; a long one keeps its start and a hash of the whole."""
    if len(value) <= ID_MAX:
        return value, None
    digest = hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    short = f"{value[: ID_MAX - 9]}~{digest}"
    return short, f"id is {len(value)} characters, over {ID_MAX}: shortened to {short!r}"


def field_text(data: dict[str, Any], key: str) -> tuple[str | None, str | None]:
    """A metadata field as text: strings as they are, numbers written out, anything else ignored."""
    value = data.get(key)
    if value is None or value == "":
        return None, None
    if isinstance(value, str):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value), None
    return None, f"field {key!r} is {_kind(value)}, not text: ignored"


def body_text(data: dict[str, Any], key: str) -> tuple[str | None, str | None]:
    """'text' or 'html': a string, or a list of strings read as paragraphs."""
    value = data.get(key)
    if isinstance(value, str) or value is None:
        return value, None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(value), f"field {key!r} is a list: its {len(value)} strings are read as paragraphs"
    return None, f"field {key!r} is {_kind(value)}, not text: ignored"


def _kind(value: Any) -> str:
    names = {bool: "a boolean", dict: "an object", list: "a list", int: "a number", float: "a number"}
    return names.get(type(value), f"a {type(value).__name__}")


def valid_published(value: str) -> bool:
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a time may follow) naming a real calendar date."""
    m = ISO_DATE.fullmatch(value.strip())
    if not m:
        return False
    year, month, day = (int(g) if g is not None else 1 for g in m.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def clean_record(record: Record) -> Record:
    """A copy of `record` with every field made safe, and a warning for each change."""
    warnings = list(record.warnings)
    changes: dict[str, Any] = {}
    cleaned: str | None  # None: the field is dropped
    for name, limit in (("id", ID_MAX), ("title", TITLE_MAX), ("outlet", OUTLET_MAX), ("url", URL_MAX),
                        ("published", 64), ("text", None), ("html", None)):
        value = getattr(record, name)
        if not isinstance(value, str):
            continue
        if name == "text":  # read no further than will be used
            value, note = bounded_text(value)
            warnings += [note] if note else []
            changes[name] = value
        cleaned, found = clean_text(value, name)
        warnings += found
        if name == "id":
            cleaned, note = bounded_id(cleaned.strip() or "record")
            warnings += [note] if note else []
        elif limit is not None and len(cleaned) > limit:
            note = "cut" if name == "title" else "ignored"
            warnings.append(f"{name} is {len(cleaned)} characters, over {limit}: {note}")
            cleaned = cleaned[:limit] if name == "title" else None
        if name == "published" and cleaned is not None and not valid_published(cleaned):
            warnings.append(f"published {cleaned[:40]!r} is not a date YYYY-MM-DD: ignored")
            cleaned = None
        if cleaned != getattr(record, name):
            changes[name] = cleaned
    if not changes and len(warnings) == len(record.warnings):
        return record
    return dataclasses.replace(record, warnings=tuple(warnings), **changes)
