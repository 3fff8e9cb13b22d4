"""Roles of the actors named in an event's sentences: who attacked (perpetrator) and who was hit (target),
read around the attack triggers (lexicon.attack_forms) of each mention's own sentence."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import accumulate

import ahocorasick

from warwire.lexicon import load as load_lexicon
from warwire.matching.openings import caseless
from warwire.model import Actor
from warwire.resolve.actors import ActorMention

# Attack words (lexicon.attack_forms: the listed attack words and the past forms of the casualty verbs of attacks).
ATTACK_WORDS = tuple(sorted(load_lexicon().attack_forms, key=lambda w: (-len(w), w)))
ATTACK_TRIGGERS = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ATTACK_WORDS) + r")\b", re.IGNORECASE)
_NOUN_FORMS = frozenset({
    "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "air strike", "air strikes",
    "raid", "raids", "bombing", "shelling", "ambush", "assault", "assaults",
})
_VERB_CUE = re.compile(r"\b(?:to|will|would|could|can|may|might|did|do|does|were|was|are|is)\s+$", re.I)
_PASSIVE_AUX = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got|get)\s+(?:\w+ly\s+|also\s+|not\s+|then\s+){0,2}$", re.I
)
_BY_AFTER = re.compile(r"^\s*(?:[\w\u2019'-]+\s+){0,3}?by\s+(?:the\s+)?$")
_NOT_OBJECT = re.compile(
    r"\b(?:by|in|during|near|after|before|from|with|while|as|when|into|across|since|because"
    r"|at(?! least))\b|[;:]",
    re.I,
)
_ON_AFTER = re.compile(r"^\s*(?:on|against|targeting)\s+(?:the\s+)?$")
_REDUCED = re.compile(r"^\s*(?:,|$)|^\s+(?:in|during|near|at|as|after|when|while|overnight|on|since)\b")
_BY_FIRST = re.compile(r"^\s*by\b")
_POSSESSIVE = re.compile(r"^['\u2019]s?\b")
_POSSESSOR_GAP = re.compile(r"^['\u2019]?s?\s*$")  # "militants' attack", "the army's assault"
_CHAIN = re.compile(
    r"^[\s,()\[\]'\u2019]*(?:s\s+)?(?:(?:and|or|as well as|along with|together with|plus|including)\s+)?"
    r"(?:(?:the|other|allied|its|their|some|several|a|an)\s+)*$",
    re.I,
)
_INHERIT = re.compile(r"(?:,|\band\b|\bthen\b)\s*(?:\w+ly\s+)?$", re.I)
_POSITIONS_AFTER = re.compile(
    r"^(?:['\u2019]s?)?\s+(?:military\s+|defensive\s+|forward\s+)?positions\b", re.I
)
_POSITIONS_BEFORE = re.compile(r"\bpositions\s+(?:held\s+by|of)\s+(?:the\s+)?$", re.I)
# [.!?;](?=[\s"\u201d])|\n, written to open with one character class: re then skips to those characters.
_SENTENCE_END = re.compile(r"[\n.!?;](?:(?<=\n)|(?=[\s\"\u201d]))")


def _sentence(breaks: Sequence[tuple[int, int]], pos: int, size: int) -> tuple[int, int]:
    """The sentence around `pos`, from the (start, end) spans of sentence breaks of the text (one
    character each, as _SENTENCE_END finds them): from the last break before `pos` to the first at or
    after it."""
    i = bisect_left(breaks, (pos, pos))
    return (breaks[i - 1][1] if i else 0), (breaks[i][0] if i < len(breaks) else size)


_WORD = re.compile(r"[\w\u2019'-]+")


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _chain(text: str, ms: Sequence[ActorMention], pick: int, step: int) -> list[ActorMention]:
    """The mention at `pick` plus its coordinated neighbours ('Hurras al-Deen, Ansar al-Tawhid and ...')."""
    group = [ms[pick]]
    i = pick + step
    while 0 <= i < len(ms):
        a, b = (ms[i], group[-1]) if step < 0 else (group[-1], ms[i])
        if not _CHAIN.match(text[a.end : b.first]):
            break
        group.append(ms[i])
        i += step
    return group


def _is_noun(text: str, span: tuple[int, int], ms: Sequence[ActorMention]) -> bool:
    word = text[span[0] : span[1]].lower()
    if word not in _NOUN_FORMS:
        return False
    before = text[max(0, span[0] - 30) : span[0]]
    if _VERB_CUE.search(before):
        return False
    return not any(0 <= span[0] - m.end <= 1 and not text[m.end : span[0]].strip() for m in ms)


def _is_passive(text: str, span: tuple[int, int], ms: Sequence[ActorMention]) -> bool:
    if _PASSIVE_AUX.search(text[max(0, span[0] - 40) : span[0]]):
        return True
    after = text[span[1] : span[1] + 40]
    if _BY_FIRST.match(after):
        return True
    word = text[span[0] : span[1]].lower()
    before_m = any(0 <= span[0] - m.end <= 1 for m in ms)
    return word.endswith("ed") and before_m and bool(_REDUCED.match(after))


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|in|on|against|to|from|with|by|for|at|into|toward|towards)\s+(?:the\s+)?$", re.I
)


# 'a group of militants', 'dozens of soldiers': the head of the subject is the actor itself
_PARTITIVE_BEFORE = re.compile(
    r"\b(?:group|groups|column|columns|number|dozens|hundreds|thousands|scores|sum|unit|units|convoy|band|"
    r"team|contingent|members|member|some|many|several|most|all|majority|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|militants|fighters|terrorists|rebels|insurgents|gunmen|troops|soldiers|forces)"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)


def _can_be_subject(text: str, m: ActorMention) -> bool:
    """A possessor ("the Syrian Army's line") or a prepositional object is not a verb's subject."""
    if _POSSESSIVE.match(text[m.end : m.end + 3]):
        return False
    before = text[max(0, m.first - 40) : m.first]
    return not _PREPOSITION_BEFORE.search(before) or bool(_PARTITIVE_BEFORE.search(before))


