"""One reader of the regex subset the rule files use, for the tools that read patterns themselves
(`openings`: the literals every match begins with; `reverse`: a pattern read backwards).

It reads literals, escapes, [classes], groups ((?:...), (...), (?P<name>...), (?i:...), (?-i:...) and the
lookarounds), | and the quantifiers ? * + {m}, {m,}, {m,n}, {,n} (lazy or possessive); each node keeps its
text as written. Anything else (inline flags, comments, conditionals, back-references, octal and named
characters, a quantifier with nothing before it) raises `Unsupported`: a reader's caller then falls back to
the plain pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUANTIFIER = re.compile(r"(?:[?*+]|\{(?:\d+(?:,\d*)?|,\d+)\})[?+]?")  # another "{" is a literal
ANCHOR_ESCAPES = frozenset("bBAZ")  # zero-width escapes
_GROUP_OPENERS = ("(?:", "(?i:", "(?-i:", "(?=", "(?!", "(?<=", "(?<!")
LOOKAROUNDS = frozenset({"(?=", "(?!", "(?<=", "(?<!"})


class Unsupported(ValueError):
    """Syntax outside the subset read here."""


@dataclass(frozen=True)
class Node:
    """One atom of a pattern, with the quantifier after it (as written; "" when none).

    kind: "literal" (`char` is the character it matches), "anchor" (^ $ \\b \\B \\A \\Z), "escape" (\\w \\s
    \\d and control characters), "class" ([...]), "dot", or "group" (`opener` as written: "(?:", "(",
    "(?P<x>", "(?i:", "(?=" ...; `branches` its alternatives)."""

    kind: str
    text: str  # the atom as written, without its quantifier
    char: str = ""
    opener: str = ""
    branches: tuple[tuple[Node, ...], ...] = ()
    quantifier: str = ""


Branches = tuple[tuple[Node, ...], ...]


def parse(pattern: str) -> Branches:
    """The top-level alternatives of `pattern`, each a sequence of nodes."""
    try:
        branches, end = _alternation(pattern, 0)
    except IndexError as e:  # a class or escape cut off by the end of the pattern
        raise Unsupported(f"pattern ends early: {pattern!r}") from e
    if end != len(pattern):
        raise Unsupported(f"unbalanced ')' in {pattern!r}")
    return branches


def _alternation(p: str, i: int) -> tuple[Branches, int]:
    """The branches from p[i] up to the ')' closing their group (or the end of the pattern)."""
    branches: list[list[Node]] = [[]]
    while i < len(p) and p[i] != ")":
        if p[i] == "|":
            branches.append([])
            i += 1
            continue
        node, i = _atom(p, i)
        q = QUANTIFIER.match(p, i)
        if q:
            node = Node(node.kind, node.text, node.char, node.opener, node.branches, q.group())
            i = q.end()
        branches[-1].append(node)
    return tuple(tuple(b) for b in branches), i


def _atom(p: str, i: int) -> tuple[Node, int]:
    c = p[i]
    if c == "(":
        if p.startswith("(?P<", i):
            start = p.index(">", i) + 1
        elif p.startswith("(?", i):
            opener = next((o for o in _GROUP_OPENERS if p.startswith(o, i)), None)
            if opener is None:  # inline flags, comments, conditionals
                raise Unsupported(p[i:i + 4])
            start = i + len(opener)
        else:
            start = i + 1
        branches, j = _alternation(p, start)
        if j >= len(p):
            raise Unsupported("unclosed group")
        return Node("group", p[i:j + 1], opener=p[i:start], branches=branches), j + 1
    if c == "[":
        j = i + 1 + p.startswith("^", i + 1)
        j += p.startswith("]", j)
        while p[j] != "]":
            j += 2 if p[j] == "\\" else 1
        return Node("class", p[i:j + 1]), j + 1
    if c == "\\":
        e = p[i + 1]
        if e in ANCHOR_ESCAPES:
            return Node("anchor", p[i:i + 2]), i + 2
        if not e.isalnum():
            return Node("literal", p[i:i + 2], char=e), i + 2
        if e in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[e]
            text = p[i:i + 2 + width]
            return Node("literal", text, char=chr(int(text[2:], 16))), i + 2 + width
        if e.isdigit() or e == "N":
            raise Unsupported(p[i:i + 2])  # back-references, octal and named characters
        return Node("escape", p[i:i + 2]), i + 2  # \w \s \d and control characters
    if c in "^$":
        return Node("anchor", c), i + 1
    if c in "*+?":
        raise Unsupported(p[i:i + 2])
    if c == ".":
        return Node("dot", c), i + 1
    return Node("literal", c, char=c), i + 1
