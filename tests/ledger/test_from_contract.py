"""Documents rebuilt from contract dicts equal the originals."""

from __future__ import annotations

import json

from warwire.ledger.from_contract import document_from_dict, read_jsonl


def test_roundtrip_through_contract_dict(tmp_path, mk):
    t = "Jets struck near Idlib, killing 12 militants, the ministry said."
    doc = mk.doc(
        "d1", t, "Outlet A", (2020, 2, 8), mk.IDLIB, [("12 militants", "killed", "armed_groups", "ministry")]
    )
    back = document_from_dict(json.loads(json.dumps(doc.to_dict())))
    assert back.to_dict() == doc.to_dict()
    assert back.events[0].casualties[0].evidence[0].quote == "12 militants"
    path = tmp_path / "x.jsonl"
    path.write_text(
        json.dumps(doc.to_dict()) + "\n\n" + json.dumps({"doc": "d2", "published": {}, "events": []})
    )
    docs = list(read_jsonl(path))
    assert [d.doc for d in docs] == ["d1", "d2"] and docs[1].published is None
