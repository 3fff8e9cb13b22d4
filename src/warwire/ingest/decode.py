"""Bytes to text: a byte-order mark first (UTF-8/16/32), UTF-16/32 without one by its zero bytes, then
UTF-8, then charset-normalizer's guess; a file mixing UTF-8 and another encoding is decoded line by line.
Binary content is refused. Every decision other than plain UTF-8 is a warning."""

from __future__ import annotations

import codecs

BOMS = (  # UTF-32 LE first: its mark begins with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
HEAD = 8192
# charset-normalizer names for Western single-byte text: read as Windows-1252, its superset in practice.
WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "iso8859_1", "cp1250", "iso8859_2", "mac_roman", "ascii"})
GUESS_BYTES = 64 * 1024  # charset-normalizer reads a sample: its cost stays flat on large files


class DecodeError(ValueError):
    pass


def decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    if not data.strip():
        raise DecodeError("empty document")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _strict_or_replace(data[len(bom):], codec, f"{codec.upper()} byte-order mark")
    wide = _wide_codec(data[:HEAD])
    if wide is not None:
        return _strict_or_replace(data, wide, f"{wide.upper()} without a byte-order mark")
    head = data[:HEAD]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise DecodeError("binary content, not text")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    mixed = _line_by_line(data)
    if mixed is not None:
        return mixed
    try:
        western, note = data.decode("cp1252"), "not UTF-8: decoded as Windows-1252"
    except UnicodeDecodeError:
        western, note = data.decode("latin-1"), "not UTF-8: decoded as Latin-1"
    if _mostly_ascii_letters(western):
        return western, (note,)
    guessed = _guess(data)  # letters mostly accented when read as Western: another script's code page
    if guessed is None or guessed in WESTERN:
        return western, (note,)
    return data.decode(guessed, errors="replace"), (f"not UTF-8: decoded as {guessed} (detected)",)


def _strict_or_replace(data: bytes, codec: str, why: str) -> tuple[str, tuple[str, ...]]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return data.decode(codec, errors="replace"), (f"decoded as {codec} ({why}); undecodable bytes replaced",)
    if codec == "utf-8":
        return text, ()
    return text, (f"decoded as {codec} ({why})",)


def _wide_codec(head: bytes) -> str | None:
    """UTF-16/32 without a mark: mostly-ASCII text leaves a zero byte in a fixed place of each unit."""
    n = len(head) - len(head) % 4
    if n < 8:
        return None
    units = [head[i : i + 4] for i in range(0, n, 4)]
    if sum(u[1:] == b"\x00\x00\x00" for u in units) > 0.6 * len(units):
        return _if_decodes(head[:n], "utf-32-le")
    if sum(u[:3] == b"\x00\x00\x00" for u in units) > 0.6 * len(units):
        return _if_decodes(head[:n], "utf-32-be")
    odd, even = head[1:n:2], head[0:n:2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return _if_decodes(head[:n], "utf-16-le")
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return _if_decodes(head[:n], "utf-16-be")
    return None


def _if_decodes(sample: bytes, codec: str) -> str | None:
    try:
        sample.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _line_by_line(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """Some lines valid UTF-8 beyond ASCII, others not: each line in its own encoding. None when no line
    shows UTF-8 (the whole file is then one other encoding)."""
    lines = data.splitlines(keepends=True)
    decoded, utf8_lines, other = [], 0, 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
            other += 1
    if not utf8_lines:
        return None
    return "".join(decoded), (f"mixed encodings: {other} of {len(lines)} lines not UTF-8, decoded as Windows-1252",)


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:GUESS_BYTES]).best()
    return best.encoding if best is not None else None


def _mostly_ascii_letters(text: str) -> bool:
    """Western text read as Windows-1252 has a few accented letters; Cyrillic or Greek read so has mostly."""
    sample = text[:GUESS_BYTES]
    letters = sum(ch.isalpha() for ch in sample)
    accented = sum(ch.isalpha() and not ch.isascii() for ch in sample)
    return accented <= 0.3 * max(letters, 1)


def _control_ratio(head: bytes) -> float:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(head), 1)
