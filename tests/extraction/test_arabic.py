"""The Arabic rules on sentences written for these tests in the style of Syrian reports and posts."""

from __future__ import annotations

import pytest

from warwire.extraction.ar.claimants import find_claimant
from warwire.extraction.ar.figures import find_figures, words_of
from warwire.extraction.ar.lexicon import lexicon
from warwire.extraction.ar.normalise import normalise
from warwire.extraction.ar.numbers import parse_number


def figures(sentence: str) -> list[tuple[str, str, int | None, str]]:
    words = [w for w, _, _ in words_of(normalise(sentence).text)]
    return [(f.outcome, f.group, f.value, f.qualifier) for f in find_figures(lexicon(), words)]


@pytest.mark.parametrize(("written", "value"), [
    ("٣", 3), ("۷", 7), ("12", 12), ("ثلاثة", 3), ("ثلاث", 3), ("خمسة عشر", 15), ("خمس عشرة", 15),
    ("إحدى عشرة", 11), ("اثنا عشر", 12), ("خمسة وعشرين", 25), ("أربعون", 40), ("ثلاثمئة", 300),
    ("مئة وخمسون", 150), ("ثلاثة آلاف", 3000), ("اثنتين", 2), ("الثلاثة", 3), ("ثمانية", 8),
])
def test_number_forms(written: str, value: int) -> None:
    found = parse_number(lexicon(), normalise(written).text.split(), 0)
    assert found is not None and found.value == value


@pytest.mark.parametrize(("written", "bounds"), [("عشرات", (24, 99)), ("العشرات", (24, 99)), ("مئات", (200, 999))])
def test_vague_words_give_bounds_not_a_number(written: str, bounds: tuple[int, int]) -> None:
    found = parse_number(lexicon(), normalise(written).text.split(), 0)
    assert found is not None and found.value is None and found.bounds == bounds


