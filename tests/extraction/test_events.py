"""Claims grouped into events: one primary, incidents apart, whole-war figures in the background."""

from __future__ import annotations

TWO_INCIDENTS = """Car bomb kills 9 in Homs

A car bomb killed nine people at a market in Homs on Sunday, police said.

Separately, on Saturday, a roadside bomb killed three soldiers near Deir ez-Zor, state media reported.

More than 350,000 people have been killed since the war began in 2011.
"""


def _figures(event) -> set[tuple]:
    return {(c.outcome, c.group, c.value) for c in event.casualties}


def test_two_incidents_in_two_places_are_two_events_with_one_primary(ex) -> None:
    doc = ex.extract(TWO_INCIDENTS, published="2018-02-12")
    news = [e for e in doc.events if not e.background]
    assert len(news) == 2
    assert [e.primary for e in news] == [True, False]
    homs, deir = news
    assert _figures(homs) == {("killed", "unspecified", 9)}
    assert _figures(deir) == {("killed", "state_forces", 3)}
    assert homs.location is not None and homs.location.as_written == "Homs"
    assert deir.location is not None and deir.location.as_written == "Deir ez-Zor"
    assert len({e.id for e in doc.events}) == len(doc.events)


def test_whole_war_figure_lands_in_a_background_event(ex) -> None:
    doc = ex.extract(TWO_INCIDENTS, published="2018-02-12")
    [background] = [e for e in doc.events if e.background]
    assert not background.primary
    assert _figures(background) == {("killed", "unspecified", 350000)}
    news_values = {c.value for e in doc.events if not e.background for c in e.casualties}
    assert 350000 not in news_values


def test_past_figure_in_parentheses_is_background(ex) -> None:
    text = ("A suicide bomber killed 12 people at a checkpoint in Kirkuk on Monday, police said. The city "
            "was hit by a similar attack last year (which killed 37 people in 2016).")
    doc = ex.extract(text, published="2017-05-02")
    news = {c.value for e in doc.events if not e.background for c in e.casualties}
    background = {c.value for e in doc.events if e.background for c in e.casualties}
    assert news == {12} and background == {37}


def test_an_event_is_reported_even_without_figures(ex) -> None:
    text = "Rebels shelled a government-held district of Aleppo on Monday, the army said."
    [event] = ex.extract(text).events
    assert event.primary and not event.background and event.casualties == []
    assert event.location is not None and event.location.as_written == "Aleppo"


def test_the_headline_event_is_primary_even_when_told_after_another(ex) -> None:
    text = ("Airstrike kills 11 civilians in Idlib\n"
            "Airstrikes killed 11 civilians in a village in Idlib province on Wednesday, monitors said.\n"
            "On Tuesday, shelling killed two children in Hama, state media said.")
    doc = ex.extract(text, published="2019-08-01")
    [primary] = [e for e in doc.events if e.primary]
    assert _figures(primary) == {("killed", "civilians", 11)}
    assert primary.location is not None and primary.location.admin1 == "Idlib"


def test_a_body_found_elsewhere_belongs_to_the_victim_just_told(ex) -> None:
    text = ("A shopkeeper kidnapped from his home in Baqubah on Monday was shot dead by gunmen, police said. "
            "His body was found on Tuesday on a road near Khalis.")
    news = [e for e in ex.extract(text, published="2007-05-02").events if not e.background]
    killed = [(c.group, c.best) for e in news for c in e.casualties if c.outcome == "killed"]
    assert killed == [("civilians", 1)]


def test_they_are_the_victims_told_just_before(ex) -> None:
    text = ("Six engineers working for a foreign contractor were abducted on the road to the airport on Sunday. "
            "Two days later they were found dead near the river.")
    claims = {(c.outcome, c.best) for e in ex.extract(text, published="2006-03-08").events for c in e.casualties}
    assert ("captured", 6) in claims and ("killed", 6) in claims


def test_a_they_with_nothing_before_counts_no_one(ex) -> None:
    claims = [c for e in ex.extract("They died in hospital overnight.").events for c in e.casualties]
    assert claims == []


def test_a_title_the_text_does_not_repeat_picks_the_primary_event(ex) -> None:
    text = ("Separately, on Saturday, a roadside bomb killed three soldiers near Deir ez-Zor, state media reported. "
            "A car bomb killed nine people at a market in Homs on Sunday, police said.")
    doc = ex.extract(text, title="Car bomb kills 9 in Syrian city", published="2018-02-12")
    [primary] = [e for e in doc.events if e.primary]
    assert [(c.outcome, c.best) for c in primary.casualties] == [("killed", 9)]
    assert all(ev.quote == doc.text[ev.start : ev.end] for e in doc.events for c in e.casualties for ev in c.evidence)