def _groups(text: str, span: tuple[int, int], ms: Sequence[ActorMention], lo: int, noun: bool):
    """(subject, object, by-agent) mention groups around one trigger of a sentence."""
    before = [i for i, m in enumerate(ms) if m.end <= span[0] and m.start >= lo]
    after = [i for i, m in enumerate(ms) if m.first >= span[1]]
    subj: list[ActorMention] = []
    obj: list[ActorMention] = []
    agent: list[ActorMention] = []
    if noun and before and _POSSESSOR_GAP.match(text[ms[before[-1]].end : span[0]]):
        subj = [m for m in _chain(text, ms, before[-1], -1) if m.start >= lo]
    elif before and not noun:
        pick = next((i for i in reversed(before) if _can_be_subject(text, ms[i])), None)
        if pick is not None and _words(text[ms[pick].end : span[0]]) <= 10:
            subj = [m for m in _chain(text, ms, pick, -1) if m.start >= lo]
    if after:
        gap = text[span[1] : ms[after[0]].first]
        if _BY_AFTER.match(gap):
            agent = _chain(text, ms, after[0], 1)
        elif _ON_AFTER.match(gap) or (not noun and _words(gap) <= 6 and not _NOT_OBJECT.search(gap)):
            obj = _chain(text, ms, after[0], 1)
    return subj, obj, agent


def _sentence_roles(text: str, spans: list[tuple[int, int]], ms: Sequence[ActorMention], lo: int) -> dict:
    """Roles (keyed by mention position in `ms`) from the triggers of one sentence, left to right."""
    roles: dict[int, str] = {}
    pos = {id(m): i for i, m in enumerate(ms)}
    prev_subject: list[ActorMention] = []
    for span in spans:
        noun = _is_noun(text, span, ms)
        passive = not noun and _is_passive(text, span, ms)
        subj, obj, agent = _groups(text, span, ms, lo, noun)
        if not subj and not noun and prev_subject and _INHERIT.search(text[max(lo, span[0] - 12) : span[0]]):
            subj = prev_subject
        assigned = [(agent, "perpetrator"), (obj, "target"), (subj, "target" if passive else "perpetrator")]
        for group, role in assigned:
            for m in group:
                roles.setdefault(pos[id(m)], role)
        prev_subject = subj or prev_subject
        lo = max(lo, span[1]) if (obj or agent) else lo
    return roles


def _positions(text: str, m: ActorMention) -> bool:
    return bool(_POSITIONS_AFTER.match(text[m.end : m.end + 40])
                or _POSITIONS_BEFORE.search(text[max(0, m.first - 40) : m.first]))


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of attack verbs and nouns in text[start:end]."""
    if start == 0 and end is None:
        return list(_all_triggers(text))
    return _trigger_spans(text, start, len(text) if end is None else end)


@lru_cache(maxsize=8)  # roles are found per event, over the whole document each time
def _all_triggers(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_trigger_spans(text, 0, len(text)))


@cache
def _trigger_openings() -> ahocorasick.Automaton:
    """The words every attack trigger opens with, each valued by its length."""
    automaton = ahocorasick.Automaton()
    for word in ATTACK_WORDS:  # each word is its own opening
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _trigger_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ATTACK_TRIGGERS.finditer(text, start, end), the pattern tried only where one of its
    opening words starts (a scan of every position costs several times more)."""
    automaton = _trigger_openings()
    low = caseless(text[start:end])
    if low is None or not len(automaton):
        return [m.span() for m in ATTACK_TRIGGERS.finditer(text, start, end)]
    found: list[tuple[int, int]] = []
    pos = start
    for at in sorted({start + last - size + 1 for last, size in automaton.iter(low)}):
        hit = ATTACK_TRIGGERS.match(text, at, end) if at >= pos else None
        if hit is not None:  # finditer goes on after each match: matches never overlap
            found.append(hit.span())
            pos = hit.end()
    return found


