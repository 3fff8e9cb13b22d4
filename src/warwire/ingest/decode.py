"""Bytes to text: UTF-8 first, then Windows-1252 / Latin-1 with a warning; binary refused."""

from __future__ import annotations


class DecodeError(ValueError):
    pass


def decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    if not data.strip():
        raise DecodeError("empty document")
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise DecodeError("binary content, not text")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ("not UTF-8: decoded as Windows-1252",)
    except UnicodeDecodeError:
        return data.decode("latin-1"), ("not UTF-8: decoded as Latin-1",)


def _control_ratio(head: bytes) -> float:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(head), 1)
