"""Engine creation and schema migration: SQLite (WAL, foreign keys on) or PostgreSQL.

Several processes may write one ledger at once:
- SQLite: WAL (readers never wait for the writer), a busy timeout (a writer waits for the other's
  transaction instead of failing with "database is locked"), and write transactions that take the write lock
  when they begin (BEGIN IMMEDIATE, see `writing`): a transaction that read first and wrote second could not
  wait for the lock (SQLite refuses to upgrade a read snapshot another writer has since made stale).
- PostgreSQL: transaction-level advisory locks: one for migrations, one that serialises linking (`lock`).
Migrations run in one such write transaction, so a second process waits and then finds the schema at head.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_SECONDS = 120.0  # how long a SQLite writer waits for another's transaction (migrations included)
# PostgreSQL advisory lock keys (any bigint; these spell "wwmigr" and "wwlink")
MIGRATION_LOCK = 0x77776D696772
LINK_LOCK = 0x77776C696E6B
_IMMEDIATE = "warwire_immediate"  # execution option: this connection's transactions take the write lock


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DB-API connection
    dbapi_conn.isolation_level = None  # the driver's own implicit BEGIN off: `_sqlite_begin` issues it
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    _set_wal(cur)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _set_wal(cur) -> None:  # noqa: ANN001 - DB-API cursor
    """Switch a new database to WAL. The switch needs an exclusive lock and SQLite may refuse it at once
    ("database is locked") without calling the busy handler while another process opens the same new file,
    so it is retried here for as long as the busy timeout would wait."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_IMMEDIATE) else "BEGIN")


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction: on SQLite it holds the write lock from its start (waiting up to BUSY_SECONDS)."""
    with engine.connect() as conn:
        conn.execution_options(**{_IMMEDIATE: True})
        with conn.begin():
            yield conn


def lock(conn: Connection, key: int) -> None:
    """PostgreSQL: hold advisory lock `key` until the transaction ends (SQLite: `writing` already serialises)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def alembic_config(engine: Engine) -> Config:
    """An Alembic Config built in code; script_location points into the installed package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    url = engine.url.render_as_string(hide_password=False)
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser interpolates %
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema to `revision` (idempotent; concurrent callers run it one at a time)."""
    cfg = alembic_config(engine)
    with writing(engine) as conn:
        lock(conn, MIGRATION_LOCK)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
