"""Figures to claims over a whole article: repeated figures merged, evidence spans checkable."""

from __future__ import annotations

REPEATED = """Militants kill 14 soldiers in attack on army post in Idlib

DAMASCUS, March 3 (Agency) - Militants killed 14 soldiers in an attack on an army post in Idlib province on \
Tuesday, the Defence Ministry said.

The attackers used heavy machine guns and mortars, the ministry added.
"""

DISAGREE = """Up to 80 wounded as rebels shell government-held district of Aleppo

Rebel shelling hit a government-held district of Aleppo on Monday. Twelve civilians were killed and 80 more \
wounded, according to the Interior Ministry.
"""


def _all_claims(doc):
    return [c for e in doc.events for c in e.casualties]


def _check_evidence(doc) -> None:
    for claim in _all_claims(doc):
        for ev in claim.evidence:
            assert ev.quote == doc.text[ev.start : ev.end]


def test_headline_and_lede_repeating_a_figure_make_one_claim_with_two_spans(ex) -> None:
    doc = ex.extract(REPEATED, published="2020-03-04")
    [claim] = _all_claims(doc)
    assert (claim.outcome, claim.group, claim.value, claim.qualifier) == ("killed", "state_forces", 14, "exact")
    assert len(claim.evidence) == 2
    assert claim.evidence[0].quote.startswith("Militants kill 14 soldiers")
    assert "Militants killed 14 soldiers" in claim.evidence[1].quote
    _check_evidence(doc)


def test_disagreeing_mentions_make_one_claim_covering_both(ex) -> None:
    doc = ex.extract(DISAGREE, published="2019-05-07")
    wounded = [c for c in _all_claims(doc) if c.outcome == "wounded"]
    assert len(wounded) == 1
    [claim] = wounded
    assert (claim.group, claim.value) == ("civilians", 80)
    assert claim.qualifier in ("at_most", "exact")
    assert (claim.low is None or claim.low <= 80) and claim.high is not None and claim.high >= 80
    assert len(claim.evidence) == 2
    killed = [(c.group, c.value) for c in _all_claims(doc) if c.outcome == "killed"]
    assert killed == [("civilians", 12)]
    _check_evidence(doc)


def test_unspecified_repeat_joins_the_named_group(ex) -> None:
    text = ("Six people killed in Homs car bombing\n"
            "Six civilians were killed when a car bomb exploded near a market in Homs on Sunday, police said.")
    [claim] = _all_claims(ex.extract(text))
    assert (claim.outcome, claim.group, claim.value) == ("killed", "civilians", 6)
    assert len(claim.evidence) == 2


def test_hedged_wording_wins_over_a_bare_headline(ex) -> None:
    text = ("20 soldiers killed in desert ambush\n"
            "At least 20 soldiers were killed when militants ambushed a convoy in the desert on Friday.")
    [claim] = _all_claims(ex.extract(text))
    assert (claim.value, claim.qualifier, claim.low, claim.high) == (20, "at_least", 20, None)


def test_zero_is_dropped_when_the_event_has_a_figure(ex) -> None:
    text = ("Two soldiers were wounded when a roadside bomb hit their patrol near the town on Monday. "
            "No one was killed, the army said.")
    claims = {(c.outcome, c.value) for c in _all_claims(ex.extract(text))}
    assert claims == {("wounded", 2), ("killed", 0)}
    text2 = "Two soldiers were wounded by a roadside bomb on Monday. No one was hurt in a second blast."
    assert {(c.outcome, c.value) for c in _all_claims(ex.extract(text2))} == {("wounded", 2)}


def test_claims_serialise_to_the_contract_shape(ex) -> None:
    data = ex.extract(REPEATED, published="2020-03-04").to_dict()
    [claim] = [c for e in data["events"] for c in e["casualties"]]
    assert set(claim) >= {"outcome", "group", "value", "qualifier", "low", "best", "high", "evidence", "claimed_by"}
    assert all(set(ev) == {"quote", "start", "end"} for ev in claim["evidence"])


PART_OF_TOTAL = """At least 40 civilians killed as jets pound rebel-held districts

At least 40 civilians were killed on Tuesday when government jets struck rebel-held districts of the city, \
a monitoring group said. Air strikes on the old market killed nine people, among them a child, it said.
"""


def test_a_smaller_unspecified_figure_after_a_total_is_part_of_it(ex) -> None:
    doc = ex.extract(PART_OF_TOTAL, published="2016-10-12")
    [claim] = [c for c in _all_claims(doc) if c.outcome == "killed"]
    assert (claim.group, claim.best, claim.low) == ("civilians", 40, 40)  # the part is no lower bound
    assert len(claim.evidence) == 3
    _check_evidence(doc)


def test_another_with_a_number_adds_that_many(ex) -> None:
    text = ("Seven soldiers were killed in the ambush near the bridge, the army said on Sunday. "
            "Mortar fire on a nearby village killed another four soldiers, it said.")
    killed = [c for c in _all_claims(ex.extract(text, published="2019-03-04")) if c.outcome == "killed"]
    assert sum(c.best for c in killed) == 11


def test_another_in_the_body_is_a_part_of_the_headline_total(ex) -> None:
    text = ("Shelling kills 12 civilians in Aleppo\n\n"
            "Shelling killed eight civilians in eastern Aleppo on Monday, a monitor said. "
            "Another four civilians were killed in the same area later in the day, it said.")
    killed = [c for c in _all_claims(ex.extract(text, published="2016-08-02")) if c.outcome == "killed"]
    assert [(c.group, c.best) for c in killed] == [("civilians", 12)]
