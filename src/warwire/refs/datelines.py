"""The publication date as the text itself gives it: a "Publish Date:" line, a dateline
("MOSCOW, January 23. /TASS/", "KABUL, Afghanistan (Jan. 25, 2013)") or a date opening a line
("Wed 05 Apr 2017 ..."). Update times ("Updated in: 14 June 2021") are never the publication date.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from warwire.model import PartialDate
from warwire.refs.dates import WEEKDAYS, DateMention, find_date_mentions, resolve_date

HEAD_CHARS = 600  # publication dates sit in the page head; deeper dates are event dates
_SKIP_LINE = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)
_KEYWORD_BEFORE = re.compile(
    r"\b(?:publish(?:ed)?|publication|posted|date|released)\b(?:\s+(?:date|on|at))?\s*[:\-–]?\s*\(?$",
    re.IGNORECASE,
)
_WORD = r"[A-Z][A-Za-z.'\-]+"
_DATELINE_BEFORE = re.compile(
    rf"^\s*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:,\s*{_WORD}(?:\s+{_WORD})*)?\s*[,(–—\-]\s*\(?$")
_PREPOSITION = re.compile(r"(?i)(?:on|in|during|since|from|until|till|by|at|midnight|early|late)\b")
# "24.08.2013", "15-09-2013" opening a line (Sputnik, Al Manar): day first, as those outlets write it.
_NUMERIC_START = re.compile(r"^\s*(\d{1,2})([.\-/])(\d{1,2})\2((?:19|20)\d\d)(?!\d)")
_SAID_ON = re.compile(
    r"\b(?:said|says|reported|announced|stated|added|told\s+\w+(?:\s+\w+)?)\s+(?:on\s+)?"
    r"(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _lines(head: str) -> list[str]:
    return [line for line in head.splitlines() if line.strip() and not _SKIP_LINE.match(line)]


def _date_of(mention: DateMention, need_year: bool) -> PartialDate | None:
    start = resolve_date(mention.as_written, None).start
    if start is None or start.month is None or (need_year and start.year is None):
        return None
    return start


def _numeric_start(line: str) -> PartialDate | None:
    m = _NUMERIC_START.match(line)
    if not m:
        return None
    day, month, year = int(m[1]), int(m[3]), int(m[4])
    if month > 12 >= day:  # clearly month first
        day, month = month, day
    try:
        date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def find_publication_date(text: str) -> PartialDate | None:
    """The publication date found in the first ~600 characters of `text`, or None.

    Order: a date after "Publish Date:" / "Published" / "Posted"; then, first in the text, a date
    with a year opening a line or a dateline date (year None when the dateline has none).
    """
    lines = _lines(text[:HEAD_CHARS])
    for line in lines:
        for m in find_date_mentions(line):
            if m.kind == "day" and _KEYWORD_BEFORE.search(line[: m.start]):
                found = _date_of(m, need_year=False)
                if found:
                    return found
    for line in lines:
        if found := _numeric_start(line):
            return found
        for m in find_date_mentions(line):
            if m.kind != "day":
                continue
            before = line[: m.start]
            opens = not before.strip() and not _PREPOSITION.match(m.as_written)
            if opens and (found := _date_of(m, need_year=True)):
                return found
            if _DATELINE_BEFORE.match(before) and (found := _date_of(m, need_year=False)):
                return found
    return None


@lru_cache(maxsize=8)  # asked once by build_events and again by resolve_events for each document
def dateline_weekday_hint(text: str, published: PartialDate | None = None) -> int | None:
    """The publication day's weekday (0 = Monday) from "said on Thursday" in the opening of `text`.

    For a year-less dateline ("MOSCOW, January 23", published month 1 day 23, year None) this lets
    `resolve_date(..., weekday=hint)` place "on Tuesday" at January 21, still with year None: the
    weekday is never used to guess a year. Returns None when the text has no such phrase, or when
    `published` lacks a month and day (nothing to anchor the weekday to).
    """
    if published is not None and (published.month is None or published.day is None):
        return None
    m = _SAID_ON.search(text[: HEAD_CHARS + 400])
    return WEEKDAYS[m["w"].lower()] if m else None