def _news_claims(doc) -> list[tuple]:
    return [(e.id, c.outcome, c.group, c.best, c.high) for e in doc.events if not e.background for c in e.casualties]


def test_a_part_of_the_dead_told_later_stays_inside_the_total(ex) -> None:
    text = ("Barrel bombs kill 21 civilians in Aleppo\n"
            "At least 21 civilians were killed on Monday when helicopters dropped barrel bombs on Aleppo, "
            "the monitor said. Sixteen of the dead were in the Bustan al-Qasr district. "
            "The other five civilians were killed by rocket fire on the Midan quarter.")
    doc = ex.extract(text, published="2016-05-03")
    assert _news_claims(doc) == [(doc.events[0].id, "killed", "civilians", 21, None)]


def test_a_higher_toll_from_another_source_widens_the_claim(ex) -> None:
    text = ("Air strikes on a hospital district of Aleppo killed at least 12 civilians on Tuesday, the "
            "monitor said. Rescue workers gave a higher toll of 19 dead.")
    doc = ex.extract(text, published="2016-06-08")
    [(_, outcome, group, best, high)] = _news_claims(doc)
    assert (outcome, group, best, high) == ("killed", "civilians", 12, None)
    [claim] = [c for e in doc.events for c in e.casualties]
    assert len(claim.evidence) == 2


def test_the_attack_retold_by_its_perpetrator_is_the_same_event(ex) -> None:
    text = ("A suicide car bomb killed more than 20 rebel fighters near Azaz on Sunday. The group that "
            "claimed it said the attack left nearly 40 rebels dead.")
    doc = ex.extract(text, published="2016-08-15")
    news = [e for e in doc.events if not e.background]
    assert len(news) == 1
    [claim] = news[0].casualties
    assert (claim.group, claim.best, claim.low) == ("armed_groups", 20, 20)


def test_a_part_named_in_the_same_sentence_adds_no_one(figures) -> None:
    assert figures("A strike killed 40 people, 13 of them children.") == {("killed", "unspecified", 40, "exact")}


def test_one_of_the_commanders_is_a_victim_not_a_part(ex) -> None:
    text = ("Troops killed 14 militants in Hama on Friday, the army said. In Daraa, a sniper killed one of "
            "the rebel commanders on Saturday.")
    doc = ex.extract(text, published="2016-03-06")
    assert len([e for e in doc.events if not e.background]) == 2


def test_elsewhere_opens_another_incident_even_in_a_compatible_place(ex) -> None:
    text = ("10 Syrian soldiers killed in clashes in Deir ez-Zor\n"
            "At least 10 Syrian soldiers were killed on Tuesday in clashes with jihadists in Deir ez-Zor province, "
            "the monitor said. Elsewhere in Syria the monitor reported at least 12 people killed in air strikes "
            "on a village in the province.")
    doc = ex.extract(text, published="2014-10-14")
    [primary] = [e for e in doc.events if e.primary]
    assert {(c.group, c.best) for c in primary.casualties} == {("state_forces", 10)}
    others = [c.best for e in doc.events if not e.primary and not e.background for c in e.casualties]
    assert others == [12]


def test_a_lede_dated_by_a_time_word_is_the_news(ex) -> None:
    """A description that opens with its figure stays news when a time word follows the figure."""
    doc = ex.extract("At least 14 herders were killed in the district last week in revenge attacks over a "
                     "stolen herd, officials said on Tuesday.", published="2018-03-06")
    news = [c.value for e in doc.events if not e.background for c in e.casualties]
    assert news == [14]


def test_a_lede_whose_figure_follows_a_cue_of_history_stays_history(ex) -> None:
    doc = ex.extract("Since the war began in 2011, the fighting has killed 2,000 people in the province. "
                     "The governor visited the city on Monday.", published="2018-03-06")
    assert not [c.value for e in doc.events if not e.background for c in e.casualties]


NAMED_AFTER = """Teen killed in shooting near park

A 15-year-old boy was killed Thursday night in a shooting near Riverside Park in Dayton, police said.

Officers found him on Elm Street shortly after 9 p.m.

On Friday, the coroner said the teen, identified as Jordan Miles of Carlton, died at the scene.

He was pronounced dead at 9:40 p.m.
"""

