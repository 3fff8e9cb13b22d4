"""The ledger: stores extraction results, links reports of one event, reconciles their figures.

Documents are stored and linked whole, in transactions that each hold whole documents: on SQLite the
documents of up to BATCH_SECONDS (one commit, the cost of a commit per document was a fifth of ingest), on
PostgreSQL one document each. A store error in one document's rows rolls its transaction back; its
documents are then stored again, each in its own savepoint, so the refused one fails alone
(`report.failures`) and the others are stored. An interrupted batch keeps
every document committed before the interruption and a rerun stores only the rest (documents are keyed by
sha256(doc id + text); a document seen before is skipped: known ones without a query, ones another process
stored meanwhile by the insert's ON CONFLICT).
A document whose id is stored with other text is a new version: the old one is deleted with its events and
links (and ledger events left without reports), and the new one is linked afresh.
Each write transaction holds the ledger's write lock (SQLite) or link lock (PostgreSQL), so two processes
ingesting at once link one document at a time, each seeing everything the other committed; a transaction
that deletes rows (merge, replaced version) bumps `ledger_state.changes`, and a process that finds another
count there reads its caches again (one primary-key read per transaction).
A report that matches two ledger events merges them (`link.assign_and_bridge`): the merged event's links
move to the event kept, each with the merge in its explanation (`merged`: from, into, by, rule, score,
features). At the end of each ingest run the documents from the first one not yet in canonical order
onwards are linked again in that order (`relink`, relink.py): the partition is then that of one run over
all documents sorted by day and id, whatever order, split or number of processes they came in. A report
the re-link moves to another event is logged the same way (`merged`, with `relinked: true`).
"""

from __future__ import annotations

import gc
import hashlib
import math
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Row,
    String,
    and_,
    bindparam,
    cast,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import InterfaceError, OperationalError

from warwire.ledger import assemble, track_record
from warwire.ledger.blocks import BlockIndex
from warwire.ledger.features import Mention, TermStats, background_stats
from warwire.ledger.keys import claim_key, report_key, review_extras
from warwire.ledger.link import LONG_DAYS, Bridge, Match, _neighbour_months, assign_and_bridge, doc_mentions
from warwire.ledger.relink import doc_key, link_day, replay
from warwire.ledger.schema import claims, doc_events, documents, ledger_events, ledger_state, links
from warwire.ledger.store import LINK_LOCK, lock, make_engine, upgrade, writing
from warwire.model import Document, PartialDate

# statements built once: SQLAlchemy then reuses their cache key and compiled form (a fifth of the cost
# of building them per document)
INSERT_EVENTS = insert(doc_events).returning(doc_events.c.id, sort_by_parameter_order=True)
INSERT_CLAIMS = insert(claims)
INSERT_LEDGER_EVENTS = insert(ledger_events)
INSERT_LINKS = insert(links).returning(links.c.id, sort_by_parameter_order=True)
LINKED_UPTO = select(ledger_state.c.value).where(ledger_state.c.name == "linked_upto")
CHANGES = select(ledger_state.c.value).where(ledger_state.c.name == "changes")
BUMP_CHANGES = update(ledger_state).where(ledger_state.c.name == "changes").values(value=ledger_state.c.value + 1)
# SQLite: documents per transaction, by time so a slow stream (extraction feeding ingest) still commits
# often; the write lock is held that long at most (plus one document)
BATCH_SECONDS = 0.25


def _insert_document(engine: Engine) -> Any:
    """INSERT of a document that inserts nothing when its sha256 is stored (another process stored it since
    this one read the known hashes): a unique violation would abort a PostgreSQL transaction."""
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(documents).on_conflict_do_nothing(index_elements=[documents.c.sha256])
    return stmt.returning(documents.c.id)


@dataclass
class IngestReport:
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    events: int = 0
    merged: int = 0
    new_ledger_events: int = 0
    bridged: int = 0  # ledger events merged into another by a report that matches both
    replaced: int = 0  # documents stored before under the same id with other text (earlier versions)
    relinked: int = 0  # documents linked again in canonical order at the end of the run (`Ledger.relink`)
    moved: int = 0  # reports the re-link moved to another ledger event
    stored_docs: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (doc id, why) of documents not stored


def doc_sha256(doc: Document) -> str:
    return hashlib.sha256((doc.doc + "\x00" + (doc.text or "")).encode("utf-8")).hexdigest()