def _triggers_by(text: str, ms: Sequence[ActorMention]) -> list[tuple[int, int]]:
    """The attack triggers of the sentences that hold a mention: the only ones that give roles (a trigger
    gives them to its own sentence's mentions). A trigger is letters and plain spaces, so no match of the
    whole-text scan crosses a sentence break, and each sentence's matches are those of the scan."""
    breaks = _sentence_breaks(text)
    if any(text[m.start:m.start + 1] in ".!?;\n" for m in ms):
        return find_triggers(text)  # a mention opening at a break may belong to the sentence before it
    found: list[tuple[int, int]] = []
    for lo, hi in sorted({_sentence(breaks, m.start, len(text)) for m in ms}):
        found += _trigger_spans(text, lo, hi)
    return found


@lru_cache(maxsize=8)
def _sentence_breaks(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _SENTENCE_END.finditer(text))


def _overlaps(starts: list[int], reach: list[int], span: tuple[int, int]) -> bool:
    """Whether a mention overlaps `span`: mentions sorted by start, `reach[k]` the furthest end of the
    first k + 1 of them."""
    k = bisect_left(starts, span[1])
    return k > 0 and reach[k - 1] > span[0]


def mention_roles(
    text: str, mentions: Sequence[ActorMention], trigger_spans: Sequence[tuple[int, int]] | None = None
) -> list[str]:
    """The role of each mention (same order as `mentions`)."""
    if not mentions:
        return []  # half of all events name no actor: the text's sentence breaks are then never needed
    ms = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ms]
    spans = sorted(trigger_spans if trigger_spans is not None else _triggers_by(text, ms))
    reach = list(accumulate((m.end for m in ms), max))
    spans = [s for s in spans if not _overlaps(starts, reach, s)]
    roles: dict[int, str] = {}
    by_sentence: dict[tuple[int, int], list[tuple[int, int]]] = {}
    breaks = _sentence_breaks(text)
    for s in spans:
        by_sentence.setdefault(_sentence(breaks, s[0], len(text)), []).append(s)
    for (lo, hi), sent_spans in by_sentence.items():
        # mentions inside the sentence (sorted by start, so a slice of them); none: no roles to find
        idx = [i for i in range(bisect_left(starts, lo), bisect_right(starts, hi)) if ms[i].end <= hi]
        if not idx:
            continue
        local = _sentence_roles(text, sent_spans, [ms[i] for i in idx], lo)
        roles.update({idx[k]: r for k, r in local.items()})
    for i, m in enumerate(ms):
        if _positions(text, m):
            roles[i] = "target"
    by_id = {id(m): roles.get(i, "unknown") for i, m in enumerate(ms)}
    return [by_id[id(m)] for m in mentions]


def assign_roles(
    text: str, mentions: Sequence[ActorMention], trigger_spans: Sequence[tuple[int, int]] | None = None
) -> list[Actor]:
    """model.Actor per canonical actor of an event, with its role.

    Rules (per sentence, per attack trigger): active verb → the subject group before it is the
    perpetrator and the object group after it the target; passive ('were killed', 'was targeted') →
    the subject is the target and 'by X' the perpetrator; noun triggers ('attack on X', 'attacks by X',
    "militants' attack") likewise; 'positions of X' / "X's positions" → target. Coordinated mentions
    ('A, B and other C') share a role. An actor keeps the first role found in text order; with no
    trigger (`trigger_spans=None` finds them with ATTACK_TRIGGERS) the role is 'unknown'.
    """
    actors: dict[str, Actor] = {}
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    for m, role in zip(ordered, mention_roles(text, ordered, trigger_spans), strict=True):
        known = actors.get(m.name)
        if known is None:
            actors[m.name] = Actor(m.name, m.category, role, m.as_written)  # type: ignore[arg-type]
        elif known.role == "unknown" and role != "unknown":
            known.role = role  # type: ignore[assignment]
    return list(actors.values())
