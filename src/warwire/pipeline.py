"""The pipeline: records in, Documents out, in input order; spaCy runs in batches, only on
sentences that can hold a figure.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warwire.budget import DocTimeout, time_limit
from warwire.extraction import conventions
from warwire.extraction.ar.document import build_ar_events
from warwire.extraction.ar.normalise import normalise
from warwire.extraction.document import TITLE, build_events, candidate_sentences, is_candidate
from warwire.extraction.triggers import unhyphenate_deaths
from warwire.ingest.fields import clean_record
from warwire.ingest.language import has_arabic
from warwire.ingest.prepare import Prepared, prepare
from warwire.ingest.records import ReadError, Record, record_from_mapping
from warwire.lexicon import load as load_lexicon
from warwire.model import Document, Event, Failure
from warwire.refs import Mentions
from warwire.refs.dates import find_date_mentions
from warwire.resolve.ar_events import resolve_ar_events
from warwire.resolve.events import resolve_events
from warwire.resolve.places import choose_entries, find_place_mentions
from warwire.settings import Settings

# Figure-finding reads tags only (lemmas of its few verbs come from the lexicon): the parser, the
# entity recogniser, the lemmatizer and the rule-based attribute ruler, most of the model's cost,
# are never run; coarse parts of speech come from the tags by the standard Penn-to-UD table.
DISABLED = ("parser", "ner", "lemmatizer", "attribute_ruler")
PENN_TO_UD = {
    "_SP": "SPACE", ".": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", "``": "PUNCT", '""': "PUNCT",
    "''": "PUNCT", ":": "PUNCT", "HYPH": "PUNCT", "NFP": "PUNCT", "$": "SYM", "#": "SYM", "SYM": "SYM",
    "AFX": "ADJ", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "CC": "CCONJ", "CD": "NUM", "DT": "DET", "PDT": "DET",
    "WDT": "DET", "WP$": "DET", "EX": "PRON", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "IN": "ADP",
    "RP": "ADP", "MD": "AUX", "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "POS": "PART",
    "TO": "PART", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "UH": "INTJ", "VB": "VERB", "VBD": "VERB",
    "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "WRB": "SCONJ", "BES": "VERB", "HVS": "VERB",
}  # fmt: skip


@Language.component("warwire_pos_from_tag")
def pos_from_tag(doc: Doc) -> Doc:
    for token in doc:
        token.pos_ = PENN_TO_UD.get(token.tag_, "X")
    return doc


WARM_UP = "Gunmen killed two farmers near Aleppo on Monday, police said."


@dataclass
class _Job:
    prepared: Prepared


class Extractor:
    """Holds the loaded model; `extract` and `extract_many` are its two entry points."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        conventions.load(self.settings.convention)  # an unknown name fails here, not per document
        self.nlp: Language = spacy.load(self.settings.model, exclude=list(DISABLED))
        self.nlp.add_pipe("warwire_pos_from_tag", after="tagger")
        self.lexicon = load_lexicon()
        # One short report before any timed one: the gazetteer, alias tables and language model load on
        # first use, and that one-off cost must not count against the first document's --doc-timeout.
        self._warming = True
        list(self.extract_many([Record("warm-up", text=WARM_UP)]))
        self._warming = False

    @property
    def _budget(self) -> float:
        return 0.0 if self._warming else self.settings.doc_timeout

    def extract(self, text: str, *, title: str | None = None, published: str | None = None,
                outlet: str | None = None, doc_id: str = "text", convention: str | None = None) -> Document:
        record = Record(doc_id, text=text, title=title, published=published, outlet=outlet)
        result = next(self.extract_many([record], convention=convention))
        if isinstance(result, Failure):
            raise ValueError(result.message)
        return result

    def extract_many(self, records: Iterable[Record | ReadError | dict], *,
                     convention: str | None = None) -> Iterator[Document | Failure]:
        """`convention` (a name in data/conventions/) overrides the settings' for this call."""
        name = convention or self.settings.convention
        conventions.load(name)
        stream = iter(records)
        # The objects alive when a run starts (the model, the gazetteer and rule tables) are left out of the
        # cyclic collector's full passes while it runs: each pass over them cost about a tenth of a second,
        # a few per thousand documents. Unfrozen at the end, as ledger ingest does (ledger._frozen_heap).
        gc.freeze()
        try:
            while batch := list(islice(stream, self.settings.docs_per_batch)):
                for result in self._run_batch(batch):
                    yield conventions.apply(result, name) if isinstance(result, Document) else result
        finally:
            gc.unfreeze()

    def _run_batch(self, batch: list[Record | ReadError | dict]) -> list[Document | Failure]:
        jobs: list[_Job | Failure] = [self._prepare(item) for item in batch]
        live = sum(isinstance(job, _Job) for job in jobs)
        try:
            with time_limit(self._budget * live, "parsing the batch"):
                parsed = self._parse(jobs)
        except Exception:  # noqa: BLE001 - a document the parser refuses (spaCy E088) or that runs out of time
            parsed = [self._parse_alone(jobs, n) for n in range(len(jobs))]
        return [self._finish(job, parsed[n]) for n, job in enumerate(jobs)]

    def _parse(self, jobs: list[_Job | Failure]) -> list[dict]:
        spans = [(n, s) for n, job in enumerate(jobs) if isinstance(job, _Job)
                 for s in candidate_sentences(job.prepared) + _title_span(job.prepared)]
        texts = (_span_text(jobs[n].prepared, span) for n, span in spans)  # type: ignore[union-attr]
        parsed: list[dict] = [{} for _ in jobs]
        for (n, (start, _)), sent in zip(spans, self.nlp.pipe(texts, batch_size=self.settings.batch_size),
                                         strict=True):
            parsed[n][start] = sent
        return parsed

    def _parse_alone(self, jobs: list[_Job | Failure], n: int) -> dict:
        """Job n parsed by itself; when that fails too, job n becomes that document's Failure."""
        job = jobs[n]
        if not isinstance(job, _Job):
            return {}
        try:
            with time_limit(self._budget):
                return self._parse([job])[0]
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
            jobs[n] = Failure(job.prepared.document.doc, f"parsing failed: {_reason(exc)}")
            return {}

    def _prepare(self, item: Record | ReadError | dict) -> _Job | Failure:
        if isinstance(item, ReadError):
            return Failure(item.id, item.message)
        record = item if isinstance(item, Record) else record_from_mapping(item, "record")
        if isinstance(record, ReadError):
            return Failure(record.id, record.message)
        try:
            with time_limit(self._budget):
                prepared = prepare(clean_record(record))
        except DocTimeout as exc:
            return Failure(record.id, f"reading failed: {exc}")
        except ValueError as exc:
            return Failure(record.id, str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
            return Failure(record.id, f"reading failed: {_reason(exc)}")
        return _Job(prepared)

    def _finish(self, job: _Job | Failure, parsed: dict) -> Document | Failure:
        if isinstance(job, Failure):
            return job
        doc = job.prepared.document
        try:
            with time_limit(self._budget):
                # Places and dates are found here, not at preparation: a document's resolution then runs in
                # one go, so what it computes once per text (its country cues) is still cached for
                # resolve_events.
                places = choose_entries(find_place_mentions(doc.text), doc.text)
                mentions = Mentions(places, find_date_mentions(doc.text))
                doc.events = build_events(job.prepared, parsed, self.lexicon, mentions)
                # An Arabic document's English events matter only when its Latin text gives figures: the
                # English resolution (actors transliterated, places) is not run over Arabic text for nothing.
                if doc.language != "ar" or any(e.casualties for e in doc.events):
                    resolve_events(doc, places)
                if has_arabic(doc.text):
                    doc.events = read_arabic(doc)
            return doc
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
            return Failure(doc.doc, f"extraction failed: {_reason(exc)}")


def read_arabic(doc: Document) -> list[Event]:
    """A document holding Arabic is read by the Arabic rules too: an Arabic document's events lead (the
    English rules' events of its Latin text follow, not primary); an English document keeps its events and
    gains the Arabic text's figures as further events, unless they repeat its own."""
    norm = normalise(doc.text)
    arabic = build_ar_events(doc, norm)
    resolve_ar_events(doc, norm, arabic)
    english = [e for e in doc.events if e.casualties]
    if doc.language == "ar" or not english:
        for event in english:
            event.primary = False
        return _renumber(arabic + english) if arabic else doc.events
    told = {(c.outcome, c.best) for e in english for c in e.casualties}
    extra = [e for e in arabic if e.casualties and not {(c.outcome, c.best) for c in e.casualties} <= told]
    for event in extra:
        event.primary = False
    return _renumber(doc.events + extra)


def _renumber(events: list[Event]) -> list[Event]:
    """Event ids stay '<doc>#<n>' in reading order."""
    for n, event in enumerate(events, 1):
        event.id = f"{event.id.split('#')[0]}#{n}"
    return events


def _title_span(prepared: Prepared) -> list[tuple[int, int]]:
    """A title the text does not repeat is parsed too (key TITLE): it names the report's main event."""
    doc = prepared.document
    return [(TITLE, TITLE)] if prepared.headline is None and doc.title and is_candidate(doc.title) else []


def _span_text(prepared: Prepared, span: tuple[int, int]) -> str:
    doc = prepared.document
    return unhyphenate_deaths(doc.title or "" if span[0] == TITLE else doc.text[span[0] : span[1]])


def _reason(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, DocTimeout) else f"{type(exc).__name__}: {exc}"