class Ledger:
    """Cross-report event ledger on SQLite or PostgreSQL (schema migrated on open)."""

    def __init__(self, url: str = "sqlite:///warwire.db") -> None:
        self.engine = make_engine(url)
        upgrade(self.engine)
        self._sqlite = self.engine.dialect.name == "sqlite"
        self._insert_document = _insert_document(self.engine)
        self._dropped: list[tuple[int, int, str]] = []  # doc keys of versions replaced since the last re-link
        self._reset()

    def _reset(self) -> None:
        """Caches of what is stored, read again from the database on next use (after a rollback)."""
        self._terms = _TermCache()
        # stored doc_events as linking mentions, by row id: rows are never updated, so they are read once
        self._mentions: dict[int, Mention] = {}
        # SQLite: blocking in memory (blocks.py); PostgreSQL: the SQL query of `_candidates`
        self._blocks = BlockIndex() if self._sqlite else None
        self._pending = _Pending()
        self._changes: int | None = None  # ledger_state.changes when the caches were last in step

    def close(self) -> None:
        self.engine.dispose()

    def ingest_documents(
        self, docs: Iterable[Document], on_failure: Callable[[str, str], None] | None = None
    ) -> IngestReport:
        """Store and link `docs`. A document the store refuses (an error in its own rows) is that document's
        failure only: it is rolled back alone (`_one_by_one`), listed in `report.failures` (and passed to
        `on_failure` as doc id, message) and the batch goes on. Errors of the connection itself (the
        database gone, locked past the busy timeout) still end the run."""
        report = IngestReport()
        with self.engine.connect() as conn:  # what is stored, read before any write transaction
            if self._changes is None:  # (read first: a deletion after it shows as another count)
                self._changes = conn.execute(CHANGES).scalar()
            self._terms.stats(conn)
        todo = iter(docs)
        with _frozen_heap():
            try:
                while self._ingest_batch(todo, report, on_failure):
                    pass
                self.relink(report)
            except BaseException:
                self._reset()  # the caches may hold rows of the transaction rolled back
                raise
        return report

    def _ingest_batch(
        self, todo: Iterator[Document], report: IngestReport, on_failure: Callable[[str, str], None] | None
    ) -> bool:
        """One transaction: the next document, and with the block index (SQLite) the ones after it until
        BATCH_SECONDS have passed (the SQL blocking reads the rows of earlier documents: one each). False
        when `todo` is exhausted. When the store refuses a row of one of them, the transaction is rolled
        back and its documents are stored again one savepoint each (`_one_by_one`): the refused one fails
        alone. (A savepoint and a flush per document on every batch cost a third more ingest time.)"""
        more, t0 = False, time.monotonic()
        batch: list[Document] = []
        counts = _counts(report)
        try:
            with writing(self.engine) as conn:
                lock(conn, LINK_LOCK)  # PostgreSQL: one linking transaction at a time (SQLite: the write lock)
                self._pending = _Pending()
                self._catch_up(conn)
                for doc in todo:
                    report.seen += 1
                    batch.append(doc)
                    _store_step(self._ingest_one, conn, doc, report)
                    if self._blocks is None or time.monotonic() - t0 >= BATCH_SECONDS:
                        more = True
                        break
                _store_step(self._flush, conn)
        except _Refused:
            self._reset()  # the caches hold rows of the transaction rolled back
            _restore(report, counts)
            self._one_by_one(batch, report, on_failure)
            more = True  # (the documents after the refused one are still to come)
        return more

    def _one_by_one(
        self, batch: list[Document], report: IngestReport, on_failure: Callable[[str, str], None] | None
    ) -> None:
        """Store `batch` in one transaction, each document in its own savepoint with
        its rows flushed inside it: a store error in them (a constraint, a value the database refuses) rolls
        back that document only, which is then reported as failed."""
        with writing(self.engine) as conn:
            lock(conn, LINK_LOCK)
            self._pending = _Pending()
            self._catch_up(conn)
            for doc in batch:
                report.seen += 1
                counts = _counts(report)
                try:
                    with conn.begin_nested():
                        _store_step(self._ingest_one, conn, doc, report)
                        _store_step(self._flush, conn)
                except _Refused as refused:
                    _restore(report, counts)
                    exc = refused.__cause__
                    why = str(getattr(exc, "orig", None) or exc).strip().splitlines()
                    message = f"could not be stored: {type(exc).__name__}: {why[0] if why else ''}"
                    report.failures.append((doc.doc, message))
                    self._reset()  # the caches hold its rolled-back rows: read again (this transaction's view)
                    self._catch_up(conn)
                    if on_failure is not None:
                        on_failure(doc.doc, message)

    def _catch_up(self, conn: Connection) -> None:
        """What other processes committed since this one last looked: their documents count in the idf,
        their links join the block index. When they deleted rows (a merge, a replaced document: another
        `changes` count), every cache is read again."""
        changes = conn.execute(CHANGES).scalar()
        if changes != self._changes:
            self._reset()
            self._changes = changes
        self._terms.refresh(conn)
        if self._blocks is not None:
            self._blocks.sync(conn, self._lookup)

    def _deleting(self, conn: Connection) -> None:
        """This transaction deletes rows: the other processes are told by the `changes` count (this one
        keeps its caches in step itself)."""
        conn.execute(BUMP_CHANGES)
        self._changes = conn.execute(CHANGES).scalar()

    def _flush(self, conn: Connection) -> None:
        link_ids = self._pending.flush(conn)
        if self._blocks is not None:
            self._blocks.settle(link_ids)

    def _ingest_one(self, conn: Connection, doc: Document, report: IngestReport) -> None:
        sha = doc_sha256(doc)
        if sha in self._terms.shas:
            report.skipped += 1
            return
        earlier = list(self._terms.versions.get(doc.doc, ()))  # an edited article: its earlier version goes
        stats = self._terms.stats(conn)  # before this document's row exists: it is added below
        data = doc.to_dict()  # once: stored whole, and its events' parts in doc_events and the mentions
        mentions = doc_mentions(doc, data["events"])
        terms = mentions[0].terms if mentions else frozenset()
        doc_id = conn.execute(
            self._insert_document,
            [{"doc": doc.doc, "sha256": sha, "title": doc.title, "outlet": doc.outlet, "url": doc.url,
              "published": doc.published.iso() if doc.published else None,
              "data": {**data, LINK_TERMS: sorted(terms), **review_extras(doc)}, "ingested_at": datetime.now(UTC),
              "link_day": link_day(doc.published, (e.date.start for e in doc.events if not e.background))}],
        ).scalar()  # fmt: skip
        self._terms.shas.add(sha)
        if doc_id is None:  # stored by another process since the hashes were read
            report.skipped += 1
            return
        if earlier:  # deleted after the insert: the new row's id is then never one a deleted row had
            self._remove(conn, earlier)
            report.replaced += 1
        self._terms.put(doc_id, doc.doc, sha, terms)
        row_ids = _insert_events(conn, doc, data["events"], doc_id, self._pending.claims)
        for m in mentions:
            m.source = doc_id
        if terms:
            stats.add(terms)
        for m in mentions:  # what a later document compares with: kept, never read back
            self._mentions[row_ids[m.key[1]]] = m
        if self._blocks is not None and mentions:
            members = self._blocks.members
            cands = {cid: members[cid] for cid in self._blocks.clusters(mentions)}
        else:
            cands = _candidates(conn, mentions, self._terms, self._mentions)
        assigned, bridges = assign_and_bridge(mentions, cands, stats)
        if bridges:
            self._merge(conn, bridges, mentions)
            report.bridged += sum(len(merged) for _, merged, _ in bridges)
        joined = {i: (cid, got) for i, cid, got in assigned}
        new_events: list[dict[str, Any]] = []
        link_rows: list[dict[str, Any]] = []
        for i, m in enumerate(mentions):
            cid, got = joined.get(i, (None, None))
            if cid is None:
                cid = f"ev-{sha[:12]}-{m.key[1]}"
                new_events.append({"id": cid, "created_at": datetime.now(UTC)})
            link_rows.append({
                "ledger_event_id": cid, "doc_event_id": row_ids[m.key[1]], "score": got.score if got else None,
                "explanation": {"features": got.features, "matched": list(got.with_key) if got.with_key else None}
                if got else None,
            })  # fmt: skip
        self._pending.events += new_events
        self._pending.links += link_rows
        if self._blocks is not None:  # this document's links, for the next document: never read back
            for row in link_rows:
                self._blocks.add_own(row["ledger_event_id"], self._mentions[row["doc_event_id"]])
        report.new_ledger_events += len(new_events)
        report.merged += len(mentions) - len(new_events)
        report.stored += 1
        report.events += len(mentions)
        report.stored_docs.append(doc.doc)

    def _merge(self, conn: Connection, bridges: list[Bridge], mentions: list[Mention]) -> None:
        """Merge the ledger events each bridge joins into the one kept: their links are deleted and
        inserted again under it, each explanation extended with the merge (`merged`)."""
        self._flush(conn)  # a merged event may have been created earlier in this transaction
        self._deleting(conn)
        at = datetime.now(UTC).isoformat(timespec="seconds")
        for keep, merged, i in bridges:
            for gone, got in merged:
                q = select(links.c.doc_event_id, links.c.score, links.c.explanation).where(
                    links.c.ledger_event_id == gone).order_by(links.c.id)  # fmt: skip
                rows = conn.execute(q).all()
                conn.execute(delete(links).where(links.c.ledger_event_id == gone))
                conn.execute(delete(ledger_events).where(ledger_events.c.id == gone))
                record = _merge_record(gone, keep, mentions[i], got, at)
                conn.execute(insert(links), [  # (never empty: a candidate event has links)
                    {"ledger_event_id": keep, "doc_event_id": de, "score": score,
                     "explanation": {**(why or {}), "merged": [*(why or {}).get("merged", []), record]}}
                    for de, score, why in rows
                ])  # fmt: skip
                if self._blocks is not None:
                    self._blocks.merge(keep, gone, conn.execute(select(func.max(links.c.id))).scalar() or 0)

    def relink(self, report: IngestReport | None = None) -> IngestReport:
        """Put the ledger in canonical order (relink.py): link again, in that order, every document from the
        first one stored since the last re-link onwards, against the clusters of the documents before it;
        reports that end in another event move there (logged in their explanation). One transaction under
        the write (link) lock; a no-op when nothing was stored since."""
        report = report or IngestReport()
        with writing(self.engine) as conn:
            lock(conn, LINK_LOCK)
            self._catch_up(conn)
            upto = conn.execute(LINKED_UPTO).scalar() or 0
            newest = conn.execute(select(func.max(documents.c.id))).scalar() or 0
            if newest <= upto:
                return report
            # (documents without news events take no part in linking: neither in the idf nor in a cluster)
            news = exists().where(doc_events.c.document_id == documents.c.id, doc_events.c.background.is_(False))
            q = select(documents.c.link_day, documents.c.doc).where(documents.c.id > upto, news)
            fresh = conn.execute(q).all()
            if not fresh:
                conn.execute(update(ledger_state).where(ledger_state.c.name == "linked_upto").values(value=newest))
                return report
            start = min([doc_key(day, doc) for day, doc in fresh] + self._dropped)  # (this process's replaced)
            tail = documents.c.link_day.is_(None) if start[0] else or_(
                documents.c.link_day.is_(None), documents.c.link_day >= start[1])  # fmt: skip
            q2 = select(documents.c.id, documents.c.link_day, documents.c.doc, documents.c.sha256).where(news, tail)
            region: dict[int, tuple[Any, str]] = {}
            for i, day, doc, sha in conn.execute(q2):
                if doc_key(day, doc) >= start:
                    region[i] = (doc_key(day, doc), sha)
            moved = self._relink(conn, region)
            conn.execute(update(ledger_state).where(ledger_state.c.name == "linked_upto").values(value=newest))
        self._dropped = []
        report.relinked += len(region)
        report.moved += moved
        return report

    def _relink(self, conn: Connection, region: dict[int, tuple[Any, str]]) -> int:
        """Replay the documents of `region` (row id -> (doc key, sha256)) and apply the difference."""
        rows: list[Any] = []  # (link id, ledger event, doc_event, explanation, ...) of the region's reports
        for chunk in _chunks(list(region)):
            q = (select(links.c.id, links.c.ledger_event_id, links.c.doc_event_id, links.c.explanation,
                        doc_events.c.document_id, doc_events.c.event_index, doc_events.c.is_primary)
                 .join(doc_events, links.c.doc_event_id == doc_events.c.id)
                 .where(doc_events.c.document_id.in_(chunk)))  # fmt: skip
            rows += conn.execute(q).all()
        mentions = self._lookup(conn, [r.doc_event_id for r in rows])
        per_doc: dict[int, list[Any]] = {}
        for r in sorted(rows, key=lambda r: (not r.is_primary, r.event_index)):  # doc_mentions' order
            per_doc.setdefault(r.document_id, []).append(r)
        ordered = sorted(per_doc, key=lambda d: region[d][0])
        stats = self._terms.stats(conn).copy()
        for terms in self._terms.get(conn, set(region)).values():
            if terms:  # (as stored: documents without terms were never counted)
                stats.remove(terms)
        now = {r.doc_event_id: r for r in rows}
        touched = {r.ledger_event_id for r in rows}
        kept_before = self._outside_members(conn, touched, set(now))  # touched events' earlier reports

        def seeds(ms: list[Mention]) -> dict[str, list[Mention]]:
            if self._blocks is not None:
                found = {cid: self._blocks.members.get(cid, []) for cid in self._blocks.clusters(ms)}
            else:
                found = _candidates(conn, ms, self._terms, self._mentions)
            return {cid: [m for m in members if m.source not in region] for cid, members in found.items()}

        earlier = conn.execute(select(func.count()).select_from(links)).scalar() != len(rows)  # reports before
        done = replay([[mentions[r.doc_event_id] for r in per_doc[d]] for d in ordered], stats,
                      seeds if earlier else None)  # fmt: skip
        return self._apply(conn, done, now, set(kept_before) | set(done.seed_of.values()), region)

    def _outside_members(self, conn: Connection, events: set[str], inside: set[int]) -> dict[str, int]:
        """Of `events`, those holding reports outside `inside` (doc_event ids): event -> how many."""
        out: dict[str, int] = {}
        for chunk in _chunks(sorted(events)):
            for cid, de in conn.execute(select(links.c.ledger_event_id, links.c.doc_event_id).where(
                    links.c.ledger_event_id.in_(chunk))):  # fmt: skip
                if de not in inside:
                    out[cid] = out.get(cid, 0) + 1
        return out

    def _apply(self, conn: Connection, done: Any, now: dict[int, Any], held: set[str],
               region: dict[int, tuple[Any, str]]) -> int:
        """Give each replayed cluster an id and move the reports whose event changed (logged)."""
        index = done.index
        de_of = {id(self._mentions[de]): de for de in now}
        seeds_in: dict[int, list[str]] = {}
        for idx, cid in done.seed_of.items():
            seeds_in.setdefault(index.find(idx), []).append(cid)
        bridge_of: dict[int, tuple[Mention, Match, str]] = {}  # seed cluster index -> how it was merged away
        for gone, keep, by, got in done.merges:
            if gone in done.seed_of:
                bridge_of[gone] = (by, got, str(keep))
        taken = set(held)  # every event holding earlier reports keeps its id (for those reports at least)
        target: dict[int, str] = {}  # final cluster index -> its id
        clusters = [(i, c) for i, c in enumerate(index.clusters) if c]
        for i, _ in clusters:
            if seeds_in.get(i):
                target[i] = min(seeds_in[i])
        for i, members in clusters:
            if i in target:
                continue
            votes: dict[str, int] = {}  # (in member order: ties go to the id of the earliest report)
            for m in members:
                cid = now[de_of[id(m)]].ledger_event_id
                if cid not in taken:
                    votes[cid] = votes.get(cid, 0) + 1
            if votes:
                target[i] = max(votes, key=votes.__getitem__)
            else:
                first = now[de_of[id(members[0])]]
                target[i] = self._fresh_id(conn, f"ev-{region[first.document_id][1][:12]}-{first.event_index}", taken)
            taken.add(target[i])
        at = datetime.now(UTC).isoformat(timespec="seconds")
        moves: list[tuple[int, str, str, dict[str, Any] | None, Match | None, Mention | None]] = []
        for i, members in clusters:
            into = target[i]
            for m in members:
                de = de_of.get(id(m))
                if de is not None and now[de].ledger_event_id != into:
                    moves.append((de, now[de].ledger_event_id, into, now[de].explanation, done.match.get(id(m)), None))
        for idx, cid in done.seed_of.items():  # earlier events merged into another by a replayed report
            into = target[index.find(idx)]
            if into != cid:
                by, got, _ = bridge_of.get(idx, (None, None, ""))
                q = select(links.c.doc_event_id, links.c.explanation).where(links.c.ledger_event_id == cid)
                for de, why in conn.execute(q):
                    if de not in now:
                        moves.append((de, cid, into, why, None, by))
        if moves:
            self._move(conn, moves, at, bridge_of)
        return len(moves)

    def _fresh_id(self, conn: Connection, base: str, taken: set[str]) -> str:
        cid, n = base, 1
        # (not an id merged away in this process: the block index still files its old rows under it)
        merged = self._blocks.alias if self._blocks is not None else {}
        exists_q = select(ledger_events.c.id).where(ledger_events.c.id == bindparam("cid"))
        while cid in taken or cid in merged or conn.execute(exists_q, {"cid": cid}).first():
            n += 1
            cid = f"{base}-{n}"
        return cid

    def _move(self, conn: Connection, moves: list[Any], at: str, bridge_of: dict[int, Any]) -> None:
        """Delete the moved reports' links and insert them under their new events, each explanation
        extended with the move (`merged`: from, into, by, rule, score, matched, features, at, relinked)."""
        self._flush(conn)
        self._deleting(conn)
        known = {r[0] for r in conn.execute(select(ledger_events.c.id).where(
            ledger_events.c.id.in_(sorted({into for _, _, into, _, _, _ in moves}))))}  # fmt: skip
        new_events = sorted({into for _, _, into, _, _, _ in moves} - known)
        if new_events:
            conn.execute(INSERT_LEDGER_EVENTS, [{"id": cid, "created_at": datetime.now(UTC)} for cid in new_events])
        old_ids = {de: lid for de, lid in conn.execute(select(links.c.doc_event_id, links.c.id).where(
            links.c.doc_event_id.in_([de for de, *_ in moves])))}  # fmt: skip
        conn.execute(delete(links).where(links.c.doc_event_id.in_(list(old_ids))))
        out = []
        for de, gone, into, why, got, by in moves:
            why = dict(why or {})
            record = {"from": gone, "into": into, "by": list(by.key) if by else None, "relinked": True, "at": at}
            if got is not None:  # the report's own match in the replay: its explanation now
                why.update(features=got.features, matched=list(got.with_key) if got.with_key else None)
                record.update(rule=got.rule, score=got.score)
            elif by is None:  # the first report of its event in the replay
                why.pop("features", None)
                why.pop("matched", None)
            out.append({"ledger_event_id": into, "doc_event_id": de, "score": got.score if got else None,
                        "explanation": {**why, "merged": [*why.get("merged", []), record]}})  # fmt: skip
        new_ids = conn.execute(INSERT_LINKS, out).scalars().all()
        gone_events = sorted({gone for _, gone, *_ in moves})
        empty = ledger_events.c.id.in_(gone_events) & ~ledger_events.c.id.in_(select(links.c.ledger_event_id))
        conn.execute(delete(ledger_events).where(empty))
        if self._blocks is not None:
            self._blocks.move([(old_ids[row["doc_event_id"]], lid, gone, row["ledger_event_id"],
                                self._mentions[row["doc_event_id"]])
                               for row, lid, (_, gone, *_) in zip(out, new_ids, moves, strict=True)])  # fmt: skip

    def _remove(self, conn: Connection, doc_ids: list[int]) -> None:
        """Delete stored documents (earlier versions of one being stored) with their events, claims and
        links; ledger events left without reports go too. The caches forget them."""
        self._flush(conn)
        self._deleting(conn)
        q = select(documents.c.link_day, documents.c.doc).where(documents.c.id.in_(doc_ids))
        self._dropped += [doc_key(day, doc) for day, doc in conn.execute(q)]  # the re-link starts there at most
        de_ids = [r[0] for r in conn.execute(select(doc_events.c.id).where(doc_events.c.document_id.in_(doc_ids)))]
        events = select(links.c.ledger_event_id).where(links.c.doc_event_id.in_(de_ids)).distinct()
        affected = [r[0] for r in conn.execute(events)]
        for table, col in ((links, links.c.doc_event_id), (claims, claims.c.doc_event_id)):
            conn.execute(delete(table).where(col.in_(de_ids)))  # explicit: SQLite may run without cascades
        conn.execute(delete(doc_events).where(doc_events.c.id.in_(de_ids)))
        conn.execute(delete(documents).where(documents.c.id.in_(doc_ids)))
        if affected:
            empty = ledger_events.c.id.in_(affected) & ~ledger_events.c.id.in_(select(links.c.ledger_event_id))
            conn.execute(delete(ledger_events).where(empty))
        for de in de_ids:
            self._mentions.pop(de, None)
        self._terms.forget(doc_ids)
        if self._blocks is not None:  # rare (edited articles): build the index again
            self._blocks = BlockIndex()
            self._blocks.sync(conn, self._lookup)

    def _lookup(self, conn: Connection, ids: list[int]) -> dict[int, Mention]:
        """Mentions of stored doc_events: this process's own from memory, others' read (one query)."""
        _load_mentions(conn, [de for de in ids if de not in self._mentions], self._terms, self._mentions)
        return {de: self._mentions[de] for de in ids}

    def events(
        self,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        type: str | None = None,
    ) -> list[dict[str, Any]]:  # noqa: A002
        """Deduplicated ledger events (dicts), filtered; dates compare as ISO prefixes ('2020-02')."""
        with self.engine.connect() as conn:
            grouped = _members(conn, _filtered_ids(conn, country, admin1, type))
        out = [assemble.summary(eid, ms) for eid, ms in grouped.items()]
        return [e for e in out if _date_ok(e, since, until)]

    def event(self, event_id: str) -> dict[str, Any]:
        """The event's detail; an event merged into another since gives the one it is now part of."""
        with self.engine.connect() as conn:
            grouped = _members(conn, [event_id])
            if event_id not in grouped and (now := _merged_into(conn, event_id)) is not None:
                event_id, grouped = now, _members(conn, [now])
        if event_id not in grouped:
            raise KeyError(event_id)
        return assemble.detail(event_id, grouped[event_id])

    def current_id(self, event_id: str) -> str | None:
        """The id an event has now: its own while it holds reports; the event it was merged into (after
        every later merge: the links moved carry each merge in their explanation); else None."""
        with self.engine.connect() as conn:
            held = select(links.c.id).where(links.c.ledger_event_id == event_id).limit(1)
            if conn.execute(held).first() is not None:
                return event_id
            return _merged_into(conn, event_id)

    def claimants(self) -> list[dict[str, Any]]:
        """Every claimant's track record (ledger/track_record.py): figures, events, relaying outlets, and how
        its figures sit against the other independent sources' reconciled best; most figures first."""
        with self.engine.connect() as conn:
            grouped = _members(conn, None)
        return track_record.claimant_summaries(grouped)

    def claimant(self, claimant_id: str) -> dict[str, Any]:
        """One claimant's track record with each of its figures and the sentence it stands in."""
        with self.engine.connect() as conn:
            grouped = _members(conn, _claimant_event_ids(conn, claimant_id))
        return track_record.claimant_detail(grouped, claimant_id)


