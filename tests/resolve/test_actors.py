"""Actor mentions, patrons and roles. Phrases in the tables are short real phrasings (seeds, RDWTI dev);
the sentences are written for these tests in the style of the real pages."""

from __future__ import annotations

import json

import pytest
from shared_data import shared_path

from warwire.model import Actor
from warwire.resolve.actor_roles import assign_roles, mention_roles
from warwire.resolve.actors import all_actors, casualty_group, find_actors, names_of, normalise

HTS = "Hayat Tahrir al-Sham"


def names(text: str, **kw: str) -> list[str]:
    return [m.name for m in find_actors(text, **kw)]


# phrase as written -> canonical name
ALIASES = [
    ("Tahrir al-Sham", HTS),
    ("Tahrir al-Sham al-Hay’at", HTS),
    ("the Levant Liberation Board", HTS),
    ("Levant Liberation Committee", HTS),
    ("Hay'at Tahrir al-Sham", HTS),
    ("HTS", HTS),
    ("the Al-Nusra Front", HTS),
    ("Jabhat al-Nusra", HTS),
    ("Daesh", "Islamic State"),
    ("ISIL", "Islamic State"),
    ("IS fighters", "Islamic State"),
    ("Hurras al-Deen", "Hurras al-Din"),
    ("Ansar al-Tawhid", "Ansar al-Tawhid"),
    ("Ajnad al-Qoqaz", "Ajnad al-Kavkaz"),
    ("Turkistan Islamic Party", "Turkistan Islamic Party"),
    ("the Syrian Army", "Syrian Arab Army"),
    ("Syrian Army troops", "Syrian Arab Army"),
    ("Syrian government forces", "Syrian Arab Army"),
    ("The Syrian Armed Forces", "Syrian Arab Army"),
    ("Syrian air defense units", "Syrian Air Defense Force"),
    ("the Russian Aerospace Forces", "Russian Aerospace Forces"),
    ("Russian combat aircraft", "Russian Aerospace Forces"),
    ("Ansar Allah", "Houthis"),
    ("Revolutionary Armed Forces of Colombia", "Revolutionary Armed Forces of Colombia"),
    ("CPI (Maoist)", "Communist Party of India (Maoist)"),
    ("Lashkar-e-Toiba", "Lashkar-e-Taiba"),
    ("Hizballah", "Hezbollah"),
    ("al-Qa'ida", "al-Qaeda"),
    ("AQAP", "al-Qaeda in the Arabian Peninsula"),
    ("Tawhid and Jihad", "al-Qaeda in Iraq"),
]


@pytest.mark.parametrize(("phrase", "canonical"), ALIASES)
def test_alias_resolves_to_canonical(phrase: str, canonical: str) -> None:
    assert names(f"Reports said {phrase} was involved.") == [canonical]


def test_offsets_point_at_the_text_as_written() -> None:
    text = "Fighters of Tahrir al-Sham al-Hay’at (the Levant Liberation Board) shelled the town."
    for m in find_actors(text):
        assert text[m.start : m.end] == m.as_written
    written = [m.as_written for m in find_actors(text)]
    assert written == ["Tahrir al-Sham al-Hay’at", "Levant Liberation Board"]


def test_search_window_keeps_document_offsets() -> None:
    text = "Hamas fired rockets. Later the IDF struck Gaza."
    ms = find_actors(text, 21)
    assert [(m.name, text[m.start : m.end]) for m in ms] == [("Israel Defense Forces", "IDF")]


def test_short_acronyms_match_only_as_written() -> None:
    assert names("This is what IS claimed.") == ["Islamic State"]
    assert names("let the eta of the train be known") == []


def test_possessive_keeps_the_match() -> None:
    assert names("the Syrian Army’s military positions") == ["Syrian Arab Army"]


def test_turkey_backed_militants_are_militants_with_a_patron() -> None:
    (m,) = find_actors("Turkey-backed militants shelled the village.")
    assert (m.name, m.category, m.patrons) == ("Unidentified Armed Group", "unidentified", ("Turkey",))
    (m,) = find_actors("a group of Ankara-backed militants gathered")
    assert m.patrons == ("Turkey",) and m.name != "Turkish Armed Forces"
    (m,) = find_actors("some 40 foreign-backed militants")
    assert m.patrons == ("foreign",)


