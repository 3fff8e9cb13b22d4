"""Attributions resolved across a document: quotes, anaphora, descriptions, relays, organs, named people."""

from __future__ import annotations

import pytest

from warwire.extraction.claimant_resolution import resolve_claimants


def _ids(sentences: list[str]) -> list[str | None]:
    return [c.id if c else None for _, c in resolve_claimants(sentences)]


def test_a_quote_over_several_sentences_takes_the_attribution_after_its_closing_mark() -> None:
    sentences = [
        "The Russian Centre for Reconciliation said on Monday that rebels attacked two villages.",
        '"Government forces repelled the attack and up to 30 militants were eliminated.',
        'Six soldiers were killed and nine were wounded," the statement reads.',
    ]
    assert _ids(sentences) == ["russia-reconciliation-centre"] * 3


def test_anaphora_points_to_the_last_fitting_claimant() -> None:
    sentences = [
        "The Syrian Observatory for Human Rights said 12 people died.",
        "Civil defence workers pulled four bodies out, the White Helmets said.",
        "The Observatory added that two of the dead were children.",
        "The monitor said the toll could rise.",
        "He said nine more were hurt.",
    ]
    assert _ids(sentences) == ["sohr", "syria-civil-defence", "sohr", "sohr", "sohr"]


def test_a_description_resolves_forward_to_the_name_the_next_sentence_gives() -> None:
    sentences = [
        "Nine fighters were killed in the clashes, a Beirut-based rights group said.",
        "The Syrian Network for Human Rights said three civilians also died.",
    ]
    assert _ids(sentences) == ["snhr", "snhr"]


def test_a_description_in_the_table_needs_no_name() -> None:
    [(_, claimant)] = resolve_claimants(["Seven civilians died in the raid, says a Britain-based war monitor."])
    assert claimant is not None and claimant.id == "sohr" and claimant.as_written == "says a Britain-based war monitor"


@pytest.mark.parametrize("sentence, cid, kind, via", [
    ("An army source told the Russian Sputnik news agency that 20 gunmen were killed.", "army-source", "military",
     "Sputnik"),
    ("SANA reported, citing a police source, that three people were killed.", "police", "police",
     "SANA (Syrian Arab News Agency)"),
    ("Five soldiers died, the Afghan Defence Ministry said in a statement quoted by Tolo News.", "afghan-mod",
     "military", "Tolo News"),
    ("Medics said eight people were taken to hospital.", "medics", "medical", None),
    ("Activists said 14 people died in the shelling.", "activists", "anonymous", None),
    ("Two men were wounded, said Sgt. Ann Cole of the Dayton Police Department.", "police:dayton",
     "police", None),
])
def test_relays_and_unnamed_sources(sentence: str, cid: str, kind: str, via: str | None) -> None:
    [(_, claimant)] = resolve_claimants([sentence])
    assert claimant is not None and (claimant.id, claimant.kind, claimant.via) == (cid, kind, via)


def test_a_body_named_beside_its_organ_is_the_organ() -> None:
    sentences = [
        "The attack killed 30 soldiers, according to the Russian Defence Ministry.",
        "The Russian Defence Ministry's Centre for Reconciliation said on Friday that 200 rebels attacked.",
    ]
    assert _ids(sentences) == ["russia-reconciliation-centre"] * 2


def test_a_person_is_the_body_they_speak_for_and_keeps_it_by_surname() -> None:
    sentences = [
        "Two people were killed, Marion County Sheriff Dale Brandt said.",
        "A third victim died at the hospital, Brandt said.",
        "Police said the gunman fled.",
    ]
    assert _ids(sentences) == ["sheriff:marion"] * 3


def test_a_spokesman_in_the_table_is_his_body() -> None:
    [(_, claimant)] = resolve_claimants(["Taliban spokesman Zabihullah Mujahid said 12 soldiers were killed."])
    assert claimant is not None and (claimant.id, claimant.side) == ("taliban", "Taliban")


def test_own_voice_and_a_lone_pronoun_have_no_claimant() -> None:
    assert _ids(["Gunmen killed three farmers on Friday.", "He said more were missing."]) == [None, None]


@pytest.mark.parametrize("sentence, cid", [
    ("Five fighters were killed in Hasakeh early Friday the UK-based Syrian Observatory for Human Rights (SOHR) said.",
     "sohr"),
    ('"Nine were killed in the market" said Rami Abdel Rahman head of the Syrian Observatory for Human Rights.',
     "sohr"),
    ("The Lane County sheriff's office says three hunters were wounded.", "sheriff:lane"),
    ("A girl died at the scene, according to the sheriff's office.", "sheriff"),  # placed later by its event
    ("Two men died, according to Fulton Police Chief Mark Reyes.", "police:fulton"),
    ("Four volunteers were killed when the clinic was hit the rescue service said.", "rescue-service"),
    ("He was a kind man who loved his children, his brother-in-law said Friday.", "brother-in-law"),
])
def test_local_and_wire_patterns(sentence: str, cid: str) -> None:
    [(_, claimant)] = resolve_claimants([sentence])
    assert claimant is not None and claimant.id == cid


@pytest.mark.parametrize("sentence", [
    "The two children were reported missing on Saturday.",
    "The blast claimed the lives of four workers.",
    "A car bomb in the northern town of Tal Abyad has claimed the lives of at least nine people.",
])
def test_casualty_verbs_are_not_attributions(sentence: str) -> None:
    assert resolve_claimants([sentence]) == [(None, None)]


def test_it_said_points_back_to_the_organisation() -> None:
    sentences = ["The Syrian Network for Human Rights said 30 civilians died in March.",
                 "Eleven of them were children, it said."]
    assert _ids(sentences) == ["snhr", "snhr"]


def test_a_place_after_the_speaker_is_skipped() -> None:
    [(_, claimant)] = resolve_claimants(["Medics at the scene said four people died."])
    assert claimant is not None and (claimant.id, claimant.kind) == ("medics", "medical")


def test_the_group_points_back_to_a_body_the_text_names_without_quoting_it() -> None:
    sentences = [
        "Two volunteers of the Syria Civil Defence were killed in an air strike on Sunday.",
        "The group said three more rescuers were wounded.",
    ]
    assert _ids(sentences)[1] == "syria-civil-defence"
    armed = ["Fighters of the White Helmets' town were shelled.", "The jihadist group said 20 soldiers died."]
    assert _ids(armed)[1] != "syria-civil-defence"  # its own words make it an armed group


def test_an_ngo_is_the_monitor_the_next_sentence_names() -> None:
    sentences = [
        "Barrel bombs killed at least 11 people in Aleppo on Monday, an NGO said.",
        "The Syrian Observatory for Human Rights said children were among the dead.",
    ]
    assert _ids(sentences) == ["sohr", "sohr"]


def test_reports_before_their_verb_are_an_unnamed_source_not_the_place_before_them() -> None:
    [(_, claimant)] = resolve_claimants(["Gunmen shot dead 14 villagers in the province of Deraa reports indicate."])
    assert claimant is not None and (claimant.id, claimant.kind) == ("reports", "anonymous")
