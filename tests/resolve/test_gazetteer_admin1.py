"""Admin1 names in the shipped gazetteer: each city in its own region (a region misnamed for every town of
a country would misplace every event there)."""

from __future__ import annotations

import pytest

from warwire.resolve.gazetteer import load, norm


@pytest.mark.parametrize(("name", "country", "admin1"), [
    ("Los Angeles", "US", "California"),
    ("Chicago", "US", "Illinois"),
    ("Houston", "US", "Texas"),
    ("Gary", "US", "Indiana"),
    ("Birmingham", "GB", "England"),
    ("Kandahar", "AF", "Kandahār"),
    ("Baghdad", "IQ", "Baghdād"),
    ("Saraqib", "SY", "Idlib"),
])
def test_biggest_place_of_a_name_lies_in_its_own_admin1(name: str, country: str, admin1: str) -> None:
    entries = [e for e in load().lookup(norm(name)) if e.country == country and e.kind not in ("admin1", "country")]
    biggest = max(entries, key=lambda e: e.population)
    assert biggest.admin1 == admin1


def test_a_small_namesake_never_names_a_region() -> None:
    lyon = max(load().lookup(norm("Lyon")), key=lambda e: e.population)
    assert lyon.country == "FR" and lyon.admin1 != "Saint-Martin"
