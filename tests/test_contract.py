"""Every document the pipeline writes validates against the output contract (../shared/contract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed (pip install -e '.[dev]')")


@pytest.fixture(scope="module")
def validator(shared: Path) -> jsonschema.protocols.Validator:
    schema = json.loads((shared / "contract" / "events.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _errors(validator, docs: dict[str, dict], ids: list[str]) -> list[str]:
    out = []
    for doc_id in ids:
        if doc_id in docs:
            for e in validator.iter_errors(docs[doc_id]):
                out.append(f"{doc_id}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    return out


@pytest.mark.parametrize("name", ["rdwti_dev", "fakes_dev", "wad_dev", "case2021_dev", "isaf_dev_aan", "seeds"])
def test_every_output_validates(dev_extraction, validator, name: str) -> None:
    ids = dev_extraction.ids[name]
    assert ids, f"no documents extracted from {name}"
    errors = _errors(validator, dev_extraction.docs, ids)
    assert not errors, f"{len(errors)} contract errors, first: " + "\n".join(errors[:10])


@pytest.mark.parametrize("name", ["rdwti_dev", "fakes_dev", "wad_dev", "case2021_dev", "isaf_dev_aan", "seeds"])
def test_every_record_gives_a_document(dev_extraction, name: str) -> None:
    failed = {d: m for d, m in dev_extraction.failures.items() if d in set(dev_extraction.ids[name])}
    assert not failed, f"{len(failed)} records failed: {list(failed.items())[:5]}"


def test_samples_validate(validator) -> None:
    """The bundled samples (written for the demo) through the same path as `warwire extract`."""
    import warwire
    from warwire.ingest.records import iter_records
    from warwire.model import Document

    results = list(warwire.extractor().extract_many(iter_records([str(REPO / "samples")])))
    assert len(results) == 8 and all(isinstance(r, Document) for r in results)
    errors = [e.message for r in results for e in validator.iter_errors(r.to_dict())]
    assert not errors, errors[:5]
