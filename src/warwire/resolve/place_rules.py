"""Small, documented conventions the place chooser applies on top of the gazetteer.

- Theatres: Israel and the Palestinian territories share one conflict and one news vocabulary, so a
  document "about" one of them may set its events in the other (RAND and ACLED code each event by
  where it happened). Choosing treats them as one country when filtering candidates.
- Settlements: a place the text calls a "settlement" in that theatre lies in the West Bank or Gaza
  (the RAND/UN convention), so it is coded PS whatever the gazetteer's country.
- Spelling: a candidate whose own name is spelled exactly as written ("Samarra" = Sāmarrā’) beats one
  that only shares the normalised key ("Samara"), which collapses doubled letters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

THEATRES = {"IL": "IL/PS", "PS": "IL/PS"}
_SETTLEMENT_NEAR = re.compile(r"\bsettlements?\b|\boutpost\b", re.I)


def theatre(cc: str | None) -> str | None:
    return THEATRES.get(cc or "", cc)


def same_theatre(a: str | None, b: str | None) -> bool:
    return a == b or (a is not None and theatre(a) == theatre(b))


@lru_cache(maxsize=100_000)
def spelling(name: str) -> str:
    """Letters only, ascii, lowercase, a leading Arabic article dropped; doubled letters kept."""
    s = re.sub(r"[^a-z ]", "", anyascii(name).lower().replace("-", " ")).split()
    if len(s) > 1 and s[0] in ("al", "el", "an", "ar", "as", "ad", "az", "ash", "at"):
        s = s[1:]
    return "".join(s)


def spelled_as_written(as_written: str, name: str) -> bool:
    return written_spelling(as_written) in name_spellings(name)


def name_spellings(name: str) -> tuple[str, ...]:
    """The spellings of a gazetteer name; GeoNames writes a bilingual official name as "Donostia / San
    Sebastián", "Arrasate / Mondragón", and either half is the name as written."""
    return tuple(spelling(part) for part in name.split(" / "))


def written_spelling(as_written: str) -> str:
    """The spelling of a name as written, a possessive dropped (compared with `spelling` of each entry)."""
    return spelling(as_written.removesuffix("'s").removesuffix("’s"))


def called_settlement(text: str, start: int, end: int) -> bool:
    """'the Morag settlement', 'the settlement of Morag', 'in the Qatif Bloc': within a few words."""
    window = text[max(0, start - 30) : end + 25]
    return _SETTLEMENT_NEAR.search(window) is not None


# Groups and words that put a text in the Israeli-Palestinian theatre without saying which side of the line.
_THEATRE_CUE = re.compile(r"\b(?:Hamas|Qass[ae]m|Fatah|Islamic Jihad|Al-Aqsa|IDF|Israel Defense Forces)\b", re.I)


def settlement_country(text: str, start: int, end: int, country: str | None) -> str | None:
    """'PS' for a settlement the gazetteer lacks, in a text of the Israeli-Palestinian theatre."""
    if country not in (None, "IL", "PS") or not called_settlement(text, start, end):
        return None
    return "PS" if country or _THEATRE_CUE.search(text) else None
