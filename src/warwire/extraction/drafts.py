"""What event grouping works on: a sentence with its figures and context (SentenceInfo), and an event being
assembled from such sentences (Draft). Shared by events.py, which groups, and roundups.py, which folds."""

from __future__ import annotations

from dataclasses import dataclass, field

from warwire.extraction.casualties import Figure
from warwire.model import Claimant
from warwire.refs import DateRef, PlaceRef


@dataclass
class SentenceInfo:
    start: int
    end: int
    text: str
    headline: bool = False
    places: list[PlaceRef] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    zeros: list[str] = field(default_factory=list)  # outcomes stated as zero
    claimed_by: str | None = None  # the claimant's name as a person reads it
    claimant: Claimant | None = None
    background: bool = False


@dataclass
class Draft:
    """An event being assembled."""

    place: PlaceRef | None
    date: DateRef | None
    background: bool
    sentences: list[SentenceInfo] = field(default_factory=list)
    figures: list[tuple[Figure, SentenceInfo]] = field(default_factory=list)
    zeros: list[tuple[str, SentenceInfo]] = field(default_factory=list)
    titled: bool = False  # holds the figure of a title the text does not repeat: the title's event

    @property
    def headline(self) -> bool:
        return self.titled or any(s.headline for s in self.sentences)

    def values(self) -> set[tuple[str, int | str]]:
        # Figures are only ever appended while drafts are grouped: the set is kept for as many as it counted.
        held = self.__dict__.get("_values")
        if held is None or held[0] != len(self.figures):
            found = {t for f, _ in self.figures if (t := told(f)) is not None}
            held = self.__dict__["_values"] = (len(self.figures), found)
        return held[1]


def told(figure: Figure) -> tuple[str, int | str] | None:
    """What a figure tells, to find it told again: its number, else its vague word ('several')."""
    q = figure.quantity
    if q.value is not None:
        return figure.outcome, q.value
    return (figure.outcome, q.vague.lower()) if q.vague else None