def test_patron_written_after_the_actor() -> None:
    (m,) = find_actors("Houthi rebels, backed by Iran, fired a drone.")
    assert (m.name, m.patrons) == ("Houthis", ("Iran",))


def test_us_led_coalition_is_one_actor() -> None:
    assert names("the US-led coalition carried out raids") == ["US-led coalition"]


def test_generic_descriptors() -> None:
    text = "Gunmen opened fire on civilians while insurgents and jihadists fled."
    ms = find_actors(text)
    armed = "Unidentified Armed Group"
    assert [m.name for m in ms] == [armed, "Civilians", armed, armed]
    assert all(m.generic for m in ms)


def test_government_troops_take_the_document_country() -> None:
    assert names("government troops advanced", country="SY") == ["Syrian Arab Army"]
    assert names("government troops advanced", country="IQ") == ["Iraqi Security Forces"]
    assert names("government troops advanced") == ["Government Forces"]
    assert names("police were deployed", country="FR") == ["Police Forces of France"]


def test_demonym_plus_military_noun() -> None:
    assert names("Syrian troops") == ["Syrian Arab Army"]
    assert names("Israeli warplanes struck") == ["Israel Defense Forces"]
    assert names("Kenyan soldiers") == ["Military Forces of Kenya"]


def test_shared_noun_after_two_demonyms() -> None:
    ms = find_actors("targeted by the Syrian and Russian fighter jets")
    assert [m.name for m in ms] == ["Syrian Arab Air Force", "Russian Aerospace Forces"]
    assert [m.as_written for m in ms] == ["Syrian", "Russian fighter jets"]


def test_generic_word_beside_a_named_group_is_not_a_second_actor() -> None:
    assert names("Taliban militants attacked a checkpoint") == ["Taliban"]
    assert names("some 90 militants of the Turkistan Islamic Party") == ["Turkistan Islamic Party"]
    assert names("Tahrir al-Sham terrorists and other militants") == [HTS, "Unidentified Armed Group"]


def test_named_group_missing_from_the_table_is_kept_as_written() -> None:
    text = "The Earth Liberation Front (ELF) claimed the fire; ELF leaflets lay near the Cox Media Group."
    ms = find_actors(text)
    assert [(m.name, m.category, m.as_written) for m in ms] == [
        ("Earth Liberation Front", "unlisted", "Earth Liberation Front (ELF)"),
        ("Earth Liberation Front", "unlisted", "ELF"),
    ]
    assert casualty_group("unlisted") == "armed_groups"
    assert names("Bonn.  Revolutionary Cells bombed a bank.") == ["Revolutionary Cells"]


def test_military_source_is_not_an_actor() -> None:
    assert names("a Syrian military source said") == []


def test_country_specific_reading_of_maoists() -> None:
    assert names("Maoists torched a bus") == ["Communist Party of India (Maoist)"]
    assert names("Maoists torched a bus", country="NP") == ["Communist Party of Nepal (Maoist)"]


def test_table_rows_are_well_formed() -> None:
    rows = all_actors()
    assert len(rows) >= 150
    cats = {"state_forces", "rebel_group", "jihadist_group", "militia", "external_forces"}
    assert {r.category for r in rows} <= cats
    assert all(r.country and len(r.country) == 2 and r.country.isupper() for r in rows)
    assert "al nusra front" in names_of(HTS)


def test_normalise_maps_offsets_back() -> None:
    norm, index, _ = normalise("Ma’aret  al-Nauman")
    assert norm == "maaret al nauman"
    assert index[norm.index("al")] == len("Ma’aret  ")


def test_casualty_group_of_categories() -> None:
    assert casualty_group("state_forces") == "state_forces"
    assert casualty_group("unidentified") == "armed_groups"
    assert casualty_group("jihadist_group") == "armed_groups"
    assert casualty_group("civilians") == "civilians"


