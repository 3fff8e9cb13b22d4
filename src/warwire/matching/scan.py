"""Left-to-right scanning of a sentence for non-overlapping matches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar


class HasEnd(Protocol):
    end: int


T = TypeVar("T", bound=HasEnd)


def scan(length: int, match_at: Callable[[int], T | None]) -> list[T]:
    """Every match of `match_at` from left to right, resuming after each match's end."""
    found: list[T] = []
    i = 0
    while i < length:
        match = match_at(i)
        if match is None:
            i += 1
            continue
        found.append(match)
        i = max(match.end, i + 1)
    return found