class _Refused(Exception):
    """The store refused a document's rows (the error is the cause)."""


def _store_step(step: Callable[..., Any], conn: Connection, *args: Any) -> None:
    """Run one store step; an error in it is the document's (`_Refused`), except the connection's own
    trouble (the database gone, locked past the busy timeout), which still ends the run."""
    try:
        step(conn, *args)
    except (OperationalError, InterfaceError):
        raise
    except Exception as exc:  # noqa: BLE001 - any error in one document's rows is its own failure
        raise _Refused from exc


def _counts(report: IngestReport) -> tuple[dict[str, int], int]:
    return {k: v for k, v in vars(report).items() if isinstance(v, int)}, len(report.stored_docs)


def _restore(report: IngestReport, counts: tuple[dict[str, int], int]) -> None:
    """The report's counts as before the documents rolled back (`seen` included: they are seen again)."""
    for k, v in counts[0].items():
        setattr(report, k, v)
    del report.stored_docs[counts[1]:]


def _merge_record(gone: str, keep: str, bridge: Mention, got: Match, at: str) -> dict[str, Any]:
    """Why two ledger events became one: the report that matched both, and how it matched the merged one."""
    return {"from": gone, "into": keep, "by": list(bridge.key), "rule": got.rule, "score": got.score,
            "matched": list(got.with_key) if got.with_key else None, "features": got.features, "at": at}  # fmt: skip


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """The objects alive when ingest starts (a loaded spaCy model, the caller's documents) left out of the
    cyclic garbage collector's full passes while it runs: the ledger keeps many small objects (mentions,
    block rows), and each full pass over a heap holding a model cost a fifth of ingest time.
    Unfrozen at the end: those of them that became cyclic garbage meanwhile are collected then."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


LINK_TERMS = "link_terms"  # key of the document's salient terms (linking's text feature) in documents.data


def doc_terms(doc: Document) -> frozenset[str]:
    ms = doc_mentions(doc)
    return ms[0].terms if ms else frozenset()


class _TermCache:
    """Salient terms per stored document (immutable once stored) and their document frequencies, read
    from the database once per Ledger and then kept up to date by this process's own inserts."""

    def __init__(self) -> None:
        self.by_doc: dict[int, frozenset[str]] = {}
        self.shas: set[str] = set()  # of the stored documents (this process's own added as it stores them)
        self._stats: TermStats | None = None
        self.last = 0  # the highest document row id read or stored
        self.versions: dict[str, list[int]] = {}  # document id as given -> its stored row ids
        self._sha_of: dict[int, str] = {}

    def stats(self, conn: Connection) -> TermStats:
        if self._stats is None:
            self._stats = background_stats()
            self.refresh(conn)
        return self._stats

    def refresh(self, conn: Connection) -> None:
        """Read the documents stored since the last read (by another process: this one's own are added as
        it stores them). Called at the start of each write transaction, which holds the ledger's write (or
        link) lock: ids then grow in commit order, so `id > last` misses nothing."""
        if self._stats is None:
            self.stats(conn)
            return
        q = select(documents.c.id, documents.c.doc, documents.c.sha256, documents.c.data[LINK_TERMS]).where(
            documents.c.id > self.last).order_by(documents.c.id)  # fmt: skip
        for doc_id, doc, sha, terms in conn.execute(q):
            self.shas.add(sha)
            self.put(doc_id, doc, sha, frozenset(terms or ()))
            if terms:  # as link_documents: documents without text do not count
                self._stats.add(self.by_doc[doc_id])

    def forget(self, doc_ids: list[int]) -> None:
        for doc_id in doc_ids:
            terms = self.by_doc.pop(doc_id, frozenset())
            if terms and self._stats is not None:
                self._stats.remove(terms)
            self.shas.discard(self._sha_of.pop(doc_id, ""))
        for doc, ids in list(self.versions.items()):
            if kept := [i for i in ids if i not in doc_ids]:
                self.versions[doc] = kept
            else:
                del self.versions[doc]

    def put(self, doc_id: int, doc: str, sha: str, terms: frozenset[str]) -> None:
        """A stored document (this process's own, or read): ids come in increasing order, under the lock."""
        self.by_doc[doc_id] = terms
        self._sha_of[doc_id] = sha
        self.versions.setdefault(doc, []).append(doc_id)
        self.last = max(self.last, doc_id)

    def get(self, conn: Connection, doc_ids: set[int]) -> dict[int, frozenset[str]]:
        """Terms of the given documents; ones stored by another process since are read (one query)."""
        missing = [i for i in doc_ids if i not in self.by_doc]
        for chunk in range(0, len(missing), 500):
            q = select(documents.c.id, documents.c.data[LINK_TERMS]).where(
                documents.c.id.in_(missing[chunk : chunk + 500])
            )
            for doc_id, terms in conn.execute(q):
                self.by_doc[doc_id] = frozenset(terms or ())
        return {i: self.by_doc.get(i, frozenset()) for i in doc_ids}


