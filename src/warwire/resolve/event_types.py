"""Event sub-type of a sentence or passage, by ordered trigger rules (data/event_types.json).

The first rule (in this order) with a matching pattern decides; no match gives "other".

Priority (first match wins), type, example triggers:
 1. disrupted_weapons_use: repelled a missile attack, intercepted/shot down (a missile, drone),
    destroyed in the sky, air defences repelled.
 2. government_regains_territory / non_state_actor_overtakes_territory: took control of, retaken,
    recaptured, liberated, captured/seized (+ town, village, area ...), fell to (see below).
 3. suicide_bomb: suicide bomber/attack/car bomb, blew himself up, explosive vest.
 4. remote_explosive_landmine_ied: car bomb, IED, roadside bomb, landmine, explosive device.
 5. air_drone_strike: airstrike, air raid, warplanes, fighter jets, drone, helicopter, aircraft.
 6. grenade: grenade.
 7. shelling_artillery_missile_attack: missiles, shelling, mortars, rockets, artillery.
 8. remote_explosive_landmine_ied (fallback): any other bomb, blast, explosion, detonation.
 9. abduction_forced_disappearance: kidnapped, abducted, taken hostage.
10. attack: opened fire on civilians, massacre, executed, shot dead, set fire to, attacks on civilians.
11. armed_clash: clashes, fighting, gun battle, attacked positions/forces/troops, militants' attack.
12. attack (fallback): gunfire, gunmen, fired on/at, shot, any other attack or assault.
13. arrests: arrested, detained.
14. agreement: a ceasefire/truce/agreement announced, signed, reached, brokered, introduced.
 -  other: nothing above.

Territory: the perpetrator of the trigger (found by `actors.mention_roles`: subject of 'took control of',
'by X' after 'were retaken') decides: state or external forces → government_regains_territory, a
non-state group → non_state_actor_overtakes_territory. With no actor, 'liberated/recaptured/retaken/
regained/brought under control' (the vocabulary of state media) → government, 'captured/seized/overran/
fell to' → non-state.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from re import _constants, _parser

import ahocorasick

from warwire.resolve.actors import find_actors, mention_roles

EVENT_TYPES: tuple[str, ...] = (
    "armed_clash",
    "air_drone_strike",
    "shelling_artillery_missile_attack",
    "remote_explosive_landmine_ied",
    "suicide_bomb",
    "attack",
    "abduction_forced_disappearance",
    "grenade",
    "government_regains_territory",
    "non_state_actor_overtakes_territory",
    "disrupted_weapons_use",
    "agreement",
    "arrests",
    "other",
)
_TERRITORY = "@territory"
_STATE = frozenset({"state_forces", "external_forces"})


@dataclass(frozen=True)
class _Rule:
    type: str
    patterns: tuple[re.Pattern[str], ...]
    government_verbs: re.Pattern[str] | None = None
    # All patterns as one alternation: it matches iff one of them does, in one scan instead of one each
    # (the deciding pattern and its span are then found among this rule's patterns only).
    any_pattern: re.Pattern[str] | None = None
    # Lowercase words one of which an ascii text must contain for some pattern to match (None: no such list).
    needs: tuple[str, ...] | None = None


@cache
def _rules() -> tuple[_Rule, ...]:
    data = json.loads(files("warwire.data").joinpath("event_types.json").read_text(encoding="utf-8"))
    rules = []
    for row in data["rules"]:
        gov = row.get("government_verbs")
        rules.append(
            _Rule(
                row["type"],
                tuple(re.compile(p, re.IGNORECASE) for p in row["patterns"]),
                re.compile(gov, re.IGNORECASE) if gov else None,
                _any_of(row["patterns"]),
                _needed_words(row["patterns"]),
            )
        )
    return tuple(rules)


@cache
def _needs_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in {w for rule in _rules() for w in rule.needs or ()}:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _needed_words_in(low: str) -> dict[str, int]:
    """Where each of the rules' needed words first starts in `low` (occurrences may overlap): one
    Aho-Corasick pass instead of a substring search per word and rule."""
    automaton = _needs_automaton()
    first: dict[str, int] = {}
    if len(automaton):
        for end, word in automaton.iter(low):  # by end, so a word's first report is its first occurrence
            first.setdefault(word, end - len(word) + 1)
    return first


def _any_of(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation of `patterns`; None when a back-reference would be renumbered by joining them."""
    if any(re.search(r"\\[1-9]|\(\?P=", p) for p in patterns):
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _needed_words(patterns: list[str]) -> tuple[str, ...] | None:
    """The literal openings (3+ ascii letters) of the patterns' alternatives, when every one has one."""
    found: list[str] = []
    for p in patterns:
        try:
            heads = _heads(list(_parser.parse(p, re.IGNORECASE)))
        except Exception:  # noqa: BLE001 - the parser is re's own; any surprise only costs the shortcut
            return None
        if heads is None:
            return None
        found += heads
    return tuple(dict.fromkeys(found))


