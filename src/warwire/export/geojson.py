"""GeoJSON export of ledger events: a FeatureCollection of Point features (geometry null without
coordinates), flat properties (the CSV row) so QGIS and geojson.io show them as attribute columns."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from warwire.export.csv import event_row


def feature(e: dict[str, Any]) -> dict[str, Any]:
    loc = e.get("location") or {}
    geom = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        geom = {"type": "Point", "coordinates": [float(loc["lon"]), float(loc["lat"])]}
    return {"type": "Feature", "id": e["id"], "geometry": geom, "properties": event_row(e)}


def to_geojson(events: Iterable[dict[str, Any]], fh: TextIO) -> int:
    feats = [feature(e) for e in events]
    json.dump({"type": "FeatureCollection", "features": feats}, fh, ensure_ascii=False, default=str)
    fh.write("\n")
    return len(feats)
