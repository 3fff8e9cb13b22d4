"""A run keeps the loaded model and tables out of the cyclic collector's full passes, and only while it runs."""

from __future__ import annotations

import gc

RECORDS = [
    {"id": "a", "text": "Gunmen killed two farmers near a village on Monday, police said."},
    {"id": "b", "text": "Three soldiers were wounded when a roadside bomb went off, the army said."},
]


def test_the_loaded_tables_are_frozen_while_a_run_lasts(ex):
    during = []
    for _ in ex.extract_many(RECORDS):
        during.append((gc.get_freeze_count(), any(obj is ex.lexicon for obj in gc.get_objects())))
    assert len(during) == 2
    assert all(count > 0 and not tracked for count, tracked in during)  # the lexicon sits in the frozen set
    assert gc.get_freeze_count() == 0
    assert any(obj is ex.lexicon for obj in gc.get_objects())


def test_a_run_left_unfinished_unfreezes_when_closed(ex):
    run = ex.extract_many(RECORDS)
    next(run)
    assert gc.get_freeze_count() > 0
    run.close()
    assert gc.get_freeze_count() == 0
