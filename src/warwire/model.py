"""The data model every stage shares: Document, Evidence, Claim, Claimant, Event, Place, Actor, PartialDate.

Stages read and write these; nothing below this module imports a stage. `to_dict()` gives the
shape of `../shared/contract/events.schema.json` (one line of `warwire extract --format jsonl`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal


def _flat(obj: Any) -> dict[str, Any]:
    """The fields of a dataclass of plain values (dataclasses.asdict deep-copies: a tenth of ingest time)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


Outcome = Literal["killed", "wounded", "captured", "missing"]
Group = Literal["state_forces", "armed_groups", "civilians", "unspecified"]
Qualifier = Literal["exact", "at_least", "at_most", "approximately", "vague"]
DatePrecision = Literal["day", "days", "week", "month", "year", "unknown"]
GeoPrecision = Literal["point", "town", "near_town", "admin2", "admin1", "country", "unknown"]
ClaimantKind = Literal[
    "monitor", "government", "military", "armed_group", "medical", "civil_defence", "un_agency", "ngo", "police",
    "local_official", "media", "witness_or_family", "anonymous",
]


@dataclass(frozen=True)
class PartialDate:
    """A date whose unknown parts stay None ('January 22' with no year: year=None)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def is_empty(self) -> bool:
        return self.year is None and self.month is None and self.day is None

    def iso(self) -> str | None:
        """'2020-02-12', '2020-02', '2020', or None when the year is unknown."""
        if self.year is None:
            return None
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def to_dict(self) -> dict[str, int | None]:
        return _flat(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> PartialDate | None:
        if not data:
            return None
        return cls(data.get("year"), data.get("month"), data.get("day"))


@dataclass(frozen=True)
class Evidence:
    """A span of the document's text: `quote == text[start:end]`."""

    quote: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)


@dataclass(frozen=True)
class Claimant:
    """Who a figure is attributed to, as an entity: `id` and `name` canonical (from the claimant table, else
    of the normalised name), `side` the actor name when the claimant is a party to the fighting, `as_written`
    the attribution words in the text, `via` the agency that relayed it."""

    id: str
    name: str
    kind: ClaimantKind
    side: str | None = None
    as_written: str | None = None
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Claimant | None:
        if not data or not data.get("id"):
            return None
        return cls(data["id"], data.get("name") or data["id"], data.get("kind") or "anonymous", data.get("side"),
                   data.get("as_written"), data.get("via"))


@dataclass
class Claim:
    """One casualty figure for one outcome and victim group, with who claimed it."""

    outcome: Outcome
    group: Group
    value: int | None
    qualifier: Qualifier
    low: int | None
    best: int | None
    high: int | None
    evidence: list[Evidence]
    victims: str | None = None
    vague: str | None = None
    convention: str | None = None  # the coding convention that set `best` for a vague word ('aan')
    claimed_by: str | None = None  # the claimant's name as a person would read it
    claimant: Claimant | None = None

    def to_dict(self) -> dict[str, Any]:
        data = _flat(self)
        data["evidence"] = [e.to_dict() for e in self.evidence]
        data["claimant"] = self.claimant.to_dict() if self.claimant else None
        return data


@dataclass
class Place:
    """A place as written and, once resolved, its gazetteer entry."""

    name: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision = "unknown"
    geonameid: int | None = None
    as_written: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)


@dataclass
class Actor:
    name: str
    category: str
    role: Literal["perpetrator", "target", "unknown"] = "unknown"
    as_written: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)


@dataclass
class EventDate:
    start: PartialDate | None = None
    end: PartialDate | None = None
    precision: DatePrecision = "unknown"
    as_written: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.to_dict() if self.start else None,
            "end": self.end.to_dict() if self.end else None,
            "precision": self.precision,
            "as_written": self.as_written,
        }


@dataclass
class Event:
    """Something that happened, as one document tells it."""

    id: str
    type: str = "other"
    primary: bool = False
    background: bool = False
    date: EventDate = field(default_factory=EventDate)
    location: Place | None = None
    actors: list[Actor] = field(default_factory=list)
    casualties: list[Claim] = field(default_factory=list)
    # Character spans of the sentences that tell this event, and of the place name that set it;
    # stages after extraction read them.
    sentences: list[tuple[int, int]] = field(default_factory=list)
    place_span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "primary": self.primary,
            "background": self.background,
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "actors": [a.to_dict() for a in self.actors],
            "casualties": [c.to_dict() for c in self.casualties],
        }


@dataclass
class Document:
    """One input article and everything extracted from it."""

    doc: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    published_source: Literal["given", "metadata", "text", "none"] = "none"
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Character spans of `text` that are article body (page furniture left out).
    body: list[tuple[int, int]] = field(default_factory=list)
    language: str | None = None  # ISO 639-1 ('en', 'ar'); None when it could not be told

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "language": self.language,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": {
                "date": self.published.to_dict() if self.published else None,
                "source": self.published_source,
            },
            "events": [e.to_dict() for e in self.events],
        }


@dataclass
class Failure:
    """A document that could not be read or processed; the batch goes on without it."""

    doc: str
    message: str
