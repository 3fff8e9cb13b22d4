"""Hand-made documents (invented content) for the ledger tests."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from stores import PG_URL, fresh_pg_database

from warwire.model import Actor, Claim, Document, Event, EventDate, Evidence, PartialDate, Place

IDLIB = {"name": "Idlib", "admin1": "Idlib", "country": "SY", "lat": 35.93, "lon": 36.63, "precision": "town"}
SARAQIB = {
    "name": "Saraqib",
    "admin1": "Idlib",
    "country": "SY",
    "lat": 35.86,
    "lon": 36.80,
    "precision": "town",
}
HOMS = {"name": "Homs", "admin1": "Homs", "country": "SY", "lat": 34.73, "lon": 36.71, "precision": "town"}


def claim(
    text: str, figure: str, outcome: str = "killed", group: str = "armed_groups", by: str | None = None
) -> Claim:
    start = text.index(figure)
    n = int(figure.split()[0])
    return Claim(
        outcome, group, n, "exact", n, n, n, [Evidence(figure, start, start + len(figure))], claimed_by=by
    )


def make_doc(
    doc: str,
    text: str,
    outlet: str,
    day: tuple[int | None, int | None, int | None] | None,
    place: dict | None,
    figures: list[tuple[str, str, str, str | None]] = (),
    type_: str = "air_drone_strike",
    actors: list[Actor] | None = None,
    extra: list[Event] | None = None,
) -> Document:
    """A document with one primary event; figures are (figure text, outcome, group, claimant)."""
    start = PartialDate(*day) if day else None
    prec = "day" if day and day[2] else ("month" if day and day[1] else "unknown")
    ev = Event(
        id=f"{doc}-a",
        type=type_,
        primary=True,
        date=EventDate(start=start, precision=prec),
        location=Place(**place) if place else None,
        actors=actors or [],
        casualties=[claim(text, f, o, g, by) for f, o, g, by in figures],
    )
    return Document(
        doc=doc, text=text, outlet=outlet, title=text[:30], published=start, events=[ev, *(extra or [])]
    )


@pytest.fixture
def mk() -> SimpleNamespace:
    return SimpleNamespace(doc=make_doc, claim=claim, IDLIB=IDLIB, SARAQIB=SARAQIB, HOMS=HOMS)


PG_SKIP = "WARWIRE_TEST_PG_URL not set: PostgreSQL ledger test skipped"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # noqa: ANN001
    """A fresh ledger URL: a new SQLite file, or a new database on WARWIRE_TEST_PG_URL's server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    if not PG_URL:
        pytest.skip(PG_SKIP)
    yield from fresh_pg_database()
