"""A document's attributions resolved to claimants, sentence by sentence.

- Quotes: a sentence inside a quotation that runs over several sentences takes the attribution given where
  the quote closes ('"... up to 90 were wounded. ... up to 80 injured," the statement reads') or, failing
  that, where it opens ('The Centre said: "...').
- Anaphora: 'the Center', 'the Observatory', 'the monitor', 'the agency', 'he', 'the statement', 'the
  official' point back to the last claimant they fit (a head word of its name, or its kind).
- Descriptions: 'a UK-based monitor' is the table's entry for that description, else the fitting name the
  next sentences give, else an unnamed claimant of its own.
- Organs: a body named in a document that names one of its organs as a speaker is that organ.
- Bare officials: 'authorities said' with no body named before takes the local body the next sentences name
  ('Authorities say two died. Sheriff's spokesman X said ...').
- Nearby: a figure told in a sentence without attribution, in a report whose next or previous sentence gives
  one ('Two men died in a shooting Friday. Police said ...'), is that claimant's (`nearby_claimants`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from warwire.extraction.attribution import Attribution, find_attribution
from warwire.extraction.claimants import ClaimantTable, claimant_table, words_of
from warwire.extraction.local_bodies import local_bodies
from warwire.model import Claimant

QUOTE_MARKS = re.compile(r"[“”\"]")
QUOTE_SPAN = 6  # sentences a quotation may run over before its marks are taken for stray ones
PRONOUNS = frozenset({"he", "she", "they", "it"})
ANY_ANTECEDENT = frozenset(
    "he she they it statement source official spokesman spokesperson spokeswoman report communique office".split()
)
OFFICIAL_KINDS = frozenset({"police", "government", "local_official", "military", "medical", "civil_defence"})
# Bare references to a body named before: "police said" after "Oakland police said", "officials" after it.
BARE = {"police": {"police"}, "investigators": {"police"}, "detectives": {"police"}, "deputies": {"police"},
        "officers": {"police"}, "sheriff office": {"police"}, "authorities": OFFICIAL_KINDS,
        "officials": OFFICIAL_KINDS, "police officials": {"police"}, "medical examiner": {"medical"},
        "coroner": {"medical"}, "coroner office": {"medical"}, "medical examiner office": {"medical"},
        "rescuers": {"civil_defence"}, "civil defence": {"civil_defence"}}
LOCAL_KINDS = frozenset({"police", "medical", "local_official"})
# Whose claim a neighbour's attribution may lend to an unattributed figure: bodies, not witnesses or activists.
NEARBY_KINDS = frozenset({"police", "medical", "local_official", "government", "military", "monitor",
                          "civil_defence", "un_agency", "ngo", "media"})
NEARBY = (1, -1, 2)  # the next sentence first: "Two men died Friday. Police said ..."; the one after for a local body
NON_STATE = frozenset({"armed_group", "monitor", "ngo", "civil_defence", "medical"})
# The kinds of body a reference's head word may point back to: "the group" after the White Helmets or UOSSM
HEAD_KINDS: dict[str, frozenset[str]] = {
    "monitor": frozenset({"monitor"}), "observatory": frozenset({"monitor"}), "network": frozenset({"monitor"}),
    "agency": frozenset({"media"}), "military": frozenset({"military"}), "army": frozenset({"military"}),
    "command": frozenset({"military"}), "ministry": frozenset({"government"}), "police": frozenset({"police"}),
    "group": NON_STATE, "ngo": NON_STATE - {"armed_group"}, "organisation": NON_STATE - {"armed_group"},
    "organization": NON_STATE - {"armed_group"}, "charity": frozenset({"ngo", "medical"}),
}
# A lone head word that describes rather than names ("..., an NGO said" read as "NGO")
DESCRIPTION_HEADS = frozenset({"ngo", "monitor", "group", "organisation", "organization", "charity"})
MENTION_BACK = 3  # sentences 'the group added' looks back (and 'an aid group said' ahead) for a body named


def resolve_claimants(sentences: list[str]) -> list[tuple[str | None, Claimant | None]]:
    """Per sentence, the claimant's name as a person reads it, and the claimant as an entity."""
    found = spread_quotes(sentences, [find_attribution(s) for s in sentences])
    return resolve_found(found, sentences)


