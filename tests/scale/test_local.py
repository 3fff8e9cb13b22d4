"""The local engine: 2 worker processes give what one process gives, in input order."""

from __future__ import annotations

import pickle

import pytest
from scale_inputs import as_lines, own_records

from warwire.ingest.records import ReadError, Record
from warwire.model import Document, Failure
from warwire.scale import LocalPool, run_extraction


@pytest.fixture(scope="module")
def pool():
    # Small chunks so 50 records make several chunks and the look-ahead window is exercised.
    with LocalPool(2, chunk_size=8, ahead=3) as p:
        yield p


def test_two_workers_equal_one(pool, extractor):
    records = own_records(50)
    single = list(extractor.extract_many(records))
    parallel = list(pool.run(iter(records)))
    assert [r.doc for r in parallel] == [r["id"] for r in records]  # input order
    assert sum(isinstance(r, Document) and bool(r.events) for r in single) >= 40  # the text is real work
    assert as_lines(parallel) == as_lines(single)


def test_failures_in_place(pool, extractor):
    records: list = own_records(20)
    records.insert(3, ReadError("broken.jsonl:4", "not valid JSON: Expecting value"))
    records.insert(11, {"id": "no-text", "title": "a record with no body"})
    records.insert(17, Record("empty", text="   "))
    parallel = list(pool.run(records))
    single = list(extractor.extract_many(records))
    kinds = [type(r).__name__ for r in parallel]
    assert [n for n, k in enumerate(kinds) if k == "Failure"] == [n for n, r in enumerate(single)
                                                                  if isinstance(r, Failure)]
    assert parallel[3] == Failure("broken.jsonl:4", "not valid JSON: Expecting value")
    assert isinstance(parallel[11], Failure) and parallel[11].doc == "no-text"
    assert as_lines(parallel) == as_lines(single)


def test_documents_survive_pickling(extractor):
    doc = extractor.extract(own_records(1)[0]["text"], doc_id="p1")
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.events and again.events[0].sentences == doc.events[0].sentences


def test_streams_without_reading_ahead(pool):
    """The pool takes at most ahead * chunk_size records before the first result comes back."""
    taken = []

    def source():
        for record in own_records(200):
            taken.append(record["id"])
            yield record

    results = pool.run(source())
    first = next(results)
    assert first.doc == "own-000"
    assert len(taken) <= 3 * 8 + 8  # the in-flight window, plus the chunk refilled after the first
    results.close()


def test_one_worker_is_the_plain_pipeline(extractor):
    records = own_records(6)
    assert as_lines(run_extraction(records, workers=1)) == as_lines(extractor.extract_many(records))


def test_unknown_engine():
    with pytest.raises(ValueError, match="unknown engine"):
        run_extraction([], engine="spark")


def test_doc_timeout_in_worker_processes():
    """--doc-timeout holds in pool workers too: the slow page fails alone, the report after it is extracted."""
    import dataclasses

    from warwire.settings import Settings

    row = "<tr>" + "".join(f"<td>cell {n} of the row</td>" for n in range(40)) + "</tr>"
    page = f"<html><body><table>{row * (1_500_000 // len(row))}</table></body></html>"
    records = [Record("slow.html", html=page), *own_records(2)]
    with LocalPool(1, chunk_size=8, settings=dataclasses.replace(Settings(), doc_timeout=0.5)) as slow_pool:
        results = list(slow_pool.run(records))
    assert isinstance(results[0], Failure) and "--doc-timeout" in results[0].message
    assert all(isinstance(r, Document) for r in results[1:])
