"""Literal openings of regular expressions: the words every match begins with.

A pattern whose every match opens with one of a few words need only be tried where one of those words
starts: one Aho-Corasick pass over the lowercased text finds the places, and `pattern.match` there gives
exactly what `pattern.search` would (the first place it matches is the leftmost match).
"""

from __future__ import annotations

import re
from re import _constants, _parser  # type: ignore[attr-defined]  # no stubs for re's parser

# The only characters outside ascii that re.IGNORECASE equates with an ascii letter (İ ı ſ K); İ is also
# the only character whose lowercase is longer. A text without them lowercases place for place.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def literal_openings(patterns: list[str]) -> tuple[str, ...] | None:
    """The literal openings (3+ ascii letters, lowercase) of the patterns' alternatives, when every one
    has one (patterns read as re.IGNORECASE ones)."""
    found: list[str] = []
    for p in patterns:
        try:
            heads = _heads(list(_parser.parse(p, re.IGNORECASE)))
        except Exception:  # noqa: BLE001 - the parser is re's own; any surprise only costs the shortcut
            return None
        if heads is None:
            return None
        found += heads
    return tuple(dict.fromkeys(found))


def caseless(text: str) -> str | None:
    """`text` lowercased, where every place an ignore-case ascii literal can match holds that literal in
    lowercase; None when some character folds otherwise."""
    return None if _FOLDS_TO_ASCII.search(text) else text.lower()


def _heads(items: list) -> list[str] | None:
    """Literal openings of a parsed pattern: its leading literals, else those of a leading group or
    alternation (each branch must have one); None when some way of matching starts otherwise."""
    while items and items[0][0] is _constants.AT:  # \b and other zero-width assertions
        items = items[1:]
    head = ""
    for op, av in items:
        if op is not _constants.LITERAL or av >= 128:
            break
        head += chr(av).lower()
    if len(head) >= 3:
        return [head]
    if not items:
        return None
    if head:  # a short literal and then a group ("br(?:ought|ing)"): the literal before each of its openings
        after = items[len(head):]
        group = after[:1] if after and after[0][0] in (_constants.SUBPATTERN, _constants.BRANCH) else None
        rest = _heads(group) if group else None
        return None if rest is None else [head + h for h in rest]
    op, av = items[0]
    if op is _constants.SUBPATTERN:
        return _heads(list(av[3]))
    if op is _constants.BRANCH:
        out: list[str] = []
        for branch in av[1]:
            heads = _heads(list(branch))
            if heads is None:
                return None
            out += heads
        return out
    return None