def _heads(items: list) -> list[str] | None:
    """Literal openings of a parsed pattern: its leading literals, else those of a leading group or
    alternation (each branch must have one); None when some way of matching starts otherwise."""
    while items and items[0][0] is _constants.AT:  # \b and other zero-width assertions
        items = items[1:]
    head = ""
    for op, av in items:
        if op is not _constants.LITERAL or av >= 128:
            break
        head += chr(av).lower()
    if len(head) >= 3:
        return [head]
    if not items:
        return None
    if head:  # a short literal and then a group ("br(?:ought|ing)"): the literal before each of its openings
        after = items[len(head):]
        group = after[:1] if after and after[0][0] in (_constants.SUBPATTERN, _constants.BRANCH) else None
        rest = _heads(group) if group else None
        return None if rest is None else [head + h for h in rest]
    op, av = items[0]
    if op is _constants.SUBPATTERN:
        return _heads(list(av[3]))
    if op is _constants.BRANCH:
        out: list[str] = []
        for branch in av[1]:
            heads = _heads(list(branch))
            if heads is None:
                return None
            out += heads
        return out
    return None


def _territory_type(text: str, hit: re.Match[str], rule: _Rule) -> str:
    """Which side gained ground: the trigger's perpetrator, else the verb's usual speaker."""
    mentions = find_actors(text)
    roles = mention_roles(text, mentions, [hit.span()])
    perps = [m for m, r in zip(mentions, roles, strict=True) if r == "perpetrator"]
    if hit.group(0).lower().startswith("fell"):
        perps = [m for m in mentions if m.start >= hit.end()][:1]
    if perps:
        state = any(m.category in _STATE for m in perps)
        return "government_regains_territory" if state else "non_state_actor_overtakes_territory"
    if rule.government_verbs and rule.government_verbs.search(hit.group(0)):
        return "government_regains_territory"
    return "non_state_actor_overtakes_territory"


def match_event_type(text: str) -> tuple[str, tuple[int, int] | None]:
    """(type, span of the deciding trigger in `text`); ('other', None) when no rule matches."""
    # Non-ascii: case folding beyond str.lower, no shortcut.
    first = _needed_words_in(text.lower()) if text.isascii() else None
    for rule in _rules():
        pos = 0
        if first is not None and rule.needs is not None:
            if first.keys().isdisjoint(rule.needs):
                continue  # none of the words that every match of the rule begins with
            pos = min(first[w] for w in rule.needs if w in first)  # no match can start before it
        if rule.any_pattern is not None and rule.any_pattern.search(text, pos) is None:
            continue
        for pattern in rule.patterns:
            hit = pattern.search(text, pos)
            if hit is None:
                continue
            if rule.type == _TERRITORY:
                return _territory_type(text, hit, rule), hit.span()
            return rule.type, hit.span()
    return "other", None


def classify_event_type(text: str) -> str:
    """The event sub-type (one of EVENT_TYPES) told by `text` (a sentence or a short passage)."""
    return match_event_type(text)[0]
