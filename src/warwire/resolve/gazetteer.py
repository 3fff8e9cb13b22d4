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
from collections.abc import Mapping
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
# A character the same as the next one: deleting those collapses each run to one character (a plain
# "" replacement: re's C path, where the template r"\1" of (.)\1+ goes through Python code at every word).
_DOUBLE_RE = re.compile(r"(.)(?=\1)")
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=200_000)
def norm_token(token: str) -> str:
    """One word, normalised: ascii, lowercase, no apostrophes, articles unified, doubles collapsed.
    A possessive 's is dropped ("Baghdad's" -> "baghdad"), not a short word's ("Ra's al-Ayn")."""
    if token.isascii() and token.isalnum():
        t = token.lower()  # most words: nothing to transliterate, no apostrophe or other character to drop
    else:
        t = anyascii(token).lower()
        if len(t) >= 5 and t.endswith(("'s", "’s")):
            t = t[:-2]
        t = _NON_ALNUM_RE.sub("", _APOS_RE.sub("", t))
    if t in _ARTICLES:
        return "al"
    t = _DOUBLE_RE.sub("", t)
    return _WORD_VARIANTS.get(t, t)


def tokens(text: str) -> list[tuple[int, int]]:
    """Word spans of `text`; hyphens and other punctuation separate words, apostrophes do not."""
    return [m.span() for m in _TOKEN_RE.finditer(text)]


# The word pattern captured: re.split then returns [gap, word, gap, word, ..., gap] in one pass.
_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
# The same for an ascii text, where [^\W_] is [A-Za-z0-9] and the apostrophes are ' and `: plain ranges are
# tested faster (the split takes a quarter less time).
_SPLIT_ASCII_RE = re.compile(r"([A-Za-z0-9]+(?:['`][A-Za-z0-9]+)*)")


def words_and_gaps(text: str) -> list[str]:
    """`text` cut into [gap, word, gap, ..., word, gap]: the words `tokens` finds, and the text around them."""
    return (_SPLIT_ASCII_RE if text.isascii() else _SPLIT_RE).split(text)


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
    return entry, [k for k in (f[9] if len(f) > 9 else "").split("|") if k]


def format_row(e: Entry, keys: list[str]) -> str:
    lat = "" if e.lat is None else f"{e.lat:.5f}"
    lon = "" if e.lon is None else f"{e.lon:.5f}"
    cells = [str(e.id), e.kind, e.country, e.admin1 or "", e.admin2 or "", lat, lon,
             str(e.population), e.name, "|".join(dict.fromkeys(k for k in keys if k))]
    return "\t".join(c.replace("\t", " ") for c in cells)


class Gazetteer:
    """Place rows and a normalised-name index, parsed lazily: loading is a decompress and a split."""

    def __init__(self, db_dir: Path | None = None) -> None:
        # Shipped rows carry no key column; user rows do (parse_row reads both).
        self._rows: list[str] = _read_gz(SHIPPED).split("\n")
        self._parsed: dict[int, Entry] = {}
        self._index: dict[str, str] = dict(line.split("\t", 1) for line in _read_gz(NAMES).split("\n"))
        self._fuzzy: list[str] | None = None
        self._spans: dict[str, int] | None = None
        self._heads: set[str] = set()
        # Place names recur from document to document (emptied when user rows are added).
        self._entries = lru_cache(maxsize=8192)(self._parse_entries)
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
        self._spans = None  # rebuilt with the new keys at the next lookup
        self._entries.cache_clear()

    def __contains__(self, key: str) -> bool:
        return key in self._index

    @property
    def index(self) -> Mapping[str, str]:
        """Normalised key -> its rows (read only): `key in gaz.index` without a method call per word."""
        return self._index

    def entry(self, idx: int) -> Entry:
        e = self._parsed.get(idx)
        if e is None:
            e = self._parsed[idx] = parse_row(self._rows[idx] + "\t")[0]
        return e

    def lookup(self, key: str) -> list[Entry]:
        """Entries for a normalised key; a user row with a shipped row's id replaces it."""
        return list(self._entries(key)) if key in self._index else []

    def _parse_entries(self, key: str) -> tuple[Entry, ...]:
        raw = self._index.get(key)
        if not raw:
            return ()
        by_id = {e.id: e for e in (self.entry(int(i)) for i in raw.split(","))}
        return tuple(by_id.values())

    def longest_from(self, word: str) -> int:
        """The most words of a key starting with the normalised `word` (0: none starts with it)."""
        return self.key_lengths().get(word) or (1 if word in self._index else 0)

    def key_lengths(self) -> Mapping[str, int]:
        """First word of each key of several words -> the most words of such a key (read only)."""
        if self._spans is None:
            self._spans, self._heads = _key_spans(self._index)
        return self._spans

    def opens_key(self, words: str) -> bool:
        """Whether some key of more words begins with `words` (two or more normalised words)."""
        if self._spans is None:
            self._spans, self._heads = _key_spans(self._index)
        return words in self._heads

    def fuzzy_keys(self) -> list[str]:
        """Keys worth near-miss matching (Syrian places, admin1, countries, larger cities)."""
        if self._fuzzy is None:
            self._fuzzy = _read_gz(FUZZY).split("\n")
        return self._fuzzy


