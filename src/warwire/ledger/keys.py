"""Stable ids of what a reviewer decides on, so decisions survive re-ingest and re-extraction.

A row id changes whenever a document is stored again; these do not. A claim is its document, its outcome
and group as the machine read them, and its first evidence span ("doc|killed/civilians|76-214"). A report
(one event as one document tells it) is its document and its first sentence ("doc|76-214"), else its
first claim's span, else its place among the document's events ("doc|#2").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _first_span(evidence: Sequence[dict[str, Any]] | None) -> tuple[int, int] | None:
    spans = [(e["start"], e["end"]) for e in evidence or () if e.get("start") is not None]
    return min(spans) if spans else None


def claim_key(doc: str, claim: dict[str, Any]) -> str:
    """`claim`: a contract casualty dict (outcome, group, evidence, value)."""
    span = _first_span(claim.get("evidence"))
    where = f"{span[0]}-{span[1]}" if span else f"v{claim.get('value')}"
    return f"{doc}|{claim['outcome']}/{claim['group']}|{where}"


def report_key(doc: str, index: int, event: dict[str, Any], sentences: Sequence[Sequence[int]] | None = None) -> str:
    """`event`: a contract event dict; `sentences`: the event's sentence spans when known."""
    if sentences:
        s, e = min(tuple(x) for x in sentences)
        return f"{doc}|{s}-{e}"
    spans = [sp for c in event.get("casualties") or () if (sp := _first_span(c.get("evidence")))]
    if spans:
        s, e = min(spans)
        return f"{doc}|{s}-{e}"
    return f"{doc}|#{index}"


def doc_of(key: str) -> str:
    """The document id of a claim or report key (document ids may hold '|': the key's fields never do)."""
    head, _, tail = key.rpartition("|")
    if "/" in head.rpartition("|")[2] and "|" in head:
        return head.rpartition("|")[0]
    return head if tail else key


def review_extras(doc: Any) -> dict[str, Any]:
    """What the review desk shows besides the contract dict, stored with it: the text, the body spans and
    each event's sentence and place spans (marks placed by offset). `doc`: a model.Document."""
    return {
        "text": doc.text,
        "spans": [{"sentences": [list(s) for s in ev.sentences],
                   "place": list(ev.place_span) if ev.place_span else None} for ev in doc.events],
    }  # fmt: skip
