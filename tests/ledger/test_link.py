"""Linking rules: pairwise features and clustering of hand-made documents."""

from __future__ import annotations

from warwire.ledger.features import Mention, date_feature, figure_feature, place_feature, type_feature
from warwire.ledger.link import MemoryIndex, compare, doc_mentions, link_documents
from warwire.model import Event, EventDate, PartialDate, Place


def m(day=None, prec="day", loc=None, type_="air_drone_strike", killed=None, end=None, src="x") -> Mention:
    return Mention(
        key=(src, 0),
        source=src,
        type=type_,
        start=PartialDate(*day) if day else None,
        end=PartialDate(*end) if end else None,
        precision=prec,
        location=loc or {},
        killed=killed,
    )


def test_day_precision_allows_one_day_either_way():
    assert date_feature(m((2020, 2, 8)), m((2020, 2, 9)))[0]
    assert date_feature(m((2020, 2, 8)), m((2020, 2, 7)))[0]
    ok, _, detail = date_feature(m((2020, 2, 8)), m((2020, 2, 10)))
    assert not ok and "2 days apart" in detail


def test_month_matches_any_day_in_it_and_ranges_overlap():
    assert date_feature(m((2020, 2, None), "month"), m((2020, 2, 29)))[0]
    assert not date_feature(m((2020, 2, None), "month"), m((2020, 4, 1)))[0]
    assert date_feature(m((2020, 3, 1), "days", end=(2020, 3, 5)), m((2020, 3, 4)))[0]


def test_unknown_year_needs_month_and_day_to_agree():
    assert date_feature(m((None, 1, 22)), m((2019, 1, 23)))[0]
    assert not date_feature(m((None, 1, 22)), m((2019, 1, 25)))[0]
    assert not date_feature(m((None, 3, None)), m((2019, 1, 25)))[0]
    ok, score, _ = date_feature(m(None), m((2019, 1, 25)))
    assert ok and score == 0


def test_place_distance_admin1_and_country(mk):
    assert place_feature(m(loc=mk.IDLIB), m(loc=mk.SARAQIB))[0]  # about 17 km
    ok, _, detail = place_feature(m(loc=mk.IDLIB), m(loc=mk.HOMS))
    assert not ok and "km apart" in detail
    province = {"name": "Idlib", "admin1": "Idlib", "country": "SY", "precision": "admin1"}
    assert place_feature(m(loc=mk.SARAQIB), m(loc=province))[0]
    assert not place_feature(m(loc=mk.HOMS), m(loc=province))[0]
    assert not place_feature(m(loc={"country": "IQ"}), m(loc=mk.HOMS))[0]


def test_type_generic_compatible_specific_conflict():
    assert type_feature(m(type_="other"), m(type_="armed_clash"))[0]
    assert not type_feature(m(type_="arrests"), m(type_="air_drone_strike"))[0]


def test_killed_figures_within_factor_three():
    assert figure_feature(m(killed=10), m(killed=25))[0]
    assert not figure_feature(m(killed=2), m(killed=40))[0]
    assert figure_feature(m(killed=None), m(killed=40))[0]


def test_compare_explains_each_feature(mk):
    got = compare(
        m((2020, 2, 8), loc=mk.IDLIB, killed=12), m((2020, 2, 8), loc=mk.SARAQIB, killed=12, src="y")
    )
    assert got is not None and got.score >= 0.8
    assert "km" in got.features["place"]["detail"] and got.features["figures"]["score"] == 1.0


def test_link_documents_clusters_reports_and_keeps_others_apart(mk):
    t = "Jets struck a depot near Idlib, killing 12 fighters."
    docs = [
        mk.doc("a", t, "Outlet A", (2020, 2, 8), mk.IDLIB, [("12 fighters", "killed", "armed_groups", None)]),
        mk.doc(
            "b", t, "Outlet B", (2020, 2, 9), mk.SARAQIB, [("12 fighters", "killed", "armed_groups", None)]
        ),
        mk.doc("c", t, "Outlet C", (2020, 2, 8), mk.HOMS, [("12 fighters", "killed", "armed_groups", None)]),
        mk.doc(
            "d", t, "Outlet D", (2020, 3, 20), mk.IDLIB, [("12 fighters", "killed", "armed_groups", None)]
        ),
    ]
    clusters = link_documents(docs)
    assert sorted(sorted(c) for c in clusters) == [[("a", 0), ("b", 0)], [("c", 0)], [("d", 0)]]


def test_events_of_one_document_never_merge_and_background_is_left_out(mk):
    t = "Two strikes hit Idlib on the same day; in 2016 a raid had hit the city."
    twin = Event(
        id="a-b",
        type="air_drone_strike",
        date=EventDate(PartialDate(2020, 2, 8), precision="day"),
        location=Place(**mk.IDLIB),
    )
    old = Event(
        id="a-c",
        type="air_drone_strike",
        background=True,
        date=EventDate(PartialDate(2016, 5, 1), precision="day"),
        location=Place(**mk.IDLIB),
    )
    doc = mk.doc("a", t, "Outlet A", (2020, 2, 8), mk.IDLIB, extra=[twin, old])
    assert [x.key for x in doc_mentions(doc)] == [("a", 0), ("a", 1)]
    assert sorted(link_documents([doc])) == [[("a", 0)], [("a", 1)]]


def test_memory_index_blocks_by_country_and_month(mk):
    idx = MemoryIndex()
    idx.add(m((2020, 2, 8), loc=mk.IDLIB), None)
    idx.add(m((2020, 6, 8), loc=mk.IDLIB), None)
    idx.add(m((2020, 2, 8), loc={"country": "IQ"}), None)
    assert idx.candidates(m((2020, 3, 1), loc=mk.HOMS)) == [0]


def test_unresolved_place_names_compare_as_written():
    ok, score, detail = place_feature(m(loc={"as_written": "Oakland"}), m(loc={"as_written": "oakland"}))
    assert ok and score == 0.8 and "Oakland" in detail
    ok, score, _ = place_feature(m(loc={"as_written": "Oakland"}), m(loc={"as_written": "Fresno"}))
    assert ok and score == 0.0  # different unresolved names: no evidence either way
