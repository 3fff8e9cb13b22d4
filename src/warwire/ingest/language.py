"""The document's language (ISO 639-1), by py3langid, whose model ships inside the wheel (nothing is
downloaded). Text in Arabic script is counted apart: a post in Arabic with an English caption is Arabic
and is also read by the English rules, which see only its Latin text."""

from __future__ import annotations

import re
import string
from functools import cache

SAMPLE = 5000  # characters read: enough to tell a language, a bounded cost on any input
MIN_LETTERS = 12  # fewer letters than this: too little text to tell
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
RULE_PACKS = frozenset({"en", "ar"})  # languages whose casualty rules warwire ships
# py3langid labels a few varieties by ISO 639-3; the contract wants ISO 639-1: a variety is reported as its
# macrolanguage (Arabic dialects as 'ar', Nigerian Pidgin, English-based, as 'en'); another 639-3 code as None.
TO_ISO1 = {"wuu": "zh", "yue": "zh", "cmn": "zh", "ary": "ar", "arz": "ar", "apc": "ar", "acm": "ar", "ajp": "ar",
           "pcm": "en"}
ENGLISH_WORD = re.compile(r"[A-Za-z]{1,}")
ENGLISH = frozenset("the of and to in a an is was were that for on with by from said at as his her their after who "
                    "has had been are it near into two".split())


@cache
def _identifier():  # noqa: ANN202 (a py3langid LanguageIdentifier)
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # loaded on first use: ~0.8 s

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def arabic_share(text: str) -> float:
    """Arabic-script letters among Arabic and Latin letters of the sample."""
    sample = text[:SAMPLE]
    if sample.isascii():
        return 0.0  # no Arabic letter: the two scans below are not needed
    arabic = len(ARABIC_LETTER.findall(sample))
    latin = len(LATIN_LETTER.findall(sample))
    return arabic / (arabic + latin) if arabic + latin else 0.0


def has_arabic(text: str) -> bool:
    return ARABIC_LETTER.search(text) is not None


def letter_count(text: str) -> int:
    """How many characters of `text` are letters (str.isalpha); ASCII text is counted in C."""
    if text.isascii():
        return len(text) - len(text.translate(_NOT_ASCII_LETTERS))
    return sum(map(str.isalpha, text))


_NOT_ASCII_LETTERS = dict.fromkeys(map(ord, string.ascii_letters))  # translate() deletes them


def detect_language(text: str) -> str | None:
    """'en', 'ar', 'ru', ... or None when the text has too few letters to tell."""
    sample = text[:SAMPLE]
    letters = letter_count(sample)
    if letters < MIN_LETTERS:
        return None
    if arabic_share(sample) >= 0.5:
        return "ar"  # script decides: langid may call an Arabic post with a few Latin words Persian or Urdu
    if _plainly_english(sample, letters):
        return "en"  # English function words: the model (a second to load) is not needed
    lang = str(_identifier().classify(sample)[0])
    return TO_ISO1.get(lang, lang if len(lang) == 2 else None)


def _plainly_english(sample: str, letters: int) -> bool:
    """Latin script with English function words (over 5% of its words, the test warwire used before it
    detected languages): told without the model, whose load costs a second or two per process.
    `letters`: the sample's letter count."""
    words = ENGLISH_WORD.findall(sample)
    if sum(map(len, words)) < 0.8 * letters:
        return False
    return len(words) >= 3 and sum(w.lower() in ENGLISH for w in words) / len(words) > 0.05


def language_warning(language: str | None) -> str | None:
    """The warning for a language warwire has no rules for (None: no warning)."""
    if language is None or language in RULE_PACKS:
        return None
    return f"text looks like language '{language}', which has no rule pack: figures are likely to be missed"