class _Pending:
    """Rows of a document that nothing reads before its end (claims, ledger events, links): inserted at its
    end (in its savepoint), one statement per table."""

    def __init__(self) -> None:
        self.claims: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.links: list[dict[str, Any]] = []

    def flush(self, conn: Connection) -> Sequence[int]:
        """Insert the rows (parents first: foreign keys are checked at once); the links' ids, in order."""
        if self.claims:
            conn.execute(INSERT_CLAIMS, self.claims)
        if self.events:
            conn.execute(INSERT_LEDGER_EVENTS, self.events)
        ids = conn.execute(INSERT_LINKS, self.links).scalars().all() if self.links else []
        self.claims, self.events, self.links = [], [], []
        return ids


def _insert_events(
    conn: Connection, doc: Document, as_dicts: list[dict], doc_id: int, claim_rows: list[dict[str, Any]]
) -> dict[int, int]:
    """Insert the document's events (one statement); their claims go to `claim_rows`; row id per event index."""
    from warwire.ledger.link import _killed

    if not doc.events:
        return {}
    rows = []
    for i, ev in enumerate(doc.events):
        stored = as_dicts[i]["location"]
        loc = stored or {}
        start = ev.date.start or PartialDate()
        rows.append({
            "document_id": doc_id, "event_index": i, "event_key": ev.id, "type": ev.type,
            "is_primary": ev.primary, "background": ev.background, "date": as_dicts[i]["date"],
            "location": stored, "actors": as_dicts[i]["actors"], "country": loc.get("country"),
            "admin1": loc.get("admin1"), "year": start.year, "month": start.month, "lat": loc.get("lat"),
            "lon": loc.get("lon"), "killed": _killed(ev), "wounded": _killed(ev, "wounded"),
            "stable_key": report_key(doc.doc, i, as_dicts[i], ev.sentences),
        })  # fmt: skip
    ids = conn.execute(INSERT_EVENTS, rows)
    row_ids = dict(enumerate(ids.scalars().all()))
    claim_rows += [
        {
            "doc_event_id": row_ids[i],
            "outcome": c.outcome,
            "victim_group": c.group,
            "victims": c.victims,
            "value": c.value,
            "qualifier": c.qualifier,
            "vague": c.vague,
            "low": c.low,
            "best": c.best,
            "high": c.high,
            "claimed_by": c.claimed_by,
            "quote": " … ".join(e.quote for e in c.evidence) or None,
            "claimant": c.claimant.to_dict() if c.claimant else None,
            "claimant_id": c.claimant.id if c.claimant else None,
            "stable_key": claim_key(doc.doc, cd),
        }
        for i, ev in enumerate(doc.events)
        for c, cd in zip(ev.casualties, as_dicts[i]["casualties"], strict=True)
    ]
    return row_ids


