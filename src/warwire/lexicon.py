"""The casualty lexicon (data/lang/<code>/casualties.json), loaded once per language into lookup tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from warwire import data


@dataclass(frozen=True)
class Lexicon:  # noqa: B903
    verb_lemmas: dict[str, str]  # lemma -> outcome, transitive ("killed 5")
    intransitive_lemmas: dict[str, str]  # lemma -> outcome ("5 died")
    adjectives: dict[str, str]  # "dead", "wounded" after a victim
    nouns: dict[str, str]  # "deaths", "fatalities" after a number
    phrases: dict[tuple[str, ...], str]  # multiword triggers, lowercased tokens
    toll_nouns: frozenset[str]
    victim_groups: dict[str, str]  # victim noun -> group
    group_modifiers: dict[str, str]
    singular_person: frozenset[str]
    qualifiers: dict[tuple[str, ...], str]  # lowercased token tuple -> qualifier
    vague: dict[tuple[str, ...], tuple[int | None, int | None, int | None]]
    not_victims: frozenset[str]
    name_words: frozenset[str]  # words that make a capitalised run an organisation, not a person
    demonyms: frozenset[str]  # "iraqi", "iraqis", "afghan", "kurds"
    person_verbs: frozenset[str] = frozenset()  # "destroyed 60 terrorists": a killing only of people
    out_of_sense: dict[str, frozenset[str]] = field(default_factory=dict)  # lemma -> objects that unmake it
    # Forms the regular rules get wrong, and the verbs of intention that make a killing unreal: form -> (lemma, tag).
    irregular: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Sentence cues of the rule triggers that are not lexicon words (triggers.py): (pattern, literals it contains).
    prefilter_cues: tuple[tuple[str, tuple[str, ...]], ...] = ()
    attack_words: frozenset[str] = frozenset()  # "shelled", "opened fire": actors' roles (resolve.actors)
    attack_verbs: frozenset[str] = frozenset()  # trigger lemmas whose past forms are attack words too
    titles: frozenset[str] = frozenset()  # before a name: "Major Robert Perry", "Sheikh Hamad"
    military_titles: frozenset[str] = frozenset()  # the titles that make their bearer state forces
    time_words: frozenset[str] = frozenset()  # "detained two insurgents yesterday": a noun run ends before them
    wound_kinds: frozenset[str] = frozenset()  # "a gunshot wound": one wound, of a victim told or counted elsewhere

    @cached_property
    def verb_forms(self) -> dict[str, tuple[str, str]]:
        """Inflected forms of the trigger verbs with a Penn tag: the pipeline runs no lemmatizer, and
        title-case headlines defeat the tagger."""
        forms: dict[str, tuple[str, str]] = {}
        irregular = set(self.irregular.values())  # ('hurt', 'VBD') listed: no regular "hurted"
        for lemma in [*self.verb_lemmas, *self.intransitive_lemmas]:  # regular forms of lemmas, never of forms
            forms.update({f: (lemma, t) for f, t in zip(_regular_forms(lemma), _TAGS, strict=True)
                          if (lemma, t) not in irregular})
        forms.update(self.irregular)
        return forms

    def lemma(self, word: str) -> str:
        """The lemma of a trigger verb, else the word itself (lowercased)."""
        low = word.lower()
        return self.verb_forms[low][0] if low in self.verb_forms else low

    @cached_property
    def phrase_starts(self) -> frozenset[tuple[str, str]]:
        return frozenset((p[0], p[1]) for p in self.phrases if len(p) >= 2)

    @cached_property
    def attack_forms(self) -> frozenset[str]:
        """Every attack word: the listed ones and the past forms of the attack trigger verbs, lowercased
        (their present forms are often nouns: 'wounds', 'murders'; the safe ones are listed)."""
        forms = {f for f, (lemma, tag) in self.verb_forms.items() if lemma in self.attack_verbs and tag in _PAST}
        return frozenset(self.attack_words | forms)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every single word the lexicon holds as a trigger: verb forms, adjectives, nouns, toll nouns."""
        return frozenset({*self.verb_forms, *self.adjectives, *self.nouns, *self.toll_nouns})

    def alternation(self, entries: dict[str, list[str]]) -> str:
        """A regex alternation of lexicon entries, for a named word set of a rules file: `stems` (verb
        lemmas, each written as the stem its forms share: 'massacre' -> 'massacr'), `words` (single words
        the lexicon holds) and `phrases` (its spaces matching any white space). An entry the lexicon does
        not hold is refused, so a rules file cannot keep a word of its own."""
        lemmas = {*self.verb_lemmas, *self.intransitive_lemmas}
        known = {"stems": lemmas, "words": self.words, "phrases": {" ".join(p) for p in self.phrases}}
        parts: list[str] = []
        for kind, items in entries.items():
            if kind not in known:
                continue
            missing = [w for w in items if w not in known[kind]]
            if missing:
                raise ValueError(f"not in the lexicon as {kind}: {', '.join(missing)}")
            if kind == "stems":
                parts += [re.escape(stem(w)) for w in items]
            elif kind == "words":
                parts += [re.escape(w) for w in items]
            else:
                parts += [r"\s+".join(re.escape(t) for t in w.split()) for w in items]
        return "|".join(parts)

    @cached_property
    def trigger_literals(self) -> tuple[frozenset[str], frozenset[str]]:
        """What a sentence must contain to hold a trigger: (prefixes, whole words), lowercased.

        Every form of every trigger verb, adjective, noun, toll noun and phrase is covered: a regular
        verb by its stem ('assassinat' for assassinate/assassinated/assassinating), a verb whose stem is
        too short to stand alone ('die') and an irregular form ('slew') by the whole words. A prefix
        holding a shorter one is left out: the shorter one already finds its sentences."""
        trigger_lemmas = {*self.verb_lemmas, *self.intransitive_lemmas}
        prefixes: set[str] = set(self.adjectives) | set(self.nouns) | set(self.toll_nouns)
        prefixes |= {" ".join(p) for p in self.phrases}
        words: set[str] = set()
        for lemma in trigger_lemmas:
            base = stem(lemma)
            if len(base) >= 4:
                prefixes.add(base)
            else:
                words.update(_regular_forms(lemma))
        words |= {form for form, (lemma, _) in self.irregular.items() if lemma in trigger_lemmas}
        words = {w for w in words if not any(p in w for p in prefixes)}
        prefixes = {p for p in prefixes if not any(q in p for q in prefixes if q != p)}
        return frozenset(prefixes), frozenset(words)


