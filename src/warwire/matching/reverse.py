"""Patterns anchored at the end of a text, tested backwards: a cue before a name ("in the town of") is one
anchored match of the reversed pattern on the reversed text before it, where a search would try the
pattern at every one of the 40-60 characters there."""

from __future__ import annotations

import re


def reversed_regex(pattern: str) -> str:
    r"""A regex for the reversed strings of `pattern`'s, for the subset the cue patterns use: literals,
    escapes (\s \w \d \b ...), [classes], (?:groups), |, and the quantifiers ? + * {m,n}."""
    out, i = _reversed_alternation(pattern, 0)
    if i != len(pattern):
        raise ValueError(f"unbalanced ')' in {pattern!r}")
    return out


def _reversed_alternation(p: str, i: int) -> tuple[str, int]:
    """The branches from p[i] up to the ')' closing their group (or the end), each read backwards."""
    branches: list[list[str]] = [[]]
    while i < len(p) and p[i] != ")":
        if p[i] == "|":
            branches.append([])
            i += 1
            continue
        atom, i = _reversed_atom(p, i)
        q = i  # a quantifier stays after its atom
        if q < len(p) and p[q] in "?+*":
            q += 1
        elif p.startswith("{", q):
            q = p.index("}", q) + 1
        q += p.startswith("?", q) and q > i  # a lazy quantifier matches the same strings
        branches[-1].append(atom + p[i:q])
        i = q
    return "|".join("".join(reversed(b)) for b in branches), i


def _reversed_atom(p: str, i: int) -> tuple[str, int]:
    c = p[i]
    if c == "(":
        if not p.startswith("(?:", i):
            raise ValueError(f"only (?:...) groups are reversed: {p[i:i + 4]!r}")
        inner, j = _reversed_alternation(p, i + 3)
        return f"(?:{inner})", j + 1
    if c == "[":
        j = i + 1 + p.startswith("^", i + 1)
        j += p.startswith("]", j)
        while p[j] != "]":
            j += 2 if p[j] == "\\" else 1
        return p[i:j + 1], j + 1
    if c == "\\":
        if p[i + 1] in "AZGz0123456789":  # one-sided anchors and back-references have no mirror here
            raise ValueError(f"escape {p[i:i + 2]!r} not reversed")
        return p[i:i + 2], i + 2  # \b is a boundary read either way
    if c in "^$":
        raise ValueError(f"anchor {c!r} inside a pattern not reversed")
    return c, i + 1


class EndPattern:
    """A pattern anchored at the end of a text ("...$"), tested backwards: `ends(rev)` is
    `plain.search(rev[::-1]) is not None`, found by one anchored match of the reversed pattern on the
    reversed text, where a search tries the pattern at every one of the 40-60 characters before a name."""

    def __init__(self, plain: re.Pattern[str]) -> None:
        if not plain.pattern.endswith("$") or plain.pattern.endswith("\\$"):
            raise ValueError(f"not anchored at the end: {plain.pattern!r}")
        self.plain = plain
        # `$` also matches before a final newline: the reversed text may open with one.
        self._reversed = re.compile(rf"\n?(?:{reversed_regex(plain.pattern[:-1])})", plain.flags)

    def ends(self, reversed_text: str) -> bool:
        return self._reversed.match(reversed_text) is not None


def reversed_before(text: str, start: int, n: int) -> str:
    """The `n` characters before `start`, last first: what an EndPattern reads."""
    return text[max(0, start - n):start][::-1]