def _chunks(ids: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for n in range(0, len(ids), size):
        yield ids[n : n + size]


def _block_filter(m: Mention) -> Any:
    """SQL for the blocks of a mention: same or unknown country; neighbouring months or unknown year."""
    loc = m.location or {}
    country = loc.get("country")
    cond = [or_(doc_events.c.country == country, doc_events.c.country.is_(None))] if country else []
    if loc.get("admin1"):
        cond.append(_admin1_or_near(loc))
    if m.start and m.start.year is not None:
        months = [
            and_(
                doc_events.c.year == y,
                doc_events.c.month.is_(None) if mo is None else doc_events.c.month == mo,
            )
            for y, mo in _neighbour_months(m.start.year, m.start.month)
        ]
        if m.start.month is None:
            months.append(doc_events.c.year == m.start.year)
        cond.append(or_(doc_events.c.year.is_(None), *months))
    elif m.start and m.start.month:
        cond.append(or_(doc_events.c.month == m.start.month, doc_events.c.month.is_(None)))
    return and_(*cond) if cond else true()


def _admin1_or_near(loc: dict[str, Any]) -> Any:
    """Same or unknown admin1, or (with coordinates) within a box a bit larger than the 25 km radius."""
    cond = [doc_events.c.admin1 == loc["admin1"], doc_events.c.admin1.is_(None)]
    if loc.get("lat") is not None and loc.get("lon") is not None:
        dlat = 0.25
        dlon = min(dlat / max(math.cos(math.radians(loc["lat"])), 0.05), 180.0)
        cond.append(and_(doc_events.c.lat.between(loc["lat"] - dlat, loc["lat"] + dlat),
                         doc_events.c.lon.between(loc["lon"] - dlon, loc["lon"] + dlon)))  # fmt: skip
    return or_(*cond)


def _story_filter(m: Mention) -> Any:
    """SQL for the story rule's block: primary events of documents published within LONG_DAYS."""
    if not (m.primary and m.terms and m.published is not None):
        return None
    lo, hi = (date.fromordinal(m.published + d).isoformat() for d in (-LONG_DAYS, LONG_DAYS))
    return and_(doc_events.c.is_primary.is_(True), documents.c.published.between(lo, hi))


def _candidates(
    conn: Connection, mentions: list[Mention], terms: _TermCache, cache: dict[int, Mention]
) -> dict[str, list[Mention]]:
    """Ledger events in the mentions' blocks, each with all its member mentions: one query for the member
    ids, one more for the members not read before (`cache`, by doc_event id)."""
    if not mentions:
        return {}
    filters = [_block_filter(m) for m in mentions] + [f for m in mentions if (f := _story_filter(m)) is not None]
    in_block = (
        select(links.c.ledger_event_id)
        .join(doc_events, links.c.doc_event_id == doc_events.c.id)
        .join(documents, doc_events.c.document_id == documents.c.id)
        .where(or_(*filters))
    )
    q = select(links.c.ledger_event_id, links.c.doc_event_id).where(links.c.ledger_event_id.in_(in_block))
    return _members_of(conn, conn.execute(q.order_by(links.c.id)).all(), terms, cache)


def _members_of(
    conn: Connection, pairs: Sequence[Row[str, int]], terms: _TermCache, cache: dict[int, Mention]
) -> dict[str, list[Mention]]:
    """(ledger event, doc_event id) pairs as member mentions per ledger event, in the pairs' order."""
    _load_mentions(conn, [de for _, de in pairs if de not in cache], terms, cache)
    out: dict[str, list[Mention]] = {}
    for cid, de in pairs:
        out.setdefault(cid, []).append(cache[de])
    return out


def _load_mentions(conn: Connection, ids: list[int], terms: _TermCache, cache: dict[int, Mention]) -> None:
    cols = [doc_events.c[k] for k in ("id", "document_id", "event_index", "type", "date", "location", "actors",
                                       "killed", "wounded", "is_primary")]  # fmt: skip
    for chunk in range(0, len(ids), 500):
        q = (
            select(documents.c.doc, documents.c.published, *cols)
            .join(documents, doc_events.c.document_id == documents.c.id)
            .where(doc_events.c.id.in_(ids[chunk : chunk + 500]))
        )
        rows = [dict(r._mapping) for r in conn.execute(q)]
        by_doc = terms.get(conn, {r["document_id"] for r in rows})
        for row in rows:
            row["primary"] = row.pop("is_primary")
            row["terms"] = by_doc[row["document_id"]]
            cache[row["id"]] = _mention(row)


def _mention(m: dict[str, Any]) -> Mention:
    d = m["date"] or {}
    return Mention(
        key=(m["doc"], m["event_index"]),
        source=m["document_id"],
        type=m["type"],
        start=PartialDate.from_dict(d.get("start")),
        end=PartialDate.from_dict(d.get("end")),
        precision=d.get("precision") or "unknown",
        location=m["location"] or {},
        actors=m["actors"],
        killed=m["killed"],
        wounded=m["wounded"],
        primary=m["primary"],
        published=_ordinal(m["published"]),
        terms=m["terms"],
    )


def _ordinal(iso: str | None) -> int | None:
    """'YYYY-MM-DD' as a date ordinal (None for partial or missing dates), as link.ordinal does."""
    try:
        return date.fromisoformat(iso).toordinal() if iso and len(iso) == 10 else None
    except ValueError:
        return None


def _merged_into(conn: Connection, event_id: str) -> str | None:
    """The ledger event holding the links that were merged away from `event_id` (None when none was): a
    scan of the explanations naming it, only for an id no link holds (a bookmark or a review made before
    the merge)."""
    q = select(links.c.ledger_event_id, links.c.explanation).where(
        cast(links.c.explanation, String).contains(event_id)).order_by(links.c.id)  # fmt: skip
    for now, why in conn.execute(q):
        if any(m.get("from") == event_id for m in (why or {}).get("merged", ())):
            return now
    return None


def _filtered_ids(
    conn: Connection, country: str | None, admin1: str | None, type_: str | None
) -> list[str] | None:
    if not (country or admin1 or type_):
        return None
    q = select(links.c.ledger_event_id).join(doc_events, links.c.doc_event_id == doc_events.c.id)
    if country:
        q = q.where(doc_events.c.country == country.upper())
    if admin1:
        q = q.where(doc_events.c.admin1 == admin1)
    if type_:
        q = q.where(doc_events.c.type == type_)
    return sorted({r[0] for r in conn.execute(q)})


def _members(conn: Connection, ids: list[str] | None) -> dict[str, list[dict[str, Any]]]:
    """Member rows (doc_event + document + link + claims) of the given ledger events (all when None)."""
    q = (
        select(
            links.c.ledger_event_id,
            links.c.score,
            links.c.explanation,
            doc_events,
            documents.c.doc,
            documents.c.outlet,
            documents.c.title,
            documents.c.url,
            documents.c.link_day,
        )
        .join(doc_events, links.c.doc_event_id == doc_events.c.id)
        .join(documents, doc_events.c.document_id == documents.c.id)
        .order_by(links.c.id)
    )
    if ids is not None:
        if not ids:
            return {}
        q = q.where(links.c.ledger_event_id.in_(ids))
    # canonical order (relink.py): reports by day and document, events by their first report, so the
    # listing does not depend on the order the documents came in (link ids do)
    rows = sorted((dict(r._mapping) for r in conn.execute(q)),
                  key=lambda r: (doc_key(r.pop("link_day"), r["doc"]), r["event_index"]))  # fmt: skip
    by_de: dict[int, list[dict[str, Any]]] = {}
    de_ids = [r["id"] for r in rows]
    for chunk in range(0, len(de_ids), 500):
        part = de_ids[chunk : chunk + 500]
        for row in conn.execute(select(claims).where(claims.c.doc_event_id.in_(part)).order_by(claims.c.id)):
            c = dict(row._mapping)
            c["group"] = c.pop("victim_group")
            by_de.setdefault(c["doc_event_id"], []).append(c)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        r["claims"], r["primary"] = by_de.get(r["id"], []), r.pop("is_primary")
        grouped.setdefault(r["ledger_event_id"], []).append(r)
    return grouped


def _claimant_event_ids(conn: Connection, claimant_id: str) -> list[str] | None:
    """The ledger events holding a figure of this claimant; None (all) for an outlet's own voice or merged
    police, which no column names."""
    q = (select(links.c.ledger_event_id).join(claims, claims.c.doc_event_id == links.c.doc_event_id)
         .where(claims.c.claimant_id == claimant_id))
    ids = sorted({r[0] for r in conn.execute(q)})
    return ids or None


def _date_ok(e: dict[str, Any], since: str | None, until: str | None) -> bool:
    start = e["date"]["start"]
    end = e["date"]["end"] or start
    if since and (end is None or end < since[: len(end)]):
        return False
    return not (until and (start is None or start[: len(until)] > until))
