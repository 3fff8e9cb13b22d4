"""Arabic documents through the whole pipeline: the same Document/Event/Claim objects as English ones."""

from __future__ import annotations

import pytest

import warwire


@pytest.fixture(scope="module")
def extract():
    return warwire.extract


def test_post_gives_one_primary_event_with_its_figures(extract) -> None:
    text = ("مقتل طفل وامرأة وإصابة 3 آخرين بقصف مدفعي لقوات النظام على بلدة كفرنبل بريف إدلب الجنوبي، "
            "بحسب الدفاع المدني السوري.\n"
            "وكان المرصد السوري قد وثق مقتل 5 مدنيين في البلدة الشهر الماضي.")
    doc = extract(text, published="2024-10-22")
    assert doc.language == "ar" and doc.to_dict()["language"] == "ar"
    primary = [e for e in doc.events if e.primary]
    assert len(primary) == 1
    claims = {(c.outcome, c.group): c for c in primary[0].casualties}
    assert claims["killed", "civilians"].best == 2
    assert claims["wounded", "unspecified"].best == 3
    claimant = claims["killed", "civilians"].claimant
    assert claimant is not None and claimant.id == "syria-civil-defence"  # the English reports' id too
    assert primary[0].location is not None and primary[0].location.admin1 == "Idlib"
    assert primary[0].date.start is not None and primary[0].date.start.year == 2024
    background = [e for e in doc.events if e.background]
    assert background and background[0].casualties[0].best == 5
    for claim in primary[0].casualties:
        for ev in claim.evidence:
            assert doc.text[ev.start : ev.end] == ev.quote


def test_killed_and_wounded_without_numbers_is_no_figure(extract) -> None:
    doc = extract("قتلى وجرحى بقصف جوي على مدينة سرمين شرقي إدلب")
    assert all(not e.casualties for e in doc.events)


def test_english_document_is_english_and_keeps_no_language_warning(extract) -> None:
    doc = extract("Three civilians were killed and five were wounded when shells hit a market in Idlib on "
                  "Sunday, the Syrian Observatory for Human Rights said, adding that the toll could rise.")
    assert doc.language == "en" and not any("rule pack" in w for w in doc.warnings)


def test_a_month_told_as_past_recalls_an_earlier_incident(extract) -> None:
    doc = extract("استشهاد طفل بقصف مدفعي على بلدة سرمين شرقي إدلب اليوم.\n"
                  "وفي 12 حزيران الماضي قتل 7 مدنيين بغارة على السوق.")
    primary = next(e for e in doc.events if e.primary)
    assert [(c.outcome, c.best) for c in primary.casualties] == [("killed", 1)]
    assert any(e.background and e.casualties[0].best == 7 for e in doc.events)


def test_a_number_told_later_replaces_a_vague_mention(extract) -> None:
    text = ("إصابة عدد من المدنيين بقصف مدفعي على بلدة البارة جنوبي إدلب.\n"
            "وقال الدفاع المدني إن القصف تسبب بإصابة ثلاثة أطفال وامرأة بجروح متفاوتة.")
    primary = next(e for e in extract(text).events if e.primary)
    wounded = [c for c in primary.casualties if c.outcome == "wounded"]
    assert [(c.group, c.best) for c in wounded] == [("civilians", 4)]
    assert len(wounded[0].evidence) == 2  # both sentences stay its evidence


def test_the_figure_told_first_leads_over_a_larger_one_further_down(extract) -> None:
    text = ("استشهاد امرأة بقصف مدفعي على بلدة سرمين شرقي إدلب\n"
            "استشهدت امرأة وأصيب آخرون بجروح بقصف مدفعي لقوات النظام على أطراف بلدة سرمين صباح اليوم الجمعة.\n"
            "قوات النظام تقتل 12 شخصا في ريف حماة")
    primary = next(e for e in extract(text).events if e.primary)
    killed = [c for c in primary.casualties if c.outcome == "killed"]
    assert [(c.group, c.best) for c in killed] == [("civilians", 1)]


def test_a_related_articles_marker_taken_out_as_furniture_still_ends_the_story(extract) -> None:
    story = ("إصابة طفلين بقصف مدفعي لقوات النظام على بلدة البارة في جبل الزاوية جنوبي إدلب صباح اليوم "
             "بحسب ما أفاد مراسلنا في المنطقة.")
    text = f"{story}\n\nمقالات ذات صلة\n\nمقتل خمسة أطفال بغارة روسية على أريحا\n"
    primary = next(e for e in extract(text).events if e.primary)
    assert [(c.outcome, c.best) for c in primary.casualties] == [("wounded", 2)]
    assert [(c.outcome, c.best) for e in extract(text.replace("مقالات ذات صلة", "")).events
            for c in e.casualties if c.outcome == "killed"] == [("killed", 5)]  # without the marker it is read


def test_a_sentence_turning_to_the_past_keeps_its_news_part(extract) -> None:
    text = ("قصف مدفعي على بلدة البارة في جبل الزاوية جنوبي إدلب\n"
            "تعرضت بلدة البارة لقصف مدفعي من قبل قوات النظام صباح اليوم، ما أدى لإصابة مدني بجروح طفيفة، "
            "وشهدت الأيام الماضية قصفا تسبب بمقتل مدنيين اثنين وإصابة 10 مدنيين آخرين.")
    doc = extract(text)
    primary = next(e for e in doc.events if e.primary)
    assert [(c.outcome, c.group, c.best) for c in primary.casualties] == [("wounded", "civilians", 1)]
    past = {(c.outcome, c.best) for e in doc.events if e.background for c in e.casualties}
    assert past == {("killed", 2), ("wounded", 10)}
