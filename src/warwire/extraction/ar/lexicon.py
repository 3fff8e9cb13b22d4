"""The Arabic casualty and number vocabulary, normalised once, with attached-prefix lookups.

A word in text may carry a conjunction or preposition and the article ("وبالقصف", "للمدنيين"): `variants`
gives the word and the stems left when those are taken off, longest word first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from warwire.extraction.ar.normalise import norm_word
from warwire.extraction.ar.pack import load

# Attached clitics, normalised: conjunction (و ف), preposition (ب ل ك), article (ال; ل + ال is written لل).
PREFIXES = ("عاجل", "وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول", "فب", "وك",
            "و", "ف", "ب", "ل", "ك", "ال")
OUTCOMES = ("killed", "wounded", "captured", "missing")


@cache
def variants(word: str) -> tuple[str, ...]:
    """The word, then the stems left after an attached prefix (and an article after it) is taken off."""
    out = [word]
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            stem = word[len(prefix):]
            out.append(stem)
            if stem.startswith("ال") and len(stem) > 3:
                out.append(stem[2:])
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Noun:
    """A victim or count noun: its group (count nouns: their outcome too) and its number form."""

    group: str
    form: str  # sg, dual, pl
    outcome: str | None = None  # count nouns only ('قتلى': killed)
    element: bool = False  # 'عناصر': the group is in the words after it


@dataclass
class ArabicLexicon:
    events: dict[str, str] = field(default_factory=dict)  # trigger word -> outcome
    companions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    nouns: dict[tuple[str, ...], Noun] = field(default_factory=dict)  # word(s) -> victim/count noun
    first_words: dict[str, int] = field(default_factory=dict)  # first word of a noun phrase -> most words
    suffix_stems: dict[str, str] = field(default_factory=dict)  # 'مقتل' -> killed (with a pronoun after)
    suffix_counts: dict[str, int] = field(default_factory=dict)
    element_groups: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    element_default: str = "armed_groups"
    not_victims: frozenset[str] = frozenset()
    parts: frozenset[str] = frozenset()
    background: tuple[str, ...] = ()
    related: frozenset[str] = frozenset()
    units: dict[str, int] = field(default_factory=dict)
    teens: frozenset[str] = frozenset()
    tens: dict[str, int] = field(default_factory=dict)
    hundreds: dict[str, int] = field(default_factory=dict)
    thousand: frozenset[str] = frozenset()
    thousands_two: frozenset[str] = frozenset()
    vague: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    vague_needs_min: frozenset[str] = frozenset()
    qualifiers: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    plural_verbs: dict[str, str] = field(default_factory=dict)  # 'جرحوا' -> wounded (victims told before)
    joiners: frozenset[str] = frozenset()  # 'بالإضافة' joins a further victim like 'و'
    toll_words: frozenset[str] = frozenset()  # 'حصيلة', 'عدد': a toll whose number comes later
    lost_life: frozenset[str] = frozenset()  # 'فقدان مدني لحياته': a loss of life, not a missing person
    bodies: frozenset[str] = frozenset()  # 'جثة', 'جثامين': killed, an indefinite victim after it

    def noun_at(self, words: list[str], i: int) -> tuple[Noun, int] | None:
        """The noun phrase opening at words[i] (prefixes allowed on its first word) and its length."""
        for first in variants(words[i]):
            most = self.first_words.get(first)
            if most is None:
                continue
            for n in range(min(most, len(words) - i), 0, -1):
                key = (first, *words[i + 1 : i + n])
                if key in self.nouns:
                    return self.nouns[key], n
        return None

    def phrase_at(self, words: list[str], i: int, phrases: list[tuple[tuple[str, ...], str]]) -> tuple[str, int] | None:
        """The longest of `phrases` at words[i] (a prefix allowed on the first word)."""
        best = None
        for key, value in phrases:
            n = len(key)
            fits = i + n <= len(words) and key[0] in variants(words[i]) and tuple(words[i + 1 : i + n]) == key[1:]
            if fits and (best is None or n > best[1]):
                best = (value, n)
        return best


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(norm_word(phrase).split())


@cache
def lexicon() -> ArabicLexicon:
    cas, num = load("casualties"), load("numbers")
    lex = ArabicLexicon()
    for outcome in OUTCOMES:
        for word in cas["event_triggers"][outcome]:
            lex.events[norm_word(word)] = outcome
        for word in cas["suffix_triggers"][outcome]:
            lex.suffix_stems[norm_word(word)] = outcome
    lex.bodies = frozenset(norm_word(w) for w in cas["body_words"]["words"])
    lex.events.update(dict.fromkeys(lex.bodies, "killed"))
    for verb, words in cas["need_companion"].items():
        if not verb.startswith("_"):
            lex.companions[norm_word(verb)] = tuple(norm_word(w) for w in words)
    for outcome, forms in cas["count_nouns"].items():
        if outcome.startswith("_"):
            continue
        for form, words in forms.items():
            for word in words:
                lex.nouns.setdefault(_words(word), Noun("unspecified", form, outcome))
    for group, forms in cas["victims"].items():
        if group.startswith("_"):
            continue
        for form, words in forms.items():
            for word in words:
                element = group == "elements"
                lex.nouns.setdefault(_words(word), Noun("unspecified" if element else group, form, None, element))
    for key in lex.nouns:
        lex.first_words[key[0]] = max(lex.first_words.get(key[0], 0), len(key))
    lex.suffix_counts = dict(cas["suffix_counts"])
    lex.element_groups = [(_words(w), g) for g, words in cas["element_groups"].items() if not g.startswith("_")
                          for w in words]
    lex.element_default = cas["element_default"]
    lex.not_victims = frozenset(norm_word(w) for w in cas["not_victims"])
    lex.parts = frozenset(norm_word(w) for w in cas["parts"])
    dates = load("dates")  # 'في 25 حزيران الماضي': a month told as past recalls an earlier incident
    past_months = [f"{m} {p}" for names in dates["months"].values() for m in names for p in dates["last_month"]]
    lex.background = tuple(norm_word(w) for w in [*cas["background"], *past_months])
    lex.related = frozenset(norm_word(w) for w in cas["related"])
    lex.units = {norm_word(w): int(v) for v, words in num["units"].items() for w in words}
    lex.teens = frozenset(norm_word(w) for w in num["teen"])
    lex.tens = {norm_word(w): int(v) for v, words in num["tens"].items() for w in words}
    lex.hundreds = {norm_word(w): int(v) for v, words in num["hundreds"].items() for w in words}
    lex.thousand = frozenset(norm_word(w) for w in num["thousand"])
    lex.thousands_two = frozenset(norm_word(w) for w in num["thousands_two"])
    lex.vague = {norm_word(w): (lo, hi) for w, (lo, hi) in num["vague"].items()}
    lex.vague_needs_min = frozenset(norm_word(w) for w in num["vague_needs_min"])
    lex.qualifiers = [(_words(p), q) for q, phrases in num["qualifiers"].items() for p in phrases]
    lex.plural_verbs = {norm_word(w): o for o, words in cas["plural_verbs"].items() if not o.startswith("_")
                        for w in words}
    lex.joiners = frozenset(norm_word(w) for w in cas["joiners"])
    lex.toll_words = frozenset(norm_word(w) for w in cas["toll_words"])
    lex.lost_life = frozenset(norm_word(w) for w in cas["lost_life"])
    return lex
