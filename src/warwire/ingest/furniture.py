"""Page furniture in flattened text: a general line filter, not a list of known pages' strings.

A line is furniture when it is short and made of site vocabulary (subscribe, advertisement,
comment, tags, share, back to top...), a metadata field ("News ID: 80197", "Updated in: ..."),
or has no words at all ("0 2,620", "- - -"). Social posts' furniture too: "See translation", reaction,
comment and view counts, login walls ("Log in", "Create new account"), "Translate post", and the same in
Arabic (data/lang/ar/furniture.json). Body spans keep offsets into the text as given.
"""

from __future__ import annotations

import re
from functools import cache

from warwire import data

SITE_WORDS = re.compile(
    r"\b(subscribe|subscription|newsletter|sign up|log ?in|register|inbox|ad ?blocker|adblock|"
    r"advertisement|advertising|sponsored|comments?|tags?|share (this|on)|follow us|cookies?|privacy policy|"
    r"terms of (use|service)|all rights reserved|copyright|back to top|related (articles|posts|stories|news)|"
    r"read more|click here|real time updates|download (our|the) app|most (read|popular)|print this|"
    r"discuss|recommended|you may also like|trending|leave a reply|message end|show more|load more)\b",
    re.I,
)
FIELD = re.compile(r"^\s*[\w .-]{2,30}:\s*\S", re.U)
FIELD_NAMES = re.compile(
    r"^\s*(news id|publish(ed)? date|updated( in| on)?|last updated|modified|posted( on)?|source|tags?|"
    r"category|categories|author|by|photo|image|credit|keywords|share)\s*:",
    re.I,
)
# A link to another story, by its label ("RELATED: Police release photo of ...", "READ MORE: ...",
# "Watch: ..."): its headline is not this report's text, however long.
LINK_LABEL = re.compile(
    r"^\s*(related( (stories|story|coverage|content|articles?|links?|video))?|read more|read also|also read|"
    r"more|see also|watch( live| video| now)?|video|photos?|gallery|listen|click here|more on this( story)?|"
    r"trending|previously|recommended|must read|don[’']t miss)\s*[:>|»]",
    re.I,
)
WORD = re.compile(r"[^\W\d_]{2,}", re.U)
SOCIAL_WORDS = re.compile(
    r"\b(see (translation|original)|translate (post|tweet)|rate this translation|all reactions|"
    r"\d[\d.,]*\s*[km]?\s+(likes?|comments?|shares?|views|reposts?|replies|reactions)|log ?in|"
    r"forgot (your )?(password|account)|create new account|not now|join facebook|see more on facebook|"
    r"replying to @|prev post|next post|show this thread|quote tweet|most relevant|write a comment)\b"
    r"|^(facebook|x|twitter|instagram|telegram|whatsapp|views?)$",
    re.I,
)
SOCIAL_MAX_WORDS = 8
ARABIC = re.compile(r"[\u0621-\u064A]")


@cache
def _arabic_words() -> re.Pattern[str]:
    words = data.load_json("furniture.json", "ar")["words"]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\u0621-\u064A])(?:{alternation})(?![\u0621-\u064A])")


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    words = WORD.findall(stripped)
    if not words:
        return True  # counters, separators: "0 2,620", "- - -"
    if FIELD_NAMES.match(stripped) or LINK_LABEL.match(stripped):
        return True
    if len(words) <= 16 and SITE_WORDS.search(stripped):
        return True
    if len(words) <= SOCIAL_MAX_WORDS and SOCIAL_WORDS.search(stripped):
        return True
    if ARABIC.search(stripped):
        # An Arabic post's line may open with a hashtag ('#عاجل استشهاد طفل'): only hashtags is furniture.
        if len(words) <= 6 and _arabic_words().search(stripped):
            return True
        return all(token.startswith("#") for token in stripped.split())
    return stripped.startswith(("*", "#", "|")) and len(words) <= 4


def body_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of article body, in order."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if not is_furniture(content):
            lead = len(content) - len(content.lstrip())
            spans.append((offset + lead, offset + len(content.rstrip())))
        offset += len(line)
    return spans
