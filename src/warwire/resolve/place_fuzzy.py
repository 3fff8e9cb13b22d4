"""Near-miss search of place names: the gazetteer's fuzzy keys bucketed by the first consonant of their
outline, filtered by character counts (numpy), scored by rapidfuzz. place_mentions asks it only for
capitalised words right after a place cue."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from warwire.resolve.gazetteer import Entry, load


def usable(e: Entry) -> bool:
    """Every shipped row counts: GeoNames towns without a population figure are administrative seats."""
    return bool(e.name)


def skeleton(key: str) -> str:
    """Consonant outline: transliterations of one Arabic name mostly differ in vowels."""
    return key.translate(_NO_VOWELS)


_NO_VOWELS = str.maketrans("", "", "aeiouyw")


class _FuzzyBucket:
    """Fuzzy keys sharing the first consonant of their outline, with each key's length and character counts
    (one row per character of _ALPHABET, one column per key) so that a query is scored only against the
    keys whose counts allow a fuzz.ratio of 74: the ratio is 200 * LCS / (len1 + len2), and the longest
    common subsequence holds at most min(count1, count2) of each character. Keys keep their order, so
    rapidfuzz breaks ties as it would over the whole bucket."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.exact = all(k.isascii() for k in keys)
        if not self.exact:
            return  # unexpected characters: no filter, every key is scored
        lens = np.fromiter((len(k) for k in keys), np.int64, len(keys))
        chars = _CHAR_ROW[np.frombuffer("".join(keys).encode("ascii"), np.uint8)]
        rows = np.repeat(np.arange(len(keys)), lens)
        counts = np.bincount(chars.astype(np.int64) * len(keys) + rows, minlength=(_OTHER + 1) * len(keys))
        self.counts = np.minimum(counts, 255).astype(np.uint8).reshape(_OTHER + 1, len(keys))
        self.lens = lens
        self._need: dict[int, np.ndarray] = {}

    def candidates(self, query: str) -> list[str]:
        """The keys that may score 74 or more against `query` (the bound is taken at 73.9: no rounding
        in rapidfuzz's cutoff can let a key through that this drops)."""
        if not self.exact or not query.isascii() or not self.keys or len(query) > 200:
            return self.keys
        common = np.zeros(len(self.keys), np.uint8)
        part = np.empty(len(self.keys), np.uint8)
        # The count as a whole row: numpy's minimum against a scalar is several times slower than two rows.
        count = np.empty(len(self.keys), np.uint8)
        for ch, n in Counter(_CHAR_ROW[np.frombuffer(query.encode("ascii"), np.uint8)].tolist()).items():
            count.fill(n)
            np.minimum(self.counts[ch], count, out=part)
            common += part
        keep = np.flatnonzero(common >= self._needed(len(query)))
        return [self.keys[i] for i in keep.tolist()]

    def _needed(self, n: int) -> np.ndarray:
        """Per key, the fewest common characters for 200 * common / (len + n) >= 73.9 (capped at 255: a
        key that long cannot pass a query of at most 200 characters)."""
        need = self._need.get(n)
        if need is None:
            need = self._need[n] = np.minimum(-(-739 * (self.lens + n) // 2000), 255).astype(np.uint8)
        return need


_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 "
_OTHER = len(_ALPHABET)  # the row counting any other character
_CHAR_ROW = np.full(256, _OTHER, np.uint8)
_CHAR_ROW[np.frombuffer(_ALPHABET.encode("ascii"), np.uint8)] = np.arange(_OTHER, dtype=np.uint8)


def fuzzy_bucket(first: str) -> _FuzzyBucket:
    """Fuzzy keys sharing the first consonant of their outline (vowel-only spellings differ first)."""
    return _fuzzy_buckets(load()).get(first) or _FuzzyBucket([])


@lru_cache(maxsize=2)
def _fuzzy_buckets(gaz) -> dict[str, _FuzzyBucket]:
    buckets: dict[str, list[str]] = {}
    for k in gaz.fuzzy_keys():
        buckets.setdefault(k.lstrip("aeiouyw")[:1], []).append(k)
    return {first: _FuzzyBucket(keys) for first, keys in buckets.items()}


def fuzzy_lookup(query: str) -> list[Entry]:
    """Gazetteer entries whose name is a near miss of `query` (normalised, 5+ characters, no stopword:
    the caller's tests), or []."""
    return list(_fuzzy_cached(query, load()))  # keyed by the gazetteer: an import makes a new one


@lru_cache(maxsize=20_000)
def _fuzzy_cached(query: str, gaz) -> tuple[Entry, ...]:
    return tuple(_fuzzy_search(query, gaz))


def _fuzzy_search(query: str, gaz) -> list[Entry]:
    choices = fuzzy_bucket(skeleton(query)[:1]).candidates(query)
    found = process.extract(query, choices, scorer=fuzz.ratio, limit=20, score_cutoff=74)
    ok = [(score, key) for key, score, _ in found
          if score >= 88 or (skeleton(key) == skeleton(query) and score >= 74)]
    if not ok:
        return []
    top = max(score for score, _ in ok)
    best = [key for score, key in ok if score == top]
    return [e for key in best for e in gaz.lookup(key) if usable(e)]
