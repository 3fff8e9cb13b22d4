"""The review log: every reviewer decision, appended, never updated or deleted.

A decision names its target by a stable id (ledger/keys.py), never by a row id, so it re-attaches after
re-ingest and re-extraction. Undo is itself a decision (`undo`, after = {"undo": id}); the log only grows.
The database refuses UPDATE and DELETE on the table (triggers of migration 0002).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from warwire.ledger.schema import review_log

CLAIM_ACTIONS = ("confirm", "correct", "reject")
REPORT_ACTIONS = ("set_type", "set_place", "set_date", "set_background", "split")
ACTIONS = (*CLAIM_ACTIONS, *REPORT_ACTIONS, "merge", "undo")
CORRECTABLE = ("value", "qualifier", "outcome", "group", "claimed_by", "low", "best", "high")
INSERT_DECISION = insert(review_log).returning(review_log.c.id)


class ReviewError(ValueError):
    """A decision that cannot be recorded (unknown action, bad target, undo of nothing)."""


@dataclass(frozen=True)
class Decision:
    id: int
    at: datetime
    who: str
    what: str
    target: str
    before: Any
    after: Any
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat() if self.at else None, "who": self.who, "what": self.what,
                "target": self.target, "before": self.before, "after": self.after, "note": self.note}  # fmt: skip


def _check(what: str, target: str, after: Any) -> None:
    if what not in ACTIONS:
        raise ReviewError(f"unknown decision {what!r} (one of {', '.join(ACTIONS)})")
    if not target:
        raise ReviewError("a decision needs a target")
    if what == "correct" and (not isinstance(after, dict) or not after or set(after) - set(CORRECTABLE)):
        raise ReviewError(f"a correction sets some of {', '.join(CORRECTABLE)}")
    if what == "merge" and not (isinstance(after, dict) and after.get("a") and after.get("b")):
        raise ReviewError("a merge names two sets of reports: after = {'a': [...], 'b': [...]}")


class ReviewLog:
    """Append and read decisions (SQLite or PostgreSQL, through the ledger's engine)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def append(
        self, who: str, what: str, target: str, before: Any = None, after: Any = None, note: str | None = None
    ) -> int:
        _check(what, target, after)
        with self.engine.begin() as conn:
            if what == "undo":
                self._check_undo(conn, after)
            row = {"at": datetime.now(UTC), "who": who or "anonymous", "what": what, "target": target,
                   "before": before, "after": after, "note": (note or None)}  # fmt: skip
            return conn.execute(INSERT_DECISION, [row]).scalar_one()

    def _check_undo(self, conn: Connection, after: Any) -> None:
        undo = after.get("undo") if isinstance(after, dict) else None
        got = conn.execute(select(review_log.c.what).where(review_log.c.id == undo)).scalar() if undo else None
        if got is None:
            raise ReviewError(f"no decision {undo!r} to undo")
        if got == "undo":
            raise ReviewError("an undo is not undone: record the decision again")

    def decisions(self, conn: Connection | None = None) -> list[Decision]:
        q = select(review_log).order_by(review_log.c.id)
        if conn is None:
            with self.engine.connect() as c:
                return [Decision(**r._mapping) for r in c.execute(q)]
        return [Decision(**r._mapping) for r in conn.execute(q)]

    def version(self, conn: Connection) -> int:
        return conn.execute(select(func.max(review_log.c.id))).scalar() or 0


def active(decisions: list[Decision]) -> list[Decision]:
    """The decisions in force, in order: all but undos and the decisions they undid."""
    undone = {d.after["undo"] for d in decisions if d.what == "undo"}
    return [d for d in decisions if d.what != "undo" and d.id not in undone]
