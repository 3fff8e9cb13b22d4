"""Literal openings of regular expressions: the words every match begins with.

A pattern whose every match opens with one of a few words need only be tried where one of those words
starts: one Aho-Corasick pass over the lowercased text finds the places, and `pattern.match` there gives
exactly what `pattern.search` would (the first place it matches is the leftmost match).

The openings are read by a small parser of the regex syntax the rule files use (literals, escapes,
[classes], groups, |, quantifiers, assertions). Whatever it does not know makes it answer None, which only
costs the shortcut: an opening is reported only when every match must begin with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The only characters outside ascii that re.IGNORECASE equates with an ascii letter (İ ı ſ K); İ is also
# the only character whose lowercase is longer. A text without them lowercases place for place.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_ANCHORS = frozenset("bBAZ")  # zero-width escapes a match may open with
_QUANTIFIER = re.compile(r"(?:[?*+]|\{(?:\d+(?:,\d*)?|,\d+)\})[?+]?")  # another "{" is a literal


class _Unknown(ValueError):
    """Syntax the parser does not read: no openings."""


@dataclass(frozen=True)
class _Atom:
    kind: str  # "literal" (text: the character), "anchor", "group" (branches), "other" (text: as written)
    text: str = ""
    branches: tuple[tuple[_Atom, ...], ...] = ()
    quantified: bool = False


def literal_openings(patterns: list[str]) -> tuple[str, ...] | None:
    """The literal openings (3+ ascii letters, lowercase) of the patterns' alternatives, when every one
    has one (patterns read as re.IGNORECASE ones)."""
    found: list[str] = []
    for p in patterns:
        try:
            branches, end = _alternation(p, 0)
            if end != len(p):
                raise _Unknown(p)
        except (_Unknown, IndexError):
            return None
        heads = _branch_heads(branches)
        if heads is None:
            return None
        found += heads
    return tuple(dict.fromkeys(found))


def caseless(text: str) -> str | None:
    """`text` lowercased, where every place an ignore-case ascii literal can match holds that literal in
    lowercase; None when some character folds otherwise."""
    return None if _FOLDS_TO_ASCII.search(text) else text.lower()


def _alternation(p: str, i: int) -> tuple[tuple[tuple[_Atom, ...], ...], int]:
    """The branches from p[i] up to the ')' closing their group (or the end of the pattern), read as re
    reads them: a plain (?:...) group of one branch is part of the sequence around it, and the literals
    every branch opens with are moved before the alternation ("shot|shoot": "sho" then "t|ot")."""
    branches: list[list[_Atom]] = [[]]
    while i < len(p) and p[i] != ")":
        if p[i] == "|":
            branches.append([])
            i += 1
            continue
        atom, plain, i = _atom(p, i)
        q = _QUANTIFIER.match(p, i)
        if q:
            if atom.kind == "anchor":
                raise _Unknown(p)
            atom, plain = _Atom(atom.kind, atom.text, atom.branches, True), False
            i = q.end()
        if plain and len(atom.branches) == 1:
            branches[-1] += atom.branches[0]
        else:
            branches[-1].append(atom)
    return _factored(branches), i


def _factored(branches: list[list[_Atom]]) -> tuple[tuple[_Atom, ...], ...]:
    if len(branches) < 2:
        return tuple(tuple(b) for b in branches)
    prefix: list[_Atom] = []
    while all(branches) and all(b[0] == branches[0][0] for b in branches):
        prefix.append(branches[0][0])
        branches = [b[1:] for b in branches]
    if not prefix:
        return tuple(tuple(b) for b in branches)
    return ((*prefix, _Atom("group", branches=tuple(tuple(b) for b in branches))),)


def _atom(p: str, i: int) -> tuple[_Atom, bool, int]:
    """The atom at p[i], whether it is a plain (?:...) group, and where it ends."""
    c = p[i]
    if c == "(":
        plain = p.startswith("(?:", i)
        if plain:
            start = i + 3
        elif p.startswith(("(?-i:", "(?i:"), i):
            start = p.index(":", i) + 1  # case only: a lowercased text holds the same openings
        elif p.startswith("(?P<", i):
            start = p.index(">", i) + 1
        elif p.startswith(("(?=", "(?!"), i) or p.startswith(("(?<=", "(?<!"), i):
            start = p.index("(", i) + 3 + (p[i + 2] == "<")  # a lookaround: zero-width, not an opening
        elif p.startswith("(?", i):  # inline flags, comments, conditionals: not read
            raise _Unknown(p[i:i + 4])
        else:
            start = i + 1
        branches, j = _alternation(p, start)
        if j >= len(p):
            raise _Unknown("unclosed group")
        if p.startswith("(?", i) and p[i + 2] in "=!<" and not p.startswith("(?P", i):
            return _Atom("other", p[i:j + 1]), False, j + 1
        return _Atom("group", branches=branches), plain, j + 1
    if c == "[":
        j = i + 1 + p.startswith("^", i + 1)
        j += p.startswith("]", j)
        while p[j] != "]":
            j += 2 if p[j] == "\\" else 1
        return _Atom("other", p[i:j + 1]), False, j + 1
    if c == "\\":
        e = p[i + 1]
        if e in _ANCHORS:
            return _Atom("anchor", p[i:i + 2]), False, i + 2
        if not e.isalnum():
            return _Atom("literal", e), False, i + 2
        if e in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[e]
            return _Atom("literal", chr(int(p[i + 2:i + 2 + width], 16))), False, i + 2 + width
        if e.isdigit() or e == "N":
            raise _Unknown(p[i:i + 2])  # back-references, octal and named characters: not read
        return _Atom("other", p[i:i + 2]), False, i + 2  # \w \s \d and control characters
    if c in "^$":
        return _Atom("anchor", c), False, i + 1
    if c in "*+?":
        raise _Unknown(p[i:i + 2])
    return _Atom("other" if c == "." else "literal", c), False, i + 1


def _branch_heads(branches: tuple[tuple[_Atom, ...], ...]) -> list[str] | None:
    """Openings of an alternation: each branch must have some."""
    out: list[str] = []
    for branch in branches:
        heads = _heads(branch)
        if heads is None:
            return None
        out += heads
    return out


def _heads(items: tuple[_Atom, ...]) -> list[str] | None:
    """Literal openings of a sequence: its leading literals, else those of a leading group (each branch
    must have one); None when some way of matching starts otherwise."""
    k = 0
    while k < len(items) and items[k].kind == "anchor":  # \b and other zero-width assertions
        k += 1
    items = items[k:]
    head = ""
    for atom in items:
        if atom.kind != "literal" or atom.quantified or not atom.text.isascii():
            break
        head += atom.text.lower()
    if len(head) >= 3:
        return [head]
    if not items:
        return None
    after = items[len(head)] if len(head) < len(items) else None
    if after is None or after.kind != "group" or after.quantified:
        return None
    rest = _branch_heads(after.branches)
    if rest is None:
        return None
    return [head + h for h in rest] if head else rest
