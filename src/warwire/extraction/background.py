"""Is a sentence's figure history or a whole-war total rather than news? Cues of language only."""

from __future__ import annotations

import re

CUES = re.compile(
    r"\bsince (?:the (?:start|beginning|outbreak|onset) of|(?:19|20)\d\d|it (?:began|started)|then)\b"
    r"|\b(?:in|during|throughout|of|from) (?:the|its|their|\w+s|\w+[’']s) (?:[\w-]+ ){0,2}"
    r"(?:conflict|civil war|war|uprising|insurgency|crisis)\b"
    r"|\b(?:over|in|during) the (?:past|last) (?:(?:\d+|\w+) )?(?:years|decades|months|month|weeks|year)\b"
    r"|\b(?:so far|to date|thus far) (?:this|in)\b|\bsince (?:january|the start of the year)\b"
    r"|\b(?:an|the) (?:earlier|previous|prior) (?:attack|incident|bombing|blast|explosion)\b"
    r"|\b(?:days|weeks|months|years) (?:before|earlier|ago|prior)\b"
    r"|(?<!^)(?<!^just )(?<!^only )(?<!^two )(?<!^three )(?<!^four )(?<!^five )(?<!^several )(?<!^a few )"
    r"\b(?:days|weeks|months|years) after\b"  # not "Days after X, a woman was killed", "Four days after ..."
    r"|\bthe (?:[A-Z][a-z]+ \d{1,2}, )?(?:19|20)\d\d (?:[A-Z]\w+ )*(?:killing|massacre|bombing|attack|attacks)\b"
    r"|\bsince (?:(?:the|its|their|\w+s) )?(?:\w+ )?"
    r"(?:war|conflict|uprising|crisis|revolution|fighting|unrest|violence|insurgency|rebellion) "
    r"(?:began|started|erupted|broke out)"
    r"|\b(?:has|have|had) since (?:killed|claimed|left)\b"
    r"|\b(?:\w+|\d+)-year(?:-old|-long)? (?:civil )?(?:war|conflict|rebellion|uprising|insurgency|crisis)\b"
    r"|\b(?:war|conflict|crisis|rebellion|uprising|insurgency),?(?: [-–—])? (?:now )?in its \w+ year\b"
    r"|\b(?:war|conflict|crisis|rebellion|uprising|insurgency)(?: in [A-Z]\w+)?,? (?:that|which) (?:has|have|had) "
    r"(?:so far |now )?(?:killed|claimed|left)\b"
    r"|\b(?:war|conflict|rebellion|uprising|insurgency) in [A-Z]\w+ (?:has|have|had) (?:so far )?"
    r"(?:killed|claimed|left)\b"
    r"|\b(?:the|its|their) (?:\w+ )?(?:war|conflict) (?:has|have|had) (?:so far |now )?(?:killed|claimed|left)\b"
    r"|\bthe (?:\w+ )?(?:war|conflict|crisis|fighting) (?:has|have|had) (?:so far )?(?:killed|claimed|left)\b"
    r"|\b(?:in retaliation|in revenge|in response|to avenge|as revenge|retaliate for|avenge)\b"  # an earlier event
    r"|\b(?:after|following) the (?:deaths?|killings?|murders?|assassination) of\b"
    r"|\b(?:attack|attacks|bombing|bombings|massacre|blast) (?:in|of) (?:[A-Z][a-z]+ )?(?:19|20)\d\d\b"
    r"|\bthe (?:19|20)\d\d (?!(?:and|to)\b)[A-Za-z]"
    r"|\bfunerals? (?:\w+ )?(?:of|for)\b"  # the deaths being mourned happened before the news
    r"|\b(?:book|film|documentary|anniversary|inquiry|investigation|trial|tribunal|probe) (?:on|of|into|about|over) "
    r"the (?:death|killing|assassination|murder)s? of\b"  # a death already history
    r"|\b(?:comes|came|come) (?:a|one|two|three|\w+) (?:days?|weeks?) (?:after|before)\b"
    r"|\b(?:comes|came) (?:just |shortly )?(?:after|following)\b"
    r"|\b(?:last|previous) (?:week|month)\b|\bearlier (?:this|that|last) (?:week|month|year)\b"
    r"|\bin (?:recent|the past|the previous) (?:days|weeks|months)\b"
    r"|\blast year\b|\byears? ago\b|\bin total\b|\bdeadliest\b|\bbloodiest\b"
    r"|\b(?:in|of) (?:the |its |their )?(?:[\w’']+ )?(?:recent |modern )?history\b",  # not "a history professor"
    re.I,
)
# A total over several incidents: "a series of bombings", "the coordinated attacks", "both blasts", "Overall, ..."
AGGREGATE = re.compile(
    r"\b(?:series|wave|string) of (?:\w+ )?(?:attacks|bombings|blasts|explosions|bombs)\b"
    r"|\b(?:coordinated|simultaneous|separate) (?:\w+ )?(?:attacks|bombings|blasts|explosions)\b"
    r"|\b(?:both|all (?:\w+ )?|the (?:two|three|four|five|six|seven|eight|\d+)) "
    r"(?:attacks|bombings|blasts|explosions)\b"
    r"|\bin (?:two|three|four|five|six|seven|eight|\d+) (?:separate )?(?:attacks|bombings|blasts|explosions)\b"
    r"|^(?:overall|nationwide|in all)\b",
    re.I,
)
YEAR = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Oo]f|[Dd]uring)\s+(?:(?:early|late|mid)[- ])?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b"
)


def is_background(sentence: str, published_year: int | None) -> bool:
    if CUES.search(sentence):
        return True
    if published_year is not None:
        return any(int(y) < published_year for y in YEAR.findall(sentence))
    return False


def first_cue(sentence: str, published_year: int | None) -> int | None:
    """Where the first cue of history in `sentence` starts (what `is_background` reads), None with none."""
    found = [m.start() for m in (CUES.search(sentence),) if m]
    if published_year is not None:
        found += [m.start() for m in YEAR.finditer(sentence) if int(m.group(1)) < published_year][:1]
    return min(found, default=None)


def in_parentheses(sentence: str, start: int) -> bool:
    """A figure inside '(...)' recalls another event: '(which killed 37 people in 2003)'."""
    return sentence.rfind("(", 0, start) > sentence.rfind(")", 0, start)


def is_aggregate(sentence: str) -> bool:
    """A figure summed over several incidents ("the coordinated attacks killed 77"): the news when it is
    all a report gives, but context beside the figures of the report's own incident (see document.py)."""
    return AGGREGATE.search(sentence) is not None
