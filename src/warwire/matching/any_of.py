"""Does any of several patterns match a text? One Aho-Corasick pass over the lowercased text finds where
each pattern's literal openings stand, and the pattern is tried only there (see openings.py); patterns
without openings are searched as one alternation. The answer is the one alternation of all of them gives."""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

from warwire.matching.openings import caseless, literal_openings


class AnyOf:
    def __init__(self, patterns: Sequence[str], flags: int = re.IGNORECASE) -> None:
        """`patterns` read with `flags` (the openings' reading assumes re.IGNORECASE)."""
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", flags)
        opened: list[re.Pattern[str]] = []
        owners: dict[str, list[int]] = {}
        rest: list[str] = []
        for p in patterns:
            heads = literal_openings([p]) if flags & re.IGNORECASE else None
            if heads is None:
                rest.append(p)
                continue
            for head in heads:
                owners.setdefault(head, []).append(len(opened))
            opened.append(re.compile(p, flags))
        self._opened = tuple(opened)
        self._rest = re.compile("|".join(f"(?:{p})" for p in rest), flags) if rest else None
        self._automaton = ahocorasick.Automaton()
        for head, numbers in owners.items():
            self._automaton.add_word(head, (len(head), tuple(numbers)))
        if owners:
            self._automaton.make_automaton()

    def found(self, text: str) -> bool:
        low = caseless(text)
        if low is None:  # a character folding otherwise: the plain search
            return self.pattern.search(text) is not None
        if self._rest is not None and self._rest.search(text):
            return True
        if not self._opened:
            return False
        for end, (size, numbers) in self._automaton.iter(low):
            start = end - size + 1
            if any(self._opened[n].match(text, start) for n in numbers):
                return True
        return False
