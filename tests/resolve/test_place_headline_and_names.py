"""Place resolution: group names, owners before names, and the headline's governorate."""

from warwire.model import Place
from warwire.resolve.place_context import headline_admin1, looks_like_headline, prefer_headline
from warwire.resolve.places import choose_entries, document_country, find_place_mentions


def _names(text: str) -> list[str]:
    return [m.as_written for m in find_place_mentions(text)]


def test_group_names_hold_no_places():
    text = "Fighters of Jabhat al-Nusra and Liwa al-Quds attacked positions near Idlib on Monday"
    assert _names(text) == ["Idlib"]


def test_owner_before_a_name_is_not_part_of_it():
    assert _names("shelling in northern Syrias Afrin on Monday")[-1] == "Afrin"
    assert _names("shelling in northern Syria's Afrin on Monday")[-1] == "Afrin"


def test_head_of_a_longer_name_is_not_a_town():
    assert "Bab" not in _names("two blasts went off near Bab al-Saghir cemetery in Damascus")


def test_headline_shape():
    assert looks_like_headline("Twin Blasts Kill 12 in Syrias Homs Province")
    assert not looks_like_headline("A bomb exploded in the market of Homs on Monday.")


def _doc(title: str, text: str):
    places = choose_entries(find_place_mentions(text), text, "SY")
    return headline_admin1(title, "SY", places), places


def test_headline_governorate_beats_a_metonym_in_the_lede():
    text = "Dozens were killed in a town of Idlib province on Tuesday. The regime in Damascus denied it."
    head, places = _doc("Dozens Killed in Air Raid in Syrias Idlib", text)
    assert head == "Idlib"
    damascus = Place(name="Damascus", admin1="Damascus", country="SY", precision="town", as_written="Damascus")
    better = prefer_headline(damascus, head, "SY", places, (0, len(text)))
    assert better is not None and better.admin1 == "Idlib"


def test_headline_naming_two_governorates_decides_nothing():
    text = "Rockets fell on Aleppo and Homs on Monday."
    head, _ = _doc("Rockets Kill 3 in Aleppo and Homs", text)
    assert head is None


def test_place_already_in_the_headline_governorate_is_kept():
    text = "Rockets fell on the city of Aleppo on Monday."
    head, places = _doc("Rockets Kill 3 in Aleppo", text)
    aleppo = Place(name="Aleppo", admin1="Aleppo", country="SY", precision="town", as_written="Aleppo")
    assert head == "Aleppo" and prefer_headline(aleppo, head, "SY", places, (0, len(text))) is None


def _primary(text: str):
    from warwire.resolve.places import document_country, resolve_place

    mentions = find_place_mentions(text)
    return resolve_place(mentions, text, focus=(0, len(text)), country_hint=document_country(text, mentions))


def test_a_quarter_of_a_city_is_coded_as_the_city():
    assert _primary("A grenade went off in the Besiktas neighborhood of Istanbul on Friday.").name == "Istanbul"
    assert _primary("Gunmen shot a policeman in the Kallithea area of Athens.").name == "Athens"


def test_a_district_of_a_province_stays_the_district():
    place = _primary("Militants burned a school in the Raman district of Yala Province.")
    assert place.name != "Yala"


def test_country_alone_in_the_focus_keeps_the_town_named_before():
    from warwire.resolve.places import resolve_place

    text = "A contractor was kidnapped in Baiji on Monday. Kidnappings of contractors are frequent in Iraq."
    mentions = find_place_mentions(text)
    place = resolve_place(mentions, text, focus=(text.index("Kidnappings"), len(text)), country_hint="IQ")
    assert place.as_written == "Baiji" and place.precision == "town"


def test_a_small_place_abroad_stays_an_unknown_name_of_the_country():
    from warwire.resolve.places import resolve_place

    text = "Two mortar shells fell in Morag, Hamas said; nobody was hurt."
    place = resolve_place(find_place_mentions(text), text, focus=(0, len(text)), country_hint="PS")
    assert (place.country, place.precision, place.as_written) == ("PS", "country", "Morag")


def test_either_half_of_a_bilingual_name_is_its_spelling():
    # GeoNames names the Basque city "Donostia / San Sebastián"; a Guatemalan town is plainly "San Sebastián".
    place = _primary("Hooded youths set fire to a cash machine in San Sebastian on Sunday night.")
    assert place.country == "ES"
    place = _primary("A petrol bomb was thrown at the office of a councillor in Mondragon.")
    assert place.country == "ES"


def test_a_party_acronym_is_no_country_code():
    text = "Vandals attacked the PSE-EE headquarters in Mondragon with petrol bombs."
    assert document_country(text) != "PS"


def test_a_province_word_after_a_name_is_no_near_miss():
    # "Van Province" is Van's own province, not a near spelling of Sri Lanka's "Uva Province".
    place = _primary("Arsonists set a telephone junction box on fire in Van Province on Tuesday.")
    assert (place.country, place.as_written) == ("TR", "Van")


def test_a_short_name_keeps_its_possessive_out():
    mentions = find_place_mentions("The shop stands across the street from Van's city hall.")
    assert [(m.as_written, m.candidates[0].country) for m in mentions] == [("Van", "TR")]


def test_a_name_of_two_words_written_as_one():
    place = _primary("Unknown gunmen set off explosives at a clinic in Miranshah on Monday.")
    assert (place.country, place.name) == ("PK", "Miran Shah")


def test_weapon_names_are_no_places():
    text = "The Qassam Brigades said they launched a Grad rocket at Ziqim overnight."
    assert all(m.as_written != "Grad" for m in find_place_mentions(text))
    assert document_country("A Turk Telecom junction box was set on fire.") in (None, "TR")


def test_a_mission_abroad_does_not_vote_for_its_country():
    text = "Gunmen threw a grenade at the Indian consulate in Kandahar; it exploded outside the gate."
    assert document_country(text) == "AF"
    text = "Six cars, one of them a Japanese diplomat's, were set on fire in Athens overnight."
    assert document_country(text) == "GR"
    # "National" in a party's name is no national abroad.
    assert document_country("An official of the Iraqi National Accord was kidnapped.") == "IQ"


def test_a_near_miss_is_weak_evidence_of_the_country():
    # "Pithan" is a near miss of India's Paithan; the province named exactly says Thailand.
    text = "Insurgents burned the houses of two village defence volunteers in Pithan, Pattani province."
    assert document_country(text) == "TH"


def test_a_demonym_opening_a_name_is_no_near_miss():
    text = "An official in the Iraqi National Accord Party was kidnapped by gunmen."
    assert [m.as_written for m in find_place_mentions(text)] == []
