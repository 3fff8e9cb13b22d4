"""warwire: conflict news to a sourced, geocoded, deduplicated event ledger, offline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from warwire.model import Actor, Claim, Document, Event, Evidence, Failure, PartialDate, Place

if TYPE_CHECKING:
    from warwire.pipeline import Extractor

__all__ = ["Actor", "Claim", "Document", "Event", "Evidence", "Failure", "PartialDate", "Place",
           "extract", "extract_many", "extractor"]
__version__ = "0.1.0"


@cache
def extractor() -> Extractor:
    """The shared Extractor (the model loads once per process)."""
    from warwire.pipeline import Extractor

    return Extractor()


def extract(text: str, *, title: str | None = None, published: str | None = None,
            outlet: str | None = None, convention: str | None = None) -> Document:
    """One article's text to a Document with its events and casualty claims. `convention` ("acled",
    "aan") fills `best` for vague words by that dataset's coding rules; by default it stays empty."""
    return extractor().extract(text, title=title, published=published, outlet=outlet, convention=convention)


def extract_many(records: Iterable[dict], *, convention: str | None = None) -> Iterator[Document | Failure]:
    """Records ({"id", "text" or "html", "title", "published", "outlet", "url"}) to Documents, streamed
    in input order; a record that cannot be read yields a Failure and the stream goes on."""
    return extractor().extract_many(records, convention=convention)
