"""A desk over a small ledger of hand-written reports, on the in-process client."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_data import ORIGIN, TOKEN, hostile_doc, wire_docs


@pytest.fixture
def ledger_url(tmp_path: Path) -> str:
    from warwire.ledger import Ledger

    url = f"sqlite:///{tmp_path / 'desk.db'}"
    ledger = Ledger(url)
    ledger.ingest_documents([*wire_docs(), hostile_doc()])
    ledger.close()
    return url


@pytest.fixture
def app(ledger_url: str):  # noqa: ANN201 - a FastAPI app
    from warwire.serve import create_app

    return create_app(ledger_url, token=TOKEN)


@pytest.fixture
def client(app):  # noqa: ANN001, ANN201 - a TestClient
    from fastapi.testclient import TestClient

    return TestClient(app, base_url=ORIGIN)
