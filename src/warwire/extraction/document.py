"""One prepared document through the extraction stage: sentences to figures, claimants, events."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc

from warwire import data
from warwire.data import DEFAULT_LANG
from warwire.extraction.background import in_parentheses, is_aggregate, is_background
from warwire.extraction.casualties import find_figures, find_zero_figures
from warwire.extraction.claimant_resolution import investigating, nearby_claimants, resolve_claimants
from warwire.extraction.drafts import SentenceInfo
from warwire.extraction.events import group_events
from warwire.extraction.triggers import SHOT
from warwire.ingest.prepare import Prepared, published_year
from warwire.lexicon import Lexicon
from warwire.lexicon import load as load_lexicon
from warwire.matching.prefilter import Prefilter
from warwire.model import Claimant, Event
from warwire.refs import DateRef, Mentions, date_ref, in_stamp, is_locative, is_setting, place_ref
from warwire.refs.datelines import dateline_weekday_hint

MONTH_NAMES = "January February March April May June July August September October November December".split()

TITLE = -1  # the key of a title parsed apart from the text (pipeline.py)


@cache
def candidate_filter(lang: str = DEFAULT_LANG) -> Prefilter:
    """What a sentence must hold to be parsed: a form of a lexicon trigger or one of the lexicon's cues for
    the rule triggers (triggers.py). Built from the lexicon alone, so a word added there is found here.
    Explicit zeros ("no casualties") are matched on every sentence's text, parsed or not."""
    prefixes, words = load_lexicon(lang).trigger_literals
    return Prefilter(prefixes, words, load_lexicon(lang).prefilter_cues)


def is_candidate(text: str) -> bool:
    return candidate_filter().search(text) is not None


def candidate_sentences(prepared: Prepared) -> list[tuple[int, int]]:
    """The sentences that can hold a figure."""
    return candidate_filter().spans(prepared.document.text, prepared.sentences)


def build_events(prepared: Prepared, parsed: dict[int, Doc], lex: Lexicon, mentions: Mentions) -> list[Event]:
    """`parsed` maps a candidate sentence's start offset to its spaCy Doc (and TITLE to a title the text
    does not repeat); `mentions` holds the place mentions with their gazetteer entries and the date mentions."""
    places, dates = mentions.places, mentions.dates
    doc = prepared.document
    year = published_year(doc)
    infos = [_sentence_info(prepared, span, parsed.get(span[0]), lex, year) for span in prepared.sentences]
    _count_plural_pronouns(infos)
    _definite_captives_retold(infos)
    _settle_shootings(infos, doc.text)
    _wounds_of_the_dead(infos)
    _aggregates_as_context(infos)
    resolved = resolve_claimants([i.text for i in infos])
    for info, (said, claimant) in zip(infos, resolved, strict=True):
        info.claimed_by, info.claimant = said, claimant
    weekday = dateline_weekday_hint(doc.text, doc.published)
    text = doc.text
    place_refs = [(m.start, place_ref(m, e)) for m, e in places
                  if is_setting(text, m.start, m.end) and (m.cue or is_locative(text, m.start))]
    date_refs = [(m.start, date_ref(m.as_written, doc.published, weekday)) for m in dates
                 if not in_stamp(text, m.start, doc.published)]
    _attach(infos, place_refs, "places")
    _attach(infos, date_refs, "dates")
    title = parsed.get(TITLE)
    title_figures = [f for f in find_figures(title[:], lex) if f.outcome != SHOT] if title is not None else []
    events = group_events(infos, doc.doc, _publication_ref(doc), title_figures, year)
    _claimants_nearby(events, infos, resolved)
    return events


def _claimants_nearby(events: list[Event], infos: list[SentenceInfo],
                      resolved: list[tuple[str | None, Claimant | None]]) -> None:
    """A figure no sentence of its own attributes takes the attribution of the sentence next to it, else the
    local body its sentence or the next says investigates the case."""
    near = nearby_claimants(resolved)
    index = {info.start: n for n, info in enumerate(infos)}
    for event in events:
        for claim in event.casualties:
            if claim.claimant is None and claim.evidence and (n := index.get(claim.evidence[0].start)) is not None:
                claim.claimed_by, claim.claimant = near[n]
                if claim.claimant is None and (body := investigating([i.text for i in infos[n : n + 2]])):
                    claim.claimed_by, claim.claimant = body


# The words that settle a shooting, each set with its why and example: data/lang/en/triggers.json.
_SETTLE = data.load_json("triggers.json", DEFAULT_LANG)


def _any_word(name: str) -> str:
    return "|".join(re.escape(w) for w in _SETTLE[name]["words"])


_DEATH_WORDS = re.compile(rf"\b(?:{_any_word('settle_death')})\b", re.I)
_HURT_WORDS = re.compile(rf"\b(?:{_any_word('settle_hurt')})\b", re.I)


def _settle_shootings(infos: list[SentenceInfo], text: str) -> None:
    """'X was shot' says neither killed nor wounded: the rest of the report settles it when it speaks of
    death only (killed) or of injury only (wounded). A report that speaks of both settles it by the
    figure's own sentence: shot and nothing of death there is wounded ('Another teen was shot in the
    foot'); shot beside a count of the dead leaves the rest wounded ('Six people were shot, leaving one
    man dead': five); shot with a word of death and no count is left out."""
    if not any(f.outcome == SHOT for i in infos for f in i.figures):
        return
    death, hurt = _DEATH_WORDS.search(text) is not None, _HURT_WORDS.search(text) is not None
    outcome = "killed" if death and not hurt else "wounded" if hurt and not death else None
    one_dead = _one_dead(infos)
    for info in infos:
        for figure in info.figures:
            if figure.outcome == SHOT:
                mixed = death and hurt
                figure.outcome, figure.settled = outcome or (
                    _shot_in_sentence(figure, info, one_dead) if mixed else SHOT), True
        info.figures = [f for f in info.figures if f.outcome != SHOT]


