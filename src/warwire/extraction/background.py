"""Is a sentence's figure history or a whole-war total rather than news? Cues of language only."""

from __future__ import annotations

import re

from warwire.data import load_json, rule_patterns
from warwire.matching.any_of import AnyOf

# The cues and the totals over several incidents are rules in data/lang/en/background.json (each with its
# why and an example). Each set is tried only where its patterns' opening words stand (matching/any_of.py).
CUES = AnyOf(rule_patterns("background.json", "background"))
# A total over several incidents: "a series of bombings", "the coordinated attacks", "both blasts", "Overall, ..."
AGGREGATE = AnyOf(rule_patterns("background.json", "aggregate"))
# In a report's first sentence the cues marked `dates_the_news` ('last week') date its own incident.
_RULES = load_json("background.json", "en")["background"]
HISTORY = AnyOf([p for p, r in zip(rule_patterns("background.json", "background"), _RULES, strict=True)
                 if "dates_the_news" not in r])
YEAR = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Oo]f|[Dd]uring)\s+(?:(?:early|late|mid)[- ])?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b"
)


def is_background(sentence: str, published_year: int | None) -> bool:
    if CUES.found(sentence):
        return True
    if published_year is not None:
        return any(int(y) < published_year for y in YEAR.findall(sentence))
    return False


def first_cue(sentence: str, published_year: int | None, opening: bool = False) -> int | None:
    """Where the first cue of history in `sentence` starts (what `is_background` reads), None with none;
    in a report's `opening` sentence, cues that date the news do not count."""
    found = [m.start() for m in ((HISTORY if opening else CUES).pattern.search(sentence),) if m]
    if published_year is not None:
        found += [m.start() for m in YEAR.finditer(sentence) if int(m.group(1)) < published_year][:1]
    return min(found, default=None)


def in_parentheses(sentence: str, start: int) -> bool:
    """A figure inside '(...)' recalls another event: '(which killed 37 people in 2003)'."""
    return sentence.rfind("(", 0, start) > sentence.rfind(")", 0, start)


def is_aggregate(sentence: str) -> bool:
    """A figure summed over several incidents ("the coordinated attacks killed 77"): the news when it is
    all a report gives, but context beside the figures of the report's own incident (see document.py)."""
    return AGGREGATE.found(sentence)
