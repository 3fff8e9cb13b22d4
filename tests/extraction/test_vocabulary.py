"""One vocabulary: the sentence prefilter is built from the lexicon, so every trigger word in it makes its
sentence a candidate for parsing (sentences written for these tests)."""

from __future__ import annotations

import pytest

import warwire
from warwire.extraction.document import candidate_filter, is_candidate
from warwire.lexicon import load


def _every_trigger_word() -> list[str]:
    lex = load()
    trigger_lemmas = {*lex.verb_lemmas, *lex.intransitive_lemmas}
    forms = [f for f, (lemma, _) in lex.verb_forms.items() if lemma in trigger_lemmas]
    phrases = [" ".join(p) for p in lex.phrases]
    return sorted({*forms, *lex.adjectives, *lex.nouns, *lex.toll_nouns, *phrases})


@pytest.mark.parametrize("word", _every_trigger_word())
def test_every_lexicon_word_makes_its_sentence_a_candidate(word: str) -> None:
    assert is_candidate(f"Officials said {word} three people on Monday.")
    assert is_candidate(f"Officials said {word.capitalize()} three people on Monday.")


@pytest.mark.parametrize("cue_example", [
    "The fighting in the valley has claimed over 1,000 lives.",
    "His body was found in a ditch the next morning.",
    "The attackers stabbed a shopkeeper to death.",
    "A guard was shot outside the bank.",
    "A gunman opened fire on the group, hitting four teenagers.",
])
def test_rule_trigger_cues_make_their_sentence_a_candidate(cue_example: str) -> None:
    assert is_candidate(cue_example)


@pytest.mark.parametrize("sentence", [
    "The ministry published its budget for the coming year.",
    "Soldiers patrolled the diesel depot on Monday.",  # 'die' only as a whole word
    "The delegates studied the proposal.",
])
def test_sentences_without_a_trigger_are_not_parsed(sentence: str) -> None:
    assert not is_candidate(sentence)


def test_short_verb_forms_are_whole_words_and_regular_stems_prefixes() -> None:
    prefixes, words = load().trigger_literals
    assert {"die", "died", "dies", "dying"} <= words
    assert {"kill", "decapitat", "assassinat"} <= prefixes
    assert "killed" not in prefixes  # 'kill' already finds it
    assert candidate_filter().spans("He died. It rained.", [(0, 8), (9, 18)]) == [(0, 8)]


def test_verb_forms_are_generated_from_lemmas_only() -> None:
    forms = load().verb_forms
    assert forms["died"] == ("die", "VBD") and forms["dying"] == ("die", "VBG")
    assert forms["decapitated"] == ("decapitate", "VBD")
    assert not {"dieded", "diing", "slained", "trieds"} & set(forms)


@pytest.mark.parametrize(("sentence", "killed"), [
    ("Militants decapitated three soldiers.", 3),
    ("Militants beheaded three soldiers.", 3),
])
def test_a_lexicon_verb_the_old_prefilter_missed_gives_its_figure(sentence: str, killed: int) -> None:
    doc = warwire.extract(sentence)
    assert [(c.outcome, c.best) for e in doc.events for c in e.casualties] == [("killed", killed)]
