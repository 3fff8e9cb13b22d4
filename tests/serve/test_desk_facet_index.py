"""The facet index gives exactly what the plain scan (query.run) gives: same events in the same order and
the same counts, for random queries, before and after events are remade; and the map data it joins from
per-event parts is the JSON the features make."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from warwire.serve.facet_index import FacetIndex, map_feature
from warwire.serve.query import FACETS, Query, run

COUNTRIES = ["SY", "IQ", "UA", "", "YE"]
ADMIN1 = ["Idlib", "Aleppo", "Nineveh", "", "Kharkiv", "Sanaa"]
TYPES = ["air_strike", "armed_clash", "shelling", "other"]
CLAIMANTS = [("c:army", "the army", "state"), ("c:sohr", "SOHR", "monitor"), ("c:mod", "the ministry", "state"),
             ("c:rebels", "the rebels", "armed")]  # fmt: skip
OUTLETS = ["Reuters", "AFP", "TASS", "Sputnik", "AP"]


def _event(rng: random.Random, i: int, gen: int = 0) -> dict[str, Any]:
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.9 else None
    who = rng.sample(CLAIMANTS, rng.randint(0, 2))
    flags = (["disagreement:killed/civilians"] if rng.random() < 0.3 else []) + (
        ["party_claim:killed/armed_groups"] if rng.random() < 0.2 else [])
    loc = None if rng.random() < 0.1 else {"country": rng.choice(COUNTRIES), "admin1": rng.choice(ADMIN1),
                                           "name": f"town{i}", "lat": 1.0, "lon": 2.0, "precision": "town"}
    ev = {"id": f"ev-{i}", "gen": gen, "type": rng.choice(TYPES), "background": rng.random() < 0.15,
          "location": loc, "flags": flags, "claimant_entities": who,
          "sources": rng.sample(OUTLETS, rng.randint(1, 3)),
          "review_state": rng.choice(["unreviewed", "unreviewed", "partial", "reviewed"]),
          "date": {"start": day, "end": None}, "casualties": [{"outcome": "killed", "best": rng.randint(0, 40)}]}
    ev["_sort"] = ("".join(chr(0x10FFFF - ord(c)) for c in (day or "").ljust(10, "0")), ev["id"])
    return ev


def _queries(rng: random.Random, n: int) -> list[Query]:
    pools = {"country": COUNTRIES, "admin1": ADMIN1, "type": TYPES, "claimant": [c[1] for c in CLAIMANTS],
             "claimant_kind": ["state", "monitor", "armed"], "outlet": OUTLETS,
             "review": ["unreviewed", "partial", "reviewed"], "disagree": ["yes", "no"], "party_claim": ["yes", "no"]}
    out = [Query(), Query(background=True), Query(since="2024-06", until="2024-09-15")]
    for _ in range(n):
        sel = {k: set(rng.sample(pools[k], rng.randint(1, 2))) for k in rng.sample(list(FACETS), rng.randint(1, 3))}
        out.append(Query(sel, since=rng.choice([None, "2024-03-01"]), background=rng.random() < 0.3))
    return out


def _same(idx: FacetIndex, events: list[dict[str, Any]], queries: list[Query]) -> None:
    for q in queries:
        want_events, want_facets = run(events, q)
        slots, facets = idx.run(q)
        assert [e["id"] for e in idx.events(slots)] == [e["id"] for e in want_events], q
        assert facets == want_facets, q


def test_the_index_answers_as_the_plain_scan_before_and_after_events_are_remade():
    rng = random.Random(13)
    by_id = {e["id"]: e for e in (_event(rng, i) for i in range(400))}
    ordered = lambda: sorted(by_id.values(), key=lambda e: e["_sort"])  # noqa: E731
    idx = FacetIndex(ordered())
    queries = _queries(rng, 60)
    _same(idx, ordered(), queries)
    changes: list[tuple[set[str], list[str]]] = []
    for gen in range(1, 4):  # decisions remake some events (new dicts, same or new ids) and drop others
        removed = set(rng.sample(sorted(by_id), 40))
        for eid in removed:
            del by_id[eid]
        made = [f"ev-{i}" for i in rng.sample(range(500), 30)]
        for eid in made:
            by_id[eid] = _event(rng, int(eid[3:]), gen)
        changes.append((removed, made))
        idx.update(by_id, changes)
        assert idx.applied == len(changes)
        _same(idx, ordered(), queries)
    assert idx.dead > 0 and not idx.worn()


def test_map_data_is_the_features_of_the_placed_events_in_order():
    rng = random.Random(5)
    events = sorted((_event(rng, i) for i in range(120)), key=lambda e: e["_sort"])
    idx = FacetIndex(events)
    slots, _ = idx.run(Query())
    got = json.loads(idx.map_json(slots, 25))
    placed = [map_feature(e) for e in idx.events(slots) if map_feature(e)]
    assert got["count"] == len(placed) and got["shown"] == 25
    assert got["features"] == placed[:25]


@pytest.mark.parametrize("decisions", [1, 3])
def test_the_desk_facets_follow_decisions(client, decisions):
    """Through the app: after each decision the events page counts what a full scan of the view counts."""
    from desk_data import post

    from warwire.serve import pages

    desk = client.app.state.desk
    view = desk.view()
    keys = [c["stable_key"] for ms in view.members.values() for m in ms for c in m["raw_claims"] if c["stable_key"]]
    for key in keys[:decisions]:
        assert post(client, "/review/claim", {"key": key, "action": "confirm"}).status_code == 200
        data = client.get("/events.json").json()
        want_events, want_facets = run(desk.view().events, Query())
        assert [e["id"] for e in data["events"]] == [e["id"] for e in want_events][:50]
        assert {k: [(f["value"], f["count"]) for f in v] for k, v in data["facets"].items()} == want_facets
        assert pages.index(desk).applied == len(desk.view().changes)
    assert data["progress"]["reviewed"] == sum(1 for e in want_events if e["review_state"] == "reviewed")
