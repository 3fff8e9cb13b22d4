"""Round-up reports: a headline total and the incidents the body lists under it (own sentences)."""

from __future__ import annotations

ROUNDUP = """Rocket attacks kill 9 civilians in Aleppo and Hama

Rocket shells fired by militants on the Bustan al-Qasr district of Aleppo city killed five civilians on \
Monday, a police source said. In Hama province, two children were killed when a shell hit their school in \
Mhardeh on Monday, the source added.
"""

TWO_INCIDENTS = """Rocket attacks kill 4 civilians in Aleppo

Rocket shells fired by militants on the Bustan al-Qasr district of Aleppo city killed four civilians on \
Monday, a police source said. In Hama province, army units killed 30 militants near Mhardeh on Monday, the \
source added.
"""


def _killed(doc) -> list[tuple[bool, str, int | None]]:
    return [(e.primary, c.group, c.best) for e in doc.events if not e.background
            for c in e.casualties if c.outcome == "killed"]


def test_body_figures_inside_the_headline_total_are_its_parts(ex) -> None:
    doc = ex.extract(ROUNDUP, published="2016-09-06")
    assert _killed(doc) == [(True, "civilians", 9)]
    [claim] = [c for e in doc.events for c in e.casualties if c.outcome == "killed"]
    assert len(claim.evidence) == 3
    assert claim.low != 2  # Hama's two children are a part of the nine, not a lower reading of them


def test_other_victims_are_not_parts_of_the_headline_total(ex) -> None:
    killed = _killed(ex.extract(TWO_INCIDENTS, published="2016-09-06"))
    assert (True, "civilians", 4) in killed
    assert any(group == "armed_groups" and best == 30 for _, group, best in killed)
