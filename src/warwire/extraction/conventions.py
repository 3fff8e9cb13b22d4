"""Coding conventions: the number a dataset codes for a vague word ('several' = 3 under AAN's ISAF scheme).

warwire's own reading leaves `best` empty for a vague word (the default convention, `None`). A named
convention (data/conventions/NAME.json, sources in data/SOURCES.md) fills only that empty `best`: the claim
keeps its vague word, its low and high, and names the convention that filled it in `convention`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from warwire.lexicon import load as load_lexicon
from warwire.model import Claim, Document

DEFAULT = "default"  # best stays empty for a vague word


@dataclass(frozen=True)
class Convention:
    name: str
    best: dict[str, int]  # vague word as written, lowercased -> the number coded


def names() -> list[str]:
    """The conventions shipped, the default first."""
    folder = resources.files("warwire.data").joinpath("conventions")
    return [DEFAULT, *sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))]


@cache
def load(name: str) -> Convention | None:
    """The convention called `name`; None for the default. A name not shipped is a ValueError."""
    if name in (DEFAULT, ""):
        return None
    if name not in names():
        raise ValueError(f"unknown convention {name!r}; known: {', '.join(names())}")
    raw = json.loads(resources.files("warwire.data").joinpath(f"conventions/{name}.json").read_text("utf-8"))
    return Convention(raw["name"], {_key(k): int(v) for k, v in raw["best"].items()})


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.strip().lower())


def apply(doc: Document, name: str | None) -> Document:
    """Fill `best` of the document's vague claims under convention `name` (in place; the document back)."""
    convention = load(name or DEFAULT)
    if convention is None:
        return doc
    lows = load_lexicon().vague  # the conventions' words are English, as the lexicon's
    for event in doc.events:
        for claim in event.casualties:
            if claim.qualifier != "vague" or not claim.vague:
                continue
            best = convention.best.get(_key(claim.vague))
            if best is None:
                continue
            claim.best = best + _counted(claim, lows)
            claim.convention = convention.name
    return doc


def _counted(claim: Claim, lows: Mapping[tuple[str, ...], tuple[int | None, ...]]) -> int:
    """The victims counted beside the vague word ('a Taliban leader and several associates': 1): the
    claim's low above the word's own low (claims.py adds them up so)."""
    word_low = lows.get(tuple(_key(claim.vague or "").split()), (None,))[0]
    if word_low is None or claim.low is None:
        return 0
    return max(0, claim.low - word_low)
