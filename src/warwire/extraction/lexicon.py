"""The casualty lexicon (data/lang/<code>/casualties.json), loaded once per language into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from warwire import data

# Forms the regular rules get wrong, and the verbs of intention that make a killing unreal.
IRREGULAR = {
    "died": ("die", "VBD"), "dies": ("die", "VBZ"), "dying": ("die", "VBG"), "slain": ("slay", "VBN"),
    "slew": ("slay", "VBD"), "hurt": ("hurt", "VBD"), "seized": ("seize", "VBD"), "tried": ("try", "VBD"),
    "tries": ("try", "VBZ"), "sought": ("seek", "VBD"), "planned": ("plan", "VBD"), "planning": ("plan", "VBG"),
    "plotted": ("plot", "VBD"), "plotting": ("plot", "VBG"), "vowed": ("vow", "VBD"),
}  # fmt: skip


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

    @cached_property
    def verb_forms(self) -> dict[str, tuple[str, str]]:
        """Inflected forms of the trigger verbs with a Penn tag: the pipeline runs no lemmatizer, and
        title-case headlines defeat the tagger."""
        forms: dict[str, tuple[str, str]] = {}
        for lemma in [*self.verb_lemmas, *self.intransitive_lemmas, *IRREGULAR]:
            stem = lemma[:-1] if lemma.endswith("e") else lemma
            forms[lemma] = (lemma, "VB")
            forms[lemma + "s"] = (lemma, "VBZ")
            forms[stem + "ed"] = (lemma, "VBD")
            forms[stem + "ing"] = (lemma, "VBG")
        forms.update({form: (lemma, tag) for form, (lemma, tag) in IRREGULAR.items()})
        return forms

    def lemma(self, word: str) -> str:
        """The lemma of a trigger verb, else the word itself (lowercased)."""
        low = word.lower()
        return self.verb_forms[low][0] if low in self.verb_forms else low

    @cached_property
    def phrase_starts(self) -> frozenset[tuple[str, str]]:
        return frozenset(p[:2] for p in self.phrases if len(p) >= 2)

    @cached_property
    def trigger_words(self) -> frozenset[str]:
        """Surface words whose presence makes a sentence worth parsing."""
        words: set[str] = set(self.adjectives) | set(self.nouns) | set(self.toll_nouns)
        for phrase in self.phrases:
            words.update(phrase)
        return frozenset(w for w in words if len(w) > 3)


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
    )


def _demonyms(lang: str) -> frozenset[str]:
    """Demonyms from the language's table, with their plurals ('Iraqi' -> 'iraqis')."""
    words = {line.split("\t")[0].lower() for line in data.lines("demonyms.tsv", lang)}
    words = {w for w in words if " " not in w}
    return frozenset(words | {w + "s" for w in words} | {"kurds", "kurd", "arabs", "jews", "christians",
                                                         "muslims", "sunnis", "shiites", "alawites", "druze"})
