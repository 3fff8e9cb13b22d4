"""Build src/warwire/data/lang/ar/places.tsv.gz: the Arabic names of the shipped gazetteer's Syrian places.

Usage: PYTHONPATH=src .venv/bin/python scripts/build_gazetteer_ar.py [--shared ../shared/gazetteer]

Each row is a shipped Syrian entry (same id, names and coordinates as `places.tsv.gz`, so an Arabic and an
English report of one place resolve to one entry) with a tenth column: its normalised Arabic keys, '|'-joined.
Arabic names come from Who's On First (`name_ar_*`, Arabic-script `all_names`) and Open-Syria (governorates,
districts, sub-districts); a WOF row is tied to the shipped entry by id, else by its coordinates.
Sources and licences: src/warwire/data/SOURCES.md (section "Gazetteer").
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from warwire.extraction.ar.normalise import norm_word
from warwire.resolve.gazetteer import SHIPPED, format_row, parse_row

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "warwire" / "data" / "lang" / "ar" / "places.tsv.gz"
ARABIC = re.compile(r"^[\u0600-\u06FF\s\-']+$")
# Words a name may carry that text drops or writes apart ("محافظة إدلب", "ناحية ...", "منطقة ...").
ADMIN_WORDS = ("محافظة ", "محافظه ", "ناحية ", "ناحيه ", "منطقة ", "منطقه ", "مركز ")
csv.field_size_limit(sys.maxsize)


def arabic_names(*cells: str) -> list[str]:
    names = [n.strip() for cell in cells for n in cell.split("|")]
    return [n for n in names if n and ARABIC.match(n)]


def keys_for(names: list[str]) -> list[str]:
    keys = []
    for name in names:
        key = norm_word(name.replace("-", " "))
        for word in ADMIN_WORDS:
            if key.startswith(norm_word(word.strip()) + " "):
                key = key.split(" ", 1)[1]
        keys.append(key)
        if key.count(" ") == 1 and len(key) >= 7:
            keys.append(key.replace(" ", ""))  # posts glue two-word names: "ديرالزور", "تلرفعت"
        if key.startswith("ال") and len(key) > 4:
            keys.append(key[2:])  # "الحسكة" is also written in a compound without its article
    return [k for k in dict.fromkeys(keys) if len(k) >= 3]


def shipped_syria() -> tuple[dict[int, str], dict[tuple[float, float], int]]:
    rows: dict[int, str] = {}
    at: dict[tuple[float, float], int] = {}
    with gzip.open(SHIPPED, "rt", encoding="utf-8") as fh:
        for line in fh:
            if "\tSY\t" not in line:
                continue
            entry, _ = parse_row(line)
            rows[entry.id] = line.rstrip("\n").split("\t")[:9]
            if entry.lat is not None and entry.lon is not None:
                at.setdefault((round(entry.lat, 3), round(entry.lon, 3)), entry.id)
    return rows, at


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared" / "gazetteer"))
    shared = Path(ap.parse_args().shared)
    rows, at = shipped_syria()
    names: dict[int, list[str]] = defaultdict(list)

    def tie(gid: int, lat: float, lon: float, found: list[str]) -> None:
        target = gid if gid in rows else at.get((round(lat, 3), round(lon, 3)))
        if target is not None and found:
            names[target] += found

    with (shared / "syria_wof" / "wof_sy_places.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["deprecated"] or r["mz_is_current"] == "0" or not r["latitude"]:
                continue
            found = arabic_names(r["name_ar_preferred"], r["name_ar_variant"], r["all_names"])
            lat, lon = float(r["latitude"]), float(r["longitude"])
            tie(int(r["geonameid"] or 0) or int(r["wof_id"]), lat, lon, found)
    for part in ("governorates", "districts", "subdistricts"):
        for g in json.loads((shared / "syria_admin" / f"{part}.json").read_text(encoding="utf-8")):
            found = [g["name"]["ar"], *(a["value"] for a in g["aliases"] if a["language"] == "ar")]
            gid = int((g.get("externalIds") or {}).get("geonames") or 0)
            tie(gid, g["centroid"]["latitude"], g["centroid"]["longitude"], arabic_names(*found))
    out = []
    for gid, found in sorted(names.items()):
        entry, _ = parse_row("\t".join(rows[gid]) + "\t")
        out.append(format_row(entry, keys_for(found)))
    data = ("\n".join(out) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # reproducible: no timestamp
    print(f"{len(out)} entries with Arabic names -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
