"""A record made ready for extraction: text, metadata, publication date, body and sentences."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from warwire.ingest.fields import bounded_text, clean_record
from warwire.ingest.furniture import body_spans
from warwire.ingest.html import NoArticle, extract_article
from warwire.ingest.language import detect_language, language_warning
from warwire.ingest.outlets import outlet_from_text
from warwire.ingest.records import Record
from warwire.ingest.sentences import split_sentences
from warwire.model import Document, PartialDate
from warwire.refs.datelines import find_publication_date
from warwire.refs.dates import parse_iso

WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass
class Prepared:
    document: Document
    sentences: list[tuple[int, int]] = field(default_factory=list)
    headline: tuple[int, int] | None = None


def prepare(record: Record) -> Prepared:
    """Raises ValueError (NoArticle) for an input with nothing to read."""
    meta_date = None
    if record.text is None:
        article = extract_article(record.html or "")
        meta_date = article.date
        # The page's own metadata is cleaned and bounded like any given field.
        record = clean_record(dataclasses.replace(
            record, text=article.text, html=None, title=record.title or article.title,
            outlet=record.outlet or article.outlet, url=record.url or article.url,
            warnings=(*record.warnings, *article.warnings)))
    text, title, outlet, url = record.text or "", record.title, record.outlet, record.url
    if not text.strip():
        raise NoArticle("empty document")
    text, note = bounded_text(text)
    warnings = list(record.warnings) + ([note] if note else [])
    outlet = outlet or outlet_from_text(text)
    doc = Document(doc=record.id, text=text, title=title, outlet=outlet, url=url, warnings=warnings)
    _set_published(doc, record.published, meta_date)
    doc.body = body_spans(text)
    if not doc.body:
        raise NoArticle("no article: only page furniture (a login wall, a menu)")
    prepared = Prepared(doc, split_sentences(text, doc.body))
    prepared.headline = _headline(doc, prepared.sentences)
    if doc.title is None and prepared.headline:
        doc.title = text[prepared.headline[0] : prepared.headline[1]]
    doc.language = detect_language(text)
    warning = language_warning(doc.language)
    if warning:
        doc.warnings.append(warning)
    return prepared


def _set_published(doc: Document, given: str | None, meta: str | None) -> None:
    for value, source in ((given, "given"), (meta, "metadata")):
        date = parse_iso(value) if value else None
        if date is not None:
            doc.published, doc.published_source = date, source  # type: ignore[assignment]
            return
    found = find_publication_date(doc.text)
    if found is not None:
        doc.published, doc.published_source = found, "text"


def _headline(doc: Document, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The title's line in the text, else the first body line of four words or more."""
    text = doc.text
    if doc.title:
        key = doc.title.strip().lower()[:60]
        for start, end in sentences[:5]:
            if key and key in text[start:end].lower():
                return start, end
        return None
    for start, end in doc.body[:6]:
        if len(WORD.findall(text[start:end])) >= 4:
            return start, end
    return None


def published_year(doc: Document) -> int | None:
    return doc.published.year if isinstance(doc.published, PartialDate) else None
