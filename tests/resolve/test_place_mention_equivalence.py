"""The place-mention fast paths give the answers of the plain definitions they replace."""

from __future__ import annotations

import json
import random
import re
from itertools import islice

import pytest
from rapidfuzz import fuzz, process
from shared_data import shared_path

from warwire.matching.reverse import reversed_regex
from warwire.resolve import place_fuzzy
from warwire.resolve import place_mentions as pm
from warwire.resolve.gazetteer import load, tokens

TEXT = (
    "Government aircraft struck the town of Saraqeb and villages near Maarat al-Numan on Tuesday, while "
    "clashes went on in Dayr al Zawr province. The Syrian Observatory said at least six died in Kafranbel."
)


def _queries(n: int) -> list[str]:
    """Fuzzy keys with up to three random edits (deletions, insertions, substitutions), and a few misses."""
    rnd = random.Random(7)
    out = ["saraqeb", "maarat al numan", "kafranbel", "dayr al zawr", "qwxzvvk", "abcdefghijklmnop"]
    for key in rnd.sample(load().fuzzy_keys(), n):
        chars = list(key)
        for _ in range(rnd.randint(0, 3)):
            i = rnd.randrange(len(chars))
            op = rnd.random()
            if op < 0.3 and len(chars) > 1:
                del chars[i]
            elif op < 0.6:
                chars.insert(i, rnd.choice("aeioukhsl "))
            else:
                chars[i] = rnd.choice("abcdefghijklmnopqrstuvwxyz")
        out.append("".join(chars).strip())
    return [q for q in out if len(q) >= 5]


def test_fuzzy_candidates_keep_every_key_scoring_74_and_the_same_top_20():
    for query in _queries(250):
        bucket = place_fuzzy.fuzzy_bucket(place_fuzzy.skeleton(query)[:1])
        kept = set(bucket.candidates(query))
        assert len(kept) <= len(bucket.keys)
        assert all(k in kept for k in bucket.keys if fuzz.ratio(query, k) >= 74), query
        full = process.extract(query, bucket.keys, scorer=fuzz.ratio, limit=20, score_cutoff=74)
        fast = process.extract(query, bucket.candidates(query), scorer=fuzz.ratio, limit=20, score_cutoff=74)
        assert [r[:2] for r in fast] == [r[:2] for r in full], query


def test_fuzzy_candidates_are_a_small_part_of_a_bucket():
    bucket = place_fuzzy.fuzzy_bucket("s")
    assert len(bucket.keys) > 5000
    assert 0 < len(bucket.candidates("sarmada")) < len(bucket.keys) // 20


def test_near_misses_still_found_after_a_cue():
    found = {m.as_written: m for m in pm.find_place_mentions(TEXT)}
    assert found["Saraqeb"].candidates and found["Saraqeb"].candidates[0].country == "SY"
    assert "Kafranbel" in found


