"""The resolution fast paths (event types, attack triggers, roles, dates, capitalised runs) answer like the
plain definitions they replace."""

from __future__ import annotations

import json
import re
from itertools import islice

from shared_data import shared_path

from warwire.resolve import place_mentions as pm
from warwire.resolve.actor_roles import ATTACK_TRIGGERS, find_triggers, mention_roles
from warwire.resolve.actors import find_actors
from warwire.resolve.event_types import _rules, match_event_type
from warwire.resolve.gazetteer import load
from warwire.resolve.place_mentions import _lower_in

REPORT = (
    "Syrian army troops shelled the town of Kafr Nabl on Monday. Militants attacked an army post near "
    "Saraqib;\nthe army said its warplanes struck back. Civilians were killed.\n\nRebels opened fire on "
    "police in Idlib city, and the police fired at the gunmen! Turkish-backed militants stormed a village."
)


def _dev_texts(n: int) -> list[str]:
    with shared_path("dev", "rdwti_dev.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in islice(fh, n)]


def _reference_type(text: str) -> tuple[str, tuple[int, int] | None]:
    """The first pattern of the first rule that matches, trying every pattern in turn (the kind of a
    territory change or of a demonstration aside)."""
    for rule in _rules():
        if rule.unless is not None and rule.unless.search(text):
            continue
        for pattern in rule.patterns:
            hit = pattern.search(text)
            if hit is not None:
                return (match_event_type(text)[0] if rule.type.startswith("@") else rule.type), hit.span()
    return "other", None


FOLDING = [  # characters re.IGNORECASE equates with ascii letters, and ordinary non-ascii text
    "Militants \u017fhelled the town and KILLED two.",  # long s
    "Rebels attac\u212aed a post; \u0130ntercepted drones were shot down.",  # Kelvin sign, dotted I
    "Troops opened fire near the caf\u00e9 \u2013 two were wounded in the \u2018attack\u2019.",
]


def test_event_type_alternations_decide_like_the_patterns_one_by_one():
    texts = [*FOLDING, REPORT, *_dev_texts(150)]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if s]
    assert len(sentences) > 400
    for sentence in sentences:
        assert match_event_type(sentence) == _reference_type(sentence), sentence


def test_trigger_openings_find_every_trigger():
    for text in [*FOLDING, REPORT, *_dev_texts(150)]:
        assert find_triggers(text) == [m.span() for m in ATTACK_TRIGGERS.finditer(text)], text
        assert find_triggers(text, 7, len(text) - 5) == [
            m.span() for m in ATTACK_TRIGGERS.finditer(text, 7, len(text) - 5)
        ], text


