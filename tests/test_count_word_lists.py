"""scripts/count_word_lists.py, the closing-note counter of word lists still written in Python, counts
each form a list takes in this code base once (sources written for these tests)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "count_word_lists.py"
spec = importlib.util.spec_from_file_location("warwire_count_word_lists", SCRIPT)
assert spec is not None and spec.loader is not None
counter = importlib.util.module_from_spec(spec)
spec.loader.exec_module(counter)


def test_literal_collections_and_split_strings_are_lists() -> None:
    assert counter.count_file('A = ("killed", "died", "wounded")\n') == (1, 3)
    assert counter.count_file('A = frozenset("the a an this".split())\n') == (1, 4)
    assert counter.count_file('A = ("killed", 3, "died")\nB = "in at".split()\n') == (0, 0)  # mixed; two words


def test_alternations_over_several_lines_and_nested_groups_are_counted_once_each() -> None:
    source = ('import re\nP = re.compile(r"\\b(?:shot\\s+dead|gunned\\s+down|"\n'
              '                r"killed|slain)\\b(?:\\s+(?:in|at|near))?")\n')
    assert counter.count_file(source) == (2, 7)
    assert counter.count_file('P = "killed|died|wounded"\n') == (1, 3)  # an alternation at the top
    assert counter.count_file('P = r"(?:\\d+|\\w+\\s\\d|[a-z]+)"\n') == (0, 0)  # not words


def test_docstrings_are_prose_not_lists() -> None:
    assert counter.count_file('def f():\n    """Reads (killed|died|wounded) forms."""\n') == (0, 0)
