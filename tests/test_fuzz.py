"""A bounded fuzz test (hypothesis) over extract and ingest: random unicode, numbers, casualty words,
capitalised runs and odd field types never raise, every output validates against the contract, and every
evidence offset points into the text. A longer run: `python scripts/fuzz_hostile.py`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis not installed (pip install -e '.[dev]')")
jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed (pip install -e '.[dev]')")
from fuzz_inputs import records  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EXAMPLES = int(os.environ.get("WARWIRE_FUZZ_EXAMPLES", "60"))


@pytest.fixture(scope="module")
def ex():
    import warwire

    return warwire.extractor()


@pytest.fixture(scope="module")
def validator(shared: Path):
    schema = json.loads((shared / "contract" / "events.schema.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def check_outputs(results: list, inputs: list[dict], validator) -> None:
    from warwire.model import Document, Failure

    assert len(results) == len(inputs)
    for result in results:
        assert isinstance(result, Document | Failure)
        if isinstance(result, Failure):
            assert result.message and "Traceback" not in result.message
            continue
        data = result.to_dict()
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # writable: no lone surrogate
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, errors[:3]
        for event in result.events:
            for claim in event.casualties:
                for ev in claim.evidence:
                    assert 0 <= ev.start <= ev.end <= len(result.text)
                    assert result.text[ev.start : ev.end] == ev.quote


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.function_scoped_fixture])
@given(batch=st.lists(records(), min_size=1, max_size=4))
def test_fuzz_extract(ex, validator, batch: list[dict]) -> None:
    check_outputs(list(ex.extract_many(batch)), batch, validator)


@settings(max_examples=max(EXAMPLES // 6, 5), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(batch=st.lists(records(), min_size=1, max_size=4))
def test_fuzz_ingest(ex, any_store, batch: list[dict]) -> None:
    """One ledger per store for all examples: later batches are linked against what earlier ones stored."""
    from warwire.ledger import Ledger
    from warwire.model import Document

    docs = [r for r in ex.extract_many(batch) if isinstance(r, Document)]
    ledger = Ledger(any_store)
    try:
        report = ledger.ingest_documents(docs)
        assert report.stored + report.skipped == len(docs)
        for event in ledger.events():
            assert event["id"]
    finally:
        ledger.close()
