"""Ledger stores for tests outside tests/ledger: a new SQLite file, or a new database on the PostgreSQL
server of WARWIRE_TEST_PG_URL (.ci/run starts one); without that variable the PostgreSQL case skips."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("WARWIRE_TEST_PG_URL")
STORES = ["sqlite", "postgresql"]


def fresh_store(kind: str, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty ledger of `kind` (a PostgreSQL database is dropped afterwards)."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    if not PG_URL:
        pytest.skip("WARWIRE_TEST_PG_URL not set: the PostgreSQL case is skipped")
    yield from fresh_pg_database()


def fresh_pg_database() -> Iterator[str]:
    """A new, empty database on the test server (dropped afterwards): migrations start from nothing."""
    from sqlalchemy import create_engine, text

    assert PG_URL, "WARWIRE_TEST_PG_URL is not set"
    name = f"warwire_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
