"""An Arabic document through extraction: sentences, figures, claims and the events they make.

The news figures (every sentence not recalling the past) make one primary event, as a post or a short
report tells one incident; figures recalled with "وكان ... قد", "منذ بداية العام" make a background event.
Within an event, one claim per outcome and group: the first sentence that gives it a number leads (a
sentence's figures for distinct victims add up: "مقتل طفل وامرأة" is two); later mentions widen low/high.
Reading stops at a block of related-article links ("اقرأ أيضاً", "السابق", "التالي").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import cast

from warwire.extraction.ar.claimants import find_claimant
from warwire.extraction.ar.figures import ArFigure, find_figures, words_of
from warwire.extraction.ar.lexicon import ArabicLexicon, lexicon
from warwire.extraction.ar.normalise import Normalised
from warwire.model import Claim, Claimant, Document, Event, Evidence, Group, Outcome, Qualifier

ARABIC = re.compile(r"[\u0621-\u064A]")
BREAK = re.compile(r"[.!?؟]+(?=\s)|\n")
CLAIMANT_REACH = 2  # sentences back a claimant named earlier still speaks for a figure
MIN_BEFORE_CUE = 4  # words before a past cue that make the sentence's start news of its own


@dataclass
class ArSentence:
    start: int  # offsets into the text as given
    end: int
    nstart: int  # offsets into the normalised text
    nend: int
    figures: list[ArFigure] = field(default_factory=list)
    background: bool = False
    claimant: Claimant | None = None
    headline: bool = False


def arabic_sentences(doc: Document, norm: Normalised, lex: ArabicLexicon) -> list[ArSentence]:
    """Sentences of the body lines holding Arabic, up to a block of related-article links after the story
    (the same words in a menu above it, 'آخر الأخبار', do not end it)."""
    out: list[ArSentence] = []
    story = False  # a line of ten words or more has been read
    last = 0
    for start, end in doc.body:
        gap, last = (last, start), end
        if story and _related_between(doc, norm, lex, *gap):
            break  # the line filter took the marker out of the body as furniture: it still ends the story
        line = doc.text[start:end]
        if not ARABIC.search(line):
            continue
        ns, ne = _to_norm(norm, start), _to_norm(norm, end)
        if _is_related(norm.text[ns:ne], lex):
            if story:
                break
            continue
        story = story or len(line.split()) >= 10
        cursor = start
        for m in BREAK.finditer(line):
            _add(out, norm, cursor, start + m.end())
            cursor = start + m.end()
        _add(out, norm, cursor, end)
    return out


def _add(out: list[ArSentence], norm: Normalised, start: int, end: int) -> None:
    ns, ne = _to_norm(norm, start), _to_norm(norm, end)
    if norm.text[ns:ne].strip():
        out.append(ArSentence(start, end, ns, ne))


def _to_norm(norm: Normalised, offset: int) -> int:
    return bisect_left(norm.offsets, offset)


def _related_between(doc: Document, norm: Normalised, lex: ArabicLexicon, start: int, end: int) -> bool:
    """A related-articles marker on a line between two body lines."""
    if end - start < 4 or not ARABIC.search(doc.text[start:end]):
        return False
    text = norm.text[_to_norm(norm, start) : _to_norm(norm, end)]
    return any(_is_related(line, lex) for line in text.split("\n"))


def _is_related(line: str, lex: ArabicLexicon) -> bool:
    words = line.split()
    return 0 < len(words) <= 3 and " ".join(words).strip(":：-") in lex.related


def build_ar_events(doc: Document, norm: Normalised) -> list[Event]:
    lex = lexicon()
    sentences = arabic_sentences(doc, norm, lex)
    last_claimant, since = None, 0
    headline = next((s for s in sentences if len(norm.text[s.nstart : s.nend].split()) >= 4), None)
    sentences = [part for s in sentences for part in _parts(norm, lex, s, s is headline)]
    for n, s in enumerate(sentences):
        text = norm.text[s.nstart : s.nend]
        s.figures = find_figures(lex, [w for w, _, _ in words_of(text)])
        s.background = bool(s.figures) and not s.headline and any(cue in text for cue in lex.background)
        found = find_claimant(text)
        if found:
            last_claimant, since = found, n
        s.claimant = found or (last_claimant if n - since <= CLAIMANT_REACH else None)
    news = [s for s in sentences if s.figures and not s.background]
    past = [s for s in sentences if s.figures and s.background]
    events: list[Event] = []
    if news or sentences:
        events.append(_event(doc, norm, news or sentences[:1], len(events) + 1, primary=True, background=False))
    if past:
        events.append(_event(doc, norm, past, len(events) + 1, primary=False, background=True))
    return events


def _parts(norm: Normalised, lex: ArabicLexicon, s: ArSentence, headline: bool) -> list[ArSentence]:
    """A sentence that turns to the past in its middle ('... ما أدى لإصابة مدني، وشهدت الأيام الماضية ...
    مقتل مدنيين اثنين'): the news before the cue and the past from it are two parts."""
    s.headline = headline
    if headline:
        return [s]
    text = norm.text[s.nstart : s.nend]
    at = min((p for cue in lex.background if (p := text.find(cue)) > 0 and text[p - 1] == " "), default=-1)
    if at < 0 or len(text[:at].split()) < MIN_BEFORE_CUE:
        return [s]
    cut = norm.offset(s.nstart + at)
    return [ArSentence(s.start, cut, s.nstart, s.nstart + at), ArSentence(cut, s.end, s.nstart + at, s.nend)]


def _event(doc: Document, norm: Normalised, sentences: list[ArSentence], n: int, *, primary: bool,
           background: bool) -> Event:
    event = Event(id=f"{doc.doc}#ar{n}", primary=primary, background=background)
    event.sentences = [(s.start, s.end) for s in sentences]
    event.casualties = _claims(doc, norm, sentences)
    return event


def _claims(doc: Document, norm: Normalised, sentences: list[ArSentence]) -> list[Claim]:
    claims: dict[tuple[str, str], Claim] = {}
    for s in sentences:
        evidence = Evidence(doc.text[s.start : s.end], s.start, s.end)
        sums: dict[tuple[str, str], list[ArFigure]] = {}
        # A person named with a martyr word counts once, and not beside the sentence's own figures of
        # that outcome ('استشهاد أحمد ... وإصابة 6 آخرين' keeps the one killed).
        figures = [f for f in s.figures if not f.named]
        for outcome in dict.fromkeys(f.outcome for f in s.figures if f.named):
            if not any(f.outcome == outcome for f in figures):
                figures.append(next(f for f in s.figures if f.named and f.outcome == outcome))
        for f in figures:
            sums.setdefault((f.outcome, f.group), []).append(f)
        for key, figs in sums.items():
            claim = claims.get(key)
            total = _total(figs)
            if claim is None or claim.best is None and total is not None:
                # a vague mention first ('إصابة عدد من المدنيين') gives way to the number a later sentence
                # tells of the same victims ('إصابة 4 مدنيين من عائلة واحدة')
                fresh = _claim(key, figs, evidence, s.claimant, _victims(doc, norm, s, figs))
                fresh.evidence += claim.evidence if claim is not None else []
                claims[key] = fresh
                continue
            claim.evidence.append(evidence)
            if total is not None:
                claim.low = min(claim.low, total) if claim.low is not None else claim.low
                claim.high = max(claim.high, total) if claim.high is not None else claim.high
    return _fold_unspecified(list(claims.values()))


def _total(figs: list[ArFigure]) -> int | None:
    values = [f.value for f in figs if f.value is not None]
    return sum(values) if values else None


def _claim(key: tuple[str, str], figs: list[ArFigure], evidence: Evidence, claimant: Claimant | None,
           victims: str | None) -> Claim:
    # the lexicon's outcome, group and qualifier names are the model's (tests/test_data_files.py checks them)
    outcome, group = cast(Outcome, key[0]), cast(Group, key[1])
    total = _total(figs)
    first = figs[0]
    claimed_by = claimant.name if claimant else None
    if total is None:  # a vague word only: bounds, no best
        lo, hi = first.bounds or (None, None)
        return Claim(outcome, group, None, "vague", lo, None, hi, [evidence], victims=victims,
                     vague=first.vague, claimed_by=claimed_by, claimant=claimant)
    qualifier = cast(Qualifier, first.qualifier) if len(figs) == 1 else "exact"
    low = None if qualifier == "at_most" else total
    high = None if qualifier == "at_least" else total
    return Claim(outcome, group, total, qualifier, low, total, high, [evidence], victims=victims,
                 claimed_by=claimed_by, claimant=claimant)


def _victims(doc: Document, norm: Normalised, s: ArSentence, figs: list[ArFigure]) -> str | None:
    words = words_of(norm.text[s.nstart : s.nend])
    first, last = figs[0], figs[-1]
    if first.start >= len(words):
        return None
    start = norm.offset(s.nstart + words[first.start][1])
    end = norm.offset(s.nstart + words[min(last.end, len(words)) - 1][2] - 1) + 1
    return doc.text[start:end]


def _fold_unspecified(claims: list[Claim]) -> list[Claim]:
    """'مقتل 3 مدنيين ... مقتل 3 أشخاص': people unspecified beside a civilian figure of the same outcome
    are the same victims told again (the smaller figure is a part of the larger): one claim, not two."""
    out = list(claims)
    for c in claims:
        if c.group != "unspecified" or c.best is None:
            continue
        civ = next((d for d in out if d.group == "civilians" and d.outcome == c.outcome and d.best is not None), None)
        if civ is None or civ.best is None:
            continue
        a, b = civ.evidence[0].start, c.evidence[0].start
        keep, drop = (civ, c) if a <= b else (c, civ)
        keep.evidence += [e for e in drop.evidence if e not in keep.evidence]
        out.remove(drop)
    return out
