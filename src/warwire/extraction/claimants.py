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

from warwire.extraction.local_bodies import local_bodies
from warwire.model import Claimant

FILLER = frozenset("the a an of for in on at to and by from its their his her 's ’s s so called so-called".split())
# A phrase headed by one of these is an unnamed source: it takes a known body's side, never its identity.
UNNAMED_HEADS = frozenset("source sources official officials activist activists witness witnesses resident "
                          "residents officer commander spokesman spokesperson spokeswoman".split())
WORD = re.compile(r"[\w.’'\-]+")
DROPPED_APOSTROPHE = re.compile(r"[A-Z]{3,}s")


def words_of(phrase: str) -> list[str]:
    """Lowercase words with one spelling each; possessives and filler words left out."""
    spelling = _spelling()
    out = []
    for raw in WORD.findall(phrase):
        if DROPPED_APOSTROPHE.fullmatch(raw):  # "SANAs": a possessive whose apostrophe a scraper dropped
            raw = raw[:-1]
        w = raw.lower().strip(".-’'")
        if w.endswith(("’s", "'s")):
            w = w[:-2]
        w = spelling.get(w, w)
        if w and w not in FILLER:
            out.append(w)
    return out


@cache
def _spelling() -> dict[str, str]:
    """One spelling per word ('center' -> 'centre'), and capitals read as their demonym ('Moscow' -> 'russian')."""
    return _data()["spelling"]


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


PERSON = r"(?:[A-Z][\w’'\-]+|al-\w+)(?:\s+(?:[A-Z][\w’'\-]*|al-\w+|de|bin|ibn|van|von|la)){0,3}"
# "Sgt Danielle Newman with SFPD", "John Smith of the county sheriff's office": the body after the person
PERSON_ROLE = rf"{PERSON},?\s+(?:the|a|an)\s+(?:[a-z][\w\-]*\s*){{1,3}}"  # "Jowan Ibrahim the commander"
PERSON_OF = re.compile(r"^(?P<person>.+?)\s+(?:with|of|for|from|at)\s+(?:the\s+)?(?P<body>[A-Z].*)$")


class ClaimantTable:
    def __init__(self, data: dict) -> None:
        self.entries: dict[str, Entry] = {}
        titles = sorted(((t, kind) for kind, ts in data.get("titles", {}).items() for t in ts),
                        key=lambda x: -len(x[0]))
        self.title_kinds = {t.lower(): kind for t, kind in titles}
        self.head_kinds: dict[str, str] = data.get("head_kinds", {})
        alternatives = "|".join(re.escape(t) for t, _ in titles)
        # "Bartholomew County Sheriff Matt Myers": the body is everything up to the title
        self.titled = re.compile(rf"^(?P<body>(?:.*?\s)?(?P<title>{alternatives}))\.?\s+(?P<person>{PERSON})$")
        self.aliases: list[_Alias] = []
        self.kind_words = [(kind, [tuple(words_of(w)) or (w,) for w in ws]) for kind, ws in data["kind_words"]]
        self.kind_index: dict[tuple[str, ...], tuple[int, str]] = {}
        for rank, (kind, options) in enumerate(self.kind_words):
            for option in options:
                self.kind_index.setdefault(option, (rank, kind))
        self.longest_kind_word = max((len(o) for o in self.kind_index), default=1)
        # single words that can head a source's name ("statement", "medics", "police"), lowercase
        self.source_nouns = frozenset(w.lower() for _, ws in data["kind_words"] for w in ws if " " not in w)
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

    def kind_by_words(self, phrase: str) -> str | None:
        """The kind of the first kind_words row one of the phrase's word sequences is in."""
        found = words_of(phrase)
        best: tuple[int, str] | None = None
        for n in range(1, min(self.longest_kind_word, len(found)) + 1):
            for i in range(len(found) - n + 1):
                hit = self.kind_index.get(tuple(found[i : i + n]))
                if hit is not None and (best is None or hit < best):
                    best = hit
        return best[1] if best is not None else None

    def kind_of(self, phrase: str) -> str:
        """The kind its head noun gives when it names people ('opposition activists': anonymous), else the kind
        its words give; else a name is taken for a government body, a common noun for anonymous."""
        found = words_of(phrase)
        if found and found[-1] in self.head_kinds:
            return self.head_kinds[found[-1]]
        return self.kind_by_words(phrase) or ("anonymous" if not re.search(r"[A-Z]", phrase) else "government")

    def speaker_body(self, phrase: str) -> tuple[str, str | None] | None:
        """(body, its kind by title) a named person speaks for, or None when the phrase names no person:
        'Bartholomew County Sheriff Matt Myers' -> 'Bartholomew County Sheriff'; 'Sgt Danielle Newman with SFPD'
        -> 'SFPD'; 'Sgt Mark Francis' -> 'police'."""
        tail = PERSON_OF.match(phrase)
        if tail and (self.titled.match(tail.group("person")) or re.fullmatch(PERSON, tail.group("person"))
                     or re.fullmatch(PERSON_ROLE, tail.group("person"))):
            return tail.group("body"), None
        titled = self.titled.match(phrase)
        if not titled:
            return None
        kind = self.title_kinds.get(titled.group("title").lower())
        body, title = titled.group("body"), titled.group("title")
        prefix = body[: -len(title)].strip()
        if not prefix and kind == "police":
            return "police", kind
        if prefix and self.kind_by_words(prefix) == kind:  # "NYPD Deputy Inspector X": the NYPD
            return prefix, kind
        if prefix and kind == "police" and "police" in title.lower():  # "DeKalb Police Chief X": DeKalb Police
            return f"{prefix} Police", kind
        return body, kind

    def surname(self, phrase: str) -> str | None:
        """The surname when a phrase names a person by surname alone ('Judd', 'Mayor Rawlings')."""
        titled = self.titled.match(phrase)
        name = titled.group("person") if titled else phrase
        if re.fullmatch(r"[A-Z][\w’'\-]+", name) and self.lookup(phrase) is None \
                and name.lower() not in self.title_kinds:
            return name
        return None

    def claimant(self, phrase: str, as_written: str | None = None, via: str | None = None) -> Claimant:
        """The Claimant a phrase names: a table entry, else a local body keyed by its place ('Carlton police':
        police:carlton; 'police': police, placed later by its event), else an unnamed or unknown claimant of
        its own id; a named person is the body they speak for."""
        entry = self.lookup(phrase)
        spoken = self.speaker_body(phrase) if entry is None else None
        if spoken is not None:
            body, kind = spoken
            entry = self.lookup(body)
            if entry is None:
                local = local_bodies().claimant(body)
                if local is not None:
                    return Claimant(local.id, local.name, local.kind, None, as_written, via)
                return Claimant(slug(body), body, kind or self.kind_of(body), None, as_written, via)  # type: ignore[arg-type]
            phrase = body
        if entry is None:
            local = local_bodies().claimant(phrase)
            if local is not None:
                return Claimant(local.id, local.name, local.kind, None, as_written, via)
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
def _data() -> dict:
    return json.loads(resources.files("warwire.data").joinpath("claimants.json").read_text(encoding="utf-8"))


@cache
def claimant_table() -> ClaimantTable:
    return ClaimantTable(_data())
