"""Who a sentence attributes its figures to: 'according to X', 'X said', 'says a UK-based monitor', 'the
statement reads', and the agency that relayed it ('told the Russian Sputnik news agency', 'quoted by',
'citing').

Found per sentence by pattern over the text (works on sentences the parser never saw); references that need
the rest of the document ('the Center', 'he', 'a UK-based monitor') are resolved in claimant_resolution.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warwire import data
from warwire.extraction.claimants import claimant_table

# The word sets of the cues below, each with its why and an example: data/lang/en/attribution.json.
_WORDS = data.load_json("attribution.json", "en")


def _words(name: str) -> frozenset[str]:
    return frozenset(_WORDS[name]["words"])


VERBS = "|".join(_WORDS["verbs"]["words"])
NAME = r"(?:[A-Z][\w’'.\-]*|al-\w+)(?:\s+(?:[A-Z][\w’'.\-]*|of|for|the|and|on|in|al-\w+|de|du|\(\w+\)))*"
ACCORDING = re.compile(r"\b(?:according to|as reported by|as told by) (?P<x>[^,.;:\"“”()]+)", re.I)
VERB_AT = re.compile(rf"\s(?:(?:also|later|earlier|further|has|had|have|previously|again)\s+){{0,2}}(?:{VERBS})\b")
CONNECTORS = _words("connectors")
ORG_NOUNS = _words("org_nouns")
LEAD_SOURCE = re.compile(
    r"^(?P<x>(?i:(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}(?:source|official|spokesman|spokesperson|officer|commander|"
    r"witness|resident|activist|doctor|medic|relative)s?)(?:\s+(?:at|in|from|with|of|for)\s+(?:the\s+)?"
    r"[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|for|the|and))*)?)\b",
)
GENERIC_VERB = re.compile(
    rf"\b(?P<x>(?:the|(?:a|an)(?!\s+(?:[\w\-]+\s+){{0,3}}?(?:statement|report|communique)\b))\s+"
    rf"(?:(?!(?:a|an|the)\s)[\w\-]+\s+){{0,3}}?(?:statement|sources?|officials?|spokesman|spokesperson|"
    rf"ministry|center|centre|monitor|agency|military|army|observatory|report|command|communique|"
    rf"group|network|office)|he|she|they|it)"
    rf"\s+(?:also\s+|further\s+|later\s+)?(?:{VERBS})\b",
    re.I,
)
INVERTED = re.compile(rf"(?:,|,[”\"]|[”\"],|[”\"])\s+(?:{VERBS})\s+"
                      rf"(?P<x>(?:a|an|the|another)\s+[^,.;:\"“”]+|{NAME}|police|officials|authorities|"
                      rf"witnesses|residents|activists|medics|doctors|rescuers)")
TRIM = re.compile(
    r"^(?:a |the )?(?:statement|report|spokesman|spokesperson|spokeswoman|source|sources|communique|head|director|"
    r"chief|founder|release|news release|press release)\s+(?:by|from|for|of|in|at)\s+"
    r"|^(?:a |the )?(?:statement|report|communique)\s+(?:released|issued|published|posted|put out)\s+(?:\w+\s+){0,3}?"
    r"by\s+"
    r"|^(?:the )?so-called\s+|^(?:the )?(?:latest|official|preliminary) |\s+(?:on|in|at) (?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b.*$|\s+(?:on|late|early|this|last) (?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|morning|evening|night|week)\b.*$|\s+in a statement\b.*$",
    re.I,
)
GENERIC_HEADS = re.compile(
    r"^(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Tt]he (?:[a-z]\w* )?(?:[Ss]tatement|[Ss]ource|[Oo]fficial|[Cc]enter|[Cc]entre|"
    r"[Mm]inistry|[Aa]gency|[Mm]onitor|[Ss]pokesman|[Ss]pokesperson|[Ss]pokeswoman|[Cc]ommand|[Aa]rmy|[Mm]ilitary|"
    r"[Gg]roup|[Oo]bservatory|[Rr]eport|[Cc]ommunique|[Nn]etwork|[Oo]ffice|[Ss]ources|[Oo]fficials))$"
)  # "the Center", "the statement"; not "the Interior Ministry", which names its source
ISSUED_VERB = re.compile(r"\s+(?:issued|released|published|put out)\s+a\s+statement")
NAME_AT_END = re.compile(rf"(?P<x>{NAME})\Z")
LOOK_BACK = 400  # characters read before a verb for its subject: a name is never longer


class _Issued:
    """'NAME issued a statement': the verb found first, the name then read back from it within LOOK_BACK
    characters. The same match as searching NAME then the verb, without trying NAME (which runs on over
    capitalised words) at every capital of the sentence."""

    def search(self, sentence: str) -> _IssuedMatch | None:
        for verb in ISSUED_VERB.finditer(sentence):
            name = NAME_AT_END.search(sentence, max(0, verb.start() - LOOK_BACK), verb.start())
            if name:
                return _IssuedMatch(name.group("x"), sentence[name.start() : verb.end()], name.start(), verb.end())
        return None


@dataclass
class _IssuedMatch:
    """As much of `re.Match` as `_claimant` reads."""

    x: str
    whole: str
    begin: int
    stop: int

    def group(self, key: int | str = 0) -> str:
        return self.x if key == "x" else self.whole

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop


ISSUED = _Issued()
# The agency that relayed a claim: "told the Russian Sputnik news agency", "quoted by TASS", "in remarks carried
# by SANA"; "X reported, citing Y" and "according to X, citing Y" make Y the claimant and X the relay.
TOLD = re.compile(r"\btold\s+(?P<via>(?:the\s+)?(?:[A-Z][\w’'.\-]*\s+){0,5}(?:[A-Z][\w’'.\-]*|news agency|agency|"
                  r"television|TV|newspaper|daily|radio|channel))")
RELAYED = re.compile(r"\b(?:quoted by|cited by|carried by|as quoted in|published by|released by|broadcast by|"
                     r"aired by)\s+"
                     r"(?P<via>(?:the\s+)?[^,.;:\"“”()]+)")
CITING = re.compile(r"\b(?:citing|quoting)\s+(?P<x>(?:a|an|the)?\s*[^,.;:\"“”()]+)")
WHO_VERB = re.compile(rf"(?P<via>{NAME})\s+(?:reported|said|quoted|cited)\b", re.I)


# Periods of titles and initials would end a name ("according to Sgt. Danielle Newman"): dropped before matching.
_TITLES = "|".join(_WORDS["abbreviations"]["words"])
ABBREVIATION = re.compile(rf"\b({_TITLES}|[A-Z])\.(?=\s+[A-Z])")
# "claimed the lives of", "has claimed 21 lives": a casualty verb, not a claim
# "... reports indicate": the noun before its verb, an unnamed source, not "X reports"
NOUN_THEN_VERB = re.compile(r"\s+(?:indicate[sd]?|suggest(?:s|ed)?|show(?:s|ed)?|said|say)\b")
REPORTS_OWNER = re.compile(r"(?P<x>(?:[A-Z][\w.'’\-]*\s+){0,4}(?P<n>\w+))\s*$")
CLAIMED_LIVES = re.compile(r"\s*(?:the\s+)?(?:lives?|life|\d[\d,]*\s+lives|\w+\s+lives|at least)\b", re.I)
GROUP_NOUNS = _words("group_nouns")
WHEN = re.compile(r"\s+(?:(?:on|late|early|this|last|earlier|later)\s+)?(?:monday|tuesday|wednesday|thursday|"
                  r"friday|saturday|sunday|today|yesterday|morning|afternoon|evening|night|tonight)"
                  r"(?:\s+(?:morning|afternoon|evening|night))?\s*$", re.I)
MODIFIERS = _words("modifiers")
ACRONYM_AFTER = re.compile(r"\s*\([A-Z][\w\-]{1,12}\)\s*$")  # "the Syrian Observatory for Human Rights (SOHR) said"
AT_PLACE = re.compile(r"\s+(?:at|in|on|from)\s+(?:the|a)\s+[a-z][\w\-]*$")
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s$", re.I)
WEEKDAYS = _words("speaker_stops")  # a day, or an adverb opening a sentence


# ", a spokesman for the Harris County Sheriff's Office": the body a person just named speaks for
ROLE_FOR = re.compile(
    r",?\s*(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+){0,2}?(?:spokesman|spokeswoman|spokesperson|official|officer|"
    r"chief|director|sergeant|detective|lieutenant|captain|investigator|coroner|medical examiner|prosecutor|"
    r"attorney|commander|head|administrator|representative|supervisor|public information officer)\s+"
    r"(?:for|with|of|at|from|in)\s+(?P<body>(?:the\s+)?[A-Z][^,.;:\"“”()]*)", re.I)
# Words that may follow an inverted speaker ("said the Observatory, which ...", "said the man Monday"); any other
# lowercase word is the rest of a clause ("X, said the victim died": 'the victim' is no speaker).
AFTER_SPEAKER = _words("after_speaker")
# "said the Observatory which tracks ...", "... on the village of Taduf said the Syrian Observatory": a table
# body right after the verb is the speaker, with or without a comma.
NAME_AFTER = re.compile(rf"\s+(?P<x>(?:the\s+)?{NAME})")
# Leading words that are no part of a speaker's name: "But activists said", "In June activists said".
LEADING = re.compile(r"^(?:(?i:but|and|however|meanwhile|later|earlier|also|yet|so|still|now|then|since|while)\s+"
                     r"|(?i:in|on|by|since|during|from|until)\s+(?i:january|february|march|april|may|june|july|"
                     r"august|september|october|november|december|\d{4})\s+"
                     r"|(?i:january|february|march|april|may|june|july|august|september|october|november|december)"
                     r"\s+(?=[a-z]))")


# Every pattern above needs one of these words: a sentence without any attributes nothing.
TRIGGER_WORDS = _words("verbs") | _words("cue_words")
LOWER_WORD = re.compile(r"[a-z]+")


@dataclass
class Attribution:
    claimant: str
    kind: str  # "named", "generic" (needs an antecedent), "indefinite" (needs a name ahead)
    as_written: str | None = None  # the attribution words ("says a UK-based monitor", "the statement reads")
    via: str | None = None  # the relay as written ("the Russian Sputnik news agency")


def find_attribution(sentence: str) -> Attribution | None:
    if TRIGGER_WORDS.isdisjoint(LOWER_WORD.findall(sentence.lower())):  # most sentences: one cheap look
        return None
    sentence = ABBREVIATION.sub(r"\1", sentence)
    found = _claimant(sentence)
    citing = CITING.search(sentence)
    if citing and found is not None and found.claimant.lower() not in citing.group("x").lower():
        cited = _classify(_clean(citing.group("x")), citing.group(0))
        if cited is not None:  # "SANA reported, citing a police source": the source, relayed by SANA
            cited.via = found.claimant
            return cited
    if citing and found is None:
        cited = _classify(_clean(citing.group("x")), citing.group(0))
        if cited is not None:
            reporter = WHO_VERB.search(sentence[: citing.start()])
            cited.via = reporter.group("via") if reporter else None
            return cited
    if found is not None and found.via is None:
        relay = TOLD.search(sentence) or RELAYED.search(sentence)
        if relay and re.search(r"[A-Z]", relay.group("via")):  # "told reporters" names no relay
            found.via = _clean(relay.group("via"))
    return found


def _claimant(sentence: str) -> Attribution | None:
    for pattern in (ACCORDING, INVERTED, ISSUED, GENERIC_VERB):
        match = pattern.search(sentence)
        if match and pattern is GENERIC_VERB and CLAIMED_LIVES.match(sentence, match.end()) \
                and match.group(0).lower().rstrip().endswith(("claimed", "claims")):
            match = None  # "it claimed the lives of"
        if match and pattern is INVERTED and _runs_on(match.group("x"), _clean(match.group("x"))):
            match = None  # ", said the victim died"
        if match:
            phrase = _clean(match.group("x"))
            written = match.group(0).strip(" ,\"”")
            if pattern is not ISSUED and pattern is not GENERIC_VERB and phrase and phrase in written:
                written = written[: written.index(phrase) + len(phrase)]  # not the words the name ran on into
            role = ROLE_FOR.match(sentence, match.end()) if pattern in (ACCORDING, INVERTED) else None
            if role:  # "said Ryan Sullivan, a spokesman for the Harris County Sheriff's Office"
                body = _clean(role.group("body"))
                return _classify(body, f"{written}{role.group(0)[: role.end('body') - role.start()]}".strip())
            return _classify(phrase, written)
    lead = LEAD_SOURCE.match(sentence)
    verb = VERB_AT.search(sentence)
    if lead and verb:
        return _classify(_clean(lead.group("x")), f"{lead.group('x')}{verb.group(0)}")
    for match in VERB_AT.finditer(sentence):
        if match.group(0).split()[-1].startswith("claim") and CLAIMED_LIVES.match(sentence, match.end()):
            continue  # "Homs has claimed the lives of"
        noun_verb = NOUN_THEN_VERB.match(sentence, match.end())
        if noun_verb and match.group(0).split()[-1] in ("reports", "claims"):
            # "Police reports say", "New Orleans Police Department reports indicate": the body's reports
            owner = REPORTS_OWNER.search(sentence, max(0, match.start() - LOOK_BACK), match.start())
            noun = f"{owner.group('x')} reports" if owner and owner.group("n").lower() in ORG_NOUNS else "reports"
            return _classify(noun, f"{noun}{noun_verb[0]}")
        if PASSIVE.search(sentence, max(0, match.start() - 8), match.start() + 1):  # "were reported missing"
            continue
        after = _table_name_after(sentence, match.end())
        if after:
            return _classify(after, f"{match.group(0)} {after}".strip())
        subject = _subject_before(sentence[max(0, match.start() - LOOK_BACK) : match.start()])
        if subject:
            return _classify(_clean(subject), f"{subject}{match.group(0)}")
    return None


def _runs_on(raw: str, phrase: str) -> bool:
    """Whether the words after an inverted speaker's name go on as a clause ('the victim died')."""
    rest = raw.strip()[len(phrase) :].split() if phrase and raw.strip().startswith(phrase) else []
    return bool(rest) and rest[0][:1].islower() and rest[0].lower() not in AFTER_SPEAKER


