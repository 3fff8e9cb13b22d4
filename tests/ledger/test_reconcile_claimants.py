"""Reconciliation by claimant id: relays count once, an outlet's own voice is the outlet, party flags by side."""

from __future__ import annotations

from warwire.ledger.reconcile import Report, reconcile


def k(cid: str, kind: str = "military", side: str | None = None) -> dict:
    return {"id": cid, "name": cid, "kind": kind, "side": side, "as_written": None, "via": None}


def r(best, claimant, outlet, doc, group="armed_groups", by=None) -> Report:
    return Report("killed", group, best, best, best, by or (claimant or {}).get("name"), outlet, doc, claimant)


def test_one_claimant_relayed_by_two_outlets_is_one_source_keyed_by_its_id():
    centre = k("russia-reconciliation-centre", side="Russian Armed Forces")
    (fig,), _ = reconcile([r(50, centre, "Sputnik", "a", by="the Centre"),
                           r(50, centre, "TASS", "b", by="Russian Defense Ministry")])
    assert fig["sources"] == 1 and fig["reports"] == 2
    assert list(fig["by_source"]) == ["russia-reconciliation-centre"]


def test_an_outlet_in_its_own_voice_and_cited_by_another_is_one_source():
    (fig,), _ = reconcile([r(7, None, "Reuters", "a"), r(7, k("reuters", "media"), "Daily Herald", "b")])
    assert fig["sources"] == 1 and list(fig["by_source"]) == ["reuters"]


def test_the_police_of_one_event_are_one_source_however_named():
    (fig,), _ = reconcile([
        r(2, k("oakland-police", "police"), "KTVU", "a", group="unspecified"),
        r(3, k("police", "police"), "SF Gate", "b", group="unspecified"),
        r(2, k("alameda-county-coroner", "medical"), "SF Gate", "b", group="unspecified"),
    ])
    assert fig["sources"] == 2 and fig["by_source"]["oakland-police"] == [2, 3, 3]


def test_a_party_claim_is_flagged_by_side_enemy_or_own_losses():
    mod = k("russia-mod", side="Russian Armed Forces")
    taliban = k("taliban", "armed_group", side="Taliban")
    _, flags = reconcile([
        r(60, mod, "TASS", "a", group="armed_groups"),
        r(3, mod, "TASS", "a", group="state_forces"),
        r(12, taliban, "Pajhwok", "b", group="state_forces"),
        r(9, k("sohr", "monitor"), "AFP", "c", group="civilians"),
    ])
    assert [f for f in flags if f.startswith("party")] == [
        "party_claim:russia-mod", "party_claim:taliban", "party_own_claim:russia-mod"]
