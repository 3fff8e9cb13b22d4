"""The five real seed pages (../shared/corpus/seeds) against the hand gold (../shared/gold/seeds.json),
scored by the independent scorer ../shared/tools/score.py. Skipped, with the reason, when ../shared is absent."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re

import pytest
from shared_data import shared_path

from warwire.extraction.numbers import is_number_word, parse_number
from warwire.ingest.records import iter_records
from warwire.model import Document


@pytest.fixture(scope="module")
def gold() -> dict[str, dict]:
    data = json.loads(shared_path("gold", "seeds.json").read_text(encoding="utf-8"))
    return {doc["doc"]: doc for doc in data["documents"]}


@pytest.fixture(scope="module")
def outputs(ex) -> dict[str, dict]:
    seeds = shared_path("corpus", "seeds")
    out: dict[str, dict] = {}
    for result in ex.extract_many(iter_records([str(seeds)])):
        assert isinstance(result, Document), f"{result.doc}: {result.message}"
        out[result.doc] = result.to_dict()
    return out


@pytest.fixture(scope="module")
def score_report(outputs, gold, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The scorer's printed report for `score.py seeds` on our output."""
    script = shared_path("tools", "score.py")
    spec = importlib.util.spec_from_file_location("warwire_shared_score", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out_path = tmp_path_factory.mktemp("seeds") / "seeds.out.jsonl"
    out_path.write_text("".join(json.dumps(d) + "\n" for d in outputs.values()), encoding="utf-8")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        module.seeds(str(shared_path("gold", "seeds.json")), str(out_path))
    return buffer.getvalue()


def _numbers(phrase: str) -> set[int]:
    """Every number written in a phrase: digits ('2,620', '21:00') and word runs ('Thirty-five')."""
    values = {int(d.replace(",", "")) for d in re.findall(r"\d{1,3}(?:,\d{3})+|\d+", phrase)}
    run: list[str] = []
    for word in [*re.findall(r"[A-Za-z]+", phrase), ""]:
        if word and is_number_word(word):
            run.append(word)
        elif run:
            value = parse_number(" ".join(run))
            values |= {value} if value is not None else set()
            run = []
    return values


def _claims(doc: dict, background: bool | None = None) -> list[dict]:
    return [c for e in doc["events"] for c in e["casualties"] if background is None or e["background"] == background]


def test_seed_f1_by_the_shared_scorer(score_report: str) -> None:
    match = re.search(r"seed casualty-claim F1: ([\d.]+)", score_report)
    assert match, score_report
    assert float(match.group(1)) >= 0.95, score_report


def test_every_seed_has_an_output(outputs, gold) -> None:
    assert set(gold) <= set(outputs)


def test_not_casualties_numbers_are_no_claims(outputs, gold) -> None:
    """A number the gold says is not a casualty figure (force size, vehicles, dates, counters) is no
    claim's value; a number that is also a true figure of the page cannot be told apart by value and
    is left to the F1 check."""
    wrong = []
    for name, doc in gold.items():
        true_values = {c["value"] for e in doc["events"] for c in e["casualties"]}
        values = {c["value"] for c in _claims(outputs[name])} | {c["best"] for c in _claims(outputs[name])}
        for phrase in doc.get("not_casualties", []):
            for number in _numbers(phrase) - true_values:
                if number in values:
                    wrong.append(f"{name[:3]}: {number} from {phrase!r}")
    assert not wrong


def test_background_figures_only_in_background_events(outputs, gold) -> None:
    checked = 0
    for name, doc in gold.items():
        for figure in doc.get("background_figures", []):
            checked += 1
            value = figure["value"]
            assert value not in {c["value"] for c in _claims(outputs[name], background=False)}, name
            assert value in {c["value"] for c in _claims(outputs[name], background=True)}, name
    assert checked >= 1


def test_seed_003_has_three_news_events_with_figures(outputs) -> None:
    doc = next(d for n, d in outputs.items() if n.startswith("003_"))
    news = [e for e in doc["events"] if not e["background"] and e["casualties"]]
    assert len(news) == 3
    assert sum(e["primary"] for e in doc["events"]) == 1
    assert sum(e["primary"] for e in news) == 1


@pytest.mark.parametrize("prefix", ["002_", "003_"])
def test_primary_event_is_in_idlib(outputs, prefix: str) -> None:
    doc = next(d for n, d in outputs.items() if n.startswith(prefix))
    [primary] = [e for e in doc["events"] if e["primary"]]
    assert (primary["location"] or {}).get("admin1") == "Idlib"


def test_seed_evidence_quotes_are_spans_of_the_page(outputs) -> None:
    seeds = shared_path("corpus", "seeds")
    for name, doc in outputs.items():
        text = (seeds / name).read_text(encoding="utf-8")
        for claim in _claims(doc):
            assert claim["evidence"], name
            for ev in claim["evidence"]:
                assert text[ev["start"] : ev["end"]] == ev["quote"], name
