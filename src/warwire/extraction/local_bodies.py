"""Local bodies keyed by their place (data/lang/<lang>/local_bodies.json): 'Carlton police', 'police in
Carlton', 'the Carlton Police Department' and 'a Carlton police spokesman' are one claimant, police:carlton;
'the Cook County Medical Examiner's Office' is medical-examiner:cook; 'Northwestern Memorial Hospital' is
hospital:northwestern-memorial. A body whose words name no place gets its bare type ('police') here; the
resolve stage then gives it its event's place (`place`: the town for police, the county for a sheriff or
coroner, the state for state police).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warwire.data import DEFAULT_LANG, load_json
from warwire.model import Claimant

TOKEN = re.compile(r"[\w’'.\-&]+")
DETERMINERS = frozenset({"a", "an", "the"})
LINKS = frozenset({"in", "of", "for"})  # "police in Carlton", "the police of Carlton"


@dataclass(frozen=True)
class BodyType:
    type: str
    name: str
    kind: str
    place: str  # city | county | state | name


def _key(word: str) -> str:
    """A word as heads are matched: lowercase, one apostrophe, no possessive ('Sheriff’s' -> 'sheriff')."""
    w = word.lower().replace("’", "'").strip(".")
    return w[:-2] if w.endswith("'s") else w


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(_key(w) for w in phrase.split())


class LocalBodies:
    def __init__(self, data: dict) -> None:
        self.heads: dict[tuple[str, ...], BodyType] = {}
        for row in data["bodies"]:
            body = BodyType(row["type"], row["name"], row["kind"], row["place"])
            for head in row["heads"]:
                self.heads.setdefault(_keys(head), body)
        self.types = {b.type: b for b in self.heads.values()}
        self.longest = max(len(h) for h in self.heads)
        self.roles = frozenset(_keys(r) for r in data["roles"])
        self.longest_role = max(len(r) for r in self.roles)
        self.modifiers = frozenset(data["modifiers"])
        self.titles_before = frozenset(data["titles_before"])
        self.drop = frozenset(data["drop_from_place"])
        self.acronyms = {k: (self.types[t], p) for k, (t, p) in data["acronyms"].items()}
        self.spellings = data["place_spellings"]
        self.investigating = re.compile(data["investigating"])
        self.bare_officials = frozenset("-".join(_keys(w)) for w in data["bare_officials"])
        self.local_countries = frozenset(data["local_news_countries"])

    def is_local(self, claimant: Claimant) -> bool:
        """Whether a claimant is a local body ('police:oakland', 'coroner')."""
        return claimant.id.split(":")[0] in self.types

    def claimant(self, phrase: str) -> Claimant | None:
        """The local body a claimant phrase names, or None when it names none."""
        words = TOKEN.findall(phrase)
        if not words:
            return None
        bare = [w for w in words if w.lower() not in DETERMINERS]
        initials = next((w.rstrip("’'s") for w in bare if w.rstrip("’'s") in self.acronyms), None)
        if initials is not None and all(w == initials or w.rstrip("’'s") == initials or tuple(_keys(w)) in self.roles
                                        for w in bare):  # "NYPD", "an NYPD spokesman"
            body, place = self.acronyms[initials]
            return self._make(body, place)
        for cut, word in enumerate(words):  # "Orange police and Essex County prosecutors": the first named
            if word.lower() in ("and", "&") and 0 < cut < len(words) - 1:
                first = self._parse(words[:cut])
                if first is not None:
                    return first
                break
        return self._parse(words)

    def _parse(self, words: list[str]) -> Claimant | None:
        keys = [_key(w) for w in words]
        found = self._head(keys)
        if found is None:
            return None
        start, end, body = found
        # "the Los Angeles Police Department's Harbor Station": a unit of the body is the body
        rest = [] if words[end - 1].endswith(("'s", "’s")) else keys[end:]
        place_after: list[str] = []
        i = 0
        while i < len(rest):
            n = next((n for n in range(min(self.longest_role, len(rest) - i), 0, -1)
                      if tuple(rest[i : i + n]) in self.roles), 0)
            if n:
                i += n
                continue
            if rest[i] in LINKS and i + 1 < len(rest):  # "police in Carlton"
                tail = [w for w in words[end + i + 1 :] if w.lower() not in DETERMINERS]
                if tail and all(w[:1].isupper() for w in tail):
                    place_after = tail
                    break
            return None  # other words after the head: not a body's name
        before = words[:start]
        while before and before[0].lower() in DETERMINERS:
            before = before[1:]
        place_words: list[str] = []
        for w in before:
            if w in self.modifiers or w.lower() in self.titles_before:  # "local police", "Interim Police Chief X"
                continue
            if w[:1].isupper() or w.lower() in ("of", "de", "la"):
                place_words.append(w)
            else:
                return None  # "two police officers", "the man told police": not a body's name
        place = " ".join(place_after or place_words) or None
        written = " ".join(words[start:end])
        if body.place == "name" and place is not None:  # a hospital: its own name
            return Claimant(f"{body.type}:{self._slug(place, body)}", f"{place} {written}", body.kind,  # type: ignore[arg-type]
                            None)
        return self._make(body, place)

    def _head(self, keys: list[str]) -> tuple[int, int, BodyType] | None:
        """The first head in the words (longest at its start), as (start, end, body)."""
        for i in range(len(keys)):
            for n in range(min(self.longest, len(keys) - i), 0, -1):
                body = self.heads.get(tuple(keys[i : i + n]))
                if body is not None:
                    return i, i + n, body
        return None

    def unplaced(self, claimant: Claimant) -> str | None:
        """The place level ('city', 'county', 'state') a bare local body ('police') needs, else None."""
        body = self.types.get(claimant.id)
        if body is None:
            return None
        return "city" if body.place == "name" else body.place

    def place_level(self, claimant: Claimant) -> str | None:
        """The place level of a local body's type, placed or not ('police:oakland' -> 'city')."""
        body = self.types.get(claimant.id.split(":")[0])
        return None if body is None else body.place

    def place(self, claimant: Claimant, place: str) -> Claimant:
        """A bare local body ('police') as the body of a place ('Oakland' -> police:oakland)."""
        placed = self._make(self.types[claimant.id], place)
        return Claimant(placed.id, placed.name, placed.kind, claimant.side, claimant.as_written, claimant.via)

    def _make(self, body: BodyType, place: str | None) -> Claimant:
        if place is None:
            return Claimant(body.type, body.name, body.kind, None)  # type: ignore[arg-type]
        return Claimant(f"{body.type}:{self._slug(place, body)}", f"{_title(place)} {body.name}",
                        body.kind, None)  # type: ignore[arg-type]

    def _slug(self, place: str, body: BodyType) -> str:
        low = re.sub(r"\s+", " ", place.lower().replace("’", "'")).strip(" .")
        low = self.spellings.get(low, low)
        words = [w.strip(".'") for w in low.split()]
        if body.place != "name":
            words = [w for w in words if w not in self.drop] or words
        return "-".join(w for w in words if w) or "unknown"


def _title(place: str) -> str:
    """'PASCO COUNTY' (a dateline) -> 'Pasco County'; names as written otherwise."""
    return place.title() if place.isupper() and len(place) > 3 else place


@cache
def local_bodies(lang: str = DEFAULT_LANG) -> LocalBodies:
    return LocalBodies(load_json("local_bodies.json", lang))