def _table_name_after(sentence: str, at: int) -> str | None:
    """A table body named right after a reporting verb and ending its clause ('said the Observatory which')."""
    named = NAME_AFTER.match(sentence, at)
    if not named:
        return None
    phrase = _clean(named.group("x"))
    entry = claimant_table().lookup(phrase) if phrase else None
    if entry is None or entry.kind == "media" and not named.group("x").startswith(("the ", "The ")):
        return None
    rest = sentence[named.end() :].split()
    if rest and rest[0][:1].islower() and rest[0].lower() not in AFTER_SPEAKER:
        return None  # "Assad said the Syrian army would ..."
    return phrase


def _subject_before(left: str) -> str | None:
    """The name just before a reporting verb, skipping a time ('Police this morning said') and one appositive
    (', head of ...,')."""
    left = ACRONYM_AFTER.sub("", WHEN.sub("", left))
    for attempt in range(2):
        words = re.findall(r"[\w’'.\-]+|[,;:()\"“”]", left)
        picked: list[str] = []
        heads = claimant_table().source_nouns
        for word in reversed(words):
            low = word.lower()
            if low in WEEKDAYS:
                break
            if word[:1].isupper() or low in CONNECTORS or low in ORG_NOUNS or (not picked and low in heads):
                picked.append(word)
            else:
                break
        while picked and picked[-1].lower() in CONNECTORS:
            picked.pop()
        while picked and picked[0].lower() in CONNECTORS - {"’s", "'s"}:
            picked.pop(0)
        before = words[: len(words) - len(picked)]
        while picked and before and picked[-1].lower() in ORG_NOUNS and before[-1].lower() in MODIFIERS:
            picked.append(before.pop())  # "the defence ministry in Moscow"
        while picked and picked[-1].lower() in ("a", "an", "the"):
            picked.pop()
        for i in range(len(picked) - 2, 0, -1):  # "Tibni in Deir Ezzor province the Syrian Observatory"
            if picked[i].lower() == "the" and picked[i + 1].lower() not in CONNECTORS:
                picked = picked[:i]
                break
        if picked:
            return " ".join(reversed(picked)).replace(" ’s", "’s").replace(" 's", "'s")
        if attempt == 0 and left.rstrip().endswith(","):
            inner = left.rstrip()[:-1]
            cut = inner.rfind(",")
            if cut < 0:
                return None
            role = ROLE_FOR.match(inner, cut)
            if role and role.end() == len(inner):  # "Ryan Sullivan, a spokesman for the sheriff's office, said"
                return role.group("body").strip()
            left = inner[:cut]
        elif attempt == 0 and (place := AT_PLACE.search(left)):  # "Medics at the scene said"
            left = left[: place.start()]
    return None


