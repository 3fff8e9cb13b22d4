"""A prefilter: which spans of a text can hold a match, found by one Aho-Corasick pass over literals and
confirmed by one regular expression built from the same literals (plus cue patterns, each with the
literals every match of it contains)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

import ahocorasick


class Prefilter:
    def __init__(self, prefixes: Iterable[str], words: Iterable[str] = (),
                 cues: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        """`prefixes` match anywhere ('kill' in 'killing'); `words` only whole ('die', not 'diesel');
        `cues` are (pattern, literals every match of the pattern contains). All case-insensitive."""
        prefixes, words, cues = sorted(set(prefixes)), sorted(set(words)), list(cues)
        branches = [re.escape(p) for p in sorted(prefixes, key=len, reverse=True)]
        if words:
            branches.append(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
        branches += [f"(?:{pattern})" for pattern, _ in cues]
        self.pattern = re.compile("|".join(branches) or r"(?!)", re.I)
        self.literals = tuple(sorted({*prefixes, *words, *(w.lower() for _, c in cues for w in c)}))
        self._automaton = ahocorasick.Automaton()
        prefix_set = {p.lower() for p in prefixes}
        for literal in self.literals:
            # value: (length, whether it is a prefix, which the pattern matches wherever it stands)
            self._automaton.add_word(literal, (len(literal), literal in prefix_set))
        if self.literals:
            self._automaton.make_automaton()

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        return self.pattern.search(text, start, len(text) if end is None else end)

    def spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """The spans (sorted, not overlapping) that hold a match: the pattern is tried only on spans
        holding a literal (a regex alternation costs a try per character of every span), and not even there
        when a prefix lies wholly inside the span (the pattern, case-insensitive, matches it there)."""
        lower = text.lower()
        if len(lower) != len(text) or not self.literals:  # a longer lower case would shift offsets
            return [(s, e) for s, e in spans if self.pattern.search(text, s, e)]
        starts = [s for s, _ in spans]
        hit: set[int] = set()
        sure: set[int] = set()
        for end, (length, prefix) in self._automaton.iter(lower):
            i = bisect_right(starts, end) - 1
            hit.add(i)
            if prefix and i >= 0 and end - length + 1 >= spans[i][0] and end < spans[i][1]:
                sure.add(i)
        return [(s, e) for i, (s, e) in enumerate(spans)
                if i in sure or (i in hit and self.pattern.search(text, s, e))]