def test_gap_runs_match_like_the_plain_definition():
    from warwire.resolve import actors

    plain = re.compile(rf"(?! (?!{actors._GAP_CLASS})){actors._GAP_CLASS}+")
    tricky = "a  b - c 'd' e\t-f  's g' h ' i'  j_k\n\nl -- m ` "
    for text in [tricky, REPORT, *_dev_texts(150)]:
        assert [m.span() for m in actors._GAP_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_patron_cue_keeps_every_patron():
    from warwire.resolve import actors

    def reference(text: str, start: int) -> tuple[str, int] | None:
        left = actors._PATRON_LEFT.search(text, max(0, start - 60), start)
        return (left["p"], left.start()) if left else None

    tricky = ("Ankara-backed militants, Iran -backed fighters, Turkish backed rebels and Russia\u2010led troops "
              "attacked; Syria- and Iran-aligned militias and the Iran-\nbacked Houthis; police killed gunmen.")
    checked = 0
    for text in [tricky, REPORT, *_dev_texts(150)]:
        for m in find_actors(text):
            expected = reference(text, m.start)
            cued = actors._PATRON_CUE.search(text, max(0, m.start - 60), m.start) is not None
            assert expected is None or cued, text[max(0, m.start - 60) : m.end]
            checked += expected is not None
    assert checked >= 4


def test_roles_from_the_mentions_sentences_equal_roles_from_every_trigger():
    checked = 0
    for text in [REPORT, *_dev_texts(150)]:
        mentions = find_actors(text)
        expected = mention_roles(text, mentions, find_triggers(text))
        assert mention_roles(text, mentions) == expected
        checked += sum(r != "unknown" for r in expected)
    assert checked > 50  # the comparison covers many real roles, not only 'unknown'


def test_roles_of_a_sentence_slice_of_mentions():
    # Only the mentions of one sentence (as an event passes them): triggers elsewhere give nothing.
    start = REPORT.index("Rebels")
    mentions = find_actors(REPORT, start, REPORT.index("!") + 1)
    roles = [(m.as_written, r) for m, r in zip(mentions, mention_roles(REPORT, mentions), strict=True)]
    assert roles[:2] == [("Rebels", "perpetrator"), ("police", "target")]
    assert mention_roles(REPORT, mentions) == mention_roles(REPORT, mentions, find_triggers(REPORT))


def _lower_in_reference(text: str, word: str) -> bool:
    low = word.lower()
    return low != word and re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


def test_lowercase_word_test_matches_the_regex_definition():
    text = "Town of Hama-based fighters; the hama area, al-bab and Bab. O'Neil met o'neil in Kafr_Zita; ﬁre."
    words = ["Hama", "Bab", "Al", "O'Neil", "Kafr", "Zita", "Area", "Fire", "Kafr_Zita", "İdlib", "Town"]
    for word in words:
        assert _lower_in(text, word) == _lower_in_reference(text, word), word
    assert _lower_in(text, "Area") and not _lower_in(text, "Bab") and _lower_in(text, "O'Neil")


def test_gazetteer_first_word_index_bounds_every_key():
    gaz = load()
    keys = [k for k in islice(gaz._index, 0, None, 97)]
    assert len(keys) > 1000
    for key in keys:
        words = key.split(" ")
        assert gaz.longest_from(words[0]) >= len(words), key
    assert gaz.longest_from("zzqxv") == 0


def _cue_reference(text: str, start: int, end: int) -> str | None:
    before, after = text[max(0, start - 60):start], text[end:end + 30]
    if pm._NEAR_RE.search(before):
        return "near"
    if pm._REGION_BEFORE.search(before) or pm._REGION_AFTER.match(after):
        return "region"
    if pm._TOWN_BEFORE.search(before) or pm._TOWN_AFTER.match(after):
        return "town"
    return None


def test_cue_word_pretest_keeps_the_cues_of_the_patterns():
    befores = ["near ", "on the outskirts of ", "5 km north of the ", "in northern ", "in the north-eastern ",
               "in central ", "the countryside of ", "the town of the ", "close to ", "in ", "Rebels in the ",
               "NEAR THE ", "the village\tof\n", "südlich von ", "in the vicinity of the ", "said ", ""]
    afters = [" province", " city", "'s countryside", " said", ""]
    for before in befores:
        for after in afters:
            text = f"{before}Marea{after}"
            start, end = len(before), len(before) + 5
            assert pm._cue(text, start, end) == _cue_reference(text, start, end), text
            lead = pm._LOCATIVE.search(text[max(0, start - 40):start]) is not None
            assert pm._mention(text, start, end, []).lead == lead, text
    assert pm._cue("near Marea", 5, 10) == "near" and pm._cue("in Marea province", 3, 8) == "region"


def test_date_trigger_branches_match_like_the_plain_definition():
    from warwire.refs import dates

    words = "|".join(dates._TRIGGER_WORDS)
    plain = re.compile(rf"(?<![A-Za-z])(?:(?i:{words})|{dates._names(list(dates.MONTHS))}|{dates._WDAY_ANY})"
                       r"|(?<!\d)(?:1[89]|20)\d\d(?!\d)")
    tricky = ("Jan.x Jan. Mayor May, MONDAY mon Mon. Sept. 3 sept SEPT.Tues.Wed weekend agony 2014Jan 12014 "
              "x1999 _2001 TONIGHT yeSTERday a\nMonday Ago ago Nov 20 Dec.4 THU. Thurs Sunday's sun")
    for text in [tricky, REPORT, *_dev_texts(300)]:
        assert [m.span() for m in dates._TRIGGER.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_date_phrases_are_found_like_a_plain_window_search():
    from warwire.refs import dates

    def reference(text: str) -> list[tuple[int, int, str]]:
        found, last_end = [], 0
        for trig in dates._TRIGGER.finditer(text):
            if trig.start() < last_end:
                continue
            m = dates._FIND.search(text, max(last_end, trig.start() - dates._BEFORE), trig.end() + dates._AFTER)
            if m is None or m.start() > trig.start():
                continue
            found.append((m.start(), m.end(), m.lastgroup or "day"))
            last_end = m.end()
        return found

    tricky = ("On Monday, January 5, 2015 and between 3 and 5 March; overnight into Tuesday. Last week's raid, "
              "two weeks ago, in mid-2014, x2014 years, 12-15 June 2016 and early May, said on Thursday.")
    for text in [tricky, REPORT, *_dev_texts(300)]:
        assert [(d.start, d.end, d.kind) for d in dates.find_date_mentions(text)] == reference(text)


def test_capitalised_runs_match_like_the_plain_definition():
    from warwire.resolve.places import _CAPS_RUN_RE

    plain = re.compile(r"\b[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*\b")
    tricky = "The Abu Sayyaf Group\nÉcole Iraqi_Army xAfghan 3Taliban al-Qaeda LTTE Iraqi  soldiers A B"
    for text in [tricky, REPORT, *_dev_texts(300)]:
        assert [m.span() for m in _CAPS_RUN_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_literal_openings_join_a_short_literal_to_the_group_after_it():
    from warwire.matching.openings import literal_openings

    assert literal_openings([r"\bbr(?:ought|ing|inging)\s+under\b"]) == ("brought", "bring", "bringing")
    assert literal_openings([r"\bbr(?:a|ing)\b"]) is None  # a branch too short on its own: no shortcut
    assert literal_openings([r"\bbr\w+"]) is None


def test_no_mentions_give_no_roles_without_reading_the_sentence_breaks(monkeypatch):
    from warwire.resolve import actor_roles as actors

    def fail(text):
        raise AssertionError("sentence breaks read for an event naming no actor")

    monkeypatch.setattr(actors, "_sentence_breaks", fail)
    assert mention_roles(REPORT, []) == []
    assert actors.assign_roles(REPORT, []) == []


def test_word_fact_table_gives_the_facts_of_each_word_and_stays_bounded(monkeypatch):
    gaz = load()
    monkeypatch.setattr(pm, "_FACTS_KEPT", 5)
    table = pm._FactTable(gaz)
    words = re.findall(r"[^\W_]+", REPORT)
    assert [table[w] for w in words] == [pm._word_facts(w, gaz) for w in words]
    assert 0 < len(table) <= 5


def test_cached_setting_tests_answer_like_the_plain_ones():
    from warwire import refs as context

    text = "Fighting in Homs. ALEPPO, Jan 3 - Ankara-backed rebels near the city of Idlib and Syria's Afrin."
    spans = [(m.start(), m.end()) for m in re.finditer(r"[A-Z][A-Za-z]+", text)]
    for start, end in spans * 2:  # the second round is answered from the cache
        assert context.is_setting(text, start, end) == context.is_setting.__wrapped__(text, start, end)
        assert context.is_locative(text, start) == context.is_locative.__wrapped__(text, start)
