"""Actor mentions: alias matching, patrons, generic descriptors, and per-event roles.

`find_actors` runs one Aho-Corasick automaton (aliases from data/actors.json) over a normalised copy of
the text (anyascii, lowercase, apostrophes dropped, hyphens and whitespace unified to one space) and maps
the matches back to character offsets of the original text.

Generic descriptors (documented convention):
- "militants", "terrorists", "jihadists", "gunmen", "insurgents", "rebels", "armed groups" ... →
  "Unidentified Armed Group", category "unidentified" (victims in that group count as armed_groups).
- "government troops/forces", "soldiers", "security forces", "the army" → the state forces of the
  document's country (`country=`), else "Government Forces"; "police" → "Police Forces of <country>".
- "Syrian troops", "Iraqi soldiers", "Israeli warplanes" ... (demonym + military noun) → that country's
  state forces; "civilians", "residents", "villagers" → "Civilians".
- A capitalised name ending in a group noun that the table lacks ('the Earth Liberation Front (ELF)
  claimed ...') is kept as written, category "unlisted" (victims: armed_groups); so are later uses of
  its bracketed acronym.
- A generic word right beside a named group ("Taliban militants", "Syrian Army troops") is dropped:
  it describes the named group and is not a second actor.
Patrons ("Ankara-backed", "Turkey-backed militants", "militants backed by Iran") become the mention's
`patrons`; the patron itself is never an actor of the mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

import ahocorasick
from anyascii import anyascii

from warwire.data import load_json
from warwire.model import Group

_APOSTROPHES = frozenset("'\u2019\u2018`\u02bc\u02bb\u00b4\u2032")
_SPACES = frozenset(" \t\n\r\f\v-_\u2010\u2011\u2012\u2013\u2014\u00a0")
GENERIC_NAMES = frozenset({"Unidentified Armed Group", "Civilians", "Government Forces"})


@dataclass(frozen=True)
class ActorInfo:
    """One row of the alias table."""

    name: str
    category: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    former: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """An actor as written at text[start:end]; `lead` is where a patron modifier before it starts."""

    start: int
    end: int
    as_written: str
    name: str
    category: str
    country: str | None = None
    patrons: tuple[str, ...] = ()
    generic: bool = False
    lead: int = -1

    @property
    def first(self) -> int:
        return self.lead if self.lead >= 0 else self.start


# ---------------------------------------------------------------- normalisation


def normalise(text: str) -> tuple[str, list[int], set[int]]:
    """Normalised text, norm index -> original index, and norm positions of possessive 's'.

    Per character: non-ascii -> anyascii (nothing -> a space); apostrophes dropped; spaces, hyphens and
    underscores -> one space per run of them (apostrophes inside a run do not split it); lowercase; an
    's' right after a dropped apostrophe (and the run it sits in) is possessive. Ordinary text between
    such runs, including single plain spaces, is copied whole: the work is per run, not per character."""
    chars, origin = _ascii_form(text)
    parts: list[str] = []
    index: list[int] = []
    possessive: set[int] = set()
    size = pos = 0
    for m in _GAP_RUN.finditer(chars):
        p, q = m.span()
        parts.append(chars[pos:p])
        index.extend(range(pos, p))
        size += p - pos
        run = m.group()
        space = next((k for k, c in enumerate(run) if c not in _ASCII_APOSTROPHES), -1)
        if space >= 0:  # the run's first space stands for all of it
            parts.append(" ")
            index.append(p + space)
            size += 1
        if max(run.rfind(a) for a in _ASCII_APOSTROPHES) > space and chars[q:q + 1] in ("s", "S"):
            possessive.add(size)
        pos = q
    parts.append(chars[pos:])
    index.extend(range(pos, len(chars)))
    if origin is not None:
        index = list(map(origin.__getitem__, index))
    return "".join(parts).lower(), index, possessive


_ASCII_APOSTROPHES = "".join(sorted(c for c in _APOSTROPHES if c.isascii()))
_ASCII_SPACES = "".join(sorted(c for c in _SPACES if c.isascii()))
_GAP_CLASS = "[" + re.escape(_ASCII_APOSTROPHES + _ASCII_SPACES) + "]"
# A run of spaces and apostrophes, except a lone plain space (copied with the text around it):
# (?! (?!G))G+ written to open with the class G, so re skips to those characters.
_GAP_RUN = re.compile(rf"{_GAP_CLASS}(?:(?<! )|(?={_GAP_CLASS})){_GAP_CLASS}*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_form(text: str) -> tuple[str, list[int] | None]:
    """`text` with each non-ascii character replaced by its anyascii form (a space when it has none),
    and the original index of each character (None: unchanged, the identity)."""
    if text.isascii():
        return text, None
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _NON_ASCII.finditer(text):
        i = m.start()
        parts.append(text[pos:i])
        origin.extend(range(pos, i))
        sub = anyascii(text[i]) or " "
        parts.append(sub)
        origin.extend([i] * len(sub))
        pos = i + 1
    parts.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return "".join(parts), origin


def norm_key(alias: str) -> str:
    """The normalised form of an alias or a name (what the automaton stores)."""
    return normalise(alias)[0].strip(" .")


# ---------------------------------------------------------------- table


@dataclass
class _Table:
    actors: dict[str, ActorInfo]
    automaton: ahocorasick.Automaton
    state: dict[str, dict]
    patrons: dict[str, str]
    overrides: dict[str, dict[str, str]]
    generic: dict[str, dict] = field(default_factory=dict)


def _is_case_sensitive(alias: str) -> bool:
    """Short acronyms ('IS', 'LeT', 'ETA') match only as written, or they would hit common words."""
    bare = alias.replace(".", "")
    return len(bare) <= 5 and " " not in bare and any(c.isupper() for c in bare)


def _add(entries: dict[str, tuple], alias: str, key: str) -> None:
    norm = norm_key(alias)
    if norm:
        entries[norm] = (len(norm), key, alias if _is_case_sensitive(alias) else None)


def _state_aliases(data: dict, entries: dict[str, tuple]) -> None:
    nouns = data["state_nouns"]
    for cc, row in data["state_forces"].items():
        for dem in row["demonyms"]:
            for kind in ("ground", "air", "police"):
                for noun in nouns[kind]:
                    _add(entries, f"{dem} {noun}", f"@{kind}:{cc}")


@cache
def _table() -> _Table:
    data = load_json("actors.json")
    actors = {
        a["name"]: ActorInfo(
            a["name"], a["category"], a.get("country"), tuple(a["aliases"]), tuple(a["former"])
        )
        for a in data["actors"]
    }
    entries: dict[str, tuple] = {}
    for kind, row in data["generic"].items():
        for alias in row["aliases"]:
            _add(entries, alias, f"@{kind}")
    _state_aliases(data, entries)  # explicit aliases below win over generated ones
    for info in actors.values():
        for alias in (info.name, *info.aliases, *info.former):
            _add(entries, alias, info.name)
    automaton = ahocorasick.Automaton()
    for norm, value in entries.items():
        automaton.add_word(norm, (*value, norm))
    automaton.make_automaton()
    patrons = {norm_key(w): name for name, words in data["patrons"].items() for w in words}
    overrides = {norm_key(k): v for k, v in data["country_overrides"].items()}
    return _Table(actors, automaton, data["state_forces"], patrons, overrides, data["generic"])


def actor_info(name: str) -> ActorInfo | None:
    """The table row of a canonical name."""
    return _table().actors.get(name)


def all_actors() -> list[ActorInfo]:
    return list(_table().actors.values())


def names_of(name: str) -> set[str]:
    """Normalised canonical name, aliases and former names of an actor (just the name if unknown)."""
    info = actor_info(name)
    if info is None:
        return {norm_key(name)}
    return {norm_key(x) for x in (info.name, *info.aliases, *info.former)}


# ---------------------------------------------------------------- matching


def _bounded(norm: str, s: int, e: int, possessive: set[int]) -> bool:
    if s > 0 and norm[s - 1].isalnum():
        return False
    if e >= len(norm) or not norm[e].isalnum():
        return True
    return e in possessive and (e + 1 >= len(norm) or not norm[e + 1].isalnum())


def _cs_form(s: str) -> str:
    plain = "".join(c for c in anyascii(s) if c not in _APOSTROPHES)
    return re.sub(r"[\s\-\u2010-\u2014]+", " ", plain).strip()


def _raw_matches(text: str, norm: str, index: list[int], possessive: set[int], lo: int,
                 hi: int) -> list[tuple[int, int, str, str]]:
    """(orig_start, orig_end, key, norm_alias), leftmost-longest and non-overlapping."""
    found = []
    for end_idx, (length, key, cs_alias, alias) in _table().automaton.iter(norm, lo, hi):
        s, e = end_idx - length + 1, end_idx + 1
        if not _bounded(norm, s, e, possessive):
            continue
        o_s, o_e = index[s], index[e - 1] + 1
        if cs_alias is not None and _cs_form(text[o_s:o_e]) != _cs_form(cs_alias):
            continue
        found.append((s, e, o_s, o_e, key, alias))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    last, out = -1, []
    for s, e, o_s, o_e, key, alias in found:
        if s >= last:
            out.append((o_s, o_e, key, alias))
            last = e
    return out


def _country_name(cc: str | None) -> str | None:
    row = _table().state.get(cc or "")
    if row:
        return row.get("country")
    import pycountry  # only for countries outside the state-forces table

    hit = pycountry.countries.get(alpha_2=cc) if cc else None
    return getattr(hit, "common_name", None) or getattr(hit, "name", None)


def _state_name(kind: str, cc: str | None) -> str:
    """Canonical state forces of a country for a ground/air/police noun (ACLED-style fallback names)."""
    row = _table().state.get(cc or "", {})
    cname = _country_name(cc)
    if kind == "police":
        return f"Police Forces of {cname}" if cname else "Police Forces"
    if kind == "air" and row.get("air"):
        return row["air"]
    if row.get("army"):
        return row["army"]
    return f"Military Forces of {cname}" if cname else "Government Forces"


def _resolve(key: str, alias: str, country: str | None) -> tuple[str, str, str | None, bool]:
    """(name, category, country, generic) of a matched key."""
    table = _table()
    if key.startswith("@"):
        kind, _, cc = key[1:].partition(":")
        if kind in ("armed", "civilians"):
            row = table.generic[kind]
            return row["name"], row["category"], country, True
        if cc:
            return _state_name(kind, cc), "state_forces", cc, False
        return _state_name("police" if kind == "police" else "ground", country), "state_forces", country, True
    override = table.overrides.get(alias, {}).get(country or "")
    info = table.actors[override or key]
    return info.name, info.category, info.country, False


_BACKED = r"(?:backed|sponsored|supported|funded|armed|aligned|allied|affiliated|controlled|led)"
_PATRON_LEFT = re.compile(
    rf"(?P<p>[A-Za-z][A-Za-z.]*)\s*[-\u2010\u2011\u2013 ]\s*{_BACKED}\s+(?:[a-z][\w\u2019'-]*\s+){{0,2}}$"
)
_PATRON_RIGHT = re.compile(
    rf"^\s*,?\s*(?:(?:who|which|that)\s+(?:are|is|were|was)\s+)?{_BACKED}\s+by\s+(?:the\s+)?(?P<p>[A-Z][A-Za-z.]+)"
)
# In every match of _PATRON_LEFT: its verb after a space or a dash (not 'led' in 'killed').
_PATRON_CUE = re.compile(rf"[\s\-\u2010\u2011\u2013]{_BACKED}")
_SOURCE_AFTER = re.compile(r"^['\u2019]?s?\s+(?:source|sources|spokesman|spokesperson|spokeswoman)\b")
_NAME_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z]")  # 'the Army of Islam' is a name, not state forces


def _patrons(text: str, start: int, end: int) -> tuple[tuple[str, ...], int]:
    """Patron countries written before ('Ankara-backed') or after ('backed by Iran') a mention."""
    patrons, lead = [], -1
    lo = max(0, start - 60)
    # _PATRON_LEFT tries every position of the window; a plain scan for its cue first is far cheaper.
    left = _PATRON_LEFT.search(text, lo, start) if _PATRON_CUE.search(text, lo, start) else None
    if left and (name := _table().patrons.get(norm_key(left["p"]))):
        patrons.append(name)
        lead = left.start()
    right = _PATRON_RIGHT.match(text[end : end + 60])
    if right and (name := _table().patrons.get(norm_key(right["p"]))) and name not in patrons:
        patrons.append(name)
    return tuple(patrons), lead


def _mention(text: str, o_s: int, o_e: int, key: str, alias: str, country: str | None) -> ActorMention:
    name, category, cc, generic = _resolve(key, alias, country)
    patrons, lead = _patrons(text, o_s, o_e)
    return ActorMention(o_s, o_e, text[o_s:o_e], name, category, cc, patrons, generic, lead)


_ELLIPSIS = re.compile(r"(?P<x>[a-z][a-z.]*)(?: and|,| &) $")


def _elided(text: str, norm: str, index: list[int], m: tuple, country: str | None) -> ActorMention | None:
    """'Syrian and Russian fighter jets': the first demonym shares the noun of the second."""
    o_s, _o_e, _key, alias = m
    first, _, rest = alias.partition(" ")
    if not rest:
        return None
    n_s = bisect_left(index, o_s)
    hit = _ELLIPSIS.search(norm, max(0, n_s - 30), n_s)
    if not hit or hit["x"] == first:
        return None
    value = _table().automaton.get(f"{hit['x']} {rest}", None)
    if value is None or value[2] is not None or value[1] in ("@armed", "@civilians", "@state", "@police"):
        return None
    x_s, x_e = index[hit.start("x")], index[hit.end("x") - 1] + 1
    if not text[x_s].isupper():
        return None
    return _mention(text, x_s, x_e, value[1], value[3], country)


_ADJ_AFTER = re.compile(r"^[\s)\]'\u2019]*(?:s\s+)?$")
_ADJ_BEFORE = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?$")


def _compatible(generic: ActorMention, named: ActorMention) -> bool:
    if generic.category == "civilians" or named.generic or named.category == "civilians":
        return False
    state = named.category in ("state_forces", "external_forces")
    return (generic.category == "state_forces") == state


def _absorb(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop generic words that describe a neighbouring named actor ('Taliban militants')."""
    keep = []
    for i, m in enumerate(mentions):
        prev = mentions[i - 1] if i > 0 else None
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.generic and not m.patrons and (
            (prev and _compatible(m, prev) and _ADJ_AFTER.match(text[prev.end : m.start]))
            or (nxt and _compatible(m, nxt) and _ADJ_BEFORE.match(text[m.end : nxt.first]))
        ):
            continue
        keep.append(m)
    return keep


