"""import_gazetteer: GeoNames dumps and Who's On First CSVs become a user extension merged at load."""

from __future__ import annotations

from pathlib import Path

from warwire.resolve.gazetteer import Gazetteer, import_gazetteer, load, norm

# Fictional places (made-up ids) in the GeoNames country-dump layout, 19 tab-separated columns.
GEONAMES = [
    ["990000001", "Qarqazoon", "Qarqazoon", "Karkazun,Qarqazun", "35.70000", "36.50000", "P", "PPL", "SY", "",
     "12", "", "", "", "1200", "", "300", "Asia/Damascus", "2020-01-01"],
    ["990000002", "Tell Zafran", "Tell Zafran", "", "36.10000", "37.00000", "P", "PPL", "SY", "",
     "09", "", "", "", "0", "", "400", "Asia/Damascus", "2020-01-01"],
    ["990000003", "Some Stream", "Some Stream", "", "36.0", "37.0", "H", "STM", "SY", "",
     "09", "", "", "", "0", "", "400", "Asia/Damascus", "2020-01-01"],
]
WOF = (
    "wof_id,placetype,name,gn_name,latitude,longitude,geonameid,population,admin1_name_wof,admin2_name_wof,"
    "mz_is_current,deprecated,all_names\n"
    "990000010,locality,Zorbaville,,34.5,38.2,,2500,Homs,,1,,Zorbaville|Zurbavil\n"
    "990000011,locality,Oldplace,,34.6,38.3,,10,Homs,,1,2019-01-01,Oldplace\n"
)


def test_import_geonames_dump(tmp_path: Path):
    src = tmp_path / "SY.txt"
    src.write_text("\n".join("\t".join(r) for r in GEONAMES) + "\n", encoding="utf-8")
    db = tmp_path / "db"
    assert import_gazetteer(src, db) == 2  # the stream (class H) is not a place
    gaz = Gazetteer(db)
    (e,) = gaz.lookup(norm("Karkazun"))
    assert (e.name, e.country, e.admin1, e.population) == ("Qarqazoon", "SY", "Idlib", 1200)
    assert gaz.lookup(norm("Tal Zafran"))[0].admin1 == "Aleppo"


def test_import_wof_csv(tmp_path: Path):
    src = tmp_path / "wof_sy_places.csv"
    src.write_text(WOF, encoding="utf-8")
    db = tmp_path / "db"
    assert import_gazetteer(src, db) == 1  # the deprecated row is skipped
    (e,) = Gazetteer(db).lookup(norm("Zurbavil"))
    assert (e.country, e.admin1, e.lat) == ("SY", "Homs", 34.5)


def test_default_location_and_merge(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("WARWIRE_HOME", str(tmp_path))
    src = tmp_path / "SY.txt"
    src.write_text("\t".join(GEONAMES[0]) + "\n", encoding="utf-8")
    try:
        assert import_gazetteer(src) == 1
        assert (tmp_path / "gazetteer" / "SY.tsv.gz").exists()
        gaz = load()
        assert gaz.lookup(norm("Qarqazoon")) and gaz.lookup(norm("Aleppo"))  # shipped data still there
    finally:
        load.cache_clear()
