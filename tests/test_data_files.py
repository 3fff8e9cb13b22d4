"""The shipped data files: where they sit and that the one loader reads them."""

from __future__ import annotations

from warwire import data, lexicon


def test_english_words_sit_in_their_language_folder() -> None:
    assert "en" in data.languages()
    assert data.path("casualties.json", "en").is_file()
    assert not data.path("casualties.json").is_file()  # words of a language never sit at the top


def test_lexicon_loads_by_language_code() -> None:
    lex = lexicon.load("en")
    assert lex is lexicon.load()  # English is the default, loaded once
    assert lex.victim_groups["soldiers"] == "state_forces"
    assert "iraqis" in lex.demonyms


def test_text_tables_drop_comments_and_blank_lines() -> None:
    rows = data.lines("demonyms.tsv", "en")
    assert rows and all(not r.startswith("#") and r.strip() for r in rows)
    assert "Syrian\tSY" in rows