@pytest.mark.parametrize(("sentence", "expected"), [
    ("مقتل طفل بقصف مدفعي على بلدة في ريف حماة", [("killed", "civilians", 1, "exact")]),
    ("استشهاد مواطنين اثنين جراء غارة جوية", [("killed", "civilians", 2, "exact")]),
    ("سقوط قتيلين في انفجار عبوة ناسفة", [("killed", "unspecified", 2, "exact")]),
    ("إصابة طفلين بجروح خطيرة", [("wounded", "civilians", 2, "exact")]),
    ("مقتل شخصين وإصابة ثلاثة آخرين", [("killed", "unspecified", 2, "exact"), ("wounded", "unspecified", 3, "exact")]),
    ("أسفر القصف عن مقتل 4 مدنيين بينهم طفلان", [("killed", "civilians", 4, "exact")]),
    ("مقتل ما لا يقل عن 12 مدنياً", [("killed", "civilians", 12, "at_least")]),
    ("مقتل أكثر من 20 شخصاً", [("killed", "unspecified", 20, "at_least")]),
    ("استشهاد نحو 30 مدنياً", [("killed", "civilians", 30, "approximately")]),
    ("مقتل حوالي 9 أشخاص", [("killed", "unspecified", 9, "approximately")]),
    ("أصيب قرابة 15 شخصاً", [("wounded", "unspecified", 15, "approximately")]),
    ("مقتل حتى 10 أشخاص", [("killed", "unspecified", 10, "at_most")]),
    ("مقتل أحد عناصر قوات النظام برصاص مجهولين", [("killed", "state_forces", 1, "exact")]),
    ("مقتل 3 عناصر من الفصائل", [("killed", "armed_groups", 3, "exact")]),
    ("مقتل جنديين في هجوم", [("killed", "state_forces", 2, "exact")]),
    ("مقتل رجل وامرأة بقصف", [("killed", "civilians", 1, "exact"), ("killed", "civilians", 1, "exact")]),
    ("استهدفت مسيرة سيارة مما تسبب بمقتله على الفور", [("killed", "unspecified", 1, "exact")]),
    ("ارتفاع عدد الشهداء إلى ٧", [("killed", "unspecified", 7, "exact")]),
    ("ثلاثة شهداء وخمسة جرحى", [("killed", "unspecified", 3, "exact"), ("wounded", "unspecified", 5, "exact")]),
    ("شاب لقي حتفه برصاص قناص", [("killed", "civilians", 1, "exact")]),
    ("مسن فارق الحياة متأثراً بجراحه", [("killed", "civilians", 1, "exact")]),
    ("مصرع امرأة بانفجار لغم", [("killed", "civilians", 1, "exact")]),
    ("اعتقال شابين من القرية", [("captured", "civilians", 2, "exact")]),
    ("اختطاف طفل على الطريق", [("captured", "civilians", 1, "exact")]),
    ("فقدان طفلة بعد الغارة", [("missing", "civilians", 1, "exact")]),
    ("3 مفقودين تحت الأنقاض", [("missing", "unspecified", 3, "exact")]),
    ("عشرات القتلى بغارة", [("killed", "unspecified", None, "vague")]),
    ("قال الناشط إن امرأة وثلاثة أطفال جرحوا في القصف", [("wounded", "civilians", 3, "exact")]),
    ("فقدان مدني لحياته بقصف مدفعي", [("killed", "civilians", 1, "exact")]),
    ("والد الشهيدة سلمى يروي ما جرى", [("killed", "unspecified", 1, "exact")]),
    ("#عاجلاستشهاد مواطن بقصف", [("killed", "civilians", 1, "exact")]),
    ("4 أطفال جدد ضحايا القصف", [("killed", "civilians", 4, "exact")]),
    ("مقتل الشاب سامر وإصابة والده", [("killed", "civilians", 1, "exact"), ("wounded", "civilians", 1, "exact")]),
    ("مقتل سامر العلي بقصف على منزله", [("killed", "unspecified", 1, "exact")]),
])
def test_triggers_numbers_and_victims(sentence: str, expected: list) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a dual in -ان after a verb
    ("استشهد مدنيان وأصيب 4 آخرون بقصف على البلدة", [("killed", "civilians", 2, "exact"),
                                                     ("wounded", "unspecified", 4, "exact")]),
    ("قتل جنديان بهجوم على حاجز", [("killed", "state_forces", 2, "exact")]),
    # the victim told right before a singular verb, or a list of them before a plural verb
    ("صورة لطفلة قتلت في الغارة الأخيرة", [("killed", "civilians", 1, "exact")]),
    ("رجل وزوجته وطفلان قتلوا بقصف على منزلهم", [("killed", "civilians", 4, "exact")]),
    ("انتشال جثث خمسة أشخاص مجهولي الهوية قتلوا بالقصف", [("killed", "unspecified", 5, "exact")]),
    # a verb whose companion comes after its victims; 'قضى' with its victim alone
    ("لقي ثلاثة رعاة بينهم طفل حتفهم بانفجار لغم", [("killed", "civilians", 3, "exact")]),
    ("قضت سيدة بقصف مدفعي على القرية", [("killed", "civilians", 1, "exact")]),
    # 'وهما' after a plural that is written like a dual
    ("أسفر القصف عن استشهاد مواطنين وهما أخوان من القرية", [("killed", "civilians", 2, "exact")]),
    # who the victims were, in brackets, is not more of them
    ("أدى القصف لمقتل 3 مدنيين (أب وزوجته وابنهما)", [("killed", "civilians", 3, "exact")]),
    # a toll with its number right after it
    ("وبلغ عدد الشهداء 9 بينهم امرأتان", [("killed", "unspecified", 9, "exact")]),
    # 'another one' wounded
    ("مقتل امرأة وإصابة أخرى بقذيفة", [("killed", "civilians", 1, "exact"), ("wounded", "unspecified", 1, "exact")]),
    # a martyr word and the victim described before the name
    ("الشهيدة الطفلة سلمى أحمد", [("killed", "civilians", 1, "exact")]),
    # a post that lost its line break: a taa marbuta ends the word glued to the next
    ("مجزرة جديدة في قرية الحميديةاستشهد طفلان", [("killed", "civilians", 2, "exact")]),
    # 'عدة' and 'أعداد' are vague words, not a name
    ("إصابة عدة أشخاص بقصف على البلدة", [("wounded", "unspecified", None, "vague")]),
    ("مقتل أربعة من مقاتليهم بغارة", [("killed", "armed_groups", 4, "exact")]),
    ("إصابتين طفل ورجل بقذيفة", [("wounded", "civilians", 2, "exact")]),
    # a body recovered is one dead (an indefinite victim; 'جثة المرأة' is someone told before)
    ("تمكنت الفرق من انتشال جثمان رجل من تحت ركام المبنى", [("killed", "civilians", 1, "exact")]),
    ("عثر الأهالي على جثث ثلاثة شبان قرب الطريق", [("killed", "civilians", 3, "exact")]),
    # the victims after 'ضحيتها' (the massacre's victims)
    ("مجزرة ضحيتها أربعة من عائلة واحدة في القرية", [("killed", "civilians", 4, "exact")]),
])
def test_more_victim_shapes(sentence: str, expected: list) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "قتلى وجرحى بقصف على المدينة",  # no number: no figure
    "سقوط 12 قتيلاً وجريحاً بقصف على السوق",  # one number for dead and wounded together: neither
    "6 مدنيين بين قتيل وجريح بقصف على الحي",
    "مقتل وإصابة 10 أشخاص بقصف",  # killed and wounded together: neither
    "سقوط 4 قذائف على الحي",  # shells, not people
    "إصابة الهدف بدقة",  # a hit, not an injury
    "مقتل مدنيين بقصف على الحي",  # a plural without a number
    "وأسعفت الفرق المصابين وانتشلت جثة الرجل",  # the body of someone told before
    "راح ضحيتها نساء وأطفال",
])
def test_no_figure(sentence: str) -> None:
    assert figures(sentence) == []


