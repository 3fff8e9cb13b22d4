"""Measure date resolution on the GVA dev set: the first incident-date mention of each article,
resolved against its `published` date, compared with gold["date"] ("October 22, 2016").

Usage: .venv/bin/python scripts/eval_dates.py [path/to/gva_linking_dev.jsonl]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

from warwire.model import PartialDate
from warwire.refs.dates import find_date_mentions, parse_iso, resolve_date

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev" / "gva_linking_dev.jsonl"
INCIDENT_KINDS = {"weekday", "day", "relative", "range", "overnight"}
# page furniture before a date: publication/update stamps, photo and video captions
_FURNITURE = re.compile(r"(?i)(?:published|posted|updated|copyright|©)\W*(?:\w+\W+){0,2}$")


def first_incident_mention(text: str):  # noqa: ANN201 (a DateMention or None)
    for m in find_date_mentions(text):
        if m.kind in INCIDENT_KINDS and not _FURNITURE.search(text[max(0, m.start - 40): m.start]):
            return m
    return None


def gold_date(value: str | None) -> PartialDate | None:
    try:
        d = datetime.strptime(value or "", "%B %d, %Y")
    except ValueError:
        return None
    return PartialDate(d.year, d.month, d.day)


def main(path: Path) -> None:
    outcome: Counter[str] = Counter()
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        gold = gold_date(row["gold"].get("date"))
        if gold is None:
            continue
        mention = first_incident_mention(row["text"])
        if mention is None:
            outcome["no mention"] += 1
            continue
        start = resolve_date(mention.as_written, parse_iso(row.get("published"))).start
        outcome["equal" if start == gold else ("unresolved" if start is None else "different")] += 1
    total = sum(outcome.values())
    print(f"articles with a gold date: {total}")
    for key in ("equal", "different", "unresolved", "no mention"):
        print(f"  {key:<11} {outcome[key]:>5}  {outcome[key] / total:6.1%}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
