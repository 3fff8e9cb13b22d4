"""Place resolution: possessives, -ah/-a spellings, Niger Delta, country from armed groups."""

from warwire.resolve.actors import actor_country
from warwire.resolve.gazetteer import norm
from warwire.resolve.places import choose_entries, find_place_mentions


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.as_written, e.country) for m, e in choose_entries(find_place_mentions(text), text) if e]


def test_possessive_place_is_found_without_its_s():
    assert norm("Baghdad's") == "baghdad" and norm("Ra's al-Ayn") == "ras al ayn"
    assert ("Baghdad", "IQ") in _names("Mortar rounds fell near Baghdad's international airport on Monday.")


def test_scraped_possessive_reads_the_place():
    assert ("Idlib", "SY") in _names("Dozens were killed in Syrias northern Idlib province on Tuesday.")


def test_country_owner_is_not_a_setting():
    found = _names("Jets struck Syria's Idlib province.")
    assert [n for n, _ in found] == ["Idlib"]
    assert [n for n, _ in _names("Fighting spread in Syria and Iraq.")] == ["Syria", "Iraq"]


def test_iraqi_town_without_article_or_final_h():
    assert ("Hawija", "IQ") in _names("A bomb went off in a market in Hawija, wounding three.")


def test_niger_delta_is_nigeria():
    assert ("Niger Delta", "NG") in _names("Gunmen abducted an oil worker in the Niger Delta on Friday.")


def test_actor_country_from_named_groups():
    assert actor_country("The Taliban claimed the attack on the checkpoint.") == "AF"
    assert actor_country("ELN rebels blew up the pipeline.") == "CO"
    assert actor_country("US troops and PKK fighters clashed.") == "TR"  # state forces say nothing of where
    assert actor_country("Gunmen shot two men.") is None
