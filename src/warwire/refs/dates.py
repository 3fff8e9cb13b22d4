"""Date phrases: find them in text (regex only) and resolve them against a publication date.

`find_date_mentions` is a single compiled regex: fast enough to run over every document.
`resolve_date` parses the common forms itself (weekdays, month-day, ranges, relative words) because
dateparser is slow and gets several of them wrong for news: with PREFER_DATES_FROM=past it reads
"on Thursday" in a Thursday article as the week before, and "January 16-22" as the year 1922.
dateparser is only the fallback for rarer wordings, and results are cached.

Conventions (see also `resolve_date`):
- A year is never invented: no year in the phrase and none in the publication date -> year None.
- "last week" is the previous calendar week, Monday to Sunday (precision "week").
- "this week" / "earlier this week" run from the Monday of the publication week to publication day.
- "earlier this month", "last month", "in August" are precision "month" (day None).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from warwire.model import EventDate, PartialDate

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}


@dataclass(frozen=True)
class DateMention:
    """A date phrase in a text: `as_written == text[start:end]`.

    kind: range | day | month | year | overnight | relative | weekday.
    """

    start: int
    end: int
    as_written: str
    kind: str


# --- finding -------------------------------------------------------------------------------------


def _names(words: list[str]) -> str:
    """Capitalised and upper-case forms, longest first, as a whole word; short forms may take a dot."""
    return "(?:" + "|".join(f + _dot(f) for f in _name_forms(words)) + r")(?![A-Za-z])"


def _name_forms(words: list[str]) -> list[str]:
    return sorted({f for w in words for f in (w.capitalize(), w.upper())}, key=len, reverse=True)


def _dot(form: str) -> str:
    return r"\.?" if len(form) <= 4 and form.lower() not in ("may", "june", "july") else ""


_MONTH = _names(list(MONTHS))
_WDAY = _names([w for w in WEEKDAYS if len(w) > 4])
_WDAY_ANY = _names(list(WEEKDAYS))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d,-]\d)(?!s\b)"
_YR = rf"(?:,?\s+{_YEAR})"
_DASH = r"\s*(?:-|–|—|(?i:to|through|until|till))\s*"
_PRE = (r"(?:(?i:on|in|during|since|from|until|till|by|at\s+midnight\s+on|midnight\s+on|at\s+noon\s+on"
        r"|early|late)\s+)?")
_MD = rf"{_MONTH}\s*{_DAY}"  # January 22, Jan. 25
_DM = rf"(?<![\d.,]){_DAY}(?:\s+(?i:of))?\s*{_MONTH}"  # 22 January, 12February, 22nd of January
_TIME_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night|overnight))?"

_PATTERNS = {
    "range": "|".join([
        rf"(?i:between)\s+{_MONTH}\s*{_DAY}\s+(?i:and)\s+(?:{_MONTH}\s*)?{_DAY}{_YR}?",
        rf"(?i:between)\s+{_DAY}\s+(?i:and)\s+{_DM}{_YR}?",
        rf"{_PRE}{_MD}{_DASH}(?:{_MONTH}\s*)?{_DAY}{_YR}?",
        rf"{_PRE}(?<![\d.,]){_DAY}{_DASH}{_DM}{_YR}?",
        rf"{_PRE}{_DM}{_DASH}{_DM}{_YR}?",
    ]),
    "overnight": rf"(?i:overnight\s+(?:into|to))\s+(?:{_MD}|{_DM}|{_WDAY}){_YR}?",
    "day": "|".join([
        rf"{_PRE}(?:{_WDAY_ANY},?\s+)?{_MD}{_YR}?",
        rf"{_PRE}(?:{_WDAY_ANY},?\s+)?{_DM}{_YR}?",
        r"(?<![\d-])(?:1[89]\d\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)",
    ]),
    "month": "|".join([
        rf"{_PRE}(?:(?i:mid)-?\s*)?{_MONTH},?\s+{_YEAR}",
        rf"(?:(?i:in|since|during|until|by|throughout|early|late|last|this|next)\s+|(?i:mid)-\s*){_MONTH}"
        r"(?!\s*\d)",
    ]),
    "year": rf"(?i:(?:in|since|during|until|by|throughout)(?:\s+(?:early|late|mid-?))?|early|late|mid-)\s*"
    rf"(?<![\d])(?:{_YEAR})",
    "relative": r"(?i:(?:the\s+day\s+before\s+)?yesterday|(?<!USA\s)today|tonight|last\s+night"
    r"|(?:early\s+|earlier\s+|later\s+)?this\s+(?:morning|afternoon|evening|week|month|year)"
    r"|earlier\s+today|(?:the\s+)?(?:last|past|previous)\s+(?:week|month|year)"
    r"|(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:day|week|month|year)s?\s+ago"
    r")(?![A-Za-z])",
    "weekday": rf"(?:(?i:on|last|this|next|past|early|late|since|until|by|from)\s+){{0,2}}{_WDAY}"
    rf"(?:'s)?{_TIME_OF_DAY}",
}
# A phrase starts at a word start: the lookbehind makes most window positions fail at once.
_WORD_START = r"(?<![A-Za-z0-9])"
_FIND = re.compile(_WORD_START + "(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _PATTERNS.items()) + ")")
_PHRASE_START = re.compile(_WORD_START)  # the places _FIND can open a match


# Every date phrase holds one of these words (any case, at a word start, perhaps as the start of a longer
# word), a month or weekday name, or a year; the full pattern runs only in a window around them (running
# it at every position of a long text is ~20x slower).
_TRIGGER_WORDS = ("yesterday", "today", "tonight", "night", "morning", "afternoon", "evening", "week", "month",
                  "year", "ago")


def _trigger_pattern() -> str:
    """The plain definition is
    (?<![A-Za-z])(?:(?i:WORDS)|_names(MONTHS)|_WDAY_ANY)|(?<!\\d)(?:1[89]|20)\\d\\d(?!\\d).
    Here it is split into one branch per opening character, written as a literal with the word-start
    lookbehind after it: a pattern whose branches all open with a literal lets re skip to the characters
    that can open a match (about three times faster). Each branch keeps the plain definition's alternatives
    for its character, in their order, so every match is the same. (No character outside ascii folds to
    the words' first letters under re.IGNORECASE.)"""
    names = [_name_forms(list(MONTHS)), _name_forms(list(WEEKDAYS))]
    firsts = [c for w in _TRIGGER_WORDS for c in (w[0], w[0].upper())] + [f[0] for fs in names for f in fs]
    branches = []
    for c in dict.fromkeys(firsts):
        words = [w[1:] for w in _TRIGGER_WORDS if w[0] == c.lower()]
        alts = [f"(?i:{'|'.join(words)})"] if words else []
        for fs in names:
            tails = [f[1:] + _dot(f) for f in fs if f[0] == c]
            alts += [f"(?:{'|'.join(tails)})(?![A-Za-z])"] if tails else []
        branches.append(rf"{c}(?<![A-Za-z][\s\S])(?:{'|'.join(alts)})")
    return "|".join([*branches, r"1(?<!\d[\s\S])[89]\d\d(?!\d)", r"2(?<!\d[\s\S])0\d\d(?!\d)"])


_TRIGGER = re.compile(_trigger_pattern())
_BEFORE, _AFTER = 25, 60  # window around a trigger word: longest prefix / suffix of a phrase


def _phrase_by(text: str, lo: int, at: int, hi: int) -> re.Match[str] | None:
    """_FIND.search(text, lo, hi) if its match starts by `at` (the trigger word), else None. Only word
    starts up to `at` itself are tried: a plain search would go on through the rest of the window, where
    any match it found would be dropped."""
    for start in _PHRASE_START.finditer(text, lo, at):
        m = _FIND.match(text, start.start(), hi)
        if m is not None:
            return m
    return None


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date phrase in `text`, left to right, non-overlapping (longest form wins at a position)."""
    found: list[DateMention] = []
    last_end = 0
    for trig in _TRIGGER.finditer(text):
        if trig.start() < last_end:
            continue
        m = _phrase_by(text, max(last_end, trig.start() - _BEFORE), trig.start(), trig.end() + _AFTER)
        if m is None:
            continue
        found.append(DateMention(m.start(), m.end(), m.group(0), m.lastgroup or "day"))
        last_end = m.end()
    return found


# --- calendar arithmetic on partial dates ---------------------------------------------------------


def _to_date(p: PartialDate) -> date | None:
    if p.year and p.month and p.day:
        try:
            return date(p.year, p.month, p.day)
        except ValueError:
            return None
    return None


def _from_date(d: date, keep_year: bool = True) -> PartialDate:
    return PartialDate(d.year if keep_year else None, d.month, d.day)


def _shift(p: PartialDate, days: int) -> PartialDate | None:
    """`p` moved by `days`; a year-less `p` stays year-less (None when a Feb 29 makes it ambiguous)."""
    full = _to_date(p)
    if full:
        return _from_date(full + timedelta(days=days))
    if not (p.month and p.day):
        return None
    results = set()
    for ref in (2001, 2004):  # a common and a leap year: they differ only across February 29
        try:
            results.add((date(ref, p.month, p.day) + timedelta(days=days)).timetuple()[1:3])
        except ValueError:
            return None
    if len(results) != 1:
        return None
    month, day = results.pop()
    return PartialDate(None, month, day)


def _weekday_of(p: PartialDate | None, hint: int | None) -> int | None:
    full = _to_date(p) if p else None
    return full.weekday() if full else hint


def _day(p: PartialDate | None, text: str) -> EventDate:
    if p is None:
        return EventDate(None, None, "unknown", text)
    return EventDate(p, None, "day", text)


def _year_for(month: int, day: int | None, pub: PartialDate | None) -> int | None:
    """Year of a year-less month(-day): the publication year, or the one before if the date would
    fall more than a day after publication."""
    if pub is None or pub.year is None:
        return None
    if pub.month is None:
        return pub.year
    if day is None:
        return pub.year - 1 if month > pub.month else pub.year
    try:
        cand = date(pub.year, month, day)
    except ValueError:
        return pub.year - 1 if month == 2 and day == 29 else None
    limit = date(pub.year, pub.month, pub.day or 28) + timedelta(days=1)
    return pub.year - 1 if cand > limit else pub.year


def _valid(year: int | None, month: int, day: int | None) -> bool:
    try:
        date(year or 2004, month, day or 1)
    except ValueError:
        return False
    return True


# --- resolving ------------------------------------------------------------------------------------

_M = "(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_W = "(?P<{}>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_D, _Y = r"(?P<{}>\d{{1,2}})", r"(?P<{}>\d{{4}})"
_CONN = r"(?:-| to | through | until | till | and )"
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(rx.format(m=_M.format("m"), m2=_M.format("m2"), d=_D.format("d"), d2=_D.format("d2"),
                                y=_Y.format("y"), w=_W.format("w"))))
    for kind, rx in [
        ("iso", r"{y}-(?P<m>\d{{1,2}})-{d}"),
        ("weekday", r"(?:(?P<which>last|next|this|past) )?{w}"),
        ("range", r"{m} {d}" + _CONN + r"(?:{m2} )?{d2}(?: {y})?"),
        ("range", r"{d}" + _CONN + r"{d2} (?:of )?{m2}(?: {y})?"),
        ("range", r"{d} (?:of )?{m}" + _CONN + r"{d2} (?:of )?{m2}(?: {y})?"),
        ("day", r"(?:{w} )?{m} {d}(?: {y})?"),
        ("day", r"(?:{w} )?{d} (?:of )?{m}(?: {y})?"),
        ("month", r"{m}(?: {y})?"),
        ("year", r"{y}"),
    ]
]
_LEAD = re.compile(
    r"^(?:(?:on|at|around|about|since|from|in|during|throughout|by|until|till|between|the night of"
    r"|midnight|noon|early|late|mid)(?: |-|$))+")
_TRAIL = re.compile(r"(?: (?:morning|afternoon|evening|night|overnight|hours))+$")
_OVERNIGHT = re.compile(r"^overnight (?:into|to) ")
_AGO = re.compile(r"(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r") (?P<unit>day|week|month|year)s? ago")


def _normalise(text: str) -> str:
    s = text.lower().replace("’", "'").replace("'s", "")
    s = re.sub(r"[–—]", "-", s)
    s = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"(\d)([a-z])", r"\1 \2", s)  # "12february" -> "12 february"
    s = re.sub(r"[.,()/]", " ", s)
    s = re.sub(r"\s*-\s*", "-", s)
    return re.sub(r"\s+", " ", s).strip()


def resolve_date(
    mention_text: str, published: PartialDate | None, *, weekday: int | None = None
) -> EventDate:
    """Resolve a date phrase ("on Thursday", "January 16-22", "last week") against the publication date.

    `weekday` (0 = Monday) is the publication day's weekday when `published` has no year (a dateline
    "MOSCOW, January 23" with "said on Thursday", see `dateline_weekday_hint`): weekdays then resolve
    to a month/day with year None. The result's `as_written` is `mention_text` as given.
    """
    start, end, precision = _resolve_cached(_normalise(mention_text), published, weekday)
    return EventDate(start, end, precision, mention_text)  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def _resolve_cached(
    norm: str, pub: PartialDate | None, hint: int | None
) -> tuple[PartialDate | None, PartialDate | None, str]:
    overnight = _OVERNIGHT.match(norm)
    led = _LEAD.sub("", norm[overnight.end():] if overnight else norm).strip("- ")
    core = _TRAIL.sub("", led)  # "Saturday night" -> "saturday"; "this morning" is looked up whole
    res = _relative(led, pub, hint) or _relative(core, pub, hint) or _forms(core, pub, hint)
    res = res or _fallback(core, pub)
    if overnight and res[0] is not None and res[2] == "day":
        return (_shift(res[0], -1), res[0], "days")
    return res


_Res = tuple[PartialDate | None, PartialDate | None, str]
_UNKNOWN: _Res = (None, None, "unknown")


def _forms(core: str, pub: PartialDate | None, hint: int | None) -> _Res | None:
    for kind, rx in _FORMS:
        m = rx.fullmatch(core)
        if not m:
            continue
        g = m.groupdict()
        if kind == "weekday":
            return _weekday(WEEKDAYS[g["w"]], g.get("which"), pub, hint)
        y = int(g["y"]) if g.get("y") else None
        if kind == "year":
            return (PartialDate(y), None, "year") if y and 1800 <= y <= 2100 else _UNKNOWN
        if kind == "range":
            return _range(g, y, pub)
        month = int(g["m"]) if g["m"].isdigit() else MONTHS[g["m"]]
        if kind == "month":
            return (PartialDate(y or _year_for(month, None, pub), month), None, "month")
        return _month_day(month, int(g["d"]), y, pub)
    return None


def _month_day(month: int, day: int, year: int | None, pub: PartialDate | None) -> _Res:
    if not 1 <= month <= 12 or not _valid(year, month, day):
        return _UNKNOWN
    return (PartialDate(year or _year_for(month, day, pub), month, day), None, "day")


def _range(g: dict[str, str | None], year: int | None, pub: PartialDate | None) -> _Res:
    m1 = MONTHS[g["m"] or ""] if g.get("m") else None
    m2 = MONTHS[g["m2"] or ""] if g.get("m2") else None
    m1, m2 = m1 or m2, m2 or m1
    d1, d2 = int(g["d"] or 0), int(g["d2"] or 0)
    if m1 is None or m2 is None or not (_valid(None, m1, d1) and _valid(None, m2, d2)):
        return _UNKNOWN
    y2 = year or _year_for(m2, d2, pub)
    y1 = y2 - 1 if y2 and (m1, d1) > (m2, d2) else y2
    if (m1, d1) == (m2, d2):
        return (PartialDate(y1, m1, d1), None, "day")
    return (PartialDate(y1, m1, d1), PartialDate(y2, m2, d2), "days")


def _weekday(wd: int, which: str | None, pub: PartialDate | None, hint: int | None) -> _Res:
    """The weekday on or before publication ("on Thursday" in a Thursday article is that day);
    "last X" is strictly before; "next X" strictly after."""
    pw = _weekday_of(pub, hint)
    if pub is None or pw is None:
        return _UNKNOWN
    if which == "next":
        offset = (wd - pw) % 7 or 7
    elif which in ("last", "past"):
        offset = -((pw - wd) % 7 or 7)
    else:
        offset = -((pw - wd) % 7)
    day = _shift(pub, offset)
    return (day, None, "day") if day else _UNKNOWN


def _relative(core: str, pub: PartialDate | None, hint: int | None) -> _Res | None:
    handler = _RELATIVE.get(core)
    if handler is not None:
        return handler(pub, hint) if pub is not None else _UNKNOWN
    m = _AGO.fullmatch(core)
    if not m:
        return None
    if pub is None:
        return _UNKNOWN
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
    unit = m["unit"]
    if unit in ("day", "week"):
        day = _shift(pub, -n * (7 if unit == "week" else 1))
        return (day, None, unit if unit == "week" else "day") if day else _UNKNOWN
    if unit == "month":
        return _month_offset(pub, -n)
    return (PartialDate(pub.year - n), None, "year") if pub.year else _UNKNOWN


def _days_back(n: int) -> Callable[..., _Res]:
    def handler(pub: PartialDate, hint: int | None) -> _Res:
        day = _shift(pub, -n)
        return (day, None, "day") if day else _UNKNOWN

    return handler


def _week(previous: bool) -> Callable[..., _Res]:
    """Calendar week: "last week" = Monday..Sunday before the publication week; "this week" =
    Monday of the publication week..publication day."""

    def handler(pub: PartialDate, hint: int | None) -> _Res:
        pw = _weekday_of(pub, hint)
        if pw is None:
            return _UNKNOWN
        monday = _shift(pub, -pw - (7 if previous else 0))
        end = _shift(pub, -pw - 1) if previous else pub
        return (monday, end, "week") if monday and end else _UNKNOWN

    return handler


def _past_week(pub: PartialDate, hint: int | None) -> _Res:
    """"the past week": the seven days up to publication."""
    start = _shift(pub, -7)
    return (start, pub, "week") if start and pub.day else _UNKNOWN


def _month_offset(pub: PartialDate, n: int) -> _Res:
    if pub.month is None:
        return _UNKNOWN
    total = pub.month - 1 + n
    year = pub.year + total // 12 if pub.year else None
    return (PartialDate(year, total % 12 + 1), None, "month")


def _year_offset(n: int) -> Callable[..., _Res]:
    def handler(pub: PartialDate, hint: int | None) -> _Res:
        return (PartialDate(pub.year + n), None, "year") if pub.year else _UNKNOWN

    return handler


_RELATIVE: dict[str, Callable[..., _Res]] = {
    **dict.fromkeys(["today", "tonight", "this morning", "this afternoon", "this evening",
                     "earlier today", "early this morning", "earlier this morning", "later today"],
                    _days_back(0)),
    **dict.fromkeys(["yesterday", "last night"], _days_back(1)),
    "the day before yesterday": _days_back(2),
    **dict.fromkeys(["last week", "previous week", "the previous week"], _week(True)),
    **dict.fromkeys(["this week", "earlier this week", "later this week"], _week(False)),
    **dict.fromkeys(["the past week", "the last week", "past week"], _past_week),
    **dict.fromkeys(["this month", "earlier this month", "later this month"],
                    lambda pub, hint: _month_offset(pub, 0)),
    **dict.fromkeys(["last month", "the last month", "the past month", "previous month",
                     "the previous month", "past month"], lambda pub, hint: _month_offset(pub, -1)),
    **dict.fromkeys(["this year", "earlier this year", "later this year"], _year_offset(0)),
    **dict.fromkeys(["last year", "the last year", "the past year", "previous year",
                     "the previous year", "past year"], _year_offset(-1)),
}


def _fallback(core: str, pub: PartialDate | None) -> _Res:
    """dateparser for wordings the rules do not cover. Only used with a full publication date or a
    year written in the phrase, so that no year is ever invented."""
    has_year = re.search(r"\b(?:1[89]|20)\d\d\b", core) is not None
    base = _to_date(pub) if pub else None
    if (base is None and not has_year) or not re.search(r"[a-z0-9]", core):
        return _UNKNOWN
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    data = _parser(tuple(sorted(settings.items()))).get_date_data(core)
    d = data.date_obj
    if d is None:
        return _UNKNOWN
    period = data.period or "day"
    if period == "year":
        return (PartialDate(d.year), None, "year")
    if period == "month":
        return (PartialDate(d.year, d.month), None, "month")
    return (PartialDate(d.year, d.month, d.day), None, "week" if period == "week" else "day")


@lru_cache(maxsize=8)
def _parser(settings: tuple[tuple[str, object], ...]):  # noqa: ANN202 (a dateparser object)
    from dateparser.date import DateDataParser  # slow import: only when a fallback is needed

    return DateDataParser(languages=["en"], settings=dict(settings))


def parse_iso(value: str | None) -> PartialDate | None:
    """'2016-10-23' (or '2016-10', '2016') -> PartialDate; anything else -> None."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip()[:10])
    if not m:
        return None
    y, mo, d = (int(g) if g else None for g in m.groups())
    try:
        date(y or 0, 1 if mo is None else mo, 1 if d is None else d)  # a real date: no month 0 or 13, no 30 February
    except ValueError:
        return None
    return PartialDate(y, mo, d)
