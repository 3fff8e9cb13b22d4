"""Linking Arabic reports by their words (sentences written for these tests, invented places and names)."""

from __future__ import annotations

from warwire.extraction.ar.terms import arabic_terms
from warwire.ledger import link_documents
from warwire.ledger.link import STORY_MIN_DOCS, _fields_match, compare, doc_mentions
from warwire.model import Place

NAMES = ["سامر", "خالد", "ياسر", "منير", "وليد", "رامي", "باسل", "نزار", "فادي", "مازن", "عادل", "هشام",
         "جمال", "كمال", "نبيل", "وائل", "طارق", "زياد", "أيمن", "حسام", "مهند", "أنور"]  # fmt: skip
HOODS = ["الضبيط", "القصور", "الثورة", "الحميدية", "الزهور", "الشيخ", "السبيل", "الناعورة", "الجامعة", "المحطة",
         "البستان", "الكرامة", "العدوية", "الفيحاء", "الروضة", "الصناعة", "المنشية", "الوادي", "التلة", "الكورنيش",
         "الجلاء", "النصر"]  # fmt: skip
FAMILIES = ["قنطار", "دبوس", "عرنوس", "شلهوب", "طحان", "زيتوني", "سكاف", "جبيلي", "حداد", "قصاب", "نجار",
            "عطار", "صباغ", "خياط", "حلاق", "دباغ", "فخار", "بيطار", "حمامي", "سمان", "لحام", "دهان"]  # fmt: skip


def arabic(mk, doc: str, text: str):
    d = mk.doc(doc, text, f"صفحة {doc}", None, mk.IDLIB, type_="shelling_artillery_missile_attack")
    d.language = "ar"  # an undated post, located to the town only
    return d


def corpus(mk) -> list:
    """Posts on distinct shellings of one town (other victims and streets), then two posts on one of them
    in other words, and an English report."""
    docs = [arabic(mk, f"p{i:02d}", f"استشهاد الشاب {NAMES[i]} {FAMILIES[i]} بقصف مدفعي على حي {HOODS[i]} "
                                    "في مدينة إدلب وأضرار في المنازل")
            for i in range(STORY_MIN_DOCS)]
    first = arabic(mk, "first", "عاجل: قذيفة على حي الكرنك بمدينة إدلب ومقتل المزارع عمران حلواني قرب مطحنة البركة")
    second = arabic(mk, "second", "الدفاع المدني ينتشل جثمان عمران حلواني من تحت أنقاض مطحنة البركة في الكرنك")
    return [*docs, first, second]


def test_arabic_terms_are_words_without_their_article_and_function_words() -> None:
    terms = arabic_terms("مقتل مزارع بقصف على بلدة كفرنبل", "وأفاد مراسلنا بأن القذيفة سقطت في البساتين")
    assert {"كفرنبل", "بساتين", "مزارع", "قذيفه"} <= terms
    assert not terms & {"علي", "بلده", "قصف", "مقتل", "افاد"}


def test_arabic_posts_of_one_incident_link_by_their_words(mk) -> None:
    clusters = sorted(sorted(d for d, _ in c) for c in link_documents(corpus(mk)))
    assert ["first", "second"] in clusters
    assert len(clusters) == STORY_MIN_DOCS + 1  # the other shellings of the town stay apart


def test_arabic_match_is_explained_by_shared_words(mk) -> None:
    from warwire.ledger.features import TermStats

    docs = corpus(mk)
    stats = TermStats()
    for d in docs:
        stats.add(doc_mentions(d)[0].terms)
    a, b = doc_mentions(docs[-1])[0], doc_mentions(docs[-2])[0]
    assert a.arabic and b.arabic
    got = compare(a, b, stats)
    assert got is not None and got.rule == "story"
    assert "حلواني" in got.features["text"]["detail"]


def test_an_arabic_and_an_english_report_compare_by_the_fields_rule(mk) -> None:
    from warwire.ledger.features import TermStats

    docs = corpus(mk)
    english = mk.doc("en", "Shelling killed a farmer near the Baraka mill in Idlib, civil defence said.", "Wire",
                     None, mk.IDLIB, type_="shelling_artillery_missile_attack")
    stats = TermStats()
    for d in [*docs, english]:
        stats.add(doc_mentions(d)[0].terms)
    a, b = doc_mentions(docs[-1])[0], doc_mentions(english)[0]
    assert a.arabic and not b.arabic
    assert compare(a, b, stats) == _fields_match(a, b)


def test_undated_posts_one_located_to_its_governorate_link_by_their_words(tmp_path, mk) -> None:
    """No date and no place support (a town and its governorate): the words alone link them, in memory
    and in an SQLite ledger (found by the Arabic word block)."""
    from warwire.ledger import Ledger

    docs = corpus(mk)[:-1]
    second = arabic(mk, "second", "الدفاع المدني ينتشل جثمان عمران حلواني من تحت أنقاض مطحنة البركة في الكرنك")
    second.events[0].location = Place(admin1="Idlib", country="SY", precision="admin1")
    docs.append(second)
    assert ["first", "second"] in sorted(sorted(d for d, _ in c) for c in link_documents(docs))
    ledger = Ledger(f"sqlite:///{tmp_path / 'ar.db'}")
    ledger.ingest_documents(docs)
    assert {"first", "second"} in [set(e["documents"]) for e in ledger.events()]
    assert len(ledger.events()) == STORY_MIN_DOCS + 1
