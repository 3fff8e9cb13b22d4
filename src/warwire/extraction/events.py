"""Figures grouped into the events a document reports, one of them primary.

Reading in order, each sentence updates a context (last place named, last date named); a sentence
with figures joins the event that already holds the same figure (headline, lede and quote repeat
it), else the latest event whose place and date agree with the context, else starts a new event.
"""

from __future__ import annotations

from dataclasses import replace

from warwire.extraction.background import first_cue, in_parentheses
from warwire.extraction.casualties import Figure
from warwire.extraction.claims import merge_figures
from warwire.extraction.drafts import Draft, SentenceInfo, told
from warwire.extraction.roundups import SEPARATE, fold_into_headline_total
from warwire.model import Event, EventDate
from warwire.refs import DateRef, PlaceRef


def _compatible(a: PlaceRef | DateRef | None, b: PlaceRef | DateRef | None) -> bool:
    return a is None or b is None or a.compatible(b)  # type: ignore[arg-type]


def group_events(sentences: list[SentenceInfo], doc_id: str, published: DateRef | None = None,
                 title_figures: list[Figure] | None = None, year: int | None = None) -> list[Event]:
    drafts: list[Draft] = []
    place: PlaceRef | None = None
    date: DateRef | None = None
    told: Told = {}
    for info in sentences:
        place = info.places[0] if info.places else place
        date = info.dates[0] if info.dates else date
        if not info.figures and not info.zeros:
            continue
        _fold_named_victims(info, told)
        if not info.figures and not info.zeros:
            continue
        draft = _find_draft(drafts, info, place, date)
        if draft is None:
            draft = Draft(place, date, info.background)
            drafts.append(draft)
        draft.place = draft.place or place
        draft.date = draft.date or (info.dates[0] if info.dates else None)
        draft.sentences.append(info)
        draft.figures += [(f, info) for f in info.figures]
        draft.zeros += [(o, info) for o in info.zeros]
        _count_told(info, draft, told)
    if not any(not d.background for d in drafts) and sentences:
        opening = _opening_draft(drafts, sentences, year)
        if opening is not None:
            opening.background = False
        else:
            drafts.insert(0, _lead_draft(sentences))
    _mark_titled(drafts, title_figures or [])
    drafts = fold_into_headline_total(drafts, title_figures or [])
    return _to_events(drafts, doc_id, published)


Told = dict[tuple[str, bool], Draft]  # (outcome, of armed groups) -> the news event that counted it last


def _fold_named_victims(info: SentenceInfo, told: Told) -> None:
    """'A 15-year-old was killed Thursday ...' then 'The teen, identified as X, died at the scene': one
    person named or pointed at ('the teen', 'Smith', 'he') after an earlier sentence counted victims of
    the same outcome is one of them, even when a new place or date word would start another event for
    it. Such a figure joins the latest news event that counted that outcome, as a retelling, and leaves
    the sentence's own figures. 'Also' and 'another' keep their victims apart (additive); 'the suspect'
    retells no victim. One told as shot ('Smith was shot in the chest') may retell either outcome."""
    if info.background:
        return
    own = []
    for figure in info.figures:
        key = (figure.outcome, figure.quantity.group == "armed_groups")
        target = told.get(key)
        if figure.settled and target is None:  # "killed his friend ... shot him in the chest"
            target = told.get(("killed" if figure.outcome == "wounded" else "wounded", key[1]))
        if target is None or not figure.named_one or figure.additive:
            own.append(figure)
            continue
        figure.retold = True
        target.figures.append((figure, info))
    info.figures = own


def _count_told(info: SentenceInfo, draft: Draft, told: Told) -> None:
    if not draft.background:
        for figure in info.figures:
            told[(figure.outcome, figure.quantity.group == "armed_groups")] = draft


def _opening_draft(drafts: list[Draft], sentences: list[SentenceInfo], year: int | None) -> Draft | None:
    """A report whose every figure reads as history still leads with its own news: 'At least 10 people
    were killed in the last week in reprisal killings' opens an incident description, and a time word
    after the figure ('last week', 'days ago', 'the deadliest') dates it rather than making it a
    recollection. The draft of the report's first sentence, when a figure there
    comes before every cue of history and outside parentheses ('Following the killing of X, ...' and
    '(which killed 37 in 2003)' stay history)."""
    for draft in drafts:
        first = draft.sentences[0]
        if not draft.figures or first is not sentences[0]:
            continue
        cue = first_cue(first.text, year, opening=True)
        told = [f for f, s in draft.figures if s is first and not in_parentheses(first.text, f.char_start)]
        if told and (cue is None or min(f.char_end for f in told) <= cue):
            return draft
    return None


