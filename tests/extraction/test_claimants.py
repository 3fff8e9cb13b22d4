"""Claimant phrases as entities: the claimant table, unnamed sources' kinds, ids of unknown claimants."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from warwire.extraction.claimants import claimant_table
from warwire.model import Claim, Claimant, Evidence


@pytest.mark.parametrize("phrase, cid", [
    ("Russian Defence Ministry’s Centre for Syrian Reconciliation", "russia-reconciliation-centre"),
    ("Russian Defense Ministry’s Center for the Reconciliation of the Opposing Sides in Syria",
     "russia-reconciliation-centre"),
    ("Center for the Reconciliation", "russia-reconciliation-centre"),
    ("Russian Defense Ministry", "russia-mod"),
    ("the Russian Ministry of Defence", "russia-mod"),
    ("the so-called Syrian Observatory for Human Rights", "sohr"),
    ("a UK-based monitor", "sohr"),
    ("Britain-based war monitor", "sohr"),
    ("Rami Abdel Rahman", "sohr"),
    ("White Helmets", "syria-civil-defence"),
    ("Zabihullah Mujahid", "taliban"),
    ("SANA", "sana"),
])
def test_known_names_resolve_to_one_id(phrase: str, cid: str) -> None:
    assert claimant_table().claimant(phrase).id == cid


@pytest.mark.parametrize("phrase, kind", [
    ("a military source", "military"),
    ("medics", "medical"),
    ("activists", "anonymous"),
    ("hospital officials", "medical"),
    ("the county medical examiner", "medical"),
    ("police", "police"),
    ("a sheriff's office spokesman", "police"),
    ("the mayor", "local_official"),
    ("rescuers", "civil_defence"),
    ("a witness", "witness_or_family"),
    ("opposition activists", "anonymous"),
    ("local activists", "anonymous"),
    ("the YPG", "armed_group"),
])
def test_unnamed_sources_get_their_kind_from_their_words(phrase: str, kind: str) -> None:
    claimant = claimant_table().claimant(phrase)
    assert claimant.kind == kind and claimant.id == claimant_table().claimant(phrase.upper().lower()).id


def test_an_unnamed_source_takes_a_body_side_not_its_identity() -> None:
    claimant = claimant_table().claimant("a Syrian military source")
    assert claimant.id == "syrian-military-source" and claimant.kind == "military"
    assert claimant.side == "Syrian Arab Army"


def test_acronyms_match_only_as_written() -> None:
    assert claimant_table().claimant("AP").id == "ap"
    assert claimant_table().lookup("the man who saw it") is None


def test_every_side_is_an_actor_and_every_part_of_an_entry() -> None:
    actors = json.loads(resources.files("warwire.data").joinpath("actors.json").read_text("utf-8"))
    names = {a["name"] for a in actors["actors"]}
    table = claimant_table()
    for entry in table.entries.values():
        assert entry.side is None or entry.side in names, entry.id
        assert entry.part_of is None or entry.part_of in table.entries, entry.id


def test_claim_round_trips_its_claimant_through_the_contract_shape() -> None:
    from warwire.ledger.from_contract import claim_from_dict

    who = Claimant("sohr", "Syrian Observatory for Human Rights", "monitor", None, "says a UK-based monitor", None)
    claim = Claim("killed", "civilians", 4, "exact", 4, 4, 4, [Evidence("4 killed", 0, 8)],
                  claimed_by="Syrian Observatory for Human Rights", claimant=who)
    data = claim.to_dict()
    assert data["claimant"]["id"] == "sohr" and data["claimed_by"] == "Syrian Observatory for Human Rights"
    assert claim_from_dict(data) == claim
