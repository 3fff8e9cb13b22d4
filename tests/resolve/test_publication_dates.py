"""Publication dates from the text itself: "Publish Date:" lines, datelines, dated page heads."""

from __future__ import annotations

import json

import pytest
from shared_data import shared_path

from warwire.model import PartialDate
from warwire.refs.datelines import dateline_weekday_hint, find_publication_date
from warwire.refs.dates import parse_iso, resolve_date

P = PartialDate


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Updated in: 3 May 2022 - 10:15\nNews ID: 1\nPublish Date: 2March 2021 - 09:30\n", P(2021, 3, 2)),
        ("ALEPPO, March 4. /TASS/. Shelling killed nine people, a monitor said on Wednesday.", P(None, 3, 4)),
        ("GHAZNI, Afghanistan (Feb. 3, 2012) -- A bomb struck a convoy on the main road.", P(2012, 2, 3)),
        ("BEIRUT, Jan 5 (Reuters) - Air strikes hit a market town.", P(None, 1, 5)),
        ("Thu 06 Jun 2019 Rockets hit a village near Hama.", P(2019, 6, 6)),
        ("14 March 2016 The group said it had taken two hills.", P(2016, 3, 14)),
        ("03.10.2017(updated 12:00 03.10.2017) Get short URL The army said.", P(2017, 10, 3)),
        ("15-09-2013 Army Units Kill Militants in Homs", P(2013, 9, 15)),
        ("Date of publication 9 Oct 2016\nStrikes hit the city.", P(2016, 10, 9)),
        ("Fighting flared.\n(Published Monday, April 4, 2016)", P(2016, 4, 4)),
        ("Last updated: 5 June 2021\nNo other date in this head.", None),
        ("Modified 2 June 2020 08:00\nPolice said a man was shot.", None),
        ("On April 2, 2015, a man was shot outside a store.", None),  # an event date, not a stamp
        ("Rebels said they took the town on Saturday.", None),
    ],
)
def test_find_publication_date(head: str, expected: PartialDate | None) -> None:
    assert find_publication_date(head) == expected


def test_only_the_head_is_searched() -> None:
    text = "Clashes went on.\n" + "x " * 400 + "\n12 March 2019 Another dated line."
    assert find_publication_date(text) is None


def test_weekday_hint_gives_month_day_without_a_year() -> None:
    text = "ALEPPO, March 4. /TASS/. Nine people were killed on Tuesday, a monitor said on Wednesday."
    published = find_publication_date(text)
    hint = dateline_weekday_hint(text, published)
    assert hint == 2
    got = resolve_date("on Tuesday", published, weekday=hint)
    assert got.start == P(None, 3, 3) and got.precision == "day"
    assert dateline_weekday_hint("Nine people were killed, officials said.", published) is None
    assert dateline_weekday_hint(text, P(2020, None, None)) is None



def test_seed_publication_dates_match_gold() -> None:
    gold = json.loads(shared_path("gold", "seeds.json").read_text(encoding="utf-8"))
    for doc in gold["documents"]:
        text = shared_path("corpus", "seeds", doc["doc"]).read_text(encoding="utf-8")
        expected = parse_iso(doc.get("published"))
        if doc.get("dateline"):
            d = doc["dateline"]
            expected = P(d["year"], d["month"], d["day"])
        assert find_publication_date(text) == expected, doc["doc"]


def test_fakes_publication_dates_mostly_agree() -> None:
    """FA-KES `published` labels are crowd-made and partly wrong; the text's own date should still
    agree with most of them, and it is found for most documents."""
    rows = [json.loads(line) for line in shared_path("dev", "fakes_dev.jsonl").open(encoding="utf-8")]
    found = [(find_publication_date(r["text"]), parse_iso(r["published"])) for r in rows]
    with_date = [(f, g) for f, g in found if f is not None]
    agree = sum(f == g for f, g in with_date)
    assert len(with_date) / len(rows) > 0.65
    assert agree / len(with_date) > 0.68
