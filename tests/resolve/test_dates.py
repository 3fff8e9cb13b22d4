"""Date mentions and their resolution. The table holds short real phrasings from the seeds and dev
sets with their publication dates; the sentences in the other tests are written for these tests."""

from __future__ import annotations

import pytest

from warwire.model import PartialDate
from warwire.refs.dates import find_date_mentions, parse_iso, resolve_date

P = PartialDate

# (phrase, published, weekday hint) -> (start, end, precision). Sources: seeds (+ gold "when"),
# gva_linking_dev (published + gold incident date), fakes_dev (published), rdwti_dev (none).
REAL = [
    # seeds
    (("on Saturday", None, None), (None, None, "unknown")),
    (("on Sunday", "2020-02-12", None), ("2020-02-09", None, "day")),
    (("at midnight on 9 January", None, None), (P(None, 1, 9), None, "day")),
    (("last week", None, None), (None, None, "unknown")),
    (("On January 22", P(None, 1, 23), None), (P(None, 1, 22), None, "day")),
    (("overnight into January 23", P(None, 1, 23), None), (P(None, 1, 22), P(None, 1, 23), "days")),
    (("on January 16-22", P(None, 1, 23), None), (P(None, 1, 16), P(None, 1, 22), "days")),
    (("on Thursday", P(None, 1, 23), 3), (P(None, 1, 23), None, "day")),
    (("on August 14", None, None), (P(None, 8, 14), None, "day")),
    (("last Wednesday", None, None), (None, None, "unknown")),
    (("12February 2020", None, None), ("2020-02-12", None, "day")),
    # gva_linking_dev
    (("Saturday night", "2016-10-23", None), ("2016-10-22", None, "day")),
    (("Feb. 20", "2016-03-08", None), ("2016-02-20", None, "day")),
    (("Feb. 5", "2015-04-28", None), ("2015-02-05", None, "day")),
    (("January 21", "2017-03-01", None), ("2017-01-21", None, "day")),
    (("July 7", "2016-11-25", None), ("2016-07-07", None, "day")),
    (("Monday, Jan. 23, 2017", "2017-01-23", None), ("2017-01-23", None, "day")),
    (("On Dec. 5", "2016-12-06", None), ("2016-12-05", None, "day")),
    (("Wednesday, March 13, 2013", "2013-03-18", None), ("2013-03-13", None, "day")),
    (("on December 30th", "2017-01-02", None), ("2016-12-30", None, "day")),
    (("on Friday August 19th, 2016", "2016-08-22", None), ("2016-08-19", None, "day")),
    (("September 18", "2013-11-05", None), ("2013-09-18", None, "day")),
    (("earlier this morning", "2016-03-25", None), ("2016-03-25", None, "day")),
    (("Friday night", "2015-01-12", None), ("2015-01-09", None, "day")),
    (("Monday morning", "2016-08-08", None), ("2016-08-08", None, "day")),
    (("Saturday evening", "2016-10-17", None), ("2016-10-15", None, "day")),
    (("Tuesday's", "2016-04-20", None), ("2016-04-19", None, "day")),
    (("early Tuesday morning", "2016-12-28", None), ("2016-12-27", None, "day")),
    (("from Friday", "2017-01-03", None), ("2016-12-30", None, "day")),
    (("late Thursday night", "2016-02-11", None), ("2016-02-11", None, "day")),
    (("on Sunday night", "2016-02-23", None), ("2016-02-21", None, "day")),
    (("on Saturday afternoon", "2016-01-31", None), ("2016-01-30", None, "day")),
    (("Oct. 22", "2016-10-23", None), ("2016-10-22", None, "day")),
    # fakes_dev
    (("on Wednesday", "2017-04-19", None), ("2017-04-19", None, "day")),
    (("on Sunday", "2015-02-22", None), ("2015-02-22", None, "day")),
    (("last week", "2017-04-05", None), ("2017-03-27", "2017-04-02", "week")),
    (("the past week", "2017-04-05", None), ("2017-03-29", "2017-04-05", "week")),
    (("in March 2011", "2015-07-05", None), ("2011-03", None, "month")),
    (("since mid-March 2011", "2015-07-05", None), ("2011-03", None, "month")),
    (("last year", "2015-07-05", None), ("2014", None, "year")),
    (("in 2011", "2015-07-05", None), ("2011", None, "year")),
    (("in August", "2015-07-05", None), ("2014-08", None, "month")),
    (("earlier this week", "2015-07-05", None), ("2015-06-29", "2015-07-05", "week")),
    (("Today", "2017-04-05", None), ("2017-04-05", None, "day")),
    # rdwti_dev: no publication date, so only what the phrase itself says
    (("On 30 December", None, None), (P(None, 12, 30), None, "day")),
    (("On June 13, 2005", None, None), ("2005-06-13", None, "day")),
    (("since January 2004", None, None), ("2004-01", None, "month")),
    (("Friday", None, None), (None, None, "unknown")),
    (("this evening", None, None), (None, None, "unknown")),
]


def _pd(value: str | PartialDate | None) -> PartialDate | None:
    return value if not isinstance(value, str) else parse_iso(value)


