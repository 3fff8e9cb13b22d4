"""Exporters for ledger events (JSONL, CSV, GeoJSON) and per-document casualty claims (CSV)."""

from warwire.export.csv import documents_to_csv, to_csv
from warwire.export.geojson import to_geojson
from warwire.export.jsonl import to_jsonl

__all__ = ["documents_to_csv", "to_csv", "to_geojson", "to_jsonl"]
