"""A desk over a small ledger of hand-written reports, on the in-process client."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from desk_data import ORIGIN, PG_URL, TOKEN, hostile_doc, pg_database, wire_docs


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The hand-written reports in a ledger, on SQLite and (WARWIRE_TEST_PG_URL set) on PostgreSQL."""
    from warwire.ledger import Ledger

    with ExitStack() as stack:
        if request.param == "postgresql":
            if not PG_URL:
                pytest.skip("WARWIRE_TEST_PG_URL not set: the desk's PostgreSQL run skipped")
            url = stack.enter_context(pg_database())
        else:
            url = f"sqlite:///{tmp_path / 'desk.db'}"
        ledger = Ledger(url)
        ledger.ingest_documents([*wire_docs(), hostile_doc()])
        ledger.close()
        yield url


@pytest.fixture
def app(ledger_url: str):  # noqa: ANN201 - a FastAPI app
    from warwire.serve import create_app

    return create_app(ledger_url, token=TOKEN)


@pytest.fixture
def client(app):  # noqa: ANN001, ANN201 - a TestClient
    from fastapi.testclient import TestClient

    return TestClient(app, base_url=ORIGIN)
