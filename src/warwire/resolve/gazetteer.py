"""The gazetteer store: name normalisation, the shipped table, user extensions, and the name index.

Shipped: `places.tsv.gz` (id, kind, country, admin1, admin2, lat, lon, population, name; tab-separated),
`names.tsv.gz` (normalised name -> comma-separated row numbers), `fuzzy_keys.txt.gz`.
User extensions (`import_gazetteer`): `*.tsv.gz` rows with a tenth column, the '|'-joined keys.
Keys are normalised at build/import time so loading is a decompress and a split.
"""

from __future__ import annotations

import gzip
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
SHIPPED = DATA_DIR / "places.tsv.gz"
NAMES = DATA_DIR / "names.tsv.gz"
FUZZY = DATA_DIR / "fuzzy_keys.txt.gz"
KIND_RANK = {"country": 0, "admin1": 1, "admin2": 2, "city": 3, "town": 4, "village": 5}

_ARTICLES = {"al", "an", "ad", "ash", "as", "ar", "at", "az", "el", "ed", "es", "et", "ez", "en", "er", "ul"}
# Transliteration variants of common Arabic place-name words (Deir/Dayr, Tell/Tal, Ain/Ayn ...).
_WORD_VARIANTS = {
    "deir": "dayr", "dair": "dayr", "deyr": "dayr", "der": "dayr", "dier": "dayr",
    "tel": "tal", "til": "tal", "ein": "ayn", "ain": "ayn", "ayn": "ayn",
    "kfar": "kafr", "kafar": "kafr", "kefr": "kafr", "jabal": "jabal", "jebel": "jabal",
    "beit": "bayt", "bait": "bayt", "beyt": "bayt", "khirbet": "khirbat", "kherbet": "khirbat",
    "abu": "abu", "abou": "abu", "umm": "um", "om": "um",
}
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʿʼ`‘][^\W_]+)*")
_APOS_RE = re.compile(r"['’ʿʼ`‘´]")
_DOUBLE_RE = re.compile(r"(.)\1+")


def norm_token(token: str) -> str:
    """One word, normalised: ascii, lowercase, no apostrophes, articles unified, doubles collapsed."""
    t = _APOS_RE.sub("", anyascii(token).lower())
    t = re.sub(r"[^a-z0-9]", "", t)
    if t in _ARTICLES:
        return "al"
    t = _DOUBLE_RE.sub(r"\1", t)
    return _WORD_VARIANTS.get(t, t)


def tokens(text: str) -> list[tuple[int, int]]:
    """Word spans of `text`; hyphens and other punctuation separate words, apostrophes do not."""
    return [m.span() for m in _TOKEN_RE.finditer(text)]


def norm(name: str) -> str:
    """A name or phrase normalised the same way as text: normalised tokens joined by single spaces."""
    out = [norm_token(name[s:e]) for s, e in tokens(name)]
    # "Al-" glued to a word in some transliterations ("Alhasakah") stays as written.
    return " ".join(t for t in out if t)


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    id: int
    kind: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    name: str
    syrian: bool = False

    @property
    def rank(self) -> int:
        return KIND_RANK.get(self.kind, 6)


def user_dir() -> Path:
    """Where `import_gazetteer` writes: $WARWIRE_HOME/gazetteer or ~/.local/share/warwire/gazetteer."""
    home = os.environ.get("WARWIRE_HOME")
    if home:
        return Path(home) / "gazetteer"
    return Path.home() / ".local" / "share" / "warwire" / "gazetteer"


def parse_row(line: str) -> tuple[Entry, list[str]]:
    f = line.rstrip("\n").split("\t")
    entry = Entry(
        id=int(f[0]), kind=f[1], country=f[2], admin1=f[3] or None, admin2=f[4] or None,
        lat=float(f[5]) if f[5] else None, lon=float(f[6]) if f[6] else None,
        population=int(f[7] or 0), name=f[8], syrian=f[2] == "SY",
    )
    return entry, [k for k in f[9].split("|") if k]


def format_row(e: Entry, keys: list[str]) -> str:
    lat = "" if e.lat is None else f"{e.lat:.5f}"
    lon = "" if e.lon is None else f"{e.lon:.5f}"
    cells = [str(e.id), e.kind, e.country, e.admin1 or "", e.admin2 or "", lat, lon,
             str(e.population), e.name, "|".join(dict.fromkeys(k for k in keys if k))]
    return "\t".join(c.replace("\t", " ") for c in cells)


class Gazetteer:
    """Place rows and a normalised-name index, parsed lazily: loading is a decompress and a split."""

    def __init__(self, db_dir: Path | None = None) -> None:
        self._rows: list[str] = _read_gz(SHIPPED).split("\n")
        self._parsed: dict[int, Entry] = {}
        self._index: dict[str, str] = dict(line.split("\t", 1) for line in _read_gz(NAMES).split("\n"))
        self._fuzzy: list[str] | None = None
        for path in user_files(db_dir):
            self._add_user_file(path)

    def _add_user_file(self, path: Path) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                idx = len(self._rows)
                self._rows.append(line.rsplit("\t", 1)[0])
                entry, keys = parse_row(line)
                self._parsed[idx] = entry
                for key in keys:
                    old = self._index.get(key)
                    self._index[key] = f"{old},{idx}" if old else str(idx)
                if self._fuzzy is not None:
                    self._fuzzy.extend(keys)

    def __contains__(self, key: str) -> bool:
        return key in self._index

    def entry(self, idx: int) -> Entry:
        e = self._parsed.get(idx)
        if e is None:
            e = self._parsed[idx] = parse_row(self._rows[idx] + "\t")[0]
        return e

    def lookup(self, key: str) -> list[Entry]:
        """Entries for a normalised key; a user row with a shipped row's id replaces it."""
        raw = self._index.get(key)
        if not raw:
            return []
        by_id = {e.id: e for e in (self.entry(int(i)) for i in raw.split(","))}
        return list(by_id.values())

    def fuzzy_keys(self) -> list[str]:
        """Keys worth near-miss matching (Syrian places, admin1, countries, larger cities)."""
        if self._fuzzy is None:
            self._fuzzy = _read_gz(FUZZY).split("\n")
        return self._fuzzy


def _read_gz(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def user_files(db_dir: Path | None = None) -> list[Path]:
    extra = db_dir or user_dir()
    return sorted(extra.glob("*.tsv.gz")) if extra.is_dir() else []


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer with the user's imported extensions merged on top (loaded once)."""
    return Gazetteer()