def _dev_texts(n: int) -> list[str]:
    with shared_path("dev", "rdwti_dev.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in islice(fh, n)]


def test_two_word_pretest_never_drops_a_name_the_exact_pass_finds():
    gaz, stop, dem = load(), pm.stopwords(), pm.demonyms()
    skipped = 0
    for text in [TEXT, *_dev_texts(120)]:
        starts, _, words, join = pm._words(text)
        read = pm._read_words(gaz, words)
        nwords, openers = read.nwords, read.openers
        lower = pm._LowerWords(words)
        for j, longest in openers:
            if pm._may_open(gaz, j, nwords, join, stop, dem):
                continue
            skipped += 1
            assert pm._exact_at(gaz, j, words, nwords, join, stop, lower, text, starts[j], longest) is None, words[j]
    assert skipped > 100  # the pretest does skip work ("The", "at", "Syrian" ...)


def test_words_and_gaps_give_the_token_spans():
    for text in ["", "-", "Deir ez-Zor", " Ra's al-Ayn,  Aleppo's east ", "x_y 3rd `Ayn o'' 'a  ", "Ra’s x_é", TEXT,
                 *_dev_texts(50)]:
        starts, stops, words, join = pm._words(text)
        spans = list(zip(starts, stops, strict=True))
        assert spans == tokens(text) and words == [text[s:e] for s, e in spans]
        gaps = [text[e:s] for (_, e), (s, _) in zip(spans, spans[1:], strict=False)]
        assert join == [g == " " or re.fullmatch(r"[ \t\-‐–]{1,3}", g) is not None for g in gaps] + [False]


def test_group_name_branches_match_like_the_plain_definition():
    plain = re.compile(r"\b(?:" + "|".join(pm._GROUP_OPENERS) + ")" + pm._GROUP_TAIL)
    tricky = ("Jabhat al-Nusra xJaish al-Islam _Liwa al-Quds Liwaa Al-Tawhid Hay'at Tahrir al-Sham Jund "
              "Junud ash-Sham é Ansar al Islam Kata'ib Hezbollah\nAsa'ib Ahl al-Haq Jaish-Jaish Fateh")
    for text in [tricky, TEXT, *_dev_texts(300)]:
        assert [m.span() for m in pm._GROUP_NAME.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_end_patterns_read_backwards_answer_like_the_plain_search():
    patterns = [pm._CUE_BEFORE_END, pm._NEAR_END, pm._REGION_END, pm._TOWN_END, pm._LEAD_CUE_END, pm._LOCATIVE_END]
    tricky = ["", "in ", "in", "xin ", "_in ", "within the ", "In The\n", "in the\n\n", "IN\tTHE ", "5 km north of ",
              "a few miles east of the town of ", "north-eastern ", "southwest ", "parts of the ", "town of\n",
              "ſtormed ", "İn ", "hit, ", "the countryside of the ", "Kafr's ", "near\u00a0", "near the the "]
    rnd = random.Random(3)
    pieces = ["in", "near", "the", "of", "town", " ", "  ", "\n", ",", "-", "km", "5", "north", "ern", "x", "İ", "_"]
    windows = tricky + ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(20_000)]
    for text in [TEXT, *_dev_texts(60)]:
        windows += [text[max(0, s - n):s] for s, _ in tokens(text) for n in (40, 60)]
    matched = 0
    for before in windows:
        for p in patterns:
            plain = p.plain.search(before) is not None
            assert p.ends(before[::-1]) == plain, (p.plain.pattern, before)
            matched += plain
    assert matched > 1000


def test_reversed_regex_reverses_the_strings_matched():
    assert reversed_regex(r"\b(?:ab|c[d\]e]+)\s*x{2,3}?") == r"x{2,3}?\s*(?:ba|[d\]e]+c)\b"
    for unsupported in (r"(a)", r"a$b", r"(?=a)", r"\1"):
        with pytest.raises(ValueError):
            reversed_regex(unsupported)


def _norm_token_reference(token: str) -> str:
    """norm_token's general path, for every word (its original implementation)."""
    from anyascii import anyascii

    from warwire.resolve.gazetteer import _ARTICLES, _WORD_VARIANTS

    t = anyascii(token).lower()
    if len(t) >= 5 and t.endswith(("'s", "’s")):
        t = t[:-2]
    t = re.sub(r"[^a-z0-9]", "", re.sub(r"['’ʿʼ`‘´]", "", t))
    if t in _ARTICLES:
        return "al"
    t = re.sub(r"(.)\1+", r"\1", t)
    return _WORD_VARIANTS.get(t, t)


def test_plain_ascii_words_normalise_like_any_word():
    from warwire.resolve.gazetteer import norm_token

    tricky = ["Baghdad's", "Ra's", "AL", "Deir", "Kfarr", "a1b2", "ÉCOLE", "Zörr", "x_y", "İdlib", "ﬁre", "Tel",
              "Aleppos", "ASH", "mm", "0", "Dayr’s", "3rd"]
    words = tricky + [w for text in [TEXT, *_dev_texts(100)] for w in pm._words(text)[2]]
    assert len(words) > 4000
    for word in words:
        assert norm_token(word) == _norm_token_reference(word), word


def test_capitalised_run_words_normalise_as_single_tokens():
    from warwire.resolve.gazetteer import norm, norm_token
    from warwire.resolve.places import _CAPS_RUN_RE

    words = [w for text in [TEXT, *_dev_texts(300)] for run in _CAPS_RUN_RE.findall(text) for w in run.split()]
    assert len(words) > 2000
    assert all(norm(w) == norm_token(w) for w in words)
