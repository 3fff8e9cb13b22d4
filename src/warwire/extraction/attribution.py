"""Who a figure is attributed to: 'according to X', 'X said', 'says a UK-based monitor', quotes.

Found per sentence by pattern over the text (works on sentences the parser never saw), then
resolved across the document: 'the Center', 'he', 'the statement' point back to the last named
source; an indefinite 'a UK-based monitor' to the organisation the next sentences name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from warwire.extraction.claimants import claimant_table
from warwire.model import Claimant

VERBS = (
    r"said|says|say|reported|reports|told|tells|announced|announces|stated|states|claimed|claims|confirmed|"
    r"added|adds|noted|notes|commented|underscored|stressed|reads|runs|quoted|cited|revealed|informed|"
    r"declared|explained|insisted|indicated|wrote|tweeted|posted|put"
)
NAME = r"(?:[A-Z][\w’'.\-]*|al-\w+)(?:\s+(?:[A-Z][\w’'.\-]*|of|for|the|and|on|in|al-\w+|de|du|\(\w+\)))*"
ACCORDING = re.compile(r"\baccording to (?P<x>[^,.;:\"“”]+)", re.I)
VERB_AT = re.compile(rf"\s(?:also\s+|later\s+|has\s+|had\s+)?(?:{VERBS})\b")
CONNECTORS = frozenset({"of", "for", "the", "and", "on", "in", "al", "de", "du", "’s", "'s"})
ORG_NOUNS = frozenset(
    "television tv agency media ministry army police monitor source sources officials official spokesman "
    "spokeswoman spokesperson military command forces government channel radio newspaper outlet state local "
    "security provincial news interior health medical hospital witnesses residents activists".split()
)
LEAD_SOURCE = re.compile(
    r"^(?P<x>(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}(?:source|official|spokesman|spokesperson|officer|commander|"
    r"witness|resident|activist|doctor))\b",
    re.I,
)
GENERIC_VERB = re.compile(
    rf"\b(?P<x>(?:the|a|an)\s+(?:[\w\-]+\s+){{0,3}}?(?:statement|source|official|spokesman|spokesperson|"
    rf"ministry|center|centre|monitor|agency|military|army|police|observatory|report|command)|he|she|they)"
    rf"\s+(?:also\s+)?(?:{VERBS})\b",
    re.I,
)
INVERTED = re.compile(rf",\s+(?:{VERBS})\s+(?P<x>(?:a|an|the)\s+[^,.;:\"“”]+)")
TRIM = re.compile(
    r"^(?:a |the )?(?:statement|report|spokesman|spokesperson|source|sources|communique)\s+(?:by|from|for|of|in|at)\s+"
    r"|^(?:the )?so-called\s+|^(?:the )?(?:latest|official|preliminary) |\s+(?:on|in|at) (?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b.*$",
    re.I,
)
GENERIC_HEADS = re.compile(
    r"^(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Tt]he (?:[a-z]\w* )?(?:[Ss]tatement|[Ss]ource|[Oo]fficial|[Cc]enter|[Cc]entre|"
    r"[Mm]inistry|[Aa]gency|[Mm]onitor|[Ss]pokesman|[Cc]ommand|[Aa]rmy|[Mm]ilitary|[Gg]roup))$"
)  # "the Center", "the statement"; not "the Interior Ministry", which names its source
ISSUED = re.compile(rf"(?P<x>{NAME})\s+(?:issued|released|published|put out)\s+a\s+statement")


@dataclass
class Attribution:
    claimant: str
    kind: str  # "named", "generic" (needs an antecedent), "indefinite" (needs a name ahead)


def find_attribution(sentence: str) -> Attribution | None:
    for pattern in (ACCORDING, INVERTED, ISSUED, GENERIC_VERB):
        match = pattern.search(sentence)
        if match:
            return _classify(_clean(match.group("x")))
    lead = LEAD_SOURCE.match(sentence)
    if lead and VERB_AT.search(sentence):
        return _classify(_clean(lead.group("x")))
    for match in VERB_AT.finditer(sentence):
        subject = _subject_before(sentence[: match.start()])
        if subject:
            return _classify(_clean(subject))
    return None


def _subject_before(left: str) -> str | None:
    """The name just before a reporting verb, skipping one appositive (', head of ...,')."""
    for attempt in range(2):
        words = re.findall(r"[\w’'.\-]+|[,;:()\"“”]", left)
        picked: list[str] = []
        for word in reversed(words):
            if word[:1].isupper() or word.lower() in CONNECTORS or word.lower() in ORG_NOUNS:
                picked.append(word)
            else:
                break
        while picked and picked[-1].lower() in CONNECTORS:
            picked.pop()
        while picked and picked[0].lower() in CONNECTORS - {"’s", "'s"}:
            picked.pop(0)
        if picked:
            return " ".join(reversed(picked)).replace(" ’s", "’s").replace(" 's", "'s")
        if attempt == 0 and left.rstrip().endswith(","):
            inner = left.rstrip()[:-1]
            cut = inner.rfind(",")
            if cut < 0:
                return None
            left = inner[:cut]
    return None


def _clean(phrase: str) -> str:
    phrase = phrase.strip(" \"“”'’-–—")
    for _ in range(3):
        phrase = TRIM.sub("", phrase).strip()
    return re.sub(r"\s+", " ", phrase)


def _classify(phrase: str) -> Attribution | None:
    if not phrase:
        return None
    if GENERIC_HEADS.match(phrase):
        return Attribution(phrase, "generic")
    if re.match(r"^(?:a|an)\s", phrase, re.I):
        return Attribution(phrase, "indefinite")
    if not re.search(r"[A-Z]", phrase) and not set(phrase.lower().split()) & ORG_NOUNS:
        return Attribution(phrase, "generic")
    return Attribution(re.sub(r"^the\s+", "", phrase, flags=re.I), "named")


def resolve_attributions(found: list[Attribution | None]) -> list[str | None]:
    """Per sentence, the claimant after resolving generic and indefinite references."""
    named: list[str] = []
    out: list[str | None] = []
    for index, attribution in enumerate(found):
        if attribution is None:
            out.append(None)
        elif attribution.kind == "named":
            named.append(attribution.claimant)
            out.append(attribution.claimant)
        elif attribution.kind == "indefinite":
            ahead = [a.claimant for a in found[index + 1 : index + 3] if a and a.kind == "named"]
            out.append(ahead[0] if ahead else attribution.claimant)
        else:
            out.append(_antecedent(attribution.claimant, named))
    return out


def resolve_claimants(found: list[Attribution | None]) -> list[tuple[str | None, Claimant | None]]:
    """Per sentence, the claimant's name as written after resolution and the claimant as an entity.

    A body named in a document that also names one of its organs as a speaker ("according to the Russian
    Defense Ministry" beside "the Ministry's Center for Reconciliation said") is that organ: outlets name the
    parent for the organ's statement."""
    table = claimant_table()
    out: list[tuple[str | None, Claimant | None]] = []
    for attribution, name in zip(found, resolve_attributions(found), strict=True):
        if name is None:
            out.append((None, None))
        else:
            out.append((name, table.claimant(name, as_written=attribution.claimant if attribution else None)))
    organs = {}
    for _, claimant in out:
        entry = table.entries.get(claimant.id) if claimant else None
        if entry is not None and entry.part_of:
            organs.setdefault(entry.part_of, claimant)
    return [(name, replace(organs[c.id], as_written=c.as_written, via=c.via) if c and c.id in organs else c)
            for name, c in out]


def _antecedent(generic: str, named: list[str]) -> str | None:
    if not named:
        return None if generic.lower() in ("he", "she", "they", "it") else generic
    head = generic.split()[-1].lower().replace("centre", "center")
    for name in reversed(named):
        if head in name.lower().replace("centre", "center"):
            return name
    return named[-1]
