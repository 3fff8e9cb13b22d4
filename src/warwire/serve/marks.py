"""Text cut into runs at mark boundaries (figures, places, dates, actors), placed by offset on the server.

The template prints every run through autoescape: a mark is a <mark> element around escaped text, never
markup taken from the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # figure, place, date, actor
    label: str = ""
    ref: str = ""  # e.g. the claim key, to link a table row to its sentence


@dataclass
class Run:
    text: str
    spans: list[Span]

    @property
    def kinds(self) -> str:
        return " ".join(sorted({"mark-" + s.kind for s in self.spans}))

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(s.label for s in self.spans if s.label))

    @property
    def refs(self) -> str:
        return " ".join(dict.fromkeys(s.ref for s in self.spans if s.ref))


def runs(text: str, spans: Iterable[Span]) -> list[Run]:
    """`text` in runs, each with the spans that cover it (spans outside the text are dropped)."""
    kept = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *[s.start for s in kept], *[s.end for s in kept]})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        cover = [s for s in kept if s.start <= a and b <= s.end]
        out.append(Run(text[a:b], cover))
    return out


def occurrences(text: str, phrase: str | None, kind: str, label: str = "") -> list[Span]:
    """Every whole-word occurrence of `phrase` (dates and actors as written carry no offsets)."""
    if not phrase or len(phrase) < 2:
        return []
    pat = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
    return [Span(m.start(), m.end(), kind, label or phrase) for m in pat.finditer(text)]
