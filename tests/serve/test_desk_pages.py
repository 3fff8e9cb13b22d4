"""The desk's pages and their .json twins on the in-process client."""

from __future__ import annotations

import csv
import io


def _wire_event(client) -> dict:  # noqa: ANN001
    return next(e for e in client.get("/events.json").json()["events"] if "wire-a" in e["documents"])


def test_events_list_has_facets_with_counts_and_filters(client):
    data = client.get("/events.json").json()
    assert data["count"] == 2
    facets = {k: {f["value"]: f["count"] for f in v} for k, v in data["facets"].items()}
    assert facets["country"] == {"SY": 2}
    assert facets["admin1"] == {"Idlib": 1, "Hama": 1}
    assert facets["outlet"] == {"Wire A": 1, "Wire B": 1, "Local <b>News</b>": 1}
    assert facets["review"] == {"unreviewed": 2}
    one = client.get("/events.json?admin1=Hama").json()
    assert one["count"] == 1 and one["events"][0]["documents"] == ["hostile"]
    # a facet's own selection leaves its other values countable
    assert {f["value"] for f in one["facets"]["admin1"]} == {"Idlib", "Hama"}
    assert client.get("/events.json?since=2025-01-08").json()["count"] == 1
    assert client.get("/events.json?until=2025-01-07").json()["count"] == 1
    html = client.get("/events?admin1=Hama").text
    assert "1 events" in html and "admin1=Hama" in html


def test_events_page_in_pages(client):
    p1 = client.get("/events.json?per_page=1").json()
    p2 = client.get("/events.json?per_page=1&page=2").json()
    assert p1["pages"] == 2 and len(p1["events"]) == len(p2["events"]) == 1
    assert p1["events"][0]["id"] != p2["events"][0]["id"]


