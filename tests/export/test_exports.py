"""Ledger-event exports (JSONL, CSV, GeoJSON) and the per-claim document CSV."""

from __future__ import annotations

import csv
import io
import json

from warwire.export import documents_to_csv, to_csv, to_geojson, to_jsonl
from warwire.export.csv import EVENT_COLUMNS
from warwire.model import Actor, Claim, Document, Event, EventDate, Evidence, PartialDate, Place

EVENTS = [
    {
        "id": "ev-1",
        "documents": ["a", "b"],
        "type": "air_drone_strike",
        "date": {"start": "2020-02-08", "end": None, "precision": "day"},
        "location": {
            "name": "Saraqib",
            "admin1": "Idlib",
            "admin2": None,
            "country": "SY",
            "lat": 35.86,
            "lon": 36.8,
            "precision": "town",
        },
        "actors": [
            {"name": "Syrian Arab Air Force", "category": "state_forces", "role": "perpetrator"},
            {"name": "Hayat Tahrir al-Sham", "category": "jihadist_group", "role": "target"},
        ],
        "casualties": [
            {"outcome": "killed", "group": "armed_groups", "low": 8, "best": 12, "high": 30},
            {"outcome": "killed", "group": "civilians", "low": 2, "best": 2, "high": 3},
            {"outcome": "wounded", "group": "civilians", "low": 5, "best": 5, "high": 5},
        ],
        "sources": ["Sputnik", "TASS"],
        "claimants": ["monitors"],
        "flags": ["disagreement:killed/armed_groups"],
        "reports": 2,
    },
    {
        "id": "ev-2",
        "documents": ["c"],
        "type": "other",
        "date": {"start": "2020-02", "end": None, "precision": "month"},
        "location": {"name": None, "admin1": "Homs", "country": "SY", "precision": "admin1"},
        "actors": [],
        "casualties": [],
        "sources": [],
        "claimants": [],
        "flags": [],
        "reports": 1,
    },
]


def test_csv_one_row_per_event_with_acled_like_columns():
    fh = io.StringIO()
    assert to_csv(EVENTS, fh) == 2
    rows = list(csv.DictReader(io.StringIO(fh.getvalue())))
    assert list(rows[0]) == EVENT_COLUMNS
    r = rows[0]
    assert (r["fatalities_low"], r["fatalities_best"], r["fatalities_high"]) == ("10", "14", "33")
    assert (r["killed_armed_groups"], r["wounded_civilians"], r["killed_state_forces"]) == ("12", "5", "")
    assert r["actor1"] == "Syrian Arab Air Force" and r["actor2"] == "Hayat Tahrir al-Sham"
    assert r["documents"] == "a; b" and r["notes"] == "disagreement:killed/armed_groups"
    assert rows[1]["fatalities_best"] == "" and rows[1]["latitude"] == ""


def test_geojson_points_and_null_geometry():
    fh = io.StringIO()
    to_geojson(EVENTS, fh)
    fc = json.loads(fh.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    pt, none = fc["features"]
    assert pt["geometry"] == {"type": "Point", "coordinates": [36.8, 35.86]}  # lon, lat order
    assert none["geometry"] is None and none["properties"]["admin1"] == "Homs"
    assert all(not isinstance(v, dict | list) for v in pt["properties"].values())  # flat for QGIS


def test_jsonl_roundtrip():
    fh = io.StringIO()
    to_jsonl(EVENTS, fh)
    assert [json.loads(x) for x in fh.getvalue().splitlines()] == EVENTS


def test_documents_csv_one_row_per_claim():
    text = "Two strikes hit Saraqib; about 20 people were killed and dozens hurt, rescuers said."
    ev = Event(
        id="e0",
        type="air_drone_strike",
        primary=True,
        date=EventDate(PartialDate(2020, 2, 8), precision="day"),
        location=Place("Saraqib", "Idlib", country="SY", lat=35.86, lon=36.8, precision="town"),
        actors=[Actor("Syrian Arab Air Force", "state_forces", "perpetrator")],
        casualties=[
            Claim(
                "killed",
                "unspecified",
                20,
                "approximately",
                18,
                20,
                22,
                [Evidence("about 20 people", 25, 40)],
                claimed_by="rescuers",
            ),
            Claim(
                "wounded",
                "unspecified",
                None,
                "vague",
                24,
                36,
                48,
                [Evidence("dozens", 59, 65)],
                vague="dozens",
                claimed_by="rescuers",
            ),
        ],
    )
    doc = Document(doc="d1", text=text, events=[ev, Event(id="e1")])
    fh = io.StringIO()
    assert documents_to_csv([doc], fh) == 2
    rows = list(csv.DictReader(io.StringIO(fh.getvalue())))
    assert rows[0]["quote"] == text[25:40] == "about 20 people"
    assert (rows[0]["date"], rows[0]["place"], rows[0]["best"], rows[0]["primary"]) == (
        "2020-02-08",
        "Saraqib",
        "20",
        "True",
    )
    assert rows[1]["vague"] == "dozens" and rows[1]["value"] == ""
