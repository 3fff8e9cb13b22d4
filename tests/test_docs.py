"""docs/extending.md names every key of every data file and every event type (as datasette's test_docs.py
does for its settings): a new key or type without a line there fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "warwire" / "data"
PAGE = (REPO / "docs" / "extending.md").read_text(encoding="utf-8")
NAMED = set(re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", PAGE, flags=re.M | re.S)))
# Files whose keys are entries, not fields: outlets.json is keyed by outlet name.
ENTRY_KEYED = {"outlets.json"}


def _data_keys() -> list[tuple[str, str]]:
    keys = []
    for path in sorted(DATA.rglob("*.json")):
        rel = path.relative_to(DATA).as_posix()
        keys.append((rel, ""))
        if path.name in ENTRY_KEYED:
            continue
        table = json.loads(path.read_text(encoding="utf-8"))
        keys += [(rel, k) for k in table if not k.startswith("_") and k != "about"]
    return keys


def _event_types() -> set[str]:
    rules = json.loads((DATA / "event_types.json").read_text(encoding="utf-8"))
    types = {r["type"] for r in rules["rules"]} | {r["type"] for r in rules["demonstrations"]["rules"]}
    types |= {rules["demonstrations"]["default"]}
    types |= set(json.loads((DATA / "acled_types.json").read_text(encoding="utf-8"))["types"])
    return types


def _file_named(rel: str) -> bool:
    return rel in NAMED or f"data/{rel}" in NAMED or Path(rel).name in NAMED


@pytest.mark.parametrize(("rel", "key"), _data_keys(), ids=lambda v: v or "file")
def test_every_data_file_and_key_is_documented(rel: str, key: str) -> None:
    if not key:
        assert _file_named(rel), f"docs/extending.md does not name {rel}"
    else:
        assert key in NAMED, f"docs/extending.md does not name key `{key}` of {rel}"


@pytest.mark.parametrize("event_type", sorted(_event_types()))
def test_every_event_type_is_documented(event_type: str) -> None:
    assert event_type in NAMED, f"docs/extending.md does not name event type `{event_type}`"


def test_the_page_says_how_to_extend_each_part() -> None:
    headings = set(re.findall(r"^## (.+)$", PAGE, re.M))
    assert {"Add a trigger word", "Add a victim noun", "Add an actor alias", "Add a claimant",
            "Add an event-type rule", "Add a language", "Re-pin a floor"} <= headings
