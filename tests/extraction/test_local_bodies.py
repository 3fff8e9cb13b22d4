"""Local bodies in local news keyed by their place: one id however the text names them, another city's
police another id, and a body that names no place takes its report's place (sentences written for these
tests in the style of US local news)."""

from __future__ import annotations

import pytest

from warwire.extraction.claimants import claimant_table
from warwire.extraction.local_bodies import local_bodies


@pytest.mark.parametrize("phrase", [
    "Carlton police", "police in Carlton", "the Carlton Police Department", "a Carlton police spokesman",
    "Carlton Police Chief Dana Reyes", "Sgt. Lee Moss of the Carlton Police Department",
    "Lee Moss, a spokesman for the Carlton Police Department",
    "Sgt. Lee Moss of the Carlton Police Department's Harbor Station",
])
def test_one_city_police_is_one_id_however_named(phrase: str) -> None:
    claimant = claimant_table().claimant(phrase)
    assert (claimant.id, claimant.kind) == ("police:carlton", "police")


@pytest.mark.parametrize("phrase, cid, kind", [
    ("Brookfield police", "police:brookfield", "police"),
    ("the Cook County Medical Examiner's Office", "medical-examiner:cook", "medical"),
    ("the Lane County Sheriff's Office", "sheriff:lane", "police"),
    ("Broward sheriff's deputies", "sheriff:broward", "police"),
    ("Northwestern Memorial Hospital", "hospital:northwestern-memorial", "medical"),
    ("Michigan State Police", "state-police:michigan", "police"),
    ("an NYPD spokesman", "police:new-york", "police"),
    ("the Essex County Prosecutor's Office", "prosecutor:essex", "local_official"),
    ("Oakland police and the Alameda County coroner", "police:oakland", "police"),
    ("a hospital spokeswoman", "hospital", "medical"),
    ("the coroner", "coroner", "medical"),
    ("Coroner Earl Dunn", "coroner", "medical"),
])
def test_local_bodies_and_their_kinds(phrase: str, cid: str, kind: str) -> None:
    claimant = claimant_table().claimant(phrase)
    assert (claimant.id, claimant.kind) == (cid, kind)


@pytest.mark.parametrize("phrase", ["two police officers", "the man who called police", "Embed More News Videos"])
def test_words_that_name_no_body(phrase: str) -> None:
    assert local_bodies().claimant(phrase) is None


def test_a_bare_body_is_placed_by_its_report(ex) -> None:
    text = ("OAKLAND, Calif. (KXYZ) - Two men were killed in a shooting on Friday night, police said. "
            "A third man was wounded and taken to a hospital, a hospital spokeswoman said.")
    ids = [c.claimant.id for e in ex.extract(text).events for c in e.casualties if c.claimant]
    assert ids and set(ids) <= {"police:oakland", "hospital:oakland"} and "police:oakland" in ids


def test_bare_police_is_the_one_police_the_report_names(ex) -> None:
    text = ("Two people died after a shooting at a bar in Carlton early Sunday, Carlton police said. "
            "Police said a third victim was wounded.")
    ids = {c.claimant.id for e in ex.extract(text).events for c in e.casualties if c.claimant}
    assert ids == {"police:carlton"}


def test_authorities_take_the_body_named_next_and_a_local_kind(ex) -> None:
    text = ("Authorities say three people were wounded in a shooting in Dayton, Ohio, on Saturday. "
            "Montgomery County Sheriff's Office spokesman Rick Hale said the victims were taken to hospitals.")
    claims = [c for e in ex.extract(text).events for c in e.casualties]
    assert claims and all(c.claimant and c.claimant.id == "sheriff:montgomery" for c in claims)
    alone = ex.extract("Two men were shot dead in Dayton, Ohio, on Saturday, authorities said.")
    kinds = {c.claimant.kind for e in alone.events for c in e.casualties if c.claimant}
    assert kinds == {"local_official"}


def test_a_figure_takes_the_attribution_of_the_next_sentence(ex) -> None:
    text = ("A 17-year-old boy was killed in a shooting in Carlton on Friday night. "
            "Carlton police said the boy was found on a porch.")
    ids = {c.claimant.id for e in ex.extract(text).events for c in e.casualties if c.claimant}
    assert ids == {"police:carlton"}


def test_the_body_investigating_the_case_claims_its_figure(ex) -> None:
    text = "Brookfield police are investigating a shooting that left a 19-year-old man dead on Tuesday night."
    ids = {c.claimant.id for e in ex.extract(text).events for c in e.casualties if c.claimant}
    assert ids == {"police:brookfield"}


@pytest.mark.parametrize("dateline", ["BRENTWOOD --", "BRENTWOOD |", "BRENTWOOD, Tenn. (WXYZ) -"])
def test_bare_police_take_the_town_of_a_dateline_in_capitals(ex, dateline: str) -> None:
    text = f"{dateline} Two men were wounded in a shooting outside a store on Tuesday night, police said."
    ids = {c.claimant.id for e in ex.extract(text).events for c in e.casualties if c.claimant}
    assert ids == {"police:brentwood"}


def test_bare_police_take_the_one_police_the_text_names(ex) -> None:
    text = ("A woman was shot and wounded on Elm Street early Sunday, according to a police report. "
            "Dunmore Police are asking anyone with information to call the tip line.")
    ids = {c.claimant.id for e in ex.extract(text).events for c in e.casualties if c.claimant}
    assert ids == {"police:dunmore"}


def test_a_sentence_opening_word_is_no_police_place(ex) -> None:
    text = ("Three people were wounded in a shooting at a park in Carlton on Saturday, police said. "
            "Many police officers searched the area. The victims were taken to Mercy Medical Center.\n\n"
            "Police said the gunman fled on foot.")
    ids = {c.claimant.id for e in ex.extract(text).events for c in e.casualties if c.claimant}
    assert ids == {"police:carlton"}