def test_list_downloads_as_csv_and_geojson(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv?admin1=Idlib").text)))
    assert len(rows) == 1 and rows[0]["fatalities_best"] == "12" and rows[0]["admin1"] == "Idlib"
    gj = client.get("/events.geojson").json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 2
    assert all(f["geometry"]["type"] == "Point" for f in gj["features"])


def test_event_page_marks_each_figure_sentence_and_explains_the_merge(client):
    ev = _wire_event(client)
    data = client.get(f"/event/{ev['id']}.json").json()
    killed = next(f for f in data["event"]["casualties"] if f["outcome"] == "killed")
    assert (killed["low"], killed["best"], killed["high"], killed["sources"]) == (12, 12, 12, 1)
    assert "median" in data["rule"]
    assert {c["outlet"] for c in data["claims"]} == {"Wire A", "Wire B"}
    assert {c["source"] for c in data["claims"]} == {"testland-ministry"}  # two outlets relaying one claimant
    assert [r["marked"] for r in data["reports"]] == [2, 3]  # figure sentences + place
    assert data["reports"][1]["merge"]["why"]["features"]
    html = client.get(f"/event/{ev['id']}").text
    assert ('<mark class="mark-figure" title="killed armed_groups: 12">Jets struck a depot near </mark>'
            '<mark class="mark-figure mark-place"') in html
    assert html.count('class="mark-figure') >= 2


def test_map_data_draws_regions_as_regions(client):
    feats = {f["precision"]: f for f in client.get("/map.json").json()["features"]}
    assert feats["town"]["name"] == "Idlib" and feats["admin1"]["admin1"] == "Hama"
    one = client.get("/map.json?limit=1").json()
    assert (one["count"], one["shown"]) == (2, 1)


def test_timeline_is_svg_with_a_bar_per_day(client):
    r = client.get("/timeline.svg")
    assert r.headers["content-type"].startswith("image/svg+xml")
    assert r.text.count("events</title>") == 2 and "2025-01-06: 2 events" not in r.text


def test_document_page_marks_figures_places_and_is_escaped(client):
    data = client.get("/document.json?id=wire-b").json()
    kinds = {m["kind"] for m in data["marks"]}
    assert {"figure", "place"} <= kinds
    assert data["document"]["reports"][0]["event"] == _wire_event(client)["id"]
    assert client.get("/document?id=missing").status_code == 404
    assert client.get("/event/nope").status_code == 404


def test_queue_ranks_and_shows_progress(client):
    data = client.get("/queue.json").json()
    assert data["progress"] == {"reviewed": 0, "partial": 0, "events": 2}
    assert data["count"] == 2


def test_claimant_page_shows_its_figures_and_record(client):
    from desk_data import MINISTRY, post

    data = client.get("/events.json").json()
    facets = {k: {f["value"]: f["count"] for f in v} for k, v in data["facets"].items()}
    assert facets["claimant"] == {MINISTRY.name: 1, "medics": 1}
    assert facets["claimant_kind"] == {"government": 1, "other": 1}
    ev = _wire_event(client)
    d = client.get(f"/event/{ev['id']}.json").json()
    c = d["claims"][0]
    assert (c["claimant_id"], c["kind"], c["side"]) == (MINISTRY.id, "government", "Army of Testland")
    assert f'href="/claimant/{MINISTRY.id}"' in client.get(f"/event/{ev['id']}").text
    post(client, "/review/claim", {"key": c["stable_key"], "action": "confirm"})
    page = client.get(f"/claimant/{MINISTRY.id}.json").json()
    assert page["claimant"]["kind"] == "government" and len(page["figures"]) == 3
    assert page["record"] == {"confirmed": 1, "corrected": 0, "rejected": 0, "unreviewed": 2}
    assert page["outlets"] == ["Wire A", "Wire B"]
    assert client.get(f"/claimant/{MINISTRY.id}").status_code == 200
    assert client.get("/claimant/nobody").status_code == 404


def test_claimant_page_carries_the_ledgers_track_record(client, ledger_url):
    from desk_data import MINISTRY

    from warwire.ledger import Ledger

    page = client.get(f"/claimant/{MINISTRY.id}.json").json()
    ledger = Ledger(ledger_url)
    record = ledger.claimant(MINISTRY.id)
    ledger.close()
    # The two wires relay one claimant, and no other source gave its outcome and group: nothing to compare.
    assert record["compared"] == 0
    assert page["track_record"] == {k: record[k] for k in ("compared", "median_ratio", "higher", "lower", "equal",
                                                             "party")}
    assert "no figure another source also gave" in client.get(f"/claimant/{MINISTRY.id}").text


def test_an_arabic_report_runs_right_to_left_with_english_labels(ledger_url):
    """The stored language sets the text's direction; the figure's marks and the claims table stay in
    English (outcome, group, the claimant's name from the claimant table)."""
    from desk_data import ARABIC, ORIGIN, TOKEN, arabic_doc
    from fastapi.testclient import TestClient

    from warwire.ledger import Ledger
    from warwire.serve import create_app

    ledger = Ledger(ledger_url)
    ledger.ingest_documents([arabic_doc()])
    ledger.close()
    client = TestClient(create_app(ledger_url, token=TOKEN), base_url=ORIGIN)
    ev = next(e for e in client.get("/events.json").json()["events"] if "ar-idlib" in e["documents"])
    data = client.get(f"/event/{ev['id']}.json").json()
    (rep,) = data["reports"]
    # the figure's sentence (the Arabic path stores no place span yet, so the place is not marked)
    assert (rep["dir"], rep["lang"], rep["marked"]) == ("rtl", "ar", 1)
    assert [(c["outcome"], c["group"], c["best"], c["claimant_name"]) for c in data["claims"]] == [
        ("killed", "civilians", 12, "Syrian Observatory for Human Rights")]
    html = client.get(f"/event/{ev['id']}").text
    assert '<div class="text" dir="rtl" lang="ar">' in html
    assert 'title="killed civilians: 12"' in html and ARABIC[:10] in html
    doc = client.get("/document", params={"id": "ar-idlib"}).text
    assert '<div class="text" dir="rtl" lang="ar">' in doc
    wire = client.get("/document", params={"id": "wire-a"}).text  # no language stored: the browser decides
    assert '<div class="text" dir="auto">' in wire