# Named groups missing from the table ('the Manuel Rodriguez Patriotic Front claimed ...'): capitalised
# words ending in a group noun, with an optional 'of/for ...' tail and '(ACRONYM)'. Category "unlisted".
_CAP = r"(?:[A-Z][\w\u2019'-]*|al-[A-Z][\w\u2019'-]*)"
_SP = r"[ \t]+"  # names do not run across lines
_STRONG = (r"Army|Brigades?|Cells?|Commandos?|Faction|Hawks|Tigers|Phalanx|Battalions?|Warriors|Militia|"
           r"Mujahideen|Guerrillas")
_WEAK = r"Front|Organi[sz]ation|Group|Movement|Command|League|Squads?|Council|Committee"
_UNLISTED = re.compile(
    rf"{_CAP}(?:{_SP}(?:(?:of|for|the|and|de|del|la|al|du|des){_SP})*{_CAP})*{_SP}(?P<head>{_STRONG}|{_WEAK})\b"
    rf"(?:{_SP}(?:of|for){_SP}(?:the{_SP})?{_CAP}(?:{_SP}{_CAP}){{0,3}})?"
    r"(?:[ \t]*\((?P<acr>[A-Z][A-Za-z-]{1,9})\))?"
)
# The head nouns alone, in every match of _UNLISTED: each alternative opens with a capital, so re skips to
# those and a text without one is passed over at a fraction of _UNLISTED's cost.
_GROUP_HEAD = re.compile(rf"(?:{_STRONG}|{_WEAK})\b")
# a weak head ('Front', 'Group', 'Organization') needs a word that marks an armed or militant group
_ARMED_WORD = re.compile(
    r"\b(?:Liberation|Revolution\w*|Resistance|Jihad\w*|Islamic|Islam|Armed|Freedom|Defen[cs]e|Struggle|"
    r"Martyrs?|People\w*|Popular|Patriotic|Secret|Anti-\w+|Nationalist|Independence|Guerrilla|Combat\w*|"
    r"Mujahideen|Salafi\w*|Proletarian|Communist|Separatist|Insurgent|Militant|Terror\w*|Self-Defen[cs]e)\b"
)
_LEAD_STOP = frozenset(
    "the a an in on at by for of and but two three four five six seven eight nine ten members member "
    "suspected leftist rightist later both".split()
)
_INSTITUTION = frozenset(
    "general security united nations ministry government university bank company embassy office agency "
    "department service news press airlines association institute observatory reconciliation centre "
    "center parliament court cross crescent corps nato police media health support development "
    "judiciary coordination coordinating negotiations relief medical prohibition staff salvation "
    "photo".split()
)


