"""Round-up reports: a headline total and the incidents the body lists under it.

"Terrorist attacks kill 10 in Aleppo and Idlib" then "three civilians were killed in Aleppo ...",
"another woman was killed in Idlib ...": the headline's 10 is the report's claim and the body's
figures break it down. Counting both would count the same dead twice, so body figures that fit inside
the headline's total (same outcome, same victims or a headline that names none, same days) become
parts of it: evidence for the headline's claim, not claims of their own.
"""

from __future__ import annotations

import re
from collections import defaultdict

from warwire.extraction.casualties import Figure
from warwire.extraction.drafts import Draft

SEPARATE = re.compile(r"\W*(?:separately|in (?:a )?separate|in another|elsewhere)\b", re.I)


def fold_into_headline_total(drafts: list[Draft], title_figures: list[Figure]) -> list[Draft]:
    head = next((d for d in drafts if not d.background and d.headline), None)
    if head is None:
        return drafts
    totals = _totals([f for f, s in head.figures if s.headline] or title_figures)
    for outcome, (group, total) in totals.items():
        body = [d for d in drafts if d is not head and not d.background and _same_days(d, head)
                and _same_area(d, head) and not SEPARATE.match(d.sentences[0].text)]
        parts = [(d, fs) for d in body if (fs := _fitting(d, outcome, group))]
        if parts and sum(_value(fs) for _, fs in parts) <= total:
            for draft, figures in parts:
                _move(draft, head, figures)
    return [d for d in drafts if d is head or d.figures or d.zeros]


def _totals(headline_figures: list[Figure]) -> dict[str, tuple[str, int]]:
    """Outcome -> (victim group, number) of each figure the headline states."""
    totals: dict[str, tuple[str, int]] = {}
    for figure in headline_figures:
        value = figure.quantity.value
        if value and value > 1 and figure.outcome not in totals:
            totals[figure.outcome] = (figure.quantity.group, value)
    return totals


def _same_area(draft: Draft, head: Draft) -> bool:
    """Somewhere the headline covers: no place, a compatible one, or one the headline names."""
    if draft.place is None or head.place is None or draft.place.compatible(head.place):
        return True
    headline = next((s for s in head.sentences if s.headline), None)
    if headline is None:  # a title apart from the text: its places are unknown
        return False
    named = {p.admin1 for p in headline.places if p.admin1}  # "in Aleppo and Idlib"
    return draft.place.admin1 in named or draft.place.as_written.lower() in headline.text.lower()


def _same_days(draft: Draft, head: Draft) -> bool:
    return draft.date is None or head.date is None or draft.date.compatible(head.date)


def _fitting(draft: Draft, outcome: str, group: str) -> list:
    return [(f, s) for f, s in draft.figures if f.outcome == outcome and f.quantity.value is not None
            and (group == "unspecified" or f.quantity.group == group)]


def _value(figures: list) -> int:
    """A draft's figure for one outcome: its largest per victim group, summed over groups (mentions
    within a draft retell each other)."""
    best: dict[str, int] = defaultdict(int)
    for figure, _ in figures:
        best[figure.quantity.group] = max(best[figure.quantity.group], figure.quantity.value or 0)
    return sum(best.values())


def _move(draft: Draft, head: Draft, figures: list) -> None:
    for figure, sentence in figures:
        figure.part = True
        draft.figures.remove((figure, sentence))
        head.figures.append((figure, sentence))
