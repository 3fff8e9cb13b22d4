"""Who claims an Arabic figure: the claimant table's Arabic names (data/claimants.json names.ar, and
data/lang/ar/claimants.json keyed by the same ids), so an Arabic report's claimant is the same entity as an
English one's. A name claims only after a word of telling ('أفاد المرصد', 'بحسب الدفاع المدني') or before a
colon or 'أن' ('المرصد السوري: ...'): 'قصف قسد' names an attacker, not a source."""

from __future__ import annotations

import re
from functools import cache

from warwire import data
from warwire.extraction.ar.normalise import norm_word
from warwire.extraction.ar.pack import load
from warwire.model import Claimant

_CLAUSE = r"[^.\n]{0,40}?"  # a few words between the telling word and the name


@cache
def _table() -> tuple[re.Pattern[str], dict[str, Claimant], re.Pattern[str], re.Pattern[str]]:
    pack = load("claimants")
    by_name: dict[str, Claimant] = {}
    for row in data.load_json("claimants.json")["claimants"]:
        spellings = row.get("names", {}).get("ar", []) + pack["spellings"].get(row["id"], [])
        for spelling in spellings:
            by_name.setdefault(norm_word(spelling), Claimant(row["id"], row["name"], row["kind"], row.get("side")))
    for cid, row in pack["unnamed"].items():
        for spelling in row["ar"]:
            by_name.setdefault(norm_word(spelling), Claimant(cid, row["name"], row["kind"]))
    names = "|".join(re.escape(k) for k in sorted(by_name, key=len, reverse=True))
    name = re.compile(rf"(?<![\u0621-\u064A])(?:[وفبل]|ول|لل)?({names})(?![\u0621-\u064A])")
    cues = "|".join(re.escape(norm_word(c)) for c in sorted(pack["cues"], key=len, reverse=True))
    before = re.compile(rf"(?<![\u0621-\u064A])(?:[وف])?(?:{cues})(?![\u0621-\u064A])")
    after = re.compile("|".join(rf"\s*{re.escape(norm_word(a))}" for a in pack["after"]))
    return name, by_name, before, after


def find_claimant(normalised_sentence: str) -> Claimant | None:
    """The first claimant the sentence names as telling, or None."""
    name, by_name, before, after = _table()
    for m in name.finditer(normalised_sentence):
        lead = normalised_sentence[max(0, m.start() - 45) : m.start()]
        told = before.search(lead) is not None or after.match(normalised_sentence, m.end()) is not None
        if told:
            found = by_name[m.group(1)]
            return Claimant(found.id, found.name, found.kind, found.side)
    return None
