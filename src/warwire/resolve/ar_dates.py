"""Dates in Arabic text (normalised): "12 آذار 2023", "السبت 12 من شهر تموز الجاري", "12/3/2023", "أمس",
"فجر اليوم", "يوم السبت", and Hijri dates ("5 رمضان 1444 هـ", converted by the tabular Islamic calendar,
which can differ by a day from a sighted month)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from warwire.extraction.ar.normalise import norm_word
from warwire.extraction.ar.pack import load
from warwire.model import EventDate, PartialDate


@dataclass(frozen=True)
class ArDate:
    start: int  # offsets in the normalised text
    end: int
    date: EventDate
    explicit: bool = True  # a calendar date, not a day counted from publication ('أمس', 'يوم السبت')


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, object]:
    data = load("dates")
    months = {norm_word(w): int(m) for m, ws in data["months"].items() for w in ws}
    hijri = {norm_word(w): int(m) for m, ws in data["hijri_months"].items() for w in ws}
    weekdays = {norm_word(w): int(d) for d, ws in data["weekdays"].items() for w in ws}
    relative = {norm_word(w): int(d) for d, ws in data["relative"].items() for w in ws}
    this_year = [norm_word(w) for w in data["this_year"]]
    last = [norm_word(w) for w in data["last_month"]]
    day = r"(?P<day>[0-3]?\d)"
    explicit = re.compile(
        rf"(?<![\d/]){day}\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{_alt(list(months))})(?![\u0621-\u064A])"
        rf"(?:\s*(?:من\s+)?(?:عام\s+|العام\s+)?(?P<year>(?:19|20)\d\d)|\s+(?P<cur>{_alt(this_year)})"
        rf"|\s+(?P<last>{_alt(last)}))?"
    )
    month_only = re.compile(
        rf"(?:شهر\s+)(?P<month>{_alt(list(months))})(?![\u0621-\u064A])(?:\s*(?:من\s+)?(?:عام\s+)?"
        rf"(?P<year>(?:19|20)\d\d))?"
    )
    numeric = re.compile(r"(?<![\d/.-])(?:(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d\d)|"
                         r"(?P<y2>(?:19|20)\d\d)[/.-](?P<m2>[01]?\d)[/.-](?P<d2>[0-3]?\d))(?![\d/])")
    hijri_re = re.compile(rf"{day}\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{_alt(list(hijri))})\s*(?:عام\s+)?"
                          rf"(?P<year>14\d\d)")
    bare_weekdays = [w.removeprefix("ال") for w in weekdays]
    weekday_re = re.compile(rf"(?:يوم\s+)?(?<![\u0621-\u064A])(?:ال)?(?P<wd>{_alt(bare_weekdays)})(?![\u0621-\u064A])")
    relative_re = re.compile(rf"(?<![\u0621-\u064A])(?:[وفب])?(?P<rel>{_alt(list(relative))})(?![\u0621-\u064A])")
    return {"months": months, "hijri": hijri, "weekdays": {w.removeprefix("ال"): d for w, d in weekdays.items()},
            "relative": relative, "explicit": explicit, "month_only": month_only, "numeric": numeric,
            "hijri_re": hijri_re, "weekday_re": weekday_re, "relative_re": relative_re}


def _pub_date(pub: PartialDate | None) -> date | None:
    if pub is None or pub.year is None or pub.month is None or pub.day is None:
        return None
    try:
        return date(pub.year, pub.month, pub.day)
    except ValueError:
        return None


def _day(d: date) -> EventDate:
    return EventDate(start=PartialDate(d.year, d.month, d.day), precision="day")


def _year_for(month: int, pub: PartialDate | None) -> int | None:
    if pub is None or pub.year is None:
        return None
    return pub.year - 1 if pub.month is not None and month > pub.month else pub.year


def _partial(year: int | None, month: int, day: int | None) -> EventDate | None:
    if day is not None:
        try:
            date(year or 2000, month, day)
        except ValueError:
            return None
    precision = "day" if day is not None else "month"
    return EventDate(start=PartialDate(year, month, day), precision=precision)  # type: ignore[arg-type]


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """The tabular (arithmetical) Islamic calendar: day count from the epoch, 16 July 622 (Julian)."""
    days = day + int(29.5 * (month - 1) + 0.99) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return date.fromordinal(days - 1721425)


def find_ar_dates(text: str, pub: PartialDate | None) -> list[ArDate]:
    """Date mentions of normalised text, resolved against the publication date where they need it."""
    p = _patterns()
    found: list[ArDate] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], d: EventDate | None, explicit: bool = True) -> None:
        if d is not None and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(ArDate(m.start(), m.end(), d, explicit))
            taken.append(m.span())

    for m in p["hijri_re"].finditer(text):  # type: ignore[attr-defined]
        try:
            add(m, _day(hijri_to_gregorian(int(m["year"]), p["hijri"][m["month"]], int(m["day"]))))  # type: ignore[index]
        except ValueError:
            continue
    for m in p["numeric"].finditer(text):  # type: ignore[attr-defined]
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        if 1 <= int(mo) <= 12:
            add(m, _partial(int(y), int(mo), int(d)))
    year: int | None  # None: no year written and no publication year to take it from
    for m in p["explicit"].finditer(text):  # type: ignore[attr-defined]
        month = p["months"][m["month"]]  # type: ignore[index]
        if m["year"]:
            year = int(m["year"])
        elif m["last"] and pub is not None and pub.year is not None:
            year = pub.year - 1 if pub.month == 1 else pub.year
        else:
            year = pub.year if m["cur"] and pub is not None else _year_for(month, pub)
        add(m, _partial(year, month, int(m["day"])))
    for m in p["month_only"].finditer(text):  # type: ignore[attr-defined]
        month = p["months"][m["month"]]  # type: ignore[index]
        add(m, _partial(int(m["year"]) if m["year"] else _year_for(month, pub), month, None))
    today = _pub_date(pub)
    if today is not None:
        for m in p["relative_re"].finditer(text):  # type: ignore[attr-defined]
            add(m, _day(today + timedelta(days=p["relative"][m["rel"]])), False)  # type: ignore[index]
        for m in p["weekday_re"].finditer(text):  # type: ignore[attr-defined]
            back = (today.weekday() - p["weekdays"][m["wd"]]) % 7  # type: ignore[index]
            add(m, _day(today - timedelta(days=back)), False)
    return sorted(found, key=lambda d: d.start)
