"""The chooser's conventions (place_rules, place_context) on sentences written in the style of incident reports."""

from __future__ import annotations

from warwire.model import Place
from warwire.resolve.place_context import fill_admin1
from warwire.resolve.place_rules import same_theatre, settlement_country, spelled_as_written
from warwire.resolve.places import _cue_countries, choose_entries, document_country, find_place_mentions, resolve_place


def place(text: str):
    return resolve_place(find_place_mentions(text), text, focus=(0, len(text)))


def test_exact_spelling_beats_a_collapsed_key():
    assert spelled_as_written("Samarra", "Sāmarrā’") and not spelled_as_written("Samarra", "Samara")
    assert spelled_as_written("al-Qaim", "Al Qaim")
    p = place("Gunmen shot a police officer in Samarra on Monday.")
    assert p.country == "IQ"


def test_israel_and_palestine_are_one_theatre():
    assert same_theatre("IL", "PS") and same_theatre("SY", "SY") and not same_theatre("IL", "SY")
    # A Palestinian actor does not pull an Israeli city into the territories.
    p = place("A Palestinian man stabbed a guard in Jerusalem on Friday.")
    assert p.country == "IL" and p.precision == "town"


def test_unknown_settlement_is_coded_to_the_territories():
    text = "Two mortar shells were fired at the Neve Orim settlement. Hamas claimed the attack."
    assert settlement_country(text, 36, 44, None) == "PS"
    assert settlement_country("Gunmen fired at the settlement of Babaloc.", 34, 41, None) is None
    assert place(text).country == "PS"


def test_cues_scan_whole_capitalised_runs():
    assert _cue_countries("The Abu Sayyaf Group was blamed for the blast.") == ["PH"]
    assert _cue_countries("Iraqi police and the Taliban") == ["IQ", "AF"]
    assert document_country("The Abu Sayyaf Group was blamed.", []) == "PH"


def test_country_level_place_takes_the_region_the_article_names():
    text = "Air raids on Idlib kill 12. Warplanes struck a village in the province, and Idlib city was shelled."
    places = choose_entries(find_place_mentions(text), text)
    p = Place(name="Syria", country="SY", precision="country")
    fill_admin1(p, places)
    assert p.admin1 == "Idlib" and p.precision == "admin1"


def test_two_regions_about_equally_leave_the_country():
    text = "Shelling hit Homs. Shelling hit Hama."
    places = choose_entries(find_place_mentions(text), text)
    p = Place(name="Syria", country="SY", precision="country")
    fill_admin1(p, places)
    assert p.admin1 is None and p.precision == "country"


def test_hamlet_in_a_region_the_text_never_names_is_dropped():
    from warwire.resolve.gazetteer import Entry
    from warwire.resolve.places import PlaceMention, _drop_lookalikes

    city = Entry(1, "city", "SY", "Damascus", None, 33.5, 36.3, 1_700_000, "Damascus")
    hamlet = Entry(2, "village", "SY", "Aleppo", None, 36.0, 37.0, 0, "Kurik")
    local = Entry(3, "village", "SY", "Damascus", None, 33.4, 36.2, 0, "Jdeidet")
    ms = [PlaceMention(0, 5, "Midan"), PlaceMention(20, 28, "Damascus"), PlaceMention(40, 47, "Jdeidet")]
    out = _drop_lookalikes(list(zip(ms, [hamlet, city, local], strict=True)))
    assert [e.name if e else None for _, e in out] == [None, "Damascus", "Jdeidet"]
    # With no region or big city named, the hamlet is all there is and stays.
    assert _drop_lookalikes([(ms[0], hamlet)]) == [(ms[0], hamlet)]