def _eval_actors():
    """scripts/eval_actors.py, where the gold-name matcher of the actor evaluation lives."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "eval_actors.py"
    spec = importlib.util.spec_from_file_location("warwire_eval_actors", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_matches_name_with_acronym_and_cut_name() -> None:
    matches_name = _eval_actors().matches_name
    ms = find_actors("The FARC claimed the attack.")
    assert matches_name("Revolutionary Armed Forces of Colombia (FARC)", ms)
    ms = find_actors("The Popular Front for the Liberation of Palestine said")
    assert matches_name("Popular Front for the Liberation of Palestin", ms)
    assert not matches_name("Hamas", ms)


# --------------------------------------------------------------------------- roles


def roles(text: str, **kw: str) -> dict[str, str]:
    return {a.name: a.role for a in assign_roles(text, find_actors(text, **kw))}


def test_subject_of_attack_verb_is_perpetrator_and_object_is_target() -> None:
    text = "Some 300 militants attacked government forces near the town on Friday."
    expected = {"Unidentified Armed Group": "perpetrator", "Syrian Arab Army": "target"}
    assert roles(text, country="SY") == expected


def test_passive_with_by_agent() -> None:
    text = "A column of militants was targeted by the Syrian and Russian fighter jets at dusk."
    assert roles(text) == {
        "Unidentified Armed Group": "target",
        "Syrian Arab Air Force": "perpetrator",
        "Russian Aerospace Forces": "perpetrator",
    }


def test_were_killed_makes_a_target() -> None:
    text = "Twelve Syrian troops were killed at a checkpoint."
    assert roles(text) == {"Syrian Arab Army": "target"}


def test_coordinated_subjects_share_the_role() -> None:
    text = "Fighters from Hurras al-Deen, Ansar al-Tawhid and other militants stormed the hill."
    assert set(roles(text).values()) == {"perpetrator"}


def test_group_after_militants_of_is_the_subject() -> None:
    text = "At dusk some 90 militants of the Turkistan Islamic Party attacked Syrian troops."
    assert roles(text) == {"Turkistan Islamic Party": "perpetrator", "Syrian Arab Army": "target"}


def test_positions_of_x_is_a_target() -> None:
    text = "Artillery pounded the positions of Jabhat al-Nusra west of the city."
    assert roles(text) == {HTS: "target"}
    text = "HTS fighters plan to attack the Syrian Army’s military positions."
    assert roles(text) == {HTS: "perpetrator", "Syrian Arab Army": "target"}


def test_noun_trigger_attack_by_x() -> None:
    text = "A second assault, an attack by Tahrir al-Sham and Ajnad al-Qoqaz, hit the northern flank."
    assert roles(text) == {HTS: "perpetrator", "Ajnad al-Kavkaz": "perpetrator"}


def test_possessor_is_not_the_subject() -> None:
    text = "Rebels pushed past the Syrian Army’s trenches, capturing two villages."
    ms = find_actors(text)
    assert mention_roles(text, ms, [(text.index("capturing"), text.index("capturing") + 9)]) == [
        "perpetrator",
        "unknown",
    ]


def test_no_trigger_means_unknown_and_model_actors() -> None:
    text = "Hezbollah and the Lebanese army met."
    actors = assign_roles(text, find_actors(text))
    assert actors == [
        Actor("Hezbollah", "militia", "unknown", "Hezbollah"),
        Actor("Lebanese Armed Forces", "state_forces", "unknown", "Lebanese army"),
    ]


# --------------------------------------------------------------------------- real pages



def test_gold_actors_of_the_seed_pages_are_found() -> None:
    gold = json.loads(shared_path("gold", "seeds.json").read_text(encoding="utf-8"))
    checked = 0
    for doc in gold["documents"]:
        text = shared_path("corpus", "seeds", doc["doc"]).read_text(encoding="utf-8")
        found = set(names(text, country="SY"))
        for event in doc["events"]:
            for side in ("side_a", "side_b"):
                value = event["actors"][side]
                for written in [value] if isinstance(value, str) else value:
                    expected = set(names(written, country="SY"))  # named: the table knows it
                    assert expected <= found, (doc["doc"], written, expected - found)
                    checked += len(expected)
    assert checked >= 25


def test_a_long_page_gives_as_many_actors_as_its_parts() -> None:
    page = shared_path("corpus", "seeds", "001_34924ff79029d03c.txt").read_text(encoding="utf-8")
    once = find_actors(page, country="SY")
    twenty = find_actors(page * 20, country="SY")
    assign_roles(page * 20, twenty)
    assert once and len(twenty) == 20 * len(once)
