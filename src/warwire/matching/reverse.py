"""Patterns anchored at the end of a text, tested backwards: a cue before a name ("in the town of") is one
anchored match of the reversed pattern on the reversed text before it, where a search would try the
pattern at every one of the 40-60 characters there."""

from __future__ import annotations

import re

from warwire.matching.regex_syntax import Branches, Node, parse


def reversed_regex(pattern: str) -> str:
    r"""A regex for the reversed strings of `pattern`'s, for the subset the cue patterns use: literals,
    escapes (\s \w \d \b ...), [classes], (?:groups), |, and the quantifiers ? + * {m,n} (read by
    `regex_syntax`)."""
    return _reversed_alternation(parse(pattern))


def _reversed_alternation(branches: Branches) -> str:
    """Each branch read backwards; a quantifier stays after its atom (a lazy one matches the same strings)."""
    return "|".join("".join(_reversed_atom(n) + n.quantifier for n in reversed(b)) for b in branches)


def _reversed_atom(node: Node) -> str:
    if node.kind == "group":
        if node.opener != "(?:":
            raise ValueError(f"only (?:...) groups are reversed: {node.text[:4]!r}")
        return f"(?:{_reversed_alternation(node.branches)})"
    if node.kind == "anchor" and node.text not in (r"\b", r"\B"):  # \b is a boundary read either way
        raise ValueError(f"anchor {node.text!r} inside a pattern not reversed")  # one-sided: no mirror here
    return node.text


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
