"""Inputs for the scale tests: short reports written for these tests, in the style of wire copy."""

from __future__ import annotations

import json

from warwire.model import Document, Failure

TOWNS = ["Aleppo", "Kandahar", "Mosul", "Donetsk", "Sanaa", "Idlib", "Mogadishu", "Kirkuk", "Homs", "Herat"]
TEMPLATES = [
    "{n} soldiers were killed when a roadside bomb hit their patrol near {town} on Tuesday, officials said.",
    "Gunmen opened fire on a market in {town} on Friday, killing {n} civilians and wounding {m} others.",
    "An air strike on a village outside {town} killed at least {n} people, a monitoring group said on Sunday.",
    "Police said {n} militants died in a clash with security forces in {town} late on Monday.",
    "A car bomb exploded outside a police station in {town}, wounding {m} people, the governor said.",
]


def own_records(count: int = 50) -> list[dict]:
    out = []
    for i in range(count):
        text = TEMPLATES[i % len(TEMPLATES)].format(n=2 + i % 9, m=3 + i % 7, town=TOWNS[i % len(TOWNS)])
        out.append({"id": f"own-{i:03d}", "text": text, "published": f"2021-03-{1 + i % 28:02d}",
                    "outlet": "Test Wire"})
    return out


def as_lines(results) -> list[str]:
    """Each result as the JSON line the CLI would write (a Failure as {doc, error})."""
    lines = []
    for r in results:
        data = r.to_dict() if isinstance(r, Document) else {"doc": r.doc, "error": r.message}
        assert isinstance(r, Document | Failure)
        lines.append(json.dumps(data, sort_keys=True, ensure_ascii=False))
    return lines

