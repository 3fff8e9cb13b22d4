"""Event sub-type of a sentence or passage, by ordered trigger rules (data/event_types.json).

The first rule (in this order) with a matching pattern decides; no match gives "other".

Priority (first match wins), type, example triggers:
 1. disrupted_weapons_use: repelled a missile attack, intercepted/shot down (a missile, drone), arms
    seized, a cache found, a bomb defused, suspicious packages.
 2. headquarters_or_base_established: set up an observation post, established a base.
 3. non_violent_transfer_of_territory: handed over control of, withdrew from the town, without a fight.
 4. government_regains_territory / non_state_actor_overtakes_territory: took control of, retaken,
    recaptured, liberated, pushed out of, captured/seized (+ town, village, area ...), fell to (see below).
 5. chemical_weapon: chemical weapons, chlorine/sarin/mustard gas.
 6. suicide_bomb: suicide bomber/attack/car bomb, blew himself up, explosive vest, kamikaze.
 7. a demonstration (protest, rally, march, sit-in, riot): which kind by the `demonstrations` rules, in
    this order: violent_demonstration (rioted, threw stones, clashes, blocked roads), excessive_force_
    against_protesters (killed, opened fire, live ammunition, crackdown), protest_with_intervention (tear
    gas, water cannon, dispersed, detained), else peaceful_protest.
 8. mob_violence: mob, vigilantes, lynched.
 9. sexual_violence: raped, sexual assault.
10. looting_property_destruction: looted, vandalised, shops torched (unless people were killed or hurt).
11. remote_explosive_landmine_ied: car bomb, IED, roadside bomb, landmine, explosive device.
12. air_drone_strike: airstrike, air raid, warplanes, fighter jets, drone, helicopter, aircraft.
13. grenade: grenade.
14. shelling_artillery_missile_attack: missiles, shelling, mortars, rockets, artillery.
15. remote_explosive_landmine_ied (fallback): any other bomb, blast, explosion, detonation.
16. abduction_forced_disappearance: kidnapped, abducted, taken hostage.
17. attack: opened fire on civilians, massacre, executed, shot dead, set fire to, attacks on civilians.
18. armed_clash: clashes, fighting, gun battle, attacked positions/forces/troops, killed soldiers.
19. attack (fallback): gunfire, gunmen, fired on/at, shot, any other attack or assault.
20. change_to_group_activity: defected, withdrew, pulled back, deployed, reinforced, mobilised.
21. arrests: arrested, detained.
22. agreement: a ceasefire/truce/agreement announced, signed, reached; peace talks, agreed to.
 -  other: nothing above.

Types follow ACLED's sub-event definitions (ACLED Codebook, "Definitions of ACLED event and sub-event types").

Territory: the perpetrator of the trigger (found by `actor_roles.mention_roles`: subject of 'took control of',
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

import ahocorasick

from warwire import lexicon
from warwire.matching.openings import caseless, literal_openings
from warwire.resolve.actor_roles import mention_roles
from warwire.resolve.actors import find_actors

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
    "chemical_weapon",
    "sexual_violence",
    "mob_violence",
    "looting_property_destruction",
    "peaceful_protest",
    "protest_with_intervention",
    "excessive_force_against_protesters",
    "violent_demonstration",
    "change_to_group_activity",
    "headquarters_or_base_established",
    "non_violent_transfer_of_territory",
    "other",
)
_TERRITORY = "@territory"
_DEMONSTRATION = "@demonstration"
_STATE = frozenset({"state_forces", "external_forces"})


@dataclass(frozen=True)
class _Rule:
    type: str
    patterns: tuple[re.Pattern[str], ...]
    government_verbs: re.Pattern[str] | None = None
    # All patterns as one alternation: it matches iff one of them does, in one scan instead of one each
    # (the deciding pattern and its span are then found among this rule's patterns only). Used where the
    # opening words below cannot be: a rule without them, a text that does not lowercase place for place.
    any_pattern: re.Pattern[str] | None = None
    # Per pattern, the lowercase words every match of it opens with (None: some pattern has no such list).
    heads: tuple[tuple[str, ...], ...] | None = None
    # A text this matches is not of the rule's type ("shops looted" is not property destruction when
    # people were killed too: the killing decides).
    unless: re.Pattern[str] | None = None


@cache
def _data() -> dict:
    """The rules with each named word set ("@kill_stem") written out from the lexicon."""
    raw = json.loads(files("warwire.data").joinpath("event_types.json").read_text(encoding="utf-8"))
    lex = lexicon.load()
    sets = {name: lex.alternation(entries) for name, entries in raw["sets"].items() if name.startswith("@")}

    def expand(pattern: str) -> str:
        return re.sub(r"@\w+", lambda m: sets[m.group()], pattern)

    def expanded(row: dict) -> dict:
        out = {**row, "patterns": [expand(p) for p in row["patterns"]]}
        out.update({k: expand(row[k]) for k in ("unless", "government_verbs") if row.get(k)})
        return out

    demonstrations = raw["demonstrations"]
    return {**raw, "rules": [expanded(r) for r in raw["rules"]],
            "demonstrations": {**demonstrations, "rules": [expanded(r) for r in demonstrations["rules"]]}}


def _rule(row: dict) -> _Rule:
    gov, unless = row.get("government_verbs"), row.get("unless")
    heads = [literal_openings([p]) for p in row["patterns"]]
    return _Rule(
        row["type"],
        tuple(re.compile(p, re.IGNORECASE) for p in row["patterns"]),
        re.compile(gov, re.IGNORECASE) if gov else None,
        _any_of(row["patterns"]),
        None if None in heads else tuple(h for h in heads if h is not None),
        re.compile(unless, re.IGNORECASE) if unless else None,
    )


@cache
def _rules() -> tuple[_Rule, ...]:
    return tuple(_rule(row) for row in _data()["rules"])


@cache
def _demonstration_rules() -> tuple[tuple[_Rule, ...], str]:
    """The kinds of demonstration in order, and the kind when none matches."""
    section = _data()["demonstrations"]
    return tuple(_rule(row) for row in section["rules"]), section["default"]


def _demonstration_type(text: str) -> str:
    """Which kind of demonstration `text` tells, by ACLED's definitions: the demonstrators' own violence,
    then lethal force against them, then a dispersal or detentions; else a peaceful protest."""
    rules, default = _demonstration_rules()
    return next((rule.type for rule in rules if _searched(rule, text) is not None), default)


@cache
def _heads_automaton() -> ahocorasick.Automaton:
    """Each pattern's opening words, each word valued (its length, the (rule, pattern) numbers it opens)."""
    owners: dict[str, list[tuple[int, int]]] = {}
    for r, rule in enumerate(_rules()):
        for k, heads in enumerate(rule.heads or ()):
            for word in heads:
                owners.setdefault(word, []).append((r, k))
    automaton = ahocorasick.Automaton()
    for word, keys in owners.items():
        automaton.add_word(word, (len(word), tuple(keys)))
    automaton.make_automaton()
    return automaton


