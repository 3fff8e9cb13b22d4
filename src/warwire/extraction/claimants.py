"""A claimant phrase as an entity: the claimant table (data/claimants.json) matched by words, else an id of
its own normalised words, with a kind read off its words ("a military source": military).

Matching is by word sets, so word order and filler words do not matter ("Ministry of Defence" = "Defence
Ministry"); an organ and the body it is part of both matching ("the Russian Defence Ministry's Centre for
Syrian Reconciliation") give the organ. An unnamed source ("a Syrian military source") is never the body its
words name: it keeps an id of its own and takes only the body's side.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from warwire.model import Claimant

SPELLING = {"center": "centre", "defense": "defence", "organization": "organisation", "organisations":
            "organisation", "ministries": "ministry", "russia": "russian", "syria": "syrian", "britain": "uk",
            "british": "uk", "u.s.": "us", "u.n.": "un", "centres": "centre", "centers": "centre"}
FILLER = frozenset("the a an of for in on at to and by from its their his her 's ’s s so called so-called".split())
# A phrase headed by one of these is an unnamed source: it takes a known body's side, never its identity.
UNNAMED_HEADS = frozenset("source sources official officials activist activists witness witnesses resident "
                          "residents officer commander spokesman spokesperson spokeswoman".split())
WORD = re.compile(r"[\w.’'\-]+")


def words_of(phrase: str) -> list[str]:
    """Lowercase words with one spelling each; possessives and filler words left out."""
    out = []
    for raw in WORD.findall(phrase):
        w = raw.lower().strip(".-’'")
        w = re.sub(r"[’']s$", "", w)
        w = SPELLING.get(w, w)
        if w and w not in FILLER:
            out.append(w)
    return out


def slug(phrase: str) -> str:
    return "-".join(words_of(phrase)) or "unknown"


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    kind: str
    side: str | None
    part_of: str | None
    names: frozenset[str]  # every spelling, normalised to space-joined words


@dataclass(frozen=True)
class _Alias:
    entry: Entry
    words: frozenset[str]
    acronym: str | None  # an all-capitals alias matches only as written ("AP", "IS", "WHO")
    description: bool


class ClaimantTable:
    def __init__(self, data: dict) -> None:
        self.entries: dict[str, Entry] = {}
        self.aliases: list[_Alias] = []
        self.kind_words = [(kind, [tuple(words_of(w)) or (w,) for w in ws]) for kind, ws in data["kind_words"]]
        for row in data["claimants"]:
            spellings = [s for lang in row.get("names", {}).values() for s in lang] + [row["name"]]
            spellings += row.get("spokespeople", [])
            descriptions = [s for lang in row.get("descriptions", {}).values() for s in lang]
            entry = Entry(row["id"], row["name"], row["kind"], row.get("side"), row.get("part_of"),
                          frozenset(" ".join(words_of(s)) for s in spellings + descriptions))
            self.entries[entry.id] = entry
            for text, desc in [(s, False) for s in spellings] + [(s, True) for s in descriptions]:
                acronym = text if text.isupper() and " " not in text and len(text) <= 6 else None
                self.aliases.append(_Alias(entry, frozenset(words_of(text)), acronym, desc))
        self._by_word: dict[str, list[_Alias]] = {}
        for alias in self.aliases:
            for w in alias.words:
                self._by_word.setdefault(w, []).append(alias)

    def lookup(self, phrase: str) -> Entry | None:
        """The table entry a claimant phrase names, or None."""
        found = words_of(phrase)
        have = set(found)
        raw = set(WORD.findall(phrase))
        hits: dict[str, int] = {}
        for w in found:
            for alias in self._by_word.get(w, ()):
                if alias.acronym is not None and alias.acronym not in raw:
                    continue
                if alias.words and alias.words <= have:
                    hits[alias.entry.id] = max(hits.get(alias.entry.id, 0), len(alias.words))
        if not hits:
            return None
        ids = set(hits)
        organs = [i for i in ids if self.entries[i].part_of in ids]  # the organ, not the body it belongs to
        pool = organs or list(ids)
        return self.entries[max(pool, key=lambda i: (hits[i], i))]

    def kind_of(self, phrase: str) -> str:
        found = words_of(phrase)
        for kind, options in self.kind_words:
            for option in options:
                n = len(option)
                if any(tuple(found[i : i + n]) == option for i in range(len(found) - n + 1)):
                    return kind
        return "anonymous" if not re.search(r"[A-Z]", phrase) else "government"

    def claimant(self, phrase: str, as_written: str | None = None, via: str | None = None) -> Claimant:
        """The Claimant a phrase names: a table entry, else an unnamed or unknown claimant of its own id."""
        entry = self.lookup(phrase)
        found = words_of(phrase)
        unnamed = bool(found) and found[-1] in UNNAMED_HEADS and (entry is None or
                                                                 " ".join(found) not in entry.names)
        if entry is not None and not unnamed:
            return Claimant(entry.id, entry.name, entry.kind, entry.side, as_written, via)  # type: ignore[arg-type]
        name = re.sub(r"^(?:a|an|the)\s+", "", phrase.strip(), flags=re.I)
        side = entry.side if entry is not None else None
        return Claimant(slug(name), name, self.kind_of(name), side, as_written, via)  # type: ignore[arg-type]

    def relay(self, phrase: str) -> str | None:
        """The canonical name of a relaying agency ('the Russian Sputnik news agency' -> 'Sputnik')."""
        entry = self.lookup(phrase)
        if entry is not None and entry.kind == "media":
            return entry.name
        return None


@cache
def claimant_table() -> ClaimantTable:
    text = resources.files("warwire.data").joinpath("claimants.json").read_text(encoding="utf-8")
    return ClaimantTable(json.loads(text))