@pytest.mark.parametrize("sentence", ["قـ.ـتل طفلين بقصف", "قـتـل طـفـلين بقصف", "ق.تل طفلين", "قَتْلُ طِفْلَيْنِ",
                                      "قـ ـتل طفلين"])
def test_dodged_and_vocalised_words(sentence: str) -> None:
    assert figures(sentence) == [("killed", "civilians", 2, "exact")]


def test_offsets_point_into_the_text_as_given() -> None:
    text = "خبر: قـ.ـتل طـفـلين"
    norm = normalise(text)
    at = norm.text.index("طفلين")
    assert text[norm.offset(at) : norm.offset(at + len("طفلين") - 1) + 1] == "طـفـلين"


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("وثق المرصد السوري لحقوق الإنسان مقتل طفل", "sohr"),
    ("وبحسب المرصد فإن الحصيلة مرشحة للارتفاع", "sohr"),
    ("قال الدفاع المدني السوري إن فرقه انتشلت جثة", "syria-civil-defence"),
    ("أعلنت الخوذ البيضاء انتهاء عمليات البحث", "syria-civil-defence"),
    ("الدفاع المدني: انتشال جثة طفل من تحت الأنقاض", "syria-civil-defence"),
    ("نقلت سانا عن مصدر عسكري قوله", "sana"),
    ("قال مصدر عسكري إن الهجوم أحبط", "military-source"),
    ("قصف على البلدة دون معلومات", None),
    ("مقتل طفل بقصف قسد على القرية", None),  # the attacker, not a source
])
def test_claimants_map_to_the_table_ids(sentence: str, claimant: str | None) -> None:
    found = find_claimant(normalise(sentence).text)
    assert (found.id if found else None) == claimant
