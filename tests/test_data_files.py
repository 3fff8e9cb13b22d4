"""The shipped data files: where they sit, that the one loader reads them, and that the lexicon and the rule
files hold together (no repeats, one group per word, every pattern compiles and matches its own example)."""

from __future__ import annotations

import re

import pytest

from warwire import data, lexicon
from warwire.extraction.background import is_aggregate, is_background


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


# ---------------------------------------------------------------- the lexicon and the rule files

def _lists(node: object, where: str = "") -> list[tuple[str, list]]:
    """Every list of words in a JSON tree, with where it sits."""
    if isinstance(node, list) and all(isinstance(w, str) for w in node):
        return [(where, node)]
    if isinstance(node, dict):
        return [found for key, value in node.items() for found in _lists(value, f"{where}/{key}")]
    return []


@pytest.mark.parametrize("lang", data.languages())
def test_no_word_list_repeats_a_word(lang: str) -> None:
    for name in ("casualties.json", "background.json", "places.json"):
        if not data.path(name, lang).is_file():
            continue
        for where, words in _lists(data.load_json(name, lang)):
            repeated = sorted({w for w in words if words.count(w) > 1})
            assert not repeated, f"{lang}/{name}{where} repeats {repeated}"


def test_each_victim_noun_and_modifier_has_one_group() -> None:
    raw = data.load_json("casualties.json", "en")
    for section in ("victims", "group_modifiers"):
        groups: dict[str, list[str]] = {}
        for group, words in raw[section].items():
            for word in words:
                groups.setdefault(word, []).append(group)
        assert not {w: g for w, g in groups.items() if len(g) > 1}, section


def test_each_trigger_word_has_one_outcome() -> None:
    raw = data.load_json("casualties.json", "en")
    outcomes: dict[tuple[str, str], list[str]] = {}
    for outcome, entry in raw["triggers"].items():
        for kind, words in entry.items():
            for word in words:
                outcomes.setdefault((kind.replace("person_verbs", "verbs"), word), []).append(outcome)
    assert not {k: v for k, v in outcomes.items() if len(v) > 1}


def _rules() -> list[tuple[str, str, dict]]:
    """(file, section, rule) for every rule with a pattern, why and example."""
    found = []
    for name, sections in (("background.json", ("background", "aggregate")), ("casualties.json", ("prefilter_cues",))):
        table = data.load_json(name, "en")
        for section in sections:
            found += [(name, section, {**rule, "pattern": data.expand(rule["pattern"], table.get("sets", {}))})
                      for rule in table[section]]
    places = data.load_json("places.json", "en")
    for rule in places["cues"]:  # the example's side of its {} is what the pattern reads
        before, after = rule["example"].split("{}")
        side = {"before": before, "after": after, "word": after.strip()}[rule["side"]]
        found.append(("places.json", "cues", {**rule, "pattern": data.expand(rule["pattern"], places["sets"]),
                                              "example": side}))
    return found


@pytest.mark.parametrize(("name", "section", "rule"), _rules(), ids=lambda v: v if isinstance(v, str) else None)
def test_every_rule_compiles_says_why_and_matches_its_example(name: str, section: str, rule: dict) -> None:
    pattern = re.compile(rule["pattern"], re.I)
    assert rule["why"].strip() and rule["example"].strip()
    assert pattern.search(rule["example"]), f"{name} {section}: {rule['example']!r}"


def test_named_sets_are_defined_and_used() -> None:
    table = data.load_json("background.json", "en")
    used = {m for rule in table["background"] + table["aggregate"] for m in re.findall(r"@\w+", rule["pattern"])}
    assert used == set(table["sets"])


@pytest.mark.parametrize("example", [r["example"] for r in data.load_json("background.json", "en")["background"]])
def test_every_background_example_is_background(example: str) -> None:
    assert is_background(example, None)


@pytest.mark.parametrize("example", [r["example"] for r in data.load_json("background.json", "en")["aggregate"]])
def test_every_aggregate_example_is_a_total_over_incidents(example: str) -> None:
    assert is_aggregate(example)


def test_news_is_neither_background_nor_a_total() -> None:
    news = "Gunmen killed four soldiers at a checkpoint near the town on Tuesday, officials said."
    assert not is_background(news, None) and not is_aggregate(news)


def test_prefilter_cue_literals_are_in_every_match_of_their_example() -> None:
    for cue in data.load_json("casualties.json", "en")["prefilter_cues"]:
        hit = re.search(cue["pattern"], cue["example"], re.I)
        assert hit and any(lit in hit.group().lower() for lit in cue["contains"]), cue["example"]


def test_attack_words_and_verbs_are_lexicon_words() -> None:
    raw = data.load_json("casualties.json", "en")
    for outcome, which in raw["attack_triggers"]["verbs_of"].items():
        assert outcome in raw["triggers"]
        assert which == "all" or set(which) <= set(raw["triggers"][outcome]["verbs"])
    assert "wounds" not in lexicon.load().attack_forms  # a noun as often as a verb


def test_place_cue_words_and_titles_come_from_the_data() -> None:
    from warwire.resolve import place_mentions as pm

    places = data.load_json("places.json", "en")
    assert set(pm._CUE_ENDS) == {"of", "the", *places["sets"]["@cue_words"]}
    assert frozenset(places["linkers"]) == pm._LINKERS
    assert pm._cue("Troops entered the town of Marea at dawn.", 27, 32) == "town"
    lex = lexicon.load()
    assert lex.military_titles < lex.titles and "sheikh" in lex.titles - lex.military_titles
    titles = data.load_json("casualties.json", "en")["person_titles"]
    assert not set(titles["military"]) & set(titles["civil"])  # one group per title


def test_arabic_outcome_group_and_qualifier_names_are_the_models() -> None:
    """The Arabic path hands its lexicon's names straight to `Claim` (a cast, not a check)."""
    from typing import get_args

    from warwire.extraction.ar.lexicon import lexicon as ar_lexicon
    from warwire.model import Group, Outcome, Qualifier

    lex = ar_lexicon()
    outcomes = {*lex.events.values(), *lex.suffix_stems.values()} | {n.outcome for n in lex.nouns.values()}
    groups = {n.group for n in lex.nouns.values()} | {g for _, g in lex.element_groups} | {lex.element_default}
    assert outcomes - {None} <= set(get_args(Outcome))
    assert groups <= set(get_args(Group))
    assert {q for _, q in lex.qualifiers} <= set(get_args(Qualifier))
