"""Casualty reconciliation: independent sources, low/best/high, flags."""

from __future__ import annotations

from warwire.ledger.reconcile import Report, claimant_key, party_side, reconcile


def r(best, by, outlet, doc, group="armed_groups", low=None, high=None, outcome="killed") -> Report:
    return Report(outcome, group, low, best, high, by, outlet, doc)


def test_claimant_spellings_normalise_to_one_source():
    keys = {
        claimant_key(x)
        for x in (
            "the Russian Reconciliation Centre",
            "Russian Center for Reconciliation",
            "Russia's Centre for Reconciliation of Opposing Sides",
        )
    }
    assert keys == {"reconciliation centre"}
    assert claimant_key("The Syrian Observatory for Human Rights") == claimant_key("SOHR")


def test_two_outlets_relaying_one_claimant_count_once():
    figs, _ = reconcile(
        [
            r(20, "the Russian Reconciliation Centre", "Sputnik", "a"),
            r(20, "Russian Center for Reconciliation", "TASS", "b"),
            r(8, "Syrian Observatory for Human Rights", "Outlet C", "c"),
        ]
    )
    (fig,) = figs
    assert fig["sources"] == 2 and fig["reports"] == 3
    assert (fig["low"], fig["best"], fig["high"]) == (8, 8, 20)  # median of 2 sources' bests: lower middle
    assert fig["outlets"] == ["Outlet C", "Sputnik", "TASS"]


def test_median_of_independent_sources_and_updated_toll():
    figs, flags = reconcile(
        [
            r(5, None, "Daily Herald", "a", group="civilians"),
            r(7, None, "Daily Herald", "a2", group="civilians"),  # the same outlet's later, higher toll
            r(6, "local council", "Outlet B", "b", group="civilians", low=6, high=9),
            r(9, "civil defence", "Outlet C", "c", group="civilians", low=7),
        ]
    )
    (fig,) = figs
    assert fig["by_source"]["outlet:daily herald"] == [5, 7, 7]
    assert (fig["low"], fig["best"], fig["high"]) == (5, 7, 9)
    assert not fig["disagreement"] and flags == []


def test_disagreement_and_party_claim_flags():
    _, flags = reconcile(
        [
            r(60, "Syrian military source", "Outlet A", "a"),
            r(4, "Syrian Observatory for Human Rights", "Outlet B", "b"),
        ]
    )
    assert "disagreement:killed/armed_groups" in flags
    assert "party_claim:Syrian military source" in flags
    assert party_side("Ministry of Defence") == "state" and party_side("rebel commanders") == "armed"
    assert party_side("Syrian Observatory for Human Rights") is None