def _key_spans(index: dict[str, str]) -> tuple[dict[str, int], set[str]]:
    """First word of each key of several words -> the most words of such a key; and every proper prefix of
    two or more words of such keys. Built at the first lookup."""
    spans: dict[str, int] = {}
    heads: set[str] = set()
    for key in index:
        if " " in key:
            words = key.split(" ")
            if spans.get(words[0], 0) < len(words):
                spans[words[0]] = len(words)
            for n in range(2, len(words)):
                heads.add(" ".join(words[:n]))
    return spans, heads


def _read_gz(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def user_files(db_dir: Path | None = None) -> list[Path]:
    extra = db_dir or user_dir()
    return sorted(extra.glob("*.tsv.gz")) if extra.is_dir() else []


@lru_cache(maxsize=1)
def load(db_dir: Path | None = None) -> Gazetteer:
    """The shipped gazetteer with the user's imported extensions merged on top (loaded once)."""
    return Gazetteer(db_dir)


# GeoNames admin1 codes for Syria (as in wof_sy_places.csv gn_admin1_code / admin1_name_gn).
SY_GN_ADMIN1 = {
    "01": "Hasakah", "02": "Lattakia", "03": "Quneitra", "04": "Raqqa", "05": "Suwayda", "06": "Daraa",
    "07": "Deir ez-Zor", "08": "Damascus Countryside", "09": "Aleppo", "10": "Hama", "11": "Homs", "12": "Idlib",
    "13": "Damascus", "14": "Tartus",
}
GEONAMES_KINDS = {"PCLI": "country", "ADM1": "admin1", "ADM2": "admin2"}


def _kind_for(pop: int) -> str:
    return "city" if pop >= 100000 else "town" if pop >= 5000 else "village"


def _geonames_rows(lines: list[str]) -> list[str]:
    """GeoNames country dump (SY.txt layout): populated places (class P) and admin areas (class A)."""
    rows = []
    for line in lines:
        f = line.rstrip("\n").split("\t")
        if len(f) < 15 or f[6] not in ("P", "A"):
            continue
        pop = int(f[14] or 0)
        kind = GEONAMES_KINDS.get(f[7]) if f[6] == "A" else _kind_for(pop)
        if kind is None:
            continue
        names = [f[1], f[2], *(a for a in f[3].split(",") if a)]
        admin1 = SY_GN_ADMIN1.get(f[10]) if f[8] == "SY" else None
        e = Entry(int(f[0]), kind, f[8], admin1 or f[10] or None, None, float(f[4]), float(f[5]), pop, f[1])
        rows.append(format_row(e, [norm(n) for n in names]))
    return rows


def _wof_rows(path: Path) -> list[str]:
    """Who's On First country export CSV (wof_sy_places.csv layout): localities, regions, counties."""
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    kinds = {"locality": None, "region": "admin1", "county": "admin2", "country": "country"}
    rows = []
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r.get("placetype") not in kinds or r.get("deprecated") or r.get("mz_is_current") == "0":
                continue
            pop = int(float(r.get("population") or 0))
            kind = kinds[r["placetype"]] or _kind_for(pop)
            names = [r["name"], r.get("gn_name", ""), *(r.get("all_names") or "").split("|")]
            cc = (r.get("iso_country") or r.get("country") or "").upper()[:2] or _wof_country(path)
            lat, lon = float(r["latitude"]), float(r["longitude"])
            e = Entry(int(r.get("geonameid") or r["wof_id"]), kind, cc, r.get("admin1_name_wof") or None,
                      r.get("admin2_name_wof") or None, lat, lon, pop, r["name"])
            rows.append(format_row(e, [norm(n) for n in names if n]))
    return rows


def _wof_country(path: Path) -> str:
    """WOF exports are per country: 'wof_sy_places.csv' -> 'SY'."""
    m = re.search(r"wof[_-]([a-z]{2})[_-]", path.name.lower())
    return m.group(1).upper() if m else ""


class GazetteerImportError(ValueError):
    """A file import_gazetteer cannot read as places; nothing is written."""


def import_gazetteer(path: Path, db_dir: Path | None = None) -> int:
    """Add a GeoNames country dump or a Who's On First CSV to the user gazetteer; returns places added.

    The extension is written to `db_dir` (default `user_dir()`) as `<file stem>.tsv.gz` and merged on
    top of the shipped data at the next load (the cached gazetteer is dropped here).
    """
    path = Path(path)
    head = path.open("rb").read(8192)
    try:
        if b"\x00" in head:
            raise UnicodeDecodeError("utf-8", head, 0, 1, "NUL byte")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GazetteerImportError(f"{path.name} is not a UTF-8 text file (binary or another encoding)") from None
    first = text.split("\n", 1)[0]
    try:
        if first.startswith("wof_id") or "placetype" in first.split(",")[:3]:
            rows = _wof_rows(path)
        else:
            rows = _geonames_rows(text.splitlines())
    except (ValueError, KeyError, IndexError) as exc:
        raise GazetteerImportError(f"{path.name}: a row could not be read ({type(exc).__name__}: {exc})") from None
    if not rows:
        raise GazetteerImportError(
            f"no places found in {path.name}: expected a GeoNames country dump (19 tab-separated columns, "
            "feature class P or A) or a Who's On First CSV (header wof_id, placetype, ...); nothing was added")
    out_dir = db_dir or user_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{path.name.split('.')[0]}.tsv.gz"
    target.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8")))
    load.cache_clear()
    return len(rows)