def _lead_draft(sentences: list[SentenceInfo]) -> Draft:
    """A report with no figure still reports something: its headline or first sentence, set where
    and when the opening sentences say."""
    lead = next((s for s in sentences if s.headline), sentences[0])
    opening = [s for s in sentences if s.start >= lead.start][:3]
    place = next((s.places[0] for s in opening if s.places), None)
    date = next((s.dates[0] for s in opening if s.dates), None)
    return Draft(place, date, False, sentences=[lead])


def _find_draft(
    drafts: list[Draft], info: SentenceInfo, place: PlaceRef | None, date: DateRef | None
) -> Draft | None:
    # A small number repeats by chance in another incident, unless the sentence names no place or time of
    # its own: "Two people were declared dead at the scene" after "Two people were found shot dead".
    bare = not info.places and not info.dates
    values = {told(f) for f in info.figures if bare or (f.quantity.value or 0) > 2 or f.quantity.value is None} - {None}
    same_kind = [d for d in drafts if d.background == info.background]
    if same_kind and info.figures and all(f.anaphoric for f in info.figures):
        return same_kind[-1]  # "His body was found in X": the victim of the event just told
    own_date = info.dates[0] if info.dates else None
    for draft in same_kind if values else ():  # a repeated figure: headline, lede, quote, another source
        if values & draft.values() and _compatible(own_date, draft.date):
            return draft
    if SEPARATE.match(info.text):
        return None  # "Elsewhere, ...", "In a separate attack, ...": another incident, wherever it was
    for draft in reversed(same_kind):
        if _compatible(place, draft.place) and _compatible(date, draft.date):
            return draft
    return None


def _to_events(drafts: list[Draft], doc_id: str, published: DateRef | None) -> list[Event]:
    events: list[Event] = []
    for index, draft in enumerate(drafts):
        event = Event(id=f"{doc_id}#{index + 1}", background=draft.background)
        event.casualties = merge_figures(draft.figures, draft.zeros)
        event.sentences = [(s.start, s.end) for s in draft.sentences]
        # Where: the span of the place name that set the event's context; resolve chooses the place.
        if draft.place:
            event.place_span = (draft.place.start, draft.place.start + len(draft.place.as_written))
        # The date as resolved when its phrase was read (refs.date_ref; a copy: drafts may share one).
        resolved = draft.date.resolved if draft.date else None
        event.date = replace(resolved) if resolved else EventDate()
        events.append(event)
    _mark_primary(events, drafts)
    _mark_recalled(events, drafts, published)
    return events


def _mark_recalled(events: list[Event], drafts: list[Draft], published: DateRef | None) -> None:
    """An event over before the primary one began (or, when its date is unknown, before the day
    before publication) is something the article recalls."""
    primary = next((d for e, d in zip(events, drafts, strict=True) if e.primary), None)
    reference = (primary.date if primary else None) or published
    if reference is None or reference.start is None:
        return
    for event, draft in zip(events, drafts, strict=True):
        if not event.primary and draft.date is not None and draft.date.before(reference):
            event.background = True


def _mark_titled(drafts: list[Draft], title_figures: list[Figure]) -> None:
    """A title the text does not repeat still says which event the report is about: the first news
    event holding one of its figures."""
    wanted = {(f.outcome, f.quantity.value) for f in title_figures if f.quantity.value}
    if not wanted or any(d.headline for d in drafts):
        return
    titled = next((d for d in drafts if not d.background and d.values() & wanted), None)
    if titled is not None:
        titled.titled = True


def _mark_primary(events: list[Event], drafts: list[Draft]) -> None:
    """The headline's event, else the first news event told."""
    news = [(e, d) for e, d in zip(events, drafts, strict=True) if not e.background]
    if not news:
        return
    headline = [e for e, d in news if d.headline]
    (headline or [news[0][0]])[0].primary = True
