"""The Ray engine gives the local engine's output: own text in memory, and fakes_dev read by Ray."""

from __future__ import annotations

import importlib.util

import pytest
from scale_inputs import as_lines, own_records
from shared_data import SHARED

from warwire.ingest.records import ReadError, Record, iter_records

if importlib.util.find_spec("ray") is None:
    pytest.skip("ray is not installed: pip install 'warwire[ray]' to run the Ray engine tests",
                allow_module_level=True)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def local_ray():
    import ray

    from warwire.scale.ray_engine import init_ray

    init_ray(num_cpus=2)
    yield
    ray.shutdown()


def test_ray_equals_local_in_memory(local_ray, extractor):
    from warwire.scale import run_extraction

    records: list = own_records(40)
    records.insert(5, ReadError("bad.jsonl:6", "not valid JSON: Expecting value"))
    records.insert(20, {"id": "no-text"})
    got = list(run_extraction(records, workers=2, engine="ray"))
    assert [r.doc for r in got] == [r.id if isinstance(r, ReadError) else r["id"] for r in records]
    assert as_lines(got) == as_lines(extractor.extract_many(records))


def test_ray_reads_jsonl_like_local(local_ray, extractor):
    path = SHARED / "dev" / "fakes_dev.jsonl"
    if not path.is_file():
        pytest.skip(f"../shared not present: {path}")
    from warwire.scale.ray_engine import run_ray_jsonl

    got = as_lines(run_ray_jsonl(path, workers=2))
    want = as_lines(extractor.extract_many(iter_records([str(path)])))
    assert len(got) == len(want) > 300
    assert sorted(got) == sorted(want)
    assert got == want  # and in input order


def test_doc_timeout_in_ray_actors(local_ray):
    """Ray Data calls an actor's batches in a thread pool, where no signal arrives: --doc-timeout holds there
    too (warwire.budget), the slow page fails alone, the reports after it are extracted."""
    import dataclasses

    from warwire.model import Document, Failure
    from warwire.scale import run_extraction
    from warwire.settings import Settings

    row = "<tr>" + "".join(f"<td>cell {n} of the row</td>" for n in range(40)) + "</tr>"
    page = f"<html><body><table>{row * (1_500_000 // len(row))}</table></body></html>"
    records = [Record("slow.html", html=page), *own_records(2)]
    settings = dataclasses.replace(Settings(), doc_timeout=0.5)
    results = list(run_extraction(records, workers=1, engine="ray", settings=settings))
    assert isinstance(results[0], Failure) and "--doc-timeout" in results[0].message, results[0]
    assert [type(r) for r in results[1:]] == [Document, Document]