def _head_starts(low: str) -> dict[int, dict[int, list[int]]]:
    """rule number -> pattern number -> where the pattern's opening words start in `low` (unsorted,
    perhaps repeated): one Aho-Corasick pass finds every place a match of any pattern can start."""
    automaton = _heads_automaton()
    starts: dict[int, dict[int, list[int]]] = {}
    if len(automaton):
        for end, (size, keys) in automaton.iter(low):
            for r, k in keys:
                starts.setdefault(r, {}).setdefault(k, []).append(end - size + 1)
    return starts


def _any_of(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation of `patterns`; None when a back-reference would be renumbered by joining them."""
    if any(re.search(r"\\[1-9]|\(\?P=", p) for p in patterns):
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


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
    low = caseless(text)
    starts = _head_starts(low) if low is not None else None
    for r, rule in enumerate(_rules()):
        if starts is not None and rule.heads is not None:
            hit = _matched(rule, text, starts.get(r, {}))
        else:
            hit = _searched(rule, text)
        if hit is None or (rule.unless is not None and rule.unless.search(text)):
            continue
        if rule.type == _TERRITORY:
            return _territory_type(text, hit, rule), hit.span()
        if rule.type == _DEMONSTRATION:
            return _demonstration_type(text), hit.span()
        return rule.type, hit.span()
    return "other", None


def _matched(rule: _Rule, text: str, starts: dict[int, list[int]]) -> re.Match[str] | None:
    """The first pattern's leftmost match, tried only where the pattern's opening words start: every
    match opens with one, so the first place it matches is where `search` would have found it."""
    for k in sorted(starts):
        pattern = rule.patterns[k]
        for pos in sorted(set(starts[k])):
            hit = pattern.match(text, pos)
            if hit is not None:
                return hit
    return None


def _searched(rule: _Rule, text: str) -> re.Match[str] | None:
    """The first pattern's leftmost match, by plain search."""
    if rule.any_pattern is not None and rule.any_pattern.search(text) is None:
        return None
    for pattern in rule.patterns:
        hit = pattern.search(text)
        if hit is not None:
            return hit
    return None


def classify_event_type(text: str) -> str:
    """The event sub-type (one of EVENT_TYPES) told by `text` (a sentence or a short passage)."""
    return match_event_type(text)[0]
