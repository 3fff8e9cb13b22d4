"""Where and when each sentence is set: the place and date references extraction groups events by and
resolve reads again, so both stages share them from here, below both (with date parsing: `refs.dates`,
wire datelines: `refs.datelines`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Protocol

import pycountry

from warwire import data
from warwire.lexicon import load as load_lexicon
from warwire.model import EventDate, PartialDate
from warwire.refs.dates import DateMention, resolve_date

# "MOSCOW, January 23. /TASS/", "TEHRAN (defapress)-", "KHEIMEMIM –": where the story was filed.
DATELINE = re.compile(r"[A-Z][A-Z'’.\- ]{2,40}(?:,|\s*\(|\s+[–—-])")
PLACES = data.load_json("places.json", data.DEFAULT_LANG)  # the English place cues, with why and example
PLACE_CUES = {rule["name"]: re.compile(data.expand(rule["pattern"], PLACES["sets"]), re.I) for rule in PLACES["cues"]}
# "Ankara-backed", "UK-based": a patron or a base, not where the event happened.
DESCRIPTOR = PLACE_CUES["descriptor"]


@dataclass(frozen=True)
class PlaceRef:
    as_written: str
    country: str | None
    admin1: str | None
    kind: str | None  # gazetteer kind of the chosen entry; None when unknown
    start: int = 0  # offset of the mention in the document

    def compatible(self, other: PlaceRef) -> bool:
        if self.country and other.country and self.country != other.country:
            return False
        if self.admin1 and other.admin1:
            return self.admin1 == other.admin1
        return True  # a name the gazetteer lacks cannot contradict a known one


@dataclass(frozen=True)
class DateRef:
    as_written: str
    start: int | None  # day ordinal; years unknown on both sides compare within one year
    end: int | None
    coarse: bool  # week, month or year precision
    # The phrase resolved against the publication date (refs.dates.resolve_date): the event keeps it, so
    # nothing parses the phrase a second time.
    resolved: EventDate | None = field(default=None, compare=False)

    def compatible(self, other: DateRef) -> bool:
        if self.start is None or other.start is None:
            return True
        if self.coarse or other.coarse:
            return self.start <= (other.end or other.start) and other.start <= (self.end or self.start)
        return abs(self.start - other.start) <= 1

    def before(self, other: DateRef) -> bool:
        """Over before the other began (by more than a day)."""
        if self.start is None or other.start is None:
            return False
        return (self.end or self.start) < other.start - 1


class PlaceSpan(Protocol):
    """A place name found in the text (resolve.place_mentions.PlaceMention)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def as_written(self) -> str: ...
    @property
    def cue(self) -> str | None: ...


class PlaceEntry(Protocol):
    """The gazetteer entry chosen for a place name (resolve.gazetteer.Entry)."""

    @property
    def country(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class Mentions:
    """What resolve found in a document for extraction to group events by: each place name with its chosen
    entry (None: a name the gazetteer lacks), and the date phrases (refs.dates.DateMention)."""

    places: Sequence[tuple[PlaceSpan, PlaceEntry | None]]
    dates: Sequence[DateMention]


def place_ref(mention: PlaceSpan, entry: PlaceEntry | None) -> PlaceRef:
    if entry is None:
        return PlaceRef(mention.as_written, None, None, None, mention.start)
    return PlaceRef(mention.as_written, entry.country, entry.admin1, entry.kind, mention.start)


LOCATIVE = PLACE_CUES["setting_locative"]  # "in Homs", "the city of Aleppo", "from northern Idlib"


# build_events asks both questions of every place mention, and resolve_events asks them again of the same
# mentions of the same text: the second asking is a cache hit.
@lru_cache(maxsize=512)
def is_setting(text: str, start: int, end: int) -> bool:
    """Can this place mention say where something happened (not a dateline, not 'Ankara-backed',
    not a demonym such as 'Syrian')?"""
    if text[start:end].lower() in load_lexicon().demonyms:
        return False
    return not in_dateline(text, start) and not DESCRIPTOR.match(text, end)


@lru_cache(maxsize=512)
def is_locative(text: str, start: int) -> bool:
    """'in Homs', 'the city of Aleppo', 'near Idlib', "Syria's Idlib": a setting, unlike 'Washington
    and its allies'."""
    before = text[max(0, start - 40) : start]
    if LOCATIVE.search(before):
        return True
    owner = re.search(r"([A-Za-z]+?)(?:['’]?s)\s+$", before)  # "Syria's Idlib" ("Syrias" once scraped)
    return owner is not None and owner.group(1).lower() in country_words()


@cache
def country_words() -> frozenset[str]:
    names = {c.name.lower() for c in pycountry.countries}
    names |= {getattr(c, "common_name", c.name).lower() for c in pycountry.countries}
    return frozenset(n for n in names if " " not in n)


def in_stamp(text: str, start: int, published: PartialDate | None) -> bool:
    """A date in the page's opening stamp ('Wed 01 Oct 2014', 'Date of publication 25 April 2017')."""
    return start < 80 and published is not None and not text[:start].rstrip().endswith((" on", " On"))


def in_dateline(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start < 45 and bool(DATELINE.match(text, line_start)) and text[start:start + 1].isupper() \
        and text[start:start + 2].isupper()


def date_ref(as_written: str, published: PartialDate | None, weekday: int | None) -> DateRef:
    resolved = resolve_date(as_written, published, weekday=weekday)
    start, end = _ordinal(resolved.start), _ordinal(resolved.end)
    coarse = resolved.precision in ("week", "month", "year")
    if coarse and resolved.start and resolved.start.day is None:
        start, end = _month_span(resolved)
        part = as_written.lower().split()[0]
        if start is not None and part in PART_OF_MONTH:  # "early April": its first ten days
            start, end = start + PART_OF_MONTH[part][0], start + PART_OF_MONTH[part][1]
    resolved.as_written = as_written
    return DateRef(as_written, start, end, coarse, resolved)


PART_OF_MONTH = {"early": (0, 9), "mid": (10, 19), "mid-": (10, 19), "late": (20, 30)}


def _ordinal(p: PartialDate | None) -> int | None:
    if p is None or p.month is None or p.day is None:
        return None
    try:
        return date(p.year or 2000, p.month, p.day).toordinal()
    except ValueError:
        return None


def _month_span(resolved: EventDate) -> tuple[int | None, int | None]:
    p = resolved.start
    if p is None or p.month is None:
        return None, None
    first = date(p.year or 2000, p.month, 1).toordinal()
    end_p = resolved.end or p
    last_month = end_p.month or p.month
    nxt = date((end_p.year or p.year or 2000) + (last_month == 12), last_month % 12 + 1, 1).toordinal()
    return first, nxt - 1