def _strip_stop(text: str, s: int, e: int) -> int:
    """Move the start past leading stop words ('The', 'Suspected', 'Two')."""
    while True:
        word = re.match(r"[\w\u2019'.-]+\s*", text[s:e])
        if not word or word.group(0).strip().lower() not in _LEAD_STOP:
            return s
        s += word.end()


def _unlisted(text: str, taken: list[ActorMention]) -> list[ActorMention]:
    """Mentions of groups named in the text but absent from the table, and later uses of their acronyms."""
    out: list[ActorMention] = []
    if _GROUP_HEAD.search(text) is None:
        return out  # no group noun, so no name ending in one
    for hit in _UNLISTED.finditer(text):
        s = _strip_stop(text, hit.start(), hit.end())
        words = re.findall(r"[\w\u2019'-]+", text[s : hit.start("acr") if hit["acr"] else hit.end()])
        if len(words) < 2 or any(w.lower() in _INSTITUTION for w in words):
            continue
        if any(m.start < hit.end() and s < m.end and not m.generic for m in taken):
            continue
        if not re.fullmatch(_STRONG, hit["head"]) and not _ARMED_WORD.search(text[s : hit.end()]):
            continue
        name = text[s : hit.start("acr")].rstrip(" (") if hit["acr"] else text[s : hit.end()]
        out.append(ActorMention(s, hit.end(), text[s : hit.end()], name, "unlisted"))
        if hit["acr"]:
            for later in re.finditer(rf"\b{re.escape(hit['acr'])}\b", text[hit.end() :]):
                a, b = later.start() + hit.end(), later.end() + hit.end()
                out.append(ActorMention(a, b, text[a:b], name, "unlisted"))
    return out