def _clean(phrase: str) -> str:
    phrase = phrase.strip(" \"“”'’-–—").rstrip(".")
    for _ in range(3):
        phrase = LEADING.sub("", TRIM.sub("", phrase)).strip()
    return _cap(re.sub(r"\s+", " ", phrase))


def _cap(phrase: str) -> str:
    """The name part of a phrase that runs on into the sentence ('Aleppo Police Command two people were killed'
    in text that lost its commas): names, connectors and source nouns, and a lowercase word only just before
    a source noun ('medical sources', 'a UK-based monitor')."""
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in ("he", "she", "they", "it"):
        return phrase
    heads = claimant_table().source_nouns | ORG_NOUNS | GROUP_NOUNS
    kept: list[str] = []
    for i, word in enumerate(words):
        low = word.lower().strip("’'").removesuffix("’s").removesuffix("'s")
        if (word[:1].isupper() or low in CONNECTORS or low in heads or low in ("a", "an")
                or any(w.lower().strip(",") in heads for w in words[i + 1 : i + 3])):
            kept.append(word)
        else:
            break
    while kept and kept[-1].lower() in CONNECTORS | {"a", "an"}:
        kept.pop()
    return " ".join(kept)


NOT_CLAIMANTS = re.compile(r"^(?:on |last |this |early |late )?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                           r"sunday|today|yesterday|tonight|january|february|march|april|may|june|july|august|"
                           r"september|october|november|december|earlier|later|there|this|that)$", re.I)


def _classify(phrase: str, as_written: str | None = None) -> Attribution | None:
    if not phrase or NOT_CLAIMANTS.match(phrase):
        return None
    written = re.sub(r"\s+", " ", as_written).strip() if as_written else None
    if GENERIC_HEADS.match(phrase):
        return Attribution(phrase, "generic", written)
    if re.match(r"^(?:a|an)\s", phrase, re.I):
        return Attribution(phrase, "indefinite", written)
    if not re.search(r"[A-Z]", phrase) and not set(phrase.lower().split()) & ORG_NOUNS:
        return Attribution(phrase, "generic", written)
    return Attribution(re.sub(r"^the\s+", "", phrase, flags=re.I), "named", written)
