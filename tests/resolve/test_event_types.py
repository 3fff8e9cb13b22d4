"""Event sub-types by trigger rules. Sentences are written for these tests in the style of the seeds;
the seed test reads the real page 004 (Masyaf) when ../shared is present."""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest
from shared_data import SHARED

from warwire.resolve.event_types import EVENT_TYPES, classify_event_type, match_event_type

SHELL = "shelling_artillery_missile_attack"
GOV = "government_regains_territory"
NSA = "non_state_actor_overtakes_territory"

CASES = [
    # disrupted weapons use outranks the missile it stopped
    ("Air defences repelled a missile attack aimed at Masyaf on Friday.", "disrupted_weapons_use"),
    ("Officials said the drone was destroyed in the sky.", "disrupted_weapons_use"),
    ("Air defences intercepted two drones launched from the south.", "disrupted_weapons_use"),
    ("Soldiers shot down a drone over the base.", "disrupted_weapons_use"),
    # air and drone strikes
    ("Russian warplanes pounded militant hideouts in the south of the province.", "air_drone_strike"),
    ("An airstrike hit a training camp on Saturday.", "air_drone_strike"),
    ("A drone strike killed three commanders.", "air_drone_strike"),
    ("The missiles were fired from fighter jets over the sea.", "air_drone_strike"),
    # shelling, artillery, missiles
    ("Militants shelled residential districts of the city with mortars.", SHELL),
    ("A missile attack left 12 fighters dead.", SHELL),
    ("Rockets landed in the eastern suburbs overnight.", SHELL),
    # territory
    ("Government troops recaptured the village of Tal Hamid after heavy fighting.", GOV),
    ("Several hamlets were retaken by government troops on Sunday.", GOV),
    ("The army took control of three hills west of the town.", GOV),
    ("Militants captured two settlements south of the city.", NSA),
    ("The town fell to al-Shabaab fighters on Monday.", NSA),
    ("The Taliban seized the district centre after a night of fighting.", NSA),
    # explosives
    ("A suicide bomber blew himself up at a checkpoint.", "suicide_bomb"),
    ("A car bomb exploded near a crowded market.", "remote_explosive_landmine_ied"),
    ("Two soldiers died when a roadside bomb hit their patrol.", "remote_explosive_landmine_ied"),
    ("A landmine killed a shepherd.", "remote_explosive_landmine_ied"),
    ("Gunmen threw a grenade into a police station.", "grenade"),
    ("A bomb was found and defused outside the consulate.", "disrupted_weapons_use"),
    # violence against people, abduction, arrests
    ("Unknown men set fire to a school in the village.", "attack"),
    ("A trader was killed by gunmen on motorbikes.", "attack"),
    ("Gunmen opened fire on worshippers leaving a mosque.", "attack"),
    ("The group executed five captives in the square.", "attack"),
    ("Armed men kidnapped an aid worker on the road.", "abduction_forced_disappearance"),
    ("Police arrested four suspects in a dawn raid.", "arrests"),
    # clashes
    ("Clashes between the army and rebels continued in the east.", "armed_clash"),
    ("About 150 fighters attacked government forces’ positions at dawn.", "armed_clash"),
    ("Up to 40 soldiers were killed in militants' attack on the outpost.", "armed_clash"),
    # agreements
    ("A truce was introduced across the zone at midnight.", "agreement"),
    ("The two sides signed a truce in the capital.", "agreement"),
    # chemical weapons, sexual violence, mobs, property
    ("Doctors said the patients showed signs of exposure to chlorine gas after the shelling.", "chemical_weapon"),
    ("Two soldiers were accused of raping a girl at a checkpoint.", "sexual_violence"),
    ("A mob beat a suspected thief to death in the market.", "mob_violence"),
    ("Several shops were looted and a warehouse was set alight overnight.", "looting_property_destruction"),
    # demonstrations, by what the demonstrators did and what was done to them
    ("Thousands of teachers marched to the ministry to demand higher pay.", "peaceful_protest"),
    ("Police fired tear gas to disperse students rallying outside the parliament.", "protest_with_intervention"),
    ("Security forces opened fire on demonstrators, killing four of them.", "excessive_force_against_protesters"),
    ("Protesters threw stones at police and blocked the main roads with burning tyres.", "violent_demonstration"),
    # strategic developments
    ("A rebel commander defected to the army with forty of his fighters.", "change_to_group_activity"),
    ("The army has set up a new observation post near the border town.", "headquarters_or_base_established"),
    ("The militia handed over control of the district to the police without a fight.",
     "non_violent_transfer_of_territory"),
    ("Police seized six rifles and a box of ammunition in a raid on a farm.", "disrupted_weapons_use"),
    ("Engineers defused two roadside bombs on the highway.", "disrupted_weapons_use"),
    # nothing violent
    ("The minister visited the province on Tuesday.", "other"),
    ("The province remains a stronghold of militants.", "other"),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_classify(sentence: str, expected: str) -> None:
    assert classify_event_type(sentence) == expected


def test_every_type_is_declared_and_covered() -> None:
    assert {e for _, e in CASES} <= set(EVENT_TYPES)
    assert {e for _, e in CASES} == set(EVENT_TYPES)


def test_rules_are_data_in_priority_order() -> None:
    data = json.loads(files("warwire.data").joinpath("event_types.json").read_text(encoding="utf-8"))
    order = [r["type"] for r in data["rules"]]
    assert order.index("disrupted_weapons_use") < order.index("shelling_artillery_missile_attack")
    assert order.index("suicide_bomb") < order.index("remote_explosive_landmine_ied")
    assert order[-1] == "agreement"
    for rule in data["rules"]:
        assert rule["type"] in EVENT_TYPES or rule["type"] in ("@territory", "@demonstration")
    kinds = [r["type"] for r in data["demonstrations"]["rules"]] + [data["demonstrations"]["default"]]
    assert set(kinds) <= set(EVENT_TYPES)
    # A riot outranks what was done to it; lethal force outranks a dispersal.
    assert kinds.index("violent_demonstration") < kinds.index("excessive_force_against_protesters") \
        < kinds.index("protest_with_intervention")


def test_riot_police_are_not_rioters() -> None:
    assert classify_event_type("Riot police detained dozens of marchers in the square.") == "protest_with_intervention"


def test_property_damage_with_deaths_is_not_property_destruction() -> None:
    assert classify_event_type("Gunmen torched houses in the village.") == "looting_property_destruction"
    assert classify_event_type("Gunmen torched houses and shot dead two farmers in the village.") == "attack"


def test_match_returns_the_deciding_trigger() -> None:
    text = "Late on Friday, air defences repelled a missile attack over the port."
    kind, span = match_event_type(text)
    assert kind == "disrupted_weapons_use"
    assert span is not None and text[span[0] : span[1]].startswith("repelled a missile attack")
    assert match_event_type("Nothing happened.") == ("other", None)


def test_seed_004_masyaf_missile_repelled() -> None:
    path = SHARED / "corpus" / "seeds" / "004_09fc99c6dbd43722.txt"
    if not path.exists():
        pytest.skip(f"../shared not present: {path}")
    text = path.read_text(encoding="utf-8")
    sentence = next(s for s in re.split(r"(?<=[.!?])\s+", text) if "Masyaf" in s and "repelled" in s)
    assert classify_event_type(sentence) == "disrupted_weapons_use"
