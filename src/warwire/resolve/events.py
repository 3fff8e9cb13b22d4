"""Resolve each extracted event's date, place, actors and type against the document."""

from __future__ import annotations

import re
from typing import Any

from warwire.model import Document, Event, EventDate, PartialDate, Place
from warwire.refs import is_locative, is_setting
from warwire.resolve.actor_roles import assign_roles
from warwire.resolve.actors import actor_country, find_actors
from warwire.resolve.claimant_places import place_local_claimants
from warwire.resolve.event_types import classify_event_type
from warwire.resolve.gazetteer import load as load_gazetteer
from warwire.resolve.gazetteer import norm
from warwire.resolve.place_context import fill_admin1, headline_admin1, prefer_headline
from warwire.resolve.places import (
    ChosenSettings,
    PlaceMention,
    choose_settings,
    country_name,
    document_country,
    document_country_strength,
    resolve_place,
)

LEDE_CHARS = 600
ACTOR_CATEGORIES = frozenset(
    {"state_forces", "rebel_group", "jihadist_group", "militia", "external_forces", "civilians", "unidentified"}
)


def resolve_events(doc: Document, places: list[tuple[PlaceMention, Any]]) -> None:
    """`places`: the document's place mentions with their chosen gazetteer entries."""
    mentions = [m for m, _ in places if is_setting(doc.text, m.start, m.end)]
    # No setting named ("Baghdad's airport", "Iraq's Shi'ite majority"): the places named still say
    # which country the text is about, as do demonyms and country-bound groups.
    country, weak = document_country_strength(doc.text, mentions or [m for m, _ in places])
    if country is None:  # only an owner ("Iraq's Shi'ite majority"), else the named armed groups' home country
        country = document_country(doc.text) or actor_country(doc.text)
    elif weak:
        # A lone small place abroad ("Rawa" read as a Chinese town) yields to the named groups' country.
        country = actor_country(doc.text) or country
    # Where events happen: "in Homs", "the town of Masyaf"; not "Damascus said" or "Washington and its allies".
    settings = [m for m in mentions if m.cue or is_locative(doc.text, m.start)]
    mentions = settings or mentions
    head = headline_admin1(doc.title, country, places) if any(e.primary for e in doc.events) else None
    # Each setting's entry is chosen once for the document; each event then picks its place among them.
    where = (country or document_country(doc.text, mentions)) if mentions else None
    chosen = choose_settings(mentions, doc.text, where)
    for event in doc.events:
        event.date = _date(event, doc)
        _place(event, doc, mentions, country, (where, chosen))
        if event.primary and event.location is not None:
            if head:
                _headline_place(event, mentions, places, head, country)
            fill_admin1(event.location, places)
        told = " ".join(doc.text[s:e] for s, e in event.sentences)
        event.type = classify_event_type(told)
        if event.type == "other" and event.primary and event.sentences:
            # The report's main event told without a trigger word ("Protesters rallied ... They demanded"):
            # its opening passage says what happened.
            start = event.sentences[0][0]
            event.type = classify_event_type(doc.text[start : start + LEDE_CHARS])
        _actors(event, doc, country)
    place_local_claimants(doc, places)


def _date(event: Event, doc: Document) -> EventDate:
    """The date extraction resolved when it read the phrase (refs.date_ref); none: the publication month."""
    if event.date.as_written:
        return event.date
    return _publication_month(doc) if not event.background else EventDate(precision="unknown")


def _publication_month(doc: Document) -> EventDate:
    """No date in the text: news is of the month it was published in, as far as we can say."""
    pub = doc.published
    if pub is None or pub.year is None or pub.month is None:
        return EventDate(precision="unknown")
    return EventDate(start=PartialDate(pub.year, pub.month, None), precision="month")


def _place(event: Event, doc: Document, mentions: list[PlaceMention], country: str | None,
           chosen: tuple[str | None, ChosenSettings]) -> None:
    """The event's place, chosen here once: extraction hands over only the span of the place name that set
    the event's context (`place_span`, what it grouped sentences by); the choice reads more than that
    name (the lede for the primary event, the document's country by its settings and its groups)."""
    if event.place_span is not None:  # what the text calls the place, whatever it resolves to
        event.location = Place(as_written=doc.text[event.place_span[0] : event.place_span[1]])
    if not mentions or not event.sentences:
        # No place named as a setting: the country the text points to ("Afghan police", "ARGENTINA.").
        found = country
        if found and event.location is None:
            event.location = Place(name=country_name(found), country=found, precision="country")
        elif found and event.location and not event.location.country:
            event.location.country, event.location.precision = found, "country"
        return
    if event.primary:  # the lede: the headline's place is often only the country
        start = event.sentences[0][0]
        focus = (start, max(event.sentences[min(1, len(event.sentences) - 1)][1], start + LEDE_CHARS))
    else:
        focus = event.place_span or event.sentences[0]
    event.location = resolve_place(mentions, doc.text, focus=focus, country_hint=chosen[0], chosen=chosen[1])
    told = " ".join(doc.text[s:e] for s, e in event.sentences)
    if event.location.precision == "admin1" and CITY_ANAPHOR.search(told):
        event.location = _capital_city(event.location) or event.location


def _headline_place(event: Event, mentions: list[PlaceMention], places, head: str, country: str | None) -> None:
    """A headline naming one governorate outweighs a lede place in another (a metonym, a lookalike)."""
    start = event.sentences[0][0] if event.sentences else 0
    focus = (start, max(event.sentences[min(1, len(event.sentences) - 1)][1], start + LEDE_CHARS)) \
        if event.sentences else (0, LEDE_CHARS)
    ids = {id(m) for m in mentions}
    settings = [(m, e) for m, e in places if id(m) in ids]
    if event.location is None:
        return
    better = prefer_headline(event.location, head, country, settings, focus)
    if better is not None:
        event.location = better


CITY_ANAPHOR = re.compile(r"\b(?:the|this) city(?:['’]s)?\b", re.I)


def _capital_city(area: Place) -> Place | None:
    """'The Aleppo province ... the city's western areas': the province's namesake city."""
    towns = [e for e in load_gazetteer().lookup(norm(area.name or "")) if e.kind in ("city", "town")
             and e.country == area.country and e.admin1 == area.admin1]
    if not towns:
        return None
    e = max(towns, key=lambda t: t.population)
    return Place(name=e.name, admin1=e.admin1, admin2=e.admin2, country=e.country, lat=e.lat, lon=e.lon,
                 precision="town", geonameid=e.id, as_written=area.as_written)


def _actors(event: Event, doc: Document, country: str | None) -> None:
    found = []
    for start, end in event.sentences:
        found += find_actors(doc.text, start, end, country=country)
    event.actors = assign_roles(doc.text, found)
    for actor in event.actors:
        if actor.category not in ACTOR_CATEGORIES:  # a group the alias table lacks, kept as written
            actor.category = "unidentified"
