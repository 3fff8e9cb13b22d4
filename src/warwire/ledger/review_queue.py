"""What to check first: events ranked by why a reviewer is needed, with progress.

Points: sources disagree 8, a weak merge (a link scored under WEAK_LINK) 4, a party's claim about its
enemy 4, a large figure (best or high from LARGE) 2, a vague or open figure (no best, or no high) 2; an event
already reviewed leaves the queue, a partly reviewed one stays with its points.
"""

from __future__ import annotations

from typing import Any

WEAK_LINK = 0.7
LARGE = 50
POINTS = {"disagreement": 8, "weak_merge": 4, "party_claim": 4, "large": 2, "vague": 2}


def reasons(ev: dict[str, Any]) -> list[str]:
    flags = ev.get("flags") or []
    figs = ev.get("casualties") or []
    out = []
    if any(f.startswith("disagreement:") for f in flags):
        out.append("disagreement")
    if ev.get("weakest_link") is not None and ev["weakest_link"] < WEAK_LINK:
        out.append("weak_merge")
    if any(f.startswith("party_claim:") for f in flags):
        out.append("party_claim")
    if any((f.get("best") or 0) >= LARGE or (f.get("high") or 0) >= LARGE for f in figs):
        out.append("large")
    if any(f.get("best") is None or f.get("high") is None for f in figs):
        out.append("vague")
    return out


def queue(events: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Events still to review, most needed first (ties: newest first, as given), and the progress."""
    todo = []
    for i, ev in enumerate(events):
        if ev.get("background") or ev.get("review_state") == "reviewed":
            continue
        why = reasons(ev)
        todo.append((-sum(POINTS[w] for w in why), i, ev, why))
    todo.sort(key=lambda t: t[:2])
    live = [e for e in events if not e.get("background")]
    done = sum(1 for e in live if e.get("review_state") == "reviewed")
    return [{"event": ev, "reasons": why, "points": -p} for p, _, ev, why in todo], {
        "reviewed": done, "partial": sum(1 for e in live if e.get("review_state") == "partial"), "events": len(live)}