def resolve_found(found: list[Attribution | None], sentences: list[str] | None = None
                  ) -> list[tuple[str | None, Claimant | None]]:
    """`sentences`: the text of each (a definite reference with no attributed antecedent looks in them)."""
    table = claimant_table()
    history: list[tuple[str, Claimant]] = []
    out: list[tuple[str | None, Claimant | None]] = []
    for index, attribution in enumerate(found):
        if attribution is None:
            out.append((None, None))
            continue
        near = sentences[max(0, index - MENTION_BACK) : index + MENTION_BACK] if sentences is not None else []
        picked = _resolve(table, attribution, history, found[index + 1 : index + 3], near,
                          min(index, MENTION_BACK))
        if picked is None:
            out.append((None, None))
            continue
        name, claimant = picked
        via = table.relay(attribution.via) or _media_name(table, attribution.via) if attribution.via else None
        claimant = replace(claimant, as_written=attribution.as_written or attribution.claimant,
                           via=via or claimant.via)
        history.append((name, claimant))
        out.append((name, claimant))
    return _organs(table, out)


def _resolve(table: ClaimantTable, a: Attribution, history: list[tuple[str, Claimant]],
             ahead: list[Attribution | None], near: list[str], at: int) -> tuple[str, Claimant] | None:
    """`near`: the text of the sentences about this one, `near[at]` its own."""
    if a.kind == "named" and words_of(a.claimant)[-1:] == [a.claimant.lower()] \
            and a.claimant.lower() in DESCRIPTION_HEADS and table.lookup(a.claimant) is None:
        a = replace(a, kind="indefinite")  # "..., an NGO said": a description the next sentences may name
    if a.kind == "named":
        surname = table.surname(a.claimant)
        if surname is not None:  # "Judd said" after "Polk County Sheriff Grady Judd said"
            title = a.claimant[: -len(surname)].strip()
            for name, claimant in reversed(history):
                if name != surname and re.search(rf"\b{re.escape(surname)}\b", name) and title in name:
                    return name, claimant
        bare = BARE.get(" ".join(words_of(a.claimant)))
        if bare:  # "police said" after "Oakland police said": the police named before
            for name, claimant in reversed(history):
                if claimant.kind in bare:
                    return name, claimant
            for later in ahead:  # "Authorities say ... Harris County Sheriff's Office spokesman X says"
                if later is not None and later.kind == "named":
                    candidate = table.claimant(later.claimant)
                    if candidate.kind in bare & LOCAL_KINDS and candidate.kind != "local_official" \
                            and candidate.id not in local_bodies().bare_officials:
                        return later.claimant, candidate
        return a.claimant, table.claimant(a.claimant)
    if a.kind == "indefinite":
        entry = table.lookup(a.claimant)
        own = table.claimant(a.claimant)
        if entry is not None and own.id == entry.id:
            return entry.name, own
        for later in ahead:
            if later is not None and later.kind == "named":
                candidate = table.claimant(later.claimant)
                if _fits(a.claimant, candidate, later.claimant):
                    return later.claimant, candidate
        return _mentioned(table, a.claimant, near[at:]) or (a.claimant, own)  # "the aid group ... said. UOSSM's"
    antecedent = _antecedent(a.claimant, history) or _mentioned(table, a.claimant, near[at::-1])
    if antecedent is not None:
        return antecedent
    if words_of(a.claimant)[-1:] and words_of(a.claimant)[-1] in PRONOUNS | {"statement", "report", "communique"}:
        return None
    return a.claimant, table.claimant(a.claimant)


def nearby_claimants(resolved: list[tuple[str | None, Claimant | None]]
                     ) -> list[tuple[str | None, Claimant | None]]:
    """Per sentence without a claimant, the claimant of the nearest sentence that has one of a body's kind (the
    next, the previous; the one after next for a local body); (None, None) where none is near or the sentence
    has its own."""
    table = claimant_table()
    out: list[tuple[str | None, Claimant | None]] = []
    for index, (_, own) in enumerate(resolved):
        found: tuple[str | None, Claimant | None] = (None, None)
        if own is None:
            for step in NEARBY:
                k = index + step
                if 0 <= k < len(resolved) and (c := resolved[k][1]) is not None and c.kind in NEARBY_KINDS \
                        and (step < 2 or c.kind in LOCAL_KINDS) and _a_body(table, c):
                    found = resolved[k]
                    break
        out.append(found)
    return out


def investigating(sentences: list[str]) -> tuple[str, Claimant] | None:
    """'Richmond Police are investigating a shooting that left a 17-year-old dead': the local body that
    investigates the case a figure is told of, in the figure's sentence or the next (tried only for a figure
    no attribution reaches)."""
    pattern = local_bodies().investigating
    for sentence in sentences:
        found = pattern.search(sentence)
        if found:
            phrase = found.group("x").strip()
            claimant = claimant_table().claimant(phrase, as_written=found.group(0))
            if local_bodies().is_local(claimant) or claimant.id in local_bodies().bare_officials:
                return phrase, claimant
    return None


