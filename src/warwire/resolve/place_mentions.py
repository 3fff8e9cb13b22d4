"""Place names in text: an exact pass (normalised word n-grams looked up in the gazetteer index) and a
near-miss pass (place_fuzzy) only for capitalised words right after a place cue ("town of", "near", "in" ...).
`places` chooses among them and re-exports `find_place_mentions`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, compress, islice, product
from typing import NamedTuple

from warwire import data
from warwire.matching.reverse import EndPattern, reversed_before
from warwire.refs import PLACE_CUES, PLACES
from warwire.resolve.gazetteer import Entry, load, norm, norm_token, words_and_gaps
from warwire.resolve.place_fuzzy import fuzzy_lookup, usable

MAX_WORDS = 5
# Lowercase words allowed inside a capitalised place name ("Dayr al-Zor", "Rio de Janeiro").
_LINKERS = frozenset(PLACES["linkers"])
_OPENING_LINKERS = _LINKERS - {"al"}  # linkers that may not open a name
_GAP_CHARS = " \t-‐–"  # one to three of these between two words of a name


# Cue patterns (data/lang/en/places.json): those before a name end at it ($) and are tested backwards.
_CUE_BEFORE, _NEAR_RE, _REGION_BEFORE, _REGION_AFTER, _TOWN_AFTER, _TOWN_BEFORE = (
    PLACE_CUES[n] for n in ("cue_before", "near", "region_before", "region_after", "town_after", "town_before"))
_CUE_BEFORE_END, _NEAR_END, _REGION_END, _TOWN_END = map(EndPattern, (_CUE_BEFORE, _NEAR_RE, _REGION_BEFORE,
                                                                       _TOWN_BEFORE))


@dataclass
class PlaceMention:
    """A place name found in text with its gazetteer candidates (empty: a cue-marked unknown name)."""

    start: int
    end: int
    as_written: str
    candidates: list[Entry] = field(default_factory=list)
    cue: str | None = None
    lead: bool = False  # right after a locative word ("in", "near", "at"): where, not whose
    fuzzy: bool = False  # a near miss of its candidates' names, not an exact spelling


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    words = [w for line in data.lines("place_stopwords.txt", data.DEFAULT_LANG) for w in line.split()]
    return frozenset(norm_token(w) for w in words)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    rows = (line.split("\t") for line in data.lines("demonyms.tsv", data.DEFAULT_LANG))
    return {norm(name): cc.strip() for name, cc in rows}



def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _name_ok(words: list[str], nwords: list[str], stop: frozenset[str] = frozenset()) -> bool:
    """Every word of a name is capitalised, except linkers; linkers may not start or end it. A name of
    several words may go on in lowercase when the whole is a gazetteer name ("Deir ezzor", "Damascus
    countryside"), but not with an ordinary word ("Aleppo city" is the city word, not a name)."""
    if nwords[-1] in _LINKERS or nwords[0] in _OPENING_LINKERS:
        return False
    if len(words) == 1:
        return _capitalised(words[0])  # the general test below, for one word that is no linker
    if not _capitalised(words[0]) and nwords[0] != "al":
        return False
    return all(_capitalised(w) or nw in _LINKERS or (k > 0 and nw not in stop and len(words) > 1)
               for k, (w, nw) in enumerate(zip(words, nwords, strict=True))) and any(_capitalised(w) for w in words)


def _words(text: str) -> tuple[list[int], list[int], list[str], list[bool]]:
    """The starts, ends and words of the spans `tokens` finds, and joinable[i]: word i and word i+1 may
    belong to one name (only spaces or hyphens between). One re.split; offsets are running sums of the
    parts' lengths (two slices of them, not a (start, end) tuple per word: few words are ever placed)."""
    parts = words_and_gaps(text)
    ends = list(accumulate(map(len, parts)))  # word i is parts[2i + 1], after gap i
    join = list(map(_JOIN_GAPS.__contains__, islice(parts, 2, len(parts) - 1, 2)))
    join.append(False)
    return ends[:-1:2], ends[1::2], parts[1::2], join


# Every gap of one to three _GAP_CHARS (155 strings): a set lookup per gap, not a regex match.
_JOIN_GAPS = frozenset(map("".join, chain.from_iterable(product(_GAP_CHARS, repeat=n) for n in (1, 2, 3))))


class _Named(NamedTuple):
    """A key's usable entries, and what the lone-word test asks of them (fixed for a gazetteer)."""

    entries: tuple[Entry, ...]
    area: bool  # a country or an admin1 among them
    top: int  # their greatest _effective_pop (0: none)

    @classmethod
    def of(cls, entries: tuple[Entry, ...]) -> _Named:
        return cls(entries, any(e.kind in ("country", "admin1") for e in entries),
                   max(map(_effective_pop, entries), default=0))


@lru_cache(maxsize=8192)  # keyed by the gazetteer too; the same names recur in every text
def _named_entries(key: str, gaz) -> _Named:
    return _Named.of(tuple(e for e in gaz.lookup(key) if usable(e)))


def _common_word(word: str, text_lower_words: _LowerWords) -> bool:
    """A one-word name that the same text also uses in lowercase is an ordinary word there."""
    return word.lower() in text_lower_words


class _LowerWords:
    """The words a text writes in lowercase, collected at the first question (most texts never ask)."""

    def __init__(self, words: Sequence[str], lowered: Sequence[bool] | None = None) -> None:
        self._words = words
        self._lowered = lowered  # each word's islower(), when the caller has it
        self._set: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._set is None:
            lowered = self._lowered if self._lowered is not None else [w.islower() for w in self._words]
            self._set = set(compress(self._words, lowered))
        return word in self._set


def find_place_mentions(text: str) -> list[PlaceMention]:
    """Place names in `text`, exact matches first, then near misses after place cues."""
    return list(_mentions_of(text, load()))


# A document whose settings name no country asks for its names again (document_country); mentions are
# never changed once found, so the same ones are handed out.
@lru_cache(maxsize=4)
def _mentions_of(text: str, gaz) -> tuple[PlaceMention, ...]:
    return tuple(_find_place_mentions(text, gaz))


def _find_place_mentions(text: str, gaz) -> list[PlaceMention]:
    starts, stops, words, join = _words(text)
    read = _read_words(gaz, words)
    nwords, alone = read.nwords, read.alone
    lower = _LowerWords(words, read.lowered)
    stop = stopwords()
    out: list[PlaceMention] = []
    i = 0  # the first word not inside a name found
    # Only a capitalised word (or "al") that begins some gazetteer key can open a name; _may_open, with its
    # first test read from the word's facts.
    for j, longest in read.openers:
        if j < i or not (alone[j] or _opens_pair(gaz, j, nwords, join)):
            continue
        hit = _exact_at(gaz, j, words, nwords, join, stop, lower, text, starts[j], longest)
        if hit:
            n, cands = hit
            out.append(_mention(text, starts[j], stops[j + n - 1], cands))
            i = j + n
    near = _near_misses(text, starts, stops, words, nwords, join, out, read.cap, read.ends_cue)
    # A near miss over a longer name replaces an exact match on its first word ("Deir" in "Deir Sunbol").
    covered = _Covered([(n.start, n.end) for n in near if n.candidates])
    out = [m for m in out if not covered(m.start)] + near
    out.sort(key=lambda m: m.start)
    return _outside_group_names(text, out)


# Arabic group names open with a word for "front", "army", "brigade", "movement" ... and go on with
# capitalised words: "Jabhat al-Nusra", "Jaish al-Fateh", "Liwa al-Quds", "Ahrar al-Sham". Their words are
# no places (Jabhat and Quds are also village names), nor is the whole a setting.
_GROUP_OPENERS = tuple(PLACES["group_openers"])
_GROUP_TAIL = r"(?:[ -]+(?:(?:al|el|ul|wal|ash|as|ad|at|an|ar|az)[ -]+)?[A-Z][\w'’]*)+"


def _group_name_pattern() -> str:
    r"""The plain definition, \b(?:OPENERS)TAIL, with one branch per opening letter written as a literal and
    the \b after it (as a lookbehind): re then skips to the letters that can open a match (8x faster).
    Each branch keeps its openers in their order, so every match is the same."""
    branches = [rf"{c}(?<!\w[\s\S])(?:{'|'.join(w[1:] for w in _GROUP_OPENERS if w[0] == c)})"
                for c in dict.fromkeys(w[0] for w in _GROUP_OPENERS)]
    return f"(?:{'|'.join(branches)}){_GROUP_TAIL}"


_GROUP_NAME = re.compile(_group_name_pattern())


def _outside_group_names(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    spans = [(g.start(), g.end()) for g in _GROUP_NAME.finditer(text)] if found else []
    if not spans:
        return found
    covered = _Covered(spans)
    return [m for m in found if not covered(m.start)]


class _Covered:
    """Whether a position lies inside any of some spans: by bisection over their starts, with the furthest
    end reached so far, so a text's mentions are checked in n log n, not mentions x spans."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))

    def __call__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos


class _Read(NamedTuple):
    """Per word of a text (see _word_facts), and the (index, most words of a key it begins) of the words
    that may open a name."""

    cap: Sequence[bool]
    nwords: Sequence[str]
    lengths: Sequence[int]
    alone: Sequence[bool]
    ends_cue: Sequence[bool]
    lowered: Sequence[bool]
    openers: list[tuple[int, int]]


def _read_words(gaz, words: list[str]) -> _Read:
    if not words:
        return _Read((), (), (), (), (), (), [])
    cap, nwords, lengths, alone, ends_cue, lowered = zip(*map(_fact_table(gaz).__getitem__, words), strict=True)
    openers = [(i, lengths[i]) for i in compress(range(len(words)), lengths)]
    return _Read(cap, nwords, lengths, alone, ends_cue, lowered, openers)


_WordFacts = tuple[bool, str, int, bool, bool, bool]
_FACTS_KEPT = 65_536


class _FactTable(dict[str, _WordFacts]):
    """word -> _word_facts(word, gaz), filled at first sight. Every word of every text is looked up, and
    `map(table.__getitem__, words)` is one C-level dict lookup per word, a fraction of an lru_cache call
    (in the pipeline a third of `_read_words`'s time)."""

    def __init__(self, gaz) -> None:
        super().__init__()
        self.gaz = gaz

    def __missing__(self, word: str) -> _WordFacts:
        if len(self) >= _FACTS_KEPT:
            self.clear()  # bounded like a cache; the common words come back at once
        facts = self[word] = _word_facts(word, self.gaz)
        return facts


@lru_cache(maxsize=2)  # keyed by the gazetteer: an import makes a new one, and a new table
def _fact_table(gaz) -> _FactTable:
    return _FactTable(gaz)


def _word_facts(word: str, gaz) -> _WordFacts:
    """What a word alone says: _capitalised, its normalised form (a scraped possessive dropped), the most
    words of a key it may open a name of (0: none, see _opening_length), whether it may be a one-word name
    (the first test of _may_open), whether it may end a cue (_may_end_cue), and islower()."""
    cap = word[0].isupper() or word[0].isdigit()  # _capitalised (a word is never empty)
    nw = norm_token(word)
    if cap and _scraped_possessive(gaz, word, nw):
        nw = nw[:-1]
    alone = len(nw) >= 3 and nw in gaz.index and nw not in stopwords() and nw not in demonyms()
    return cap, nw, _opening_length(gaz, nw, cap), alone, _may_end_cue(word), word.islower()


def _opening_length(gaz, nw: str, cap: bool) -> int:
    """The most words of a key a word begins, if it may open a name: it is capitalised (or "al"), and a
    word that only opens one-word keys must be able to be a one-word name (not too short, a stopword, a
    demonym)."""
    if not (cap or nw == "al"):
        return 0
    longest = gaz.longest_from(nw)
    if longest > 1 or (longest and not (len(nw) < 3 or nw in stopwords() or nw in demonyms())):
        return min(MAX_WORDS, longest)
    return 0


def _may_open(gaz, j: int, nwords: list[str], join: list[bool], stop: frozenset[str], dem: dict[str, str]) -> bool:
    """The cheap test before _exact_at, which finds nothing at word j unless the word may be a one-word
    name, or it and the next word are, or begin, a key ("The", "at", "Syrian" mostly fail here)."""
    nw = nwords[j]
    return (len(nw) >= 3 and nw in gaz.index and nw not in stop and nw not in dem) or _opens_pair(gaz, j, nwords, join)


def _opens_pair(gaz, j: int, nwords: Sequence[str], join: Sequence[bool]) -> bool:
    """Word j and the next one are, or begin, a key."""
    if j + 1 >= len(nwords) or not join[j]:
        return False
    two = f"{nwords[j]} {nwords[j + 1]}"
    return two in gaz.index or gaz.opens_key(two)


def _exact_at(gaz, i, words, nwords, join, stop, lower, text: str, start: int,
              longest: int) -> tuple[int, list[Entry]] | None:
    """The longest name opening at word i, at `start` in `text` (`longest`: the most words of a key its word
    begins), or None."""
    index = gaz.index
    n_max = 1
    while n_max < longest and i + n_max < len(words) and join[i + n_max - 1]:
        n_max += 1
    # Longer keys are tried only while the words so far begin one ("Dayr al ..." yes, "al the ..." no).
    n_top = min(n_max, 2)
    while n_top < n_max and gaz.opens_key(" ".join(nwords[i:i + n_top])):
        n_top += 1
    n_max = n_top
    for n in range(n_max, 0, -1):
        key = " ".join(nwords[i:i + n])
        if len(key) < 3 or key not in index or (n == 1 and (key in stop or key in demonyms())):
            continue
        if not _name_ok(words[i:i + n], nwords[i:i + n], stop) or (n == 1 and _common_word(words[i], lower)):
            continue
        named = _named_entries(key, gaz)
        if n == 1 and words[i].isupper() and len(words[i]) <= 4:
            named = _Named.of(tuple(e for e in named.entries if e.kind == "country"))  # acronyms: "US", "UK"
        cands = list(named.entries)
        if cands and nwords[i] == "al" and i > 0 and join[i - 1] and _joined_name_word(i - 1, words, nwords, stop):
            return None  # the tail of a longer name: "Ahrar al-Sham", "Bashar al-Assad"
        if cands and n == 1 and not _lone_word_ok(i, words, nwords, join, named, stop, text, start):
            return None
        if cands:
            return n, cands
    return None


_PLACE_WORD, _LEAD_CUE, _LOCATIVE = (PLACE_CUES[n] for n in ("place_word", "lead_cue", "locative"))
_LEAD_CUE_END, _LOCATIVE_END = EndPattern(_LEAD_CUE), EndPattern(_LOCATIVE)
BIG_TOWN = 100_000


def _lone_word_ok(i, words, nwords, join, named: _Named, stop, text: str, start: int) -> bool:
    """A one-word name is a place only where the text treats it as one: a big place, or a smaller one
    after a place cue ("in", "near", "town of") or before a place word ("district"), and never a part
    of a longer capitalised name ("Bikram Thapa", "Jean-Guy", "Bashar al-Assad")."""
    if named.area:
        return True
    top = named.top
    nxt = words[i + 1] if i + 1 < len(words) and join[i] else ""
    if nxt and _PLACE_WORD.match(nxt):
        return True
    # The word before may be an owner ("Syria's Afrin", scraped "Syrias Afrin"), not a part of this name.
    in_name = i > 0 and join[i - 1] and _joined_name_word(i - 1, words, nwords, stop) and not _owner(words[i - 1])
    if nxt and nwords[i + 1] == "al" and i + 2 < len(words) and join[i + 1] and _capitalised(words[i + 2]):
        in_name = True  # the head of "Bab al-Saghir", "Ras al-Ain": another place, whatever this one's size
    elif nxt and _joined_name_word(i + 1, words, nwords, stop):
        in_name = in_name or top < BIG_TOWN
    if in_name and top < 1_000_000:
        return False
    return top >= BIG_TOWN or _LEAD_CUE_END.ends(reversed_before(text, start, 40))


_AREA_FLOOR = {"country": 5_000_000, "admin1": 500_000, "admin2": 200_000}


def _effective_pop(e: Entry) -> int:
    """Population as evidence of prominence: areas count as big places whatever their recorded
    population; a GeoNames town without a figure is listed for being a seat, so counts as a town;
    a Syrian village without one (the dense Syrian tables) counts as a hamlet. (The choosing half,
    places, weighs candidates by it too.)"""
    floor = _AREA_FLOOR.get(e.kind, 0)
    if not floor and e.population == 0:
        floor = 300 if e.syrian else 10_000
    return max(e.population, floor)


def _owner(word: str) -> bool:
    """A possessive, or a country written as one by a scraper that dropped the apostrophe ("Syrias")."""
    if word.endswith(("'s", "’s")):
        return True
    return len(word) > 4 and word.endswith("s") and any(e.kind == "country" for e in load().lookup(norm(word[:-1])))


def _joined_name_word(j, words, nwords, stop) -> bool:
    w = words[j]
    return w[:1].isupper() and nwords[j] not in stop and nwords[j] not in _LINKERS and not _PLACE_WORD.match(w)




def _scraped_possessive(gaz, word: str, nw: str) -> bool:
    """Scraped text loses the apostrophe ("Syrias Idlib", "Aleppos east"): a capitalised word that is no
    name, but is a country, region or big city plus "s", is read as that place (`nw`: its norm_token)."""
    index = gaz.index
    return len(nw) > 4 and nw[-1] == "s" and word[:1].isupper() and nw not in index and nw[:-1] in index and any(
        e.kind in ("country", "admin1") or e.population >= BIG_TOWN for e in gaz.lookup(nw[:-1]))


def _mention(text: str, start: int, end: int, cands: list[Entry]) -> PlaceMention:
    if text.endswith(("'s", "’s"), start, end) and end - start >= 5:
        end -= 2  # "Baghdad's airport": the name without its possessive
    lead = _LOCATIVE_END.ends(reversed_before(text, start, 40))
    return PlaceMention(start, end, text[start:end], cands, _cue(text, start, end), lead)


def _cue(text: str, start: int, end: int) -> str | None:
    """How the text places the event relative to the name: near, region (part of an area), town."""
    before, after = reversed_before(text, start, 60), text[end:end + 30]
    if _NEAR_END.ends(before):
        return "near"
    if _REGION_END.ends(before) or _REGION_AFTER.match(after):
        return "region"
    if _TOWN_END.ends(before) or _TOWN_AFTER.match(after):
        return "town"
    return None


def _near_misses(text, starts, stops, words, nwords, join, found: list[PlaceMention],
                 cap: Sequence[bool] | None = None, ends_cue: Sequence[bool] | None = None) -> list[PlaceMention]:
    """Capitalised names right after a place cue that the exact pass did not match (`cap`, `ends_cue`: the
    words' _capitalised and _may_end_cue, when the caller has them)."""
    cap = cap if cap is not None else [_capitalised(w) for w in words]
    ends_cue = ends_cue if ends_cue is not None else [_may_end_cue(w) for w in words]
    covered = _covered(starts, stops, found)
    # A name found may be the head of a longer one the exact pass missed, but not when the next word is
    # a place word: "Van Province" is Van's province, not a near miss of "Uva Province".
    extendable = {i for i in covered if i + 1 < len(words) and i + 1 not in covered and join[i]
                  and cap[i + 1] and (i == 0 or i - 1 not in covered) and not _PLACE_WORD.match(words[i + 1])}
    covered -= extendable
    out: list[PlaceMention] = []
    after = 0  # the first word not inside a name tried
    # Capitalised words after a word that may end a cue (the cheap half of _cue_before, done in one pass).
    tried = [k for k in compress(range(1, len(words)), islice(cap, 1, None)) if ends_cue[k - 1]]
    for i in tried:
        if i < after or i in covered or not _cue_before(text, starts, words, i):
            continue
        n = 1
        while n < 4 and i + n < len(words) and join[i + n - 1] and i + n not in covered and (
                cap[i + n] or nwords[i + n] == "al"):
            n += 1
        mention = _near_miss_at(text, starts, stops, words, nwords, i, n, 2 if i in extendable else 1)
        if mention:
            out.append(mention)
        after = i + n
    return out


def _covered(starts: list[int], stops: list[int], found: list[PlaceMention]) -> set[int]:
    """Indexes of the words lying inside a found mention (words are sorted and do not overlap)."""
    covered: set[int] = set()
    for m in found:
        i = bisect_left(starts, m.start)  # the first word starting at or after m.start
        while i < len(starts) and starts[i] < m.end:  # a word cut short by its possessive is inside
            covered.add(i)
            i += 1
    return covered


# Last words of the _CUE_BEFORE cues ("of", its @cue_words) and "the": the word before a cue-marked name
# must end with one.
_CUE_ENDS = ("of", *PLACES["sets"]["@cue_words"], "the")


def _may_end_cue(word: str) -> bool:
    return not word.isascii() or word.lower().endswith(_CUE_ENDS)


def _cue_before(text: str, starts: list[int], words: list[str], i: int) -> bool:
    """_CUE_BEFORE on the 40 characters before word i; most words fail the cheap test on the word before
    (a non-ascii word always gets the regex, whose case rules go beyond str.lower)."""
    if i == 0 or not _may_end_cue(words[i - 1]):
        return False  # a cue is made of letters, so it is a word before this one
    return _CUE_BEFORE_END.ends(reversed_before(text, starts[i], 40))


def _near_miss_at(text, starts, stops, words, nwords, i, n, min_words) -> PlaceMention | None:
    stop = stopwords()
    if nwords[i] in stop or words[i].isupper() and len(words[i]) <= 4 or _lower_in(text, words[i]):
        return None
    demonym = nwords[i] in demonyms()  # "at the Indian consulate": a demonym, not a near miss of "Indiana"
    if n == 1 and demonym:
        return None
    for k in range(n, min_words - 1, -1):
        if nwords[i + k - 1] == "al" or (k == 1 and demonym):
            continue
        query = " ".join(nwords[i:i + k])
        cands = fuzzy_lookup(query) if len(query) >= 5 and query not in stop else []
        if cands:
            mention = _mention(text, starts[i], stops[i + k - 1], cands)
            mention.fuzzy = True
            return mention
    if min_words > 1 or not _unknown_name_ok(text, words[i:i + n], nwords[i:i + n]):
        return None
    end = stops[i + n - 1] if nwords[i + n - 1] != "al" else stops[i + n - 2]
    return PlaceMention(starts[i], end, text[starts[i]:end], [], _cue(text, starts[i], end))


def _unknown_name_ok(text: str, words: list[str], nwords: list[str]) -> bool:
    """An unknown name after a cue must look like a name: it starts with a letter, and none of its words
    is an ordinary word (a stopword, or one the text also writes in lowercase: headline case
    "Killed in Rocket Attacks")."""
    if not words[0][:1].isalpha():
        return False
    stop = stopwords()
    for w, nw in zip(words, nwords, strict=True):
        if nw in stop or w[:1].isdigit() or (nw not in _LINKERS and _lower_in(text, w)):
            return False
    return True


def _lower_in(text: str, word: str) -> bool:
    """Whether the text also writes `word` in lowercase, as a whole word (not inside a hyphenated one)."""
    low = word.lower()
    if low == word:
        return False
    if _WORD_CHARS.fullmatch(low):
        # Word characters only: such an occurrence, with no word character or hyphen on either side, is
        # exactly one of the text's maximal runs of word characters and hyphens.
        return low in _word_runs(text)
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


_WORD_CHARS = re.compile(r"\w+")
_RUN_RE = re.compile(r"[\w-]+")


@lru_cache(maxsize=4)
def _word_runs(text: str) -> frozenset[str]:
    return frozenset(_RUN_RE.findall(text))
