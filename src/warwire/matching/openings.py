"""Literal openings of regular expressions: the words every match begins with.

A pattern whose every match opens with one of a few words need only be tried where one of those words
starts: one Aho-Corasick pass over the lowercased text finds the places, and `pattern.match` there gives
exactly what `pattern.search` would (the first place it matches is the leftmost match).

The patterns are read by `regex_syntax` (the subset the rule files use: literals, escapes, [classes], groups,
|, quantifiers, assertions). Whatever it does not read makes the answer None, which only costs the
shortcut: an opening is reported only when every match must begin with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warwire.matching.regex_syntax import LOOKAROUNDS, Branches, Node, Unsupported, parse

# The only characters outside ascii that re.IGNORECASE equates with an ascii letter (İ ı ſ K); İ is also
# the only character whose lowercase is longer. A text without them lowercases place for place.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


class _Unknown(ValueError):
    """A pattern read whose openings are not read here (a quantified anchor): no openings."""


@dataclass(frozen=True)
class _Atom:
    kind: str  # "literal" (text: the character), "anchor", "group" (branches), "other" (text: as written)
    text: str = ""
    branches: tuple[tuple[_Atom, ...], ...] = ()
    quantified: bool = False
    optional: bool = False  # quantified by ? alone (at most once): "(?:land)?mines" opens "landmines" or "mines"


def literal_openings(patterns: list[str]) -> tuple[str, ...] | None:
    """The literal openings (3+ ascii letters, lowercase) of the patterns' alternatives, when every one
    has one (patterns read as re.IGNORECASE ones)."""
    found: list[str] = []
    for p in patterns:
        try:
            branches = _sequence(parse(p))
        except (_Unknown, Unsupported):
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


def _sequence(branches: Branches) -> tuple[tuple[_Atom, ...], ...]:
    """The branches as `re` reads them: a plain (?:...) group of one branch is part of the sequence around
    it, and the literals every branch opens with are moved before the alternation ("shot|shoot": "sho"
    then "t|ot")."""
    out: list[list[_Atom]] = []
    for nodes in branches:
        seq: list[_Atom] = []
        for node in nodes:
            atom, plain = _atom(node)
            if node.quantifier:
                if atom.kind == "anchor":
                    raise _Unknown(node.text + node.quantifier)
                optional = node.quantifier in ("?", "??", "?+")
                atom, plain = _Atom(atom.kind, atom.text, atom.branches, True, optional), False
            if plain and len(atom.branches) == 1:
                seq += atom.branches[0]
            else:
                seq.append(atom)
        out.append(seq)
    return _factored(out)


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


def _atom(node: Node) -> tuple[_Atom, bool]:
    """The atom of a node, and whether it is a plain (?:...) group."""
    if node.kind == "group":
        inner = _sequence(node.branches)  # a lookaround's too: what it cannot read, nothing is read from
        if node.opener in LOOKAROUNDS:
            return _Atom("anchor", node.text), False  # zero-width, as \b: what follows opens
        return _Atom("group", branches=inner), node.opener == "(?:"
    if node.kind == "literal":
        return _Atom("literal", node.char), False
    if node.kind == "anchor":
        return _Atom("anchor", node.text), False
    return _Atom("other", node.text), False  # [classes], \w \s \d, "."


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
    if items and items[0].kind == "group" and items[0].optional:
        return _optional_heads(items[0], items[1:])
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


def _optional_heads(group: _Atom, rest: tuple[_Atom, ...]) -> list[str] | None:
    """Openings of a sequence led by a group that matches at most once: those of each of its branches
    followed by the rest, and those of the rest alone."""
    out: list[str] = []
    for branch in (*((*b, *rest) for b in group.branches), rest):
        heads = _heads(branch)
        if heads is None:
            return None
        out += heads
    return out