def find_actors(
    text: str, start: int = 0, end: int | None = None, *, country: str | None = None
) -> list[ActorMention]:
    """Actor mentions in text[start:end] (offsets into `text`), in text order.

    `country` (ISO alpha-2) is the document's country: it names the state forces behind
    'government troops' and picks country-specific readings of ambiguous aliases ('Maoists').
    """
    sub = text[start:len(text) if end is None else end]
    norm, index, possessive = normalise(sub)
    found: list[ActorMention] = []  # offsets into `sub` until the end
    for m in _raw_matches(sub, norm, index, possessive, 0, len(norm)):
        if _SOURCE_AFTER.match(sub[m[1] : m[1] + 20]):
            continue
        if m[2] == "@state" and m[3].endswith("army") and _NAME_AFTER.match(sub[m[1] : m[1] + 12]):
            continue
        extra = _elided(sub, norm, index, m, country)
        if extra is not None:
            found.append(extra)
        found.append(_mention(sub, *m, country))
    named = _unlisted(sub, found)
    found = [m for m in found if not any(x.start < m.end and m.start < x.end for x in named)] + named
    out = [_shift(m, start) for m in found]
    return _absorb(text, sorted(set(out), key=lambda x: (x.start, x.end)))


HOME_CATEGORIES = frozenset({"rebel_group", "jihadist_group", "militia"})  # state forces may fight abroad


def actor_country(text: str) -> str | None:
    """The country the named armed groups of `text` belong to (Taliban -> AF, ELN -> CO, ETA -> ES), by
    majority of mentions; None when none is named. Generic mentions and state or foreign forces do not count:
    'US troops' say nothing about where they fight. Read-only: a lookup over the alias table."""
    votes: dict[str, int] = {}
    for m in find_actors(text):
        if m.country and not m.generic and m.category in HOME_CATEGORIES:
            votes[m.country] = votes.get(m.country, 0) + 1
    return max(votes, key=lambda cc: votes[cc]) if votes else None


def _shift(m: ActorMention, by: int) -> ActorMention:
    if not by:
        return m
    lead = m.lead + by if m.lead >= 0 else -1
    return ActorMention(m.start + by, m.end + by, m.as_written, m.name, m.category, m.country, m.patrons,
                        m.generic, lead)


def casualty_group(category: str) -> Group:
    """The contract's victim group for an actor category."""
    if category in ("state_forces", "external_forces"):
        return "state_forces"
    if category == "civilians":
        return "civilians"
    if category in ("rebel_group", "jihadist_group", "militia", "unidentified", "unlisted"):
        return "armed_groups"
    return "unspecified"
