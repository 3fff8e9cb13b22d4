"""Who claims an Arabic figure: the claimants' Arabic spellings (data/lang/ar/claimants.json), keyed by the
same ids as their English names, found in the figure's sentence or the two before it."""

from __future__ import annotations

import re
from functools import cache

from warwire.extraction.ar.normalise import norm_word
from warwire.extraction.ar.pack import load


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for row in load("claimants")["claimants"].values():
        for spelling in row["ar"]:
            names.setdefault(norm_word(spelling), row["name"])
    alternation = "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True))
    # A name may carry an attached conjunction or preposition ("وبحسب المرصد", "للمرصد").
    return re.compile(rf"(?<![\u0621-\u064A])(?:[وفبل]|ول|لل)?(?:ال)?({alternation})(?![\u0621-\u064A])"), names


def find_claimant(normalised_sentence: str) -> str | None:
    """The English name of the first claimant the sentence names, else None."""
    pattern, names = _pattern()
    m = pattern.search(normalised_sentence)
    return names[m.group(1)] if m else None


def claimant_ids() -> dict[str, str]:
    """English name -> claimant id (the id the Arabic spellings are keyed by)."""
    return {row["name"]: cid for cid, row in load("claimants")["claimants"].items()}
