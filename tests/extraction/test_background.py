"""History and whole-war totals are background, by cues of language."""

from __future__ import annotations

import pytest

from warwire.extraction.background import in_parentheses, is_background


@pytest.mark.parametrize("sentence, year", [
    ("More than 350,000 people have been killed since the war began in 2011.", 2018),
    ("About 400,000 people lost their lives in the conflict.", 2019),
    ("The civil war has killed more than half a million people.", None),
    ("Some 200 soldiers have died since the start of the uprising.", None),
    ("The group killed 50 people in a similar attack last year.", None),
    ("The 2016 attack killed 80 people on the coast.", None),
    ("In 2015, militants killed 30 soldiers at the same base.", 2018),
    ("It was the deadliest attack on the city since January.", None),
    ("The raid comes two days after a car bomb killed 9 people at the checkpoint.", None),
    ("Shelling of the district killed at least 15 people last month.", None),
    ("Air strikes killed 23 people in the province earlier this month.", None),
    ("The deal came after up to 900 people were killed in gas attacks near the capital.", None),
    ("The group vowed to retaliate for the 120 deaths caused by the raid.", None),
    ("Gunmen fired on the funeral procession of a reporter who was killed on Monday.", None),
    ("The country's six-year conflict has killed more than 300,000 people.", None),
    ("Talks have stalled in a war that has killed 250000 people and displaced millions.", None),
    ("The insurgency, now in its ninth year, has killed tens of thousands.", None),
    ("More than 90,000 have died since its civil war began.", None),
    ("It was the worst loss of life in the city's history: 40 people were killed.", None),
    ("Rebels have targeted teachers and police in the last six month, killing over 150 people.", None),
    ("More than 300 people have been killed since unrest began in the south.", None),
])
def test_background_cues(sentence: str, year: int | None) -> None:
    assert is_background(sentence, year)


@pytest.mark.parametrize("sentence, year", [
    ("Militants killed 14 soldiers at an army post on Tuesday, the ministry said.", 2020),
    ("Twelve civilians were killed in the shelling of the town, according to the ministry.", None),
    ("In 2020, militants killed 30 soldiers at the base, the army said on Monday.", 2020),
    ("The engineer was killed a day after he was abducted from his office.", None),
    ("Mortar shells hit mourners attending a funeral in the town, killing four women.", None),
    ("Just days after the chemical attack a woman was killed by a roadside bomb in the town.", None),
    ("Fighting has killed 20 people in the city since Sunday, the monitor said.", None),
    ("A history teacher and his son were shot dead in the market by gunmen.", None),
    ("Four days after two men were wounded by gunfire at the park, police have made no arrest.", None),
])
def test_news_is_not_background(sentence: str, year: int | None) -> None:
    assert not is_background(sentence, year)


def test_in_parentheses() -> None:
    sentence = "The city was hit before (an attack which killed 37 people) and again on Monday, killing 5."
    assert in_parentheses(sentence, sentence.index("37"))
    assert not in_parentheses(sentence, sentence.index("5."))


def test_whole_war_total_is_kept_out_of_the_news_event(ex) -> None:
    text = ("A mortar shell killed four civilians in Douma on Monday, state media said. "
            "About 400,000 people lost their lives in the conflict.")
    doc = ex.extract(text, published="2019-03-05")
    news = {c.value for e in doc.events if not e.background for c in e.casualties}
    background = {c.value for e in doc.events if e.background for c in e.casualties}
    assert news == {4} and background == {400000}


def test_earlier_year_figure_is_background_in_an_article(ex) -> None:
    text = ("A roadside bomb wounded six soldiers near the base on Monday, the army said. "
            "In 2015, militants killed 30 soldiers at the same base.")
    doc = ex.extract(text, published="2018-03-06")
    background = {c.value for e in doc.events if e.background for c in e.casualties}
    news = {c.value for e in doc.events if not e.background for c in e.casualties}
    assert news == {6} and background == {30}


def test_a_total_over_several_incidents_is_context_beside_the_reports_own(ex) -> None:
    text = ("Two youths were hacked to death with machetes in the market town on Friday. Overall, the clashes "
            "killed fourteen people and left over 90 injured.")
    news = [c.best for e in ex.extract(text).events if not e.background for c in e.casualties
            if c.outcome == "killed"]
    assert news == [2]


def test_a_total_over_several_incidents_is_the_news_when_it_is_all_there_is(ex) -> None:
    text = "The coordinated bombings in the capital killed at least 30 people and wounded over 60 others."
    news = [c.best for e in ex.extract(text).events if not e.background for c in e.casualties
            if c.outcome == "killed"]
    assert news == [30]


@pytest.mark.parametrize("lede", [
    "KABUL, Afghanistan (May 3, 2011) - Several insurgents were killed and numerous others detained during separate "
    "clearing and security operations in southern Afghanistan yesterday.",
    "KABUL, Afghanistan (May 3, 2011) - Coalition forces detained more than 10 suspected insurgents and killed "
    "several others during three operations in the south yesterday.",
])
def test_a_roundup_of_operations_gives_way_to_the_operation_told(ex, lede: str) -> None:
    text = (lede + " In Nad Ali district, Helmand province, a patrol saw two insurgents planting a roadside bomb. "
            "The patrol engaged them with small arms fire, killing one insurgent.")
    news = [(c.outcome, c.best) for e in ex.extract(text, convention="aan").events if not e.background
            for c in e.casualties]
    assert news == [("killed", 1)]


def test_one_operation_is_no_roundup(ex) -> None:
    text = ("A coalition force killed several insurgents during a clearing operation in Kunar province today. "
            "The force also seized two rifles.")
    news = [c.best for e in ex.extract(text, convention="aan").events if not e.background for c in e.casualties]
    assert news == [3]


@pytest.mark.parametrize(("text", "news"), [
    ("A clash between miners and rebels last week left at least 20 killed and several injured near the border.",
     [("killed", 20)]),
    ("Gunmen have attacked the town of Djenne in recent days, with the village chief killed at a market on "
     "Tuesday, an official said.", [("killed", 1)]),
])
def test_a_period_in_the_opening_dates_the_news(ex, text: str, news: list) -> None:
    doc = ex.extract(text)
    assert [(c.outcome, c.best) for e in doc.events if not e.background for c in e.casualties
            if c.best is not None] == news


def test_a_total_over_blasts_stays_the_news_beside_another_outcome(ex) -> None:
    doc = ex.extract("Six people were killed in near-simultaneous explosions across Kirkuk on Sunday. There was no "
                     "claim of responsibility for the three blasts. Twelve were wounded.")
    assert sorted((c.outcome, c.best) for e in doc.events if not e.background for c in e.casualties) == \
        [("killed", 6), ("wounded", 12)]
