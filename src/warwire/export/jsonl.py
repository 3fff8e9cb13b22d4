"""JSON Lines export of ledger events (one event dict per line, as `Ledger.events()` gives them)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO


def to_jsonl(events: Iterable[dict[str, Any]], fh: TextIO) -> int:
    n = 0
    for e in events:
        fh.write(json.dumps(e, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n
