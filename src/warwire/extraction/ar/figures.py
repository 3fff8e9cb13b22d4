"""Casualty figures in one Arabic sentence, read off its normalised words.

Two shapes carry a figure:
- an act word with its victims after it: "مقتل 3 مدنيين", "مقتل طفل" (one), "إصابة طفلين" (two, a dual),
  "استشهاد مواطنين اثنين", "مقتل أحد عناصر قوات النظام", "بمقتله" (a pronoun: one), "مقتل طفل وامرأة" (two);
- a noun that is itself the victims: "3 قتلى", "سقوط قتيلين", "ارتفاع عدد الشهداء إلى 5".
A plural with no number ("قتلى وجرحى", "مقتل مدنيين") is no figure. Qualifiers before a number give its
wording ("ما لا يقل عن": at least; "نحو": about; "حتى": up to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warwire.extraction.ar.lexicon import ArabicLexicon, Noun, variants
from warwire.extraction.ar.numbers import Number, parse_number

WORD = re.compile(r"\d+(?:,\d{3})*|[\u0621-\u064A]+")
# Verbs of one victim told before them ('الشاب ... استشهد متأثراً بجراحه'); not 'قتل', which is as often
# active ('قتل جميع أفراد العائلة') or a clause about someone else ('عندما قتل').
SINGULAR_VERBS = ("استشهد", "استشهدت", "توفي", "توفيت", "مات", "ماتت", "اصيب", "اصيبت",
                  "لقي", "لقيت", "فارق", "فارقت", "قضي", "قضت", "ارتقي", "ارتقت", "اغتيل")
PLURAL_SUFFIX = ("هم", "هن")
# Act nouns a person's name may follow ('مقتل سامر', 'اغتيال القيادي ...' is read by its noun).
NAMING_ACTS = ("مقتل", "استشهاد", "مصرع", "اغتيال", "اصابه", "اعتقال", "اختطاف")
# Words that close a victim list ('مقتل طفل بقصف ...', 'في', 'جراء').
STOPS = frozenset("في جراء اثر بعد خلال على عند قرب داخل اثناء اليوم امس صباح مساء فجر ظهر يوم بسبب نتيجه اذ".split())
SKIP_AFTER_TRIGGER = frozenset("وجرح جرح".split())
# Verbs of one victim that may follow it ('صورة لطفلة قتلت', 'امرأة استشهدت'): the noun right before them.
VERBS_AFTER_VICTIM = frozenset(SINGULAR_VERBS + ("قتل", "قتلت"))
# 'مدنيين وهما': the plural written like a dual is a dual when 'هما' (the two of them) follows.
DUAL_PRONOUNS = frozenset("هما وهما".split())
LOOKAHEAD = 6  # words a verb's companion may follow its victims ('لقي أربعة أشخاص حتفهم')


@dataclass
class ArFigure:
    outcome: str
    group: str
    value: int | None
    qualifier: str
    bounds: tuple[int | None, int | None] | None
    start: int  # word index of the figure's first word
    end: int  # word index after its last word
    victims: str | None = None
    vague: str | None = None
    named: bool = False  # one person named after a count noun ('الشهيد محمد'): told again and again


def words_of(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def find_figures(lex: ArabicLexicon, words: list[str]) -> list[ArFigure]:
    out: list[ArFigure] = []
    taken: set[int] = set()
    i = 0
    while i < len(words):
        if i in taken:
            i += 1
            continue
        if _joined_acts(lex, words, i):
            taken.update((i, i + 1))  # 'مقتل وإصابة 10 أشخاص': killed and wounded together, neither figure
            continue
        if _joined_counts(lex, words, i):
            taken.update((i, i + 1))  # '40 قتيلا ومصابا', 'بين قتيل وجريح': dead and wounded together
            continue
        found = _at(lex, words, i)
        for fig in found:
            if taken.intersection(range(fig.start, fig.end)):
                continue  # its victims told before were read by a figure already ('مقتل طفل قتل ...')
            taken.update(range(fig.start, fig.end))
            out.append(fig)
        i += 1
    return out


def _joined_counts(lex: ArabicLexicon, words: list[str], i: int) -> bool:
    """'80 قتيلا وجريحا', '7 مدنيين بين قتيل وجريح': one number (or 'بين') for dead and wounded together,
    neither figure. 'قتيل وجرحى' with no number is one dead and some wounded."""
    if i + 1 >= len(words) or not words[i + 1].startswith("و"):
        return False
    first = lex.noun_at(words, i)
    second = lex.noun_at([words[i + 1][1:]], 0)
    if first is None or second is None or first[1] != 1 or second[0].form == "dual":
        return False
    outcomes = first[0].outcome, second[0].outcome
    if None in outcomes or outcomes[0] == outcomes[1]:
        return False
    return (i > 0 and words[i - 1] == "بين") or _number_before(lex, words, i) is not None


def _joined_acts(lex: ArabicLexicon, words: list[str], i: int) -> bool:
    if i + 1 >= len(words) or not words[i + 1].startswith("و"):
        return False
    first, second = _trigger(lex, words, i), _trigger(lex, words, i + 1)
    return first is not None and second is not None and first[0] != second[0]


def _trigger(lex: ArabicLexicon, words: list[str], i: int) -> tuple[str, int, str] | None:
    """(outcome, words taken, the trigger's stem) of an act word at i."""
    for v in variants(words[i]):
        outcome = lex.events.get(v)
        if outcome is None:
            continue
        companions = lex.companions.get(v)
        if companions is None:
            return outcome, 1, v
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if any(c in variants(nxt) for c in companions if c != "*count_noun*"):
            return outcome, 2, v
        if "*victim*" in companions and nxt and (lex.noun_at(words, i + 1) or parse_number(lex, words, i + 1)):
            return outcome, 1, v  # 'قضت امرأة', 'قضى 3 مدنيين': the victims follow the verb alone
        if "*count_noun*" not in companions and any(
                c in variants(w) for w in words[i + 2 : i + 2 + LOOKAHEAD] for c in companions):
            return outcome, 1, v  # 'لقي أربعة أشخاص حتفهم': the companion after the victims
        return None
    return None


def _at(lex: ArabicLexicon, words: list[str], i: int) -> list[ArFigure]:
    outcome = next((lex.plural_verbs[v] for v in variants(words[i]) if v in lex.plural_verbs), None)
    if outcome is not None:  # 'امرأة وثلاثة أطفال جرحوا': the victims are told before the verb
        victims = _victims_before(lex, words, i, gap=2) or _list_before(lex, words, i)
        if victims is not None:
            return [ArFigure(outcome, victims[1], victims[0].value, "exact", None, victims[2], i + 1)]
    suffixed = _suffixed(lex, words, i)
    if suffixed is not None:
        return [suffixed]
    trig = _trigger(lex, words, i)
    if trig is not None:
        found = _act(lex, words, i, *trig)
        if found:
            return found
    noun = lex.noun_at(words, i)
    if noun is not None and noun[0].outcome is not None:
        fig = _count_noun(lex, words, i, noun[0], noun[1])
        return [fig] if fig else []
    return []


def _suffixed(lex: ArabicLexicon, words: list[str], i: int) -> ArFigure | None:
    """'بمقتله', 'إصابتها', 'مقتلهما': the act word with a pronoun for its victim."""
    for v in variants(words[i]):
        for suffix, count in (("هما", 2), ("ها", 1), ("ه", 1)):
            if v.endswith(suffix) and v[: -len(suffix)] in lex.suffix_stems:
                outcome = lex.suffix_stems[v[: -len(suffix)]]
                return ArFigure(outcome, "unspecified", count, "exact", None, i, i + 1)
    return None


def _act(lex: ArabicLexicon, words: list[str], i: int, outcome: str, taken: int, stem: str) -> list[ArFigure]:
    j = i + taken
    while j < len(words) and words[j] in SKIP_AFTER_TRIGGER:
        j += 1
    if stem in lex.bodies and j < len(words) and any(v.startswith("ال") for v in variants(words[j])):
        return []  # 'انتشلت جثة الرجل': the body of a victim told before
    figs = _victims(lex, words, j, outcome, i)
    if figs and outcome == "missing" and any(w in lex.lost_life for w in words[figs[-1].end : figs[-1].end + 2]):
        for fig in figs:  # 'فقدان مدني لحياته': lost his life
            fig.outcome = "killed"
    if figs:
        return figs
    if stem in NAMING_ACTS and j < len(words) and _name_like(lex, words[j]):
        # 'مقتل سامر العبدالله', 'مقتل رئيس وحدة ...': one person named or described
        return [ArFigure(outcome, "unspecified", 1, "exact", None, i, j + 1, named=True)]
    before = _victim_before_verb(lex, words, i) if stem in VERBS_AFTER_VICTIM else None
    if before is not None and not (j < len(words) and (lex.noun_at(words, j) or parse_number(lex, words, j))):
        noun, k = before  # 'صورة لطفلة قتلت', 'طفلان استشهدا': the victim right before the verb
        count = {"sg": 1, "dual": 2}[noun.form]
        return [ArFigure(outcome, noun.group, count, "exact", None, k, i + taken)]
    if stem in SINGULAR_VERBS and not (j < len(words) and lex.noun_at(words, j)):
        # 'استشهد متأثراً بجراحه', 'أصيب بجروح': a singular verb whose victim was named before it
        return [ArFigure(outcome, "unspecified", 1, "exact", None, i, i + taken)]
    return []


def _victim_before_verb(lex: ArabicLexicon, words: list[str], i: int) -> tuple[Noun, int] | None:
    """A one-word victim noun (one or two people, not 'عنصر') right before words[i], with no number
    before it."""
    if i < 1:
        return None
    noun = lex.noun_at(words, i - 1)
    if noun is None or noun[1] != 1 or noun[0].outcome is not None or noun[0].element:
        return None
    if noun[0].form not in ("sg", "dual") or _number_before(lex, words, i - 1) is not None:
        return None
    return noun[0], i - 1


def _qualifier(lex: ArabicLexicon, words: list[str], j: int) -> tuple[str, int]:
    found = lex.phrase_at(words, j, lex.qualifiers)
    return found if found else ("exact", 0)


def _victims(lex: ArabicLexicon, words: list[str], j: int, outcome: str, start: int) -> list[ArFigure]:
    """Victims after an act word: a quantity and a noun, a noun alone, or 'أحد'/'اثنين من' + noun; a list
    of such joined by 'و' adds up ('مقتل طفل وامرأة')."""
    figs: list[ArFigure] = []
    k = j
    for _ in range(5):
        fig = _one_victim(lex, words, k, outcome, start if not figs else k, joined=bool(figs))
        if fig is None:
            break
        figs.append(fig)
        joined_at = _next_conjunct(lex, words, fig.end)
        if joined_at is None:
            break
        k = joined_at
    return figs


def _next_conjunct(lex: ArabicLexicon, words: list[str], k: int) -> int | None:
    """Where a joined victim ('و' + noun or number) starts, skipping up to two words of a name."""
    for skip in range(3):
        m = k + skip
        if m >= len(words):
            return None
        word = words[m]
        if word in STOPS or word in lex.parts or _trigger(lex, words, m) is not None:
            return None
        if word in lex.joiners and m + 1 < len(words):
            return m
        if word == "و" and m + 1 < len(words) and parse_number(lex, words, m + 1) is not None:
            return m + 1  # 'و4 نساء': the tokeniser splits the 'و' off a digit
        if word.startswith("و") and len(word) > 2:
            rest = [word[1:], *words[m + 1 : m + 3]]
            noun = lex.noun_at(rest, 0)
            if noun is not None and noun[0].outcome is None:
                return m
            if parse_number(lex, rest, 0) is not None:
                return m
        if word.startswith(("ب", "ل")) and not lex.noun_at(words, m):
            return None
        if lex.noun_at(words, m) is not None:
            return None  # 'مقتل 3 مدنيين (رجل وزوجته وطفلهما)': who the victims were, not more of them
    return None


def _one_victim(lex: ArabicLexicon, words: list[str], j: int, outcome: str, start: int,
                joined: bool = False) -> ArFigure | None:
    if j >= len(words):
        return None
    local = list(words)
    if joined and local[j].startswith("و"):  # a joined victim: its 'و' is not part of the word ('وامرأة')
        local[j] = local[j][1:]
    elif joined and local[j] in lex.joiners and j + 1 < len(local):
        j += 1  # 'بالإضافة لمدنيين اثنين'
        local[j] = local[j][1:] if local[j].startswith("ل") else local[j]
    qualifier, q = _qualifier(lex, local, j)
    k = j + q
    if k >= len(local):
        return None
    number = parse_number(lex, local, k)
    if number is not None and number.value == 1 and k + 1 < len(local):
        # 'أحد عناصر', 'إحدى السيدات': one of them
        noun = _noun_after(lex, local, k + 1)
        if noun is not None:
            return _figure(lex, local, outcome, noun[0], 1, "exact", None, start, noun[1], None)
    if number is not None:
        after = k + number.length
        if after < len(local) and local[after] in lex.not_victims or _not_victim(lex, local, after):
            return None
        noun = _noun_after(lex, local, after)
        if noun is None and after < len(local) and local[after] == "من":
            noun = _noun_after(lex, local, after + 1)
        group_noun = noun[0] if noun else None
        end = noun[1] if noun else after
        return _figure(lex, local, outcome, group_noun, number.value, "vague" if number.vague else qualifier,
                       number, start, end, number.vague)
    noun = lex.noun_at(local, k)
    if noun is None or noun[0].outcome is not None:
        return None
    kind, n = noun
    end = k + n
    trailing = parse_number(lex, local, end) if end < len(local) else None
    if trailing is not None and trailing.value is not None and trailing.length == 1 and trailing.value <= 10:
        # 'مواطنين اثنين', 'أطفال ثلاثة': the number after its noun
        return _figure(lex, local, outcome, kind, trailing.value, qualifier, trailing, start, end + 1, None)
    count = {"sg": 1, "dual": 2}.get(kind.form)
    if count is None and end < len(local) and local[end] in DUAL_PRONOUNS:
        count = 2  # 'استشهاد مدنيين وهما ...'
    if count is None:
        return None
    return _figure(lex, local, outcome, kind, count, "exact", None, start, end, None)


def _not_victim(lex: ArabicLexicon, words: list[str], k: int) -> bool:
    if k >= len(words):
        return False
    return any(v in lex.not_victims for v in variants(words[k]))


def _noun_after(lex: ArabicLexicon, words: list[str], k: int) -> tuple[Noun, int] | None:
    """A victim noun at k (after a number); the index after it."""
    if k >= len(words):
        return None
    noun = lex.noun_at(words, k)
    if noun is None:
        return None
    return noun[0], k + noun[1]


def _figure(lex: ArabicLexicon, words: list[str], outcome: str, noun: Noun | None, value: int | None,
            qualifier: str, number: Number | None, start: int, end: int, vague: str | None) -> ArFigure:
    group = "unspecified"
    if noun is not None:
        group = noun.group
        if noun.element:
            group = _group_after(lex, words, end) or lex.element_default
        elif noun.group == "unspecified" and end < len(words) and words[end] == "من":
            group = _group_after(lex, words, end) or "unspecified"  # 'أشخاص من المدنيين'

    bounds = number.bounds if number is not None else None
    return ArFigure(outcome, group, value, qualifier, bounds, start, end, vague=vague)


def _group_after(lex: ArabicLexicon, words: list[str], k: int) -> str | None:
    """'عناصر من قوات النظام', 'أشخاص من المدنيين': the group named within a few words after."""
    for m in range(k, min(k + 4, len(words))):
        if words[m] in lex.not_victims or words[m] in STOPS or (words[m].startswith("ب") and m > k):
            return None  # 'برصاص قوات النظام': who shot, not who was shot
        found = lex.phrase_at(words, m, lex.element_groups)
        if found is not None:
            return found[0]
        noun = lex.noun_at(words, m)
        if noun is not None and noun[0].group not in ("unspecified",) and noun[0].outcome is None and m > k:
            return noun[0].group if words[m - 1] == "من" or words[m].startswith(("من", "ال")) else None
    return None


def _count_noun(lex: ArabicLexicon, words: list[str], i: int, noun: Noun, n: int) -> ArFigure | None:
    """'3 قتلى', 'عشرات القتلى', 'قتيلين', 'سقوط قتيل', 'عدد الشهداء إلى 5'."""
    outcome = noun.outcome or "killed"
    end = i + n
    group = _count_group(lex, words, end)
    before = _number_before(lex, words, i)
    if before is not None:
        number, start, qualifier = before
        return ArFigure(outcome, group, number.value, "vague" if number.vague else qualifier, number.bounds,
                        start, end, vague=number.vague)
    if noun.form == "dual":
        return ArFigure(outcome, group, 2, "exact", None, i, end)
    victims = _victims_before(lex, words, i)
    if victims is not None:
        return ArFigure(outcome, victims[1], victims[0].value, "exact", None, victims[2], end)
    if noun.form == "sg" and not words[i].startswith(("ال", "وال", "بال", "لل")):
        return ArFigure(outcome, group, 1, "exact", None, i, end)  # 'قتيل وجرحى بقصف', 'سقوط شهيد'
    if noun.form == "sg" and end < len(words) and _name_like(lex, words[end]):
        # 'الشهيد محمد ...': one person named
        return ArFigure(outcome, group, 1, "exact", None, i, end + 1, named=True)
    after = lex.noun_at(words, end) if noun.form == "sg" and end < len(words) else None
    if after is not None and after[0].form == "sg" and after[0].outcome is None and not after[0].element:
        # 'الشهيد الطفل ...', 'الشهيدة الشابة ...': one person described, a name after
        return ArFigure(outcome, after[0].group, 1, "exact", None, i, end + after[1], named=True)

    toll = _toll_after(lex, words, end)
    if toll is not None:
        number, stop, qualifier = toll
        return ArFigure(outcome, group, number.value, "vague" if number.vague else qualifier, number.bounds,
                        i, stop, vague=number.vague)
    return None


def _victims_before(lex: ArabicLexicon, words: list[str], i: int, gap: int = 1) -> tuple[Number, str, int] | None:
    """'3 أطفال ضحايا القصف', '4 مدنيين جرحى': a number and its victims right before a count noun (or a
    plural verb: up to two words between, '3 أشخاص مجهولي الهوية قتلوا')."""
    for n in range(1, gap + 3):
        k = i - n
        if k < 1:
            return None
        noun = lex.noun_at(words, k)
        # the noun right before, or with `gap` words between ('3 أطفال جدد ضحايا')
        if noun is None or noun[0].outcome is not None or not i - gap <= k + noun[1] <= i:
            continue
        before = _number_before(lex, words, k)
        if before is not None and before[0].value is not None:
            group = lex.element_default if noun[0].element else noun[0].group
            return before[0], group, before[1]
    return None


def _list_before(lex: ArabicLexicon, words: list[str], i: int) -> tuple[Number, str, int] | None:
    """'الأب والأم وطفلتان قتلوا': victims joined by 'و' right before a plural verb, each one or two people
    (a noun) or a number and its noun; two of them at least."""
    total, groups, m, parts = 0, set(), i - 1, 0
    while m >= 0 and parts < 6:
        word = words[m]
        joined = word.startswith("و") and len(word) > 2
        noun = lex.noun_at([word[1:] if joined else word], 0)
        if noun is None or noun[0].outcome is not None or noun[0].element:
            return None
        before = _number_before(lex, words, m) if not joined else None
        if before is not None and before[0].value is not None:
            total, m = total + before[0].value, before[1]
        elif noun[0].form in ("sg", "dual"):
            total += 1 if noun[0].form == "sg" else 2
        else:
            return None
        groups.add(noun[0].group)
        parts += 1
        if not joined:
            break
        m -= 1
    if parts < 2 or m < 0 and parts == 0:
        return None
    group = groups.pop() if len(groups) == 1 else ("civilians" if groups <= {"civilians", "unspecified"}
                                                    else "unspecified")
    return Number(total, 1), group, max(m, 0)


def _count_group(lex: ArabicLexicon, words: list[str], k: int) -> str:
    """'3 قتلى مدنيين', '3 قتلى من عناصر قوات النظام': the group after a count noun, else unspecified."""
    if k < len(words):
        noun = lex.noun_at(words, k + (words[k] == "من"))
        if noun is not None and noun[0].outcome is None:
            if noun[0].element:
                return _group_after(lex, words, k + 1) or lex.element_default
            return noun[0].group
    return "unspecified"


def _number_before(lex: ArabicLexicon, words: list[str], i: int) -> tuple[Number, int, str] | None:
    for back in (1, 2):
        k = i - back
        if k < 0:
            return None
        number = parse_number(lex, words, k)
        if number is not None and k + number.length == i:
            qualifier, start = "exact", k
            for q in range(1, 5):
                if k - q >= 0:
                    found = lex.phrase_at(words, k - q, lex.qualifiers)
                    if found is not None and found[1] == q:
                        qualifier, start = found[0], k - q
                        break
            return number, start, qualifier
    return None


def _name_like(lex: ArabicLexicon, word: str) -> bool:
    """A word that can open a person's name: no vocabulary word, number, stop word or word with a prefix
    that marks a phrase ('بقصف')."""
    if word in STOPS or word in lex.not_victims or word in lex.parts or parse_number(lex, [word], 0) is not None:
        return False
    if lex.noun_at([word], 0) is not None or any(v in lex.events for v in variants(word)):
        return False
    return not word.startswith(("ب", "لل", "ال", "وال")) and not word.isdigit() and len(word) >= 3


def _toll_after(lex: ArabicLexicon, words: list[str], k: int) -> tuple[Number, int, str] | None:
    """'ارتفاع عدد القتلى إلى 5', 'حصيلة الشهداء 7': a number after a plural count noun, further after a toll
    word ('ارتفعت حصيلة الضحايا الذين خلفهم القصف على القرية إلى 3')."""
    toll = k >= 2 and any(v in lex.toll_words for w in words[max(0, k - 3) : k] for v in variants(w))
    if toll and k < len(words) and words[k].isdigit() and not _not_victim(lex, words, k + 1):
        number = parse_number(lex, words, k)  # 'عدد الضحايا 13', 'حصيلة الشهداء 7'
        if number is not None:
            return number, k + 1, "exact"
    for m in range(k, min(k + (12 if toll else 5), len(words))):
        if words[m] in ("الي", "لي", "حتي"):
            qualifier, q = _qualifier(lex, words, m + 1)
            if m + 1 + q < len(words):
                number = parse_number(lex, words, m + 1 + q)
                if number is not None:
                    return number, m + 1 + q + number.length, qualifier
            return None
    return None
