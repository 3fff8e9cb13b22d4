"""One vocabulary for event types: the casualty words of data/event_types.json come from the lexicon through
named word sets, so a word added to or dropped from the lexicon changes the event types with it (sentences
written for these tests)."""

from __future__ import annotations

import re

import pytest

from warwire import data, lexicon
from warwire.extraction.document import is_candidate
from warwire.resolve.event_types import classify_event_type

RULES = data.load_json("event_types.json")
SETS = {name: spec for name, spec in RULES["sets"].items() if name.startswith("@")}


def _raw_patterns() -> list[str]:
    rows = RULES["rules"] + RULES["demonstrations"]["rules"]
    return [p for row in rows for p in [*row["patterns"], row.get("unless") or "", row.get("government_verbs") or ""]]


def _members() -> list[tuple[str, str]]:
    """(set, the text a member puts in its example): a stem's lemma by its past form."""
    lex = lexicon.load()
    past = {lemma: form for form, (lemma, tag) in lex.verb_forms.items() if tag == "VBD"}
    return [(name, past[w] if kind == "stems" else w)
            for name, spec in SETS.items() for kind in ("stems", "words", "phrases") for w in spec.get(kind, [])]


@pytest.mark.parametrize(("name", "text"), _members())
def test_every_set_word_gives_its_type_and_makes_its_sentence_a_candidate(name: str, text: str) -> None:
    sentence = SETS[name]["example"].format(text)
    assert classify_event_type(sentence) == SETS[name]["type"], sentence
    assert is_candidate(sentence), sentence


def test_every_set_is_used_and_every_used_set_defined() -> None:
    used = {m for p in _raw_patterns() for m in re.findall(r"@\w+", p)}
    assert used == set(SETS)
    assert all(SETS[name]["why"].strip() for name in SETS)


def test_no_pattern_spells_a_lexicon_word_itself() -> None:
    """Lexicon verbs (by stem) and phrases appear only through a set, save the senses listed as other."""
    lex = lexicon.load()
    other = {lexicon.stem(v) for v in RULES["other_senses"] if not v.startswith("_")}
    stems = {lexicon.stem(v) for v in {*lex.verb_lemmas, *lex.intransitive_lemmas}} - other
    phrases = {r"\s+".join(p) for p in lex.phrases}
    bare = [re.sub(r"@\w+", "", p).lower() for p in _raw_patterns()]
    spelled = {(s, p) for p in bare for s in stems | phrases if len(s) >= 4 and s in p}
    assert not spelled


def test_a_set_word_the_lexicon_does_not_hold_is_refused() -> None:
    lex = lexicon.load()
    assert lex.alternation({"stems": ["kill", "execute"]}) == "kill|execut"
    assert lex.alternation({"phrases": ["shot dead"]}) == r"shot\s+dead"
    with pytest.raises(ValueError, match="stab"):
        lex.alternation({"stems": ["stab"]})
    with pytest.raises(ValueError, match="lynched"):
        lex.alternation({"words": ["lynched"]})


def test_a_lexicon_verb_dropped_from_a_set_no_longer_types_its_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    import warwire.resolve.event_types as et

    sentence = "Gunmen kidnapped two aid workers near the border."
    assert classify_event_type(sentence) == "abduction_forced_disappearance"
    raw = {**RULES, "sets": {**RULES["sets"], "@abduction_stems": {"stems": ["abduct"]}}}
    monkeypatch.setattr(et.json, "loads", lambda _text: raw)
    for cached in (et._data, et._rules, et._demonstration_rules, et._heads_automaton):
        cached.cache_clear()
    try:
        assert classify_event_type(sentence) != "abduction_forced_disappearance"
    finally:
        monkeypatch.undo()
        for cached in (et._data, et._rules, et._demonstration_rules, et._heads_automaton):
            cached.cache_clear()