NAMED_AND_ANOTHER = """Two shot in Dayton

A man was killed Thursday in a shooting on Elm Street in Dayton, police said.

On Friday, his friend Jordan Miles also died at a hospital.
"""


def _killed(doc) -> int:
    return sum(c.best or 0 for e in doc.events if not e.background for c in e.casualties if c.outcome == "killed")


def test_a_victim_named_after_the_death_was_told_is_counted_once(ex) -> None:
    doc = ex.extract(NAMED_AFTER, published="2016-05-28")
    assert _killed(doc) == 1
    [claim] = [c for e in doc.events for c in e.casualties if c.outcome == "killed"]
    assert len(claim.evidence) >= 2  # the later sentences are evidence for the one death


def test_another_named_victim_is_one_more(ex) -> None:
    assert _killed(ex.extract(NAMED_AND_ANOTHER, published="2016-05-28")) == 2


SHOT_AND_KILLED = """Shooting at a house party

Six people were shot Sunday night at a house party on Elm Street in Dayton, leaving one man dead, police said.

The man died at the scene, and the others were taken to a hospital.
"""

ANOTHER_SHOT = """Teen dies after shooting near school

A 16-year-old boy was killed Tuesday in a shooting near Lincoln High School in Dayton, police said.

A 15-year-old boy was also shot and taken to a hospital.
"""


def _total(doc, outcome: str) -> int:
    return sum(c.best or 0 for e in doc.events if not e.background for c in e.casualties if c.outcome == outcome)


def test_people_shot_beside_a_count_of_the_dead_are_the_rest_wounded(ex) -> None:
    doc = ex.extract(SHOT_AND_KILLED, published="2016-05-28")
    assert (_total(doc, "killed"), _total(doc, "wounded")) == (1, 5)


def test_shot_with_no_word_of_death_in_a_report_of_a_death_is_wounded(ex) -> None:
    doc = ex.extract(ANOTHER_SHOT, published="2016-05-28")
    assert (_total(doc, "killed"), _total(doc, "wounded")) == (1, 1)


ONE_DEAD_RETOLD_AS_SHOT = """Boy, 2, dies in accidental shooting

A 2-year-old boy has died after an accidental shooting at a home in Dayton on Monday, police said.

The boy was shot just before 9 a.m. in a bedroom of the house on Elm Street.

He was taken to a hospital, where he died of his injuries.
"""


def test_one_shot_in_a_report_of_one_death_is_the_dead_one_told_again(ex) -> None:
    doc = ex.extract(ONE_DEAD_RETOLD_AS_SHOT, published="2016-05-28")
    assert (_total(doc, "killed"), _total(doc, "wounded")) == (1, 0)


DIED_OF_A_GUNSHOT_WOUND = """Man killed in shooting on Oak Street

A 34-year-old man was killed in a shooting on Oak Street in Dayton late Friday, police said.

The coroner said he died from a gunshot wound to the chest.
"""

SUFFERING_FROM_A_GUNSHOT_WOUND = """Teen hurt in shooting on Oak Street

Officers found a 17-year-old boy suffering from a gunshot wound on Oak Street in Dayton late Friday, police said.

He was taken to a hospital in stable condition.
"""


def test_a_gunshot_wound_the_victim_died_of_is_no_wounded_victim(ex) -> None:
    doc = ex.extract(DIED_OF_A_GUNSHOT_WOUND, published="2016-05-28")
    assert (_total(doc, "killed"), _total(doc, "wounded")) == (1, 0)


def test_one_found_with_a_gunshot_wound_is_one_wounded(ex) -> None:
    doc = ex.extract(SUFFERING_FROM_A_GUNSHOT_WOUND, published="2016-05-28")
    assert (_total(doc, "killed"), _total(doc, "wounded")) == (0, 1)


SMALL_COUNT_TOLD_AGAIN = """Two dead in Dayton shooting

Two men were found shot dead at a home on Elm Street in Dayton, Ohio, early Saturday, police said.

On Monday, detectives searched a motel in Louisville, Kentucky, for the gunman.

Two men were pronounced dead at the scene.
"""


def test_a_small_count_told_again_with_no_place_or_time_of_its_own_is_the_same_victims(ex) -> None:
    # The last place and day named (Louisville, Monday) belong to the search, not to the two dead.
    doc = ex.extract(SMALL_COUNT_TOLD_AGAIN, published="2016-05-31")
    assert _total(doc, "killed") == 2
