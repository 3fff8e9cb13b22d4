"""Shared test helpers: the ../shared data beside the repo, and one extraction of the dev sets per session.

Tests on real text read ../shared (never copied into the repo) and skip with a visible reason when it
is absent, so the suite still runs on a bare clone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from shared_data import shared_path
from stores import STORES, fresh_store

REPO = Path(__file__).resolve().parents[1]
DEV_SETS = ("rdwti_dev", "fakes_dev", "wad_dev", "case2021_dev")
# Sets scored under a coding convention (issue 14: ISAF with AAN's), extracted as `NAME_CONVENTION`.
CONVENTION_SETS = (("isaf_dev", "aan"),)


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_path()


@pytest.fixture(params=STORES)
def any_store(request: pytest.FixtureRequest, tmp_path: Path):  # noqa: ANN201 - yields a URL
    """A fresh ledger URL, once on SQLite and once on PostgreSQL (skipped without WARWIRE_TEST_PG_URL)."""
    yield from fresh_store(request.param, tmp_path)


@dataclass
class Extracted:
    """One extraction run: outputs (contract dicts) by doc id, failures, and the jsonl files written."""

    docs: dict[str, dict] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    ids: dict[str, list[str]] = field(default_factory=dict)

    def __repr__(self) -> str:  # short, for failure reports
        return f"Extracted({len(self.docs)} documents, {len(self.failures)} failures)"


def _extract_to(name: str, inputs: list[Path], out: Path, run: Extracted, convention: str | None = None) -> None:
    import warwire
    from warwire.ingest.records import iter_records
    from warwire.model import Failure

    ids = run.ids.setdefault(name, [])
    with out.open("w", encoding="utf-8") as fh:
        for res in warwire.extractor().extract_many(iter_records([str(p) for p in inputs]), convention=convention):
            if isinstance(res, Failure):
                run.failures[res.doc] = res.message
                ids.append(res.doc)
                continue
            data = res.to_dict()
            run.docs[res.doc] = data
            ids.append(res.doc)
            fh.write(json.dumps(data, ensure_ascii=False) + "\n")
    run.files[name] = out


@pytest.fixture(scope="session")
def dev_extraction(tmp_path_factory: pytest.TempPathFactory) -> Extracted:
    """The dev sets and the seed pages through the pipeline, once per test session (~40 s)."""
    run = Extracted()
    out_dir = tmp_path_factory.mktemp("dev_outputs")
    for name in DEV_SETS:
        _extract_to(name, [shared_path("dev", f"{name}.jsonl")], out_dir / f"{name}.out.jsonl", run)
    for name, convention in CONVENTION_SETS:
        _extract_to(f"{name}_{convention}", [shared_path("dev", f"{name}.jsonl")],
                    out_dir / f"{name}_{convention}.out.jsonl", run, convention)
    seeds = sorted(shared_path("corpus", "seeds").glob("*.txt"))
    _extract_to("seeds", seeds, out_dir / "seeds.out.jsonl", run)
    return run