def _a_body(table: ClaimantTable, claimant: Claimant) -> bool:
    """A claimant the table or its words make a body ('police:oakland', 'SOHR', 'officials'), not a person
    known by name only ('Novak'), whose words next to a figure are rarely about it."""
    return claimant.id in table.entries or local_bodies().is_local(claimant) \
        or table.kind_by_words(claimant.name) is not None


def _mentioned(table: ClaimantTable, reference: str, before: list[str]) -> tuple[str, Claimant] | None:
    """'Four staff of the Union of Syrian Medical Relief Organisations were killed ... the group added': the
    first table body the sentences (nearest first) name, as speakers or not, that a reference's head fits."""
    kinds = _head_kinds(words_of(reference))
    if not kinds:
        return None
    for sentence in before:
        entry = table.lookup(sentence)
        if entry is not None and entry.kind in kinds:
            return entry.name, table.claimant(entry.name)
    return None


def _head_kinds(words: list[str]) -> frozenset[str]:
    """The kinds a reference's head word allows, narrowed to the one its other words give ('a monitoring
    group': monitor; 'the jihadist group': armed_group)."""
    kinds = HEAD_KINDS.get(words[-1], frozenset()) if words else frozenset()
    if len(kinds) > 1 and len(words) > 1:
        said = claimant_table().kind_by_words(" ".join(words[:-1]))
        if said is not None:
            return kinds & {said}
    return kinds


def _antecedent(generic: str, history: list[tuple[str, Claimant]]) -> tuple[str, Claimant] | None:
    words = words_of(generic)
    head = words[-1] if words else ""
    if head in ANY_ANTECEDENT:
        return history[-1] if history else None
    for name, claimant in reversed(history):
        if _fits(generic, claimant, name):
            return name, claimant
    return None


def _fits(reference: str, claimant: Claimant, name: str) -> bool:
    """Whether 'the Center', 'the monitor', 'a UK-based war monitor' can point to this claimant."""
    words = words_of(reference)
    head = words[-1] if words else ""
    if head in ANY_ANTECEDENT or head in words_of(name) or head in words_of(claimant.name):
        return True
    if claimant.kind in _head_kinds(words):  # "the group" after the White Helmets, not "the jihadist group"
        return True
    kind = claimant_table().kind_of(reference)
    return kind not in ("anonymous", "government") and kind == claimant.kind


def _media_name(table: ClaimantTable, phrase: str | None) -> str | None:
    """A relay not in the table keeps its name when its words say it is an outlet ('told the Daily Star')."""
    if not phrase or table.kind_of(phrase) != "media":
        return None
    words = phrase.split()
    return " ".join(w for w in words if w.lower() != "the") or None


def _organs(table: ClaimantTable, out: list[tuple[str | None, Claimant | None]]
            ) -> list[tuple[str | None, Claimant | None]]:
    """A body named beside exactly one of its organs ('according to the Russian Defense Ministry', 'the
    Ministry's Center for Reconciliation said') is that organ: outlets name the parent for the organ."""
    organs: dict[str, dict[str, Claimant]] = {}
    for _, claimant in out:
        entry = table.entries.get(claimant.id) if claimant else None
        if entry is not None and entry.part_of and claimant is not None:
            organs.setdefault(entry.part_of, {}).setdefault(entry.id, claimant)
    single = {body: next(iter(found.values())) for body, found in organs.items() if len(found) == 1}
    return [(name, replace(single[c.id], as_written=c.as_written, via=c.via) if c and c.id in single else c)
            for name, c in out]


def spread_quotes(sentences: list[str], found: list[Attribution | None]) -> list[Attribution | None]:
    """Sentences of a quotation over several sentences take its attribution (after the closing mark, else
    before the opening one)."""
    out = list(found)
    inside = False
    opened: int | None = None
    for index, sentence in enumerate(sentences):
        starts_inside = inside
        for ch in QUOTE_MARKS.findall(sentence):
            if ch == "“":
                inside = True
            elif ch == "”":
                inside = False
            else:
                inside = not inside
        if not starts_inside and inside:
            opened = index
        elif starts_inside and not inside and opened is not None:
            if index - opened <= QUOTE_SPAN:
                said = found[index] or found[opened]
                for k in range(opened, index + 1):
                    out[k] = out[k] or said
            opened = None
        if opened is not None and index - opened > QUOTE_SPAN:
            inside, opened = False, None
    return out