def _one_dead(infos: list[SentenceInfo]) -> bool:
    """The report's news counts one death, however often it tells it."""
    dead = [f.quantity.value for i in infos if not i.background for f in i.figures if f.outcome == "killed"]
    return bool(dead) and all(v == 1 for v in dead)


_ONE_MORE = re.compile(r"(?:also|another|other|others|second|third|both|additional|survived)", re.I)


def _shot_in_sentence(figure, info: SentenceInfo, one_dead: bool) -> str:
    if one_dead and figure.quantity.value == 1 and not figure.additive and not _ONE_MORE.search(info.text) \
            and not _HURT_WORDS.search(info.text):
        return SHOT  # "A boy, 2, has died ..." then "The boy was shot just before 9:30 a.m.": the dead one
    dead = sum(f.quantity.value or 0 for f in info.figures if f.outcome == "killed")
    if dead:
        value = figure.quantity.value
        if value is None or value <= dead:
            return SHOT
        rest = value - dead
        figure.quantity.value, figure.quantity.bounds = rest, (rest, rest, rest)
        return "wounded"
    return SHOT if _DEATH_WORDS.search(info.text) else "wounded"


_DIED_OF = re.compile(rf"\b(?:{_any_word('died_of')})\b[^.,;:]{{0,30}}$", re.I)


def _wounds_of_the_dead(infos: list[SentenceInfo]) -> None:
    """'a gunshot wound' is one wound, of someone the report tells of: the dead one's when a death word
    leads to it ('died from a gunshot wound', 'a fatal gunshot wound'), or when the report's news counts one
    death and the sentence adds no one ('She suffered a gunshot wound to the head' after 'a girl was
    killed'). Otherwise it is one wounded person, who may be one the report counted before (named_one)."""
    if not any(f.a_wound for i in infos for f in i.figures):
        return
    one_dead = _one_dead(infos)
    for info in infos:
        adds = _ONE_MORE.search(info.text) is not None
        info.figures = [f for f in info.figures if not f.a_wound or not (
            _DIED_OF.search(info.text[: f.char_start]) or (one_dead and not f.additive and not adds))]


def _aggregates_as_context(infos: list[SentenceInfo]) -> None:
    """'Two youths were hacked to death ... Overall, the clashes killed fourteen': a total over several
    incidents is background beside a figure of the report's own incident, and the news without one."""
    news = [i for i in infos if i.figures and not i.background]
    totals = [i for i in news if is_aggregate(i.text)]
    if totals and len(totals) < len(news):
        own = {f.outcome for i in news if i not in totals for f in i.figures}
        for info in totals:  # "killed in near-simultaneous explosions ... 15 were wounded": still the news
            info.background = bool(own & {f.outcome for f in info.figures} or own - {"wounded"})


def _definite_captives_retold(infos: list[SentenceInfo]) -> None:
    """'captured a Taliban sub-commander ... the force identified and detained the commander': a definite
    person with no name, detained after a detention was told, is that captive told again."""
    told = False
    for info in infos:
        for figure in info.figures:
            if figure.outcome != "captured":
                continue
            q = figure.quantity
            if told and q.definite and q.implicit and not q.pronoun and q.value == 1 and q.victims \
                    and not q.victims[:1].isupper():
                figure.retold = figure.anaphoric = True
            told = True


def _count_plural_pronouns(infos: list[SentenceInfo]) -> None:
    """'Eight contractors were kidnapped ... they were found dead': 'they' are the victims of the figure
    just before; with none before, the figure is dropped rather than guessed."""
    last = None
    for info in infos:
        kept = []
        for figure in info.figures:
            quantity = figure.quantity
            if quantity.pronoun and quantity.value is None:
                if last is None:
                    continue
                quantity.value, quantity.bounds, quantity.group = last.value, last.bounds, last.group
                quantity.qualifier = last.qualifier
            kept.append(figure)
            if quantity.value is not None:
                last = quantity
        info.figures = kept


def _publication_ref(doc) -> DateRef | None:
    """The day before publication: what news is 'recent' against when its own date is unknown."""
    pub = doc.published
    if pub is None or pub.day is None:
        return None
    ref = date_ref(f"{pub.day} {MONTH_NAMES[pub.month - 1]} {pub.year or ''}".strip(), pub, None)
    return DateRef("published", ref.start - 1, ref.start, False) if ref.start else None


def _sentence_info(prepared: Prepared, span: tuple[int, int], parsed: Doc | None, lex: Lexicon,
                   year: int | None) -> SentenceInfo:
    start, end = span
    text = prepared.document.text[start:end]
    info = SentenceInfo(start, end, text, headline=span == prepared.headline)
    figures = find_figures(parsed[:], lex) if parsed is not None else []
    news = [f for f in figures if not in_parentheses(text, f.char_start)]
    info.figures = news or figures
    taken = {f.outcome for f in info.figures}
    info.zeros = [outcome for outcome, _, _ in find_zero_figures(text) if outcome not in taken]
    # Only a sentence with figures or zeros joins an event, so only such a sentence needs the cues read.
    info.background = bool(info.figures or info.zeros) and ((not news and bool(figures)) or is_background(text, year))
    return info


def _attach(infos: list[SentenceInfo], refs: Sequence[tuple[int, object]], attr: str) -> None:
    """Give each sentence the references that start inside it."""
    index = 0
    for start, ref in sorted(refs, key=lambda r: r[0]):
        while index < len(infos) and infos[index].end <= start:
            index += 1
        if index == len(infos):
            break
        if infos[index].start <= start:
            getattr(infos[index], attr).append(ref)
