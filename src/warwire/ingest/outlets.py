"""The outlet a flattened page names as its own: a wire dateline's signature ("MOSCOW, January 23.
/TASS/.", "BEIRUT (Reuters) -") or a byline line holding only the agency's name.

Only the top of the page is read, and only in those forms: an agency named in the story ("told the
Sputnik news agency") is a source of the story, not its outlet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from warwire import data

TOP_CHARS = 1500  # the headline, dateline and first paragraphs of a scraped page


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    table = data.load_json("outlets.json")
    spellings = {alias: name for name, aliases in table.items() if not name.startswith("_") for alias in aliases}
    names = "|".join(re.escape(a) for a in sorted(spellings, key=len, reverse=True))
    # "/TASS/", "(Reuters)", "(AFP) -" after an upper-case city; never inside a sentence's words.
    signed = re.compile(rf"(?:/(?P<slash>{names})/|\b[A-Z][A-Z .'-]{{2,}},?[^\n()]{{0,40}}\((?P<paren>{names})\))")
    byline = re.compile(rf"^[ \t]*(?:By |Source: |From )?(?P<line>{names})[ \t]*$", re.M)
    return spellings, signed, byline


def outlet_from_text(text: str) -> str | None:
    spellings, signed, byline = _patterns()
    top = text[:TOP_CHARS]
    match = signed.search(top) or byline.search(top)
    if match is None:
        return None
    return spellings[next(g for g in match.groups() if g)]
