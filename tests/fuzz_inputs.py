"""Hypothesis strategies for hostile records, shared by tests/test_fuzz.py and scripts/fuzz_hostile.py."""

from __future__ import annotations

from hypothesis import strategies as st

CASUALTY_WORDS = [
    "killed", "wounded", "dead", "died", "injured", "civilians", "soldiers", "fighters", "at least", "dozens",
    "some", "a", "the", "according to", "said", "issued a statement", "death toll", "Al-", "A", ".", "-", ",",
    "twenty", "hundred", "thousand", "and", "in", "on Monday", "January", "2019", "ISIS", "Syria", "Aleppo",
    "Idlib", "\n\n", "\n", "—", "“", "”",
]  # fmt: skip
ODD_CHARS = ["\ud800", "\udfff", "\x00", "\x1b[2J", "\x07", "\u202e", "\ufeff", "\u0130", "\u00df", "\ufb03"]

pieces = st.one_of(
    st.sampled_from(CASUALTY_WORDS),
    st.integers(min_value=-5, max_value=10**7).map(str),
    st.from_regex(r"[A-Z][a-z]{1,9}( [A-Z][a-z]{1,9}){0,4}", fullmatch=True),  # capitalised runs
    st.text(min_size=1, max_size=12),  # any unicode
    st.sampled_from(ODD_CHARS),
)
texts = st.lists(pieces, min_size=0, max_size=60).map(" ".join)
odd_values = st.one_of(
    st.none(), st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(["2020-13-45", "2020-00-10", "2020-02-30", "2021-06-01", "x" * 300, "\ud800"]),
)


@st.composite
def records(draw: st.DrawFn) -> dict:
    """A JSONL-like record: a text (or a list, a number, HTML) and metadata of any type."""
    body = draw(st.one_of(texts, texts.map(lambda t: f"<html><body><p>{t}</p></body></html>")))
    record = {"id": draw(odd_values), "title": draw(odd_values), "published": draw(odd_values),
              "outlet": draw(odd_values), "url": draw(odd_values)}
    key = "html" if body.startswith("<html>") else "text"
    record[key] = draw(st.one_of(st.just(body), st.just(body), odd_values))
    return record