@pytest.mark.parametrize(("given", "expected"), REAL, ids=[f"{g[0]}@{g[1]}" for g, _ in REAL])
def test_real_phrasings(given: tuple, expected: tuple) -> None:
    phrase, published, hint = given
    got = resolve_date(phrase, _pd(published), weekday=hint)
    assert (got.start, got.end, got.precision) == (_pd(expected[0]), _pd(expected[1]), expected[2])
    assert got.as_written == phrase


def test_table_is_large_enough() -> None:
    assert len(REAL) >= 40


# --- resolution rules ----------------------------------------------------------------------------

THU = P(2020, 1, 23)  # a Thursday


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("on Thursday", "2020-01-23", None, "day"),  # same day, not the week before
        ("last Thursday", "2020-01-16", None, "day"),  # "last" is strictly before
        ("next Monday", "2020-01-27", None, "day"),
        ("yesterday", "2020-01-22", None, "day"),
        ("the day before yesterday", "2020-01-21", None, "day"),
        ("three days ago", "2020-01-20", None, "day"),
        ("January 24", "2020-01-24", None, "day"),  # one day after publication: still this year
        ("January 25", "2019-01-25", None, "day"),  # more than a day after: the year before
        ("December 30", "2019-12-30", None, "day"),
        ("Dec 28 - Jan 3", "2019-12-28", "2020-01-03", "days"),
        ("between 16 and 22 January", "2020-01-16", "2020-01-22", "days"),
        ("January 22-22", "2020-01-22", None, "day"),
        ("overnight into Thursday", "2020-01-22", "2020-01-23", "days"),
        ("last month", "2019-12", None, "month"),
        ("2019-11-05", "2019-11-05", None, "day"),
        ("Feb 30", None, None, "unknown"),
    ],
)
def test_rules_against_a_thursday(phrase: str, start: str | None, end: str | None, precision: str) -> None:
    got = resolve_date(phrase, THU)
    assert (got.start, got.end, got.precision) == (parse_iso(start), parse_iso(end), precision)


def test_no_year_is_ever_invented() -> None:
    for phrase in ["January 22", "22 January", "January 16-22", "in August", "overnight into January 23"]:
        for published in (None, P(None, 3, 1)):
            got = resolve_date(phrase, published)
            assert got.start is not None and got.start.year is None, (phrase, published)


def test_weekday_with_yearless_dateline_needs_the_hint() -> None:
    dateline = P(None, 1, 23)
    assert resolve_date("on Tuesday", dateline).start is None
    assert resolve_date("on Tuesday", dateline, weekday=3).start == P(None, 1, 21)
    # across a February 29 the day is unknowable without the year
    assert resolve_date("on Friday", P(None, 3, 2), weekday=0).start is None


def test_dateparser_fallback_keeps_to_the_publication_date() -> None:
    assert resolve_date("a fortnight ago", THU).start == P(2020, 1, 9)
    assert resolve_date("a fortnight ago", None).precision == "unknown"


# --- finding -------------------------------------------------------------------------------------

SENTENCE = (
    "ALEPPO, March 4 (Wire) - Shelling on Tuesday night killed nine people, a monitor said on Wednesday, "
    "after clashes from 26 to 28 February and strikes overnight into March 2. The truce of August 2016 "
    "collapsed last week; fighting since 2012 has displaced millions. USA Today reported 300 deaths and "
    "2000 homes lost. Officials met on Wed., Feb. 3, 2021 and again at midnight on 9 March, "
    "mid-April, 2021-03-01."
)


def test_find_mentions_kinds_and_offsets() -> None:
    found = find_date_mentions(SENTENCE)
    for m in found:
        assert SENTENCE[m.start:m.end] == m.as_written
    got = [(m.as_written, m.kind) for m in found]
    assert got == [
        ("March 4", "day"),
        ("on Tuesday night", "weekday"),
        ("on Wednesday", "weekday"),
        ("from 26 to 28 February", "range"),
        ("overnight into March 2", "overnight"),
        ("August 2016", "month"),
        ("last week", "relative"),
        ("since 2012", "year"),
        ("on Wed., Feb. 3, 2021", "day"),
        ("at midnight on 9 March", "day"),
        ("mid-April", "month"),
        ("2021-03-01", "day"),
    ]


def test_find_skips_numbers_that_are_not_dates() -> None:
    text = "Some 2,620 fighters and 2016 vehicles; May they rest. A mortar hit Marib 5 times; 300 in 1990s."
    assert find_date_mentions(text) == []


def test_find_counts_every_mention_of_a_long_text() -> None:
    text = (SENTENCE + " Nothing here but plain words about troops and towns. " * 20) * 200
    assert len(find_date_mentions(text)) == 12 * 200  # speed is measured by scripts/bench.py


def test_common_forms_resolve_against_many_publication_dates() -> None:
    phrases = ["on Thursday", "Saturday night", "January 22", "Oct. 22", "early Sunday morning", "March 9"]
    publications = [P(2016, 1 + i % 12, 1 + i % 28) for i in range(48)]
    for pub in publications:
        for phrase in phrases:
            resolved = resolve_date(phrase, pub)
            assert resolved.start is not None and resolved.start.year in (2015, 2016), (phrase, pub)
