"""One loaded Extractor for the extraction tests (the spaCy model loads once per session)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def ex():
    import warwire

    return warwire.extractor()


@pytest.fixture(scope="session")
def lex():
    from warwire.lexicon import load

    return load()


@pytest.fixture(scope="session")
def figures(ex, lex):
    """sentence -> {(outcome, group, value, qualifier)} found by the figure finder."""
    from warwire.extraction.casualties import find_figures

    def run(sentence: str) -> set[tuple]:
        return {(f.outcome, f.quantity.group, f.quantity.value, f.quantity.qualifier)
                for f in find_figures(ex.nlp(sentence)[:], lex)}

    return run


@pytest.fixture(scope="session")
def claims(ex):
    """text -> {(outcome, group, value, qualifier)} over all events of the full extraction."""

    def run(text: str, **meta: str) -> set[tuple]:
        doc = ex.extract(text, **meta)
        return {(c.outcome, c.group, c.value, c.qualifier) for e in doc.events for c in e.casualties}

    return run