_TAGS = ("VB", "VBZ", "VBD", "VBG")
_PAST = frozenset({"VBD", "VBN"})


def stem(lemma: str) -> str:
    """The stem a verb's regular forms share ('execute' -> 'execut')."""
    return lemma[:-1] if lemma.endswith("e") else lemma


def _regular_forms(lemma: str) -> tuple[str, str, str, str]:
    """VB, VBZ, VBD, VBG by the regular rules ('execute' -> executes, executed, executing)."""
    base = stem(lemma)
    return lemma, lemma + "s", base + "ed", (lemma[:-2] + "ying" if lemma.endswith("ie") else base + "ing")


def _split(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def load(lang: str = data.DEFAULT_LANG) -> Lexicon:
    """The lexicon of a language, read once (`load()` and `load("en")` are the same object)."""
    return _load(lang)


@cache
def _load(lang: str) -> Lexicon:
    raw = data.load_json("casualties.json", lang)
    verbs, intrans, adjs, nouns, phrases = {}, {}, {}, {}, {}
    for outcome, entry in raw["triggers"].items():
        verbs.update(dict.fromkeys(entry["verbs"] + entry.get("person_verbs", []), outcome))
        intrans.update(dict.fromkeys(entry["intransitive"], outcome))
        adjs.update(dict.fromkeys(entry["adjectives"], outcome))
        nouns.update(dict.fromkeys(entry["nouns"], outcome))
        phrases.update({_split(p): outcome for p in entry["phrases"]})
    victims = {noun: group for group, items in raw["victims"].items() for noun in items}
    modifiers = {m: group for group, items in raw["group_modifiers"].items() for m in items}
    qualifiers = {_split(p): q for q, items in raw["qualifiers"].items() for p in items}
    vague = {_split(k): tuple(v) for k, v in raw["vague"].items()}
    titles = raw.get("person_titles", {})
    return Lexicon(
        verb_lemmas=verbs,
        intransitive_lemmas=intrans,
        adjectives=adjs,
        nouns=nouns,
        phrases=phrases,
        toll_nouns=frozenset(raw["toll_nouns"]),
        victim_groups=victims,
        group_modifiers=modifiers,
        singular_person=frozenset(raw["singular_person_nouns"]),
        qualifiers=qualifiers,
        vague=vague,
        not_victims=frozenset(raw["not_victim_nouns"]),
        name_words=frozenset(raw["name_words"]),
        demonyms=_demonyms(lang),
        person_verbs=frozenset(raw["triggers"]["killed"]["person_verbs"]),
        out_of_sense={k: frozenset(v) for k, v in raw.get("out_of_sense", {}).items() if not k.startswith("_")},
        irregular={form: (lemma, tag) for form, (lemma, tag) in raw["irregular_forms"].items()},
        prefilter_cues=tuple((c["pattern"], tuple(c["contains"])) for c in raw["prefilter_cues"]),
        attack_words=frozenset(raw["attack_triggers"]["words"]),
        attack_verbs=_attack_verbs(raw),
        titles=frozenset(titles.get("military", []) + titles.get("civil", [])),
        military_titles=frozenset(titles.get("military", [])),
        time_words=frozenset(raw.get("time_words", [])),
        wound_kinds=frozenset(raw.get("wound_kinds", [])),
    )


def _attack_verbs(raw: dict) -> frozenset[str]:
    """The trigger verbs `attack_triggers.verbs_of` names: "all" of an outcome's, or the lemmas listed."""
    verbs: set[str] = set()
    for outcome, which in raw["attack_triggers"]["verbs_of"].items():
        entry = raw["triggers"][outcome]
        verbs.update(entry["verbs"] + entry.get("person_verbs", []) if which == "all" else which)
    return frozenset(verbs)


def _demonyms(lang: str) -> frozenset[str]:
    """Demonyms from the language's table, with their plurals ('Iraqi' -> 'iraqis')."""
    words = {line.split("\t")[0].lower() for line in data.lines("demonyms.tsv", lang)}
    words = {w for w in words if " " not in w}
    return frozenset(words | {w + "s" for w in words} | {"kurds", "kurd", "arabs", "jews", "christians",
                                                         "muslims", "sunnis", "shiites", "alawites", "druze"})
