"""Figures to claims: one claim per event, outcome and victim group, every mention kept as evidence.

Where mentions disagree the claim's low/best/high covers them all. A figure for unspecified victims
that repeats a figure for a named group ("six people" / "six civilians") joins that group's claim.
Vague words follow the convention in the README (best = the lower bound the word implies).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from warwire.extraction.casualties import Figure
from warwire.model import Claim, Claimant, Evidence


class _Sentence(Protocol):  # the shape merge_figures needs from a sentence (events.SentenceInfo)
    start: int
    text: str
    headline: bool
    claimed_by: str | None
    claimant: Claimant | None


def merge_figures(figures: Sequence[tuple[Figure, _Sentence]], zeros: Sequence[tuple[str, _Sentence]]) -> list[Claim]:
    groups: dict[tuple[str, str], list[tuple[Figure, _Sentence]]] = defaultdict(list)
    anchors = _anchor_groups(list(figures))
    for figure, sentence in figures:
        anchored = figure.part or figure.retold
        group = anchors.get(figure.outcome, figure.quantity.group) if anchored else figure.quantity.group
        groups[(figure.outcome, group)].append((figure, sentence))
    _fold_unspecified(groups)
    _fold_parts(groups)
    _fold_breakdowns(groups)
    _fold_retold(groups)
    claims = [_claim(outcome, group, mentions) for (outcome, group), mentions in groups.items()]
    _deaths_among_wounded(claims, list(figures))
    claims += _zero_claims(zeros, {c.outcome for c in claims})
    return claims


def _deaths_among_wounded(claims: list[Claim], figures: list[tuple[Figure, _Sentence]]) -> None:
    """'14 people were injured, one of whom later died': the one is killed, so 13 remain wounded (as the
    event datasets code it); the wounded claim's figures drop by the deaths told of the wounded."""
    died = sum(f.quantity.value or 0 for f, _ in figures if f.of_wounds)
    wounded = [c for c in claims if c.outcome == "wounded" and c.best is not None and c.best > died]
    if not died or not wounded:
        return
    claim = max(wounded, key=lambda c: c.best or 0)
    claim.best = claim.value = (claim.best or 0) - died
    claim.low = max(0, claim.low - died) if claim.low is not None else None
    claim.high = claim.high - died if claim.high is not None else None


def _anchor_groups(figures: list[tuple[Figure, _Sentence]]) -> dict[str, str]:
    """Outcome -> the victim group of the figure that parts (roundups.py) and retold tolls belong to:
    the first told."""
    anchors: dict[str, str] = {}
    for figure, _ in sorted(figures, key=lambda m: (m[1].start, m[0].char_start)):
        if not (figure.part or figure.retold):
            anchors.setdefault(figure.outcome, figure.quantity.group)
    return anchors


def _fold_unspecified(groups: dict[tuple[str, str], list]) -> None:
    for outcome, group in list(groups):
        if group != "unspecified":
            continue
        mentions = groups[(outcome, group)]
        named = [k for k in groups if k[0] == outcome and k[1] != "unspecified"]
        values = {f.quantity.value for f, _ in mentions}
        for key in named:
            named_values = {f.quantity.value for f, _ in groups[key]}
            total = sum(max((f.quantity.value or 0) for f, _ in groups[k]) for k in named)
            if _companions_of(mentions, groups[key]) or _companions_of(groups[key], mentions):
                continue  # "X, a tribal leader, was killed along with his bodyguard": two people
            if values <= named_values or values == {total}:
                groups[key] += mentions
                del groups[(outcome, group)]
                break


def _companions_of(mentions: list[tuple[Figure, _Sentence]], named: list[tuple[Figure, _Sentence]]) -> bool:
    """Named-group figures that are the companions of the unspecified victims in the same sentence."""
    sentences = {s.start for _, s in mentions}
    return any(f.quantity.companion and s.start in sentences for f, s in named)


def _fold_parts(groups: dict[tuple[str, str], list]) -> None:
    """'At least 84 civilians were killed ... Air strikes killed 13 people in two districts': a smaller
    figure for unspecified victims, told after a named group's total, is part of that total."""
    for outcome, group in list(groups):
        if group != "unspecified":
            continue
        part = groups[(outcome, group)]
        value = _chosen(part)[0].quantity.value or 0
        totals = [k for k in groups if k[0] == outcome and k[1] != "unspecified"
                  and _first(groups[k]) < _first(part) and (_chosen(groups[k])[0].quantity.value or 0) > value > 0]
        if totals:
            for figure, _ in part:
                figure.part = True
            groups[totals[0]] += groups.pop((outcome, group))


def _first(mentions: list[tuple[Figure, _Sentence]]) -> tuple[int, int]:
    return min((s.start, f.char_start) for f, s in mentions)


def _fold_breakdowns(groups: dict[tuple[str, str], list]) -> None:
    """'ISIL killed 700 people ... 300 men were executed in one day': when the event opens with a
    total for unspecified victims, later figures for named groups that fit inside it break it down."""
    for outcome in {k[0] for k in groups}:
        total_key = (outcome, "unspecified")
        if total_key not in groups:
            continue
        keys = [k for k in groups if k[0] == outcome and k != total_key
                and not _companions_of(groups[total_key], groups[k])]  # "X along with his son": not a part
        total = _chosen(groups[total_key])[0].quantity.value or 0
        parts = sum(_chosen(groups[k])[0].quantity.value or 0 for k in keys)
        if keys and parts <= total and all(_first(groups[total_key]) < _first(groups[k]) for k in keys):
            for key in keys:
                groups[total_key] += groups.pop(key)


def _fold_retold(groups: dict[tuple[str, str], list]) -> None:
    """'15 policemen were killed ... All 15 passengers were killed': one figure told twice, in two
    sentences with two names for the victims, is one claim (the first name holds)."""
    keys = sorted(groups, key=lambda k: _first(groups[k]))
    for i, key in enumerate(keys):
        if key not in groups:
            continue
        value = _chosen(groups[key])[0].quantity.value
        sentences = {s.start for _, s in groups[key]}
        for later in keys[i + 1 :]:
            if later in groups and later[0] == key[0] and (value or 0) >= 2 \
                    and _chosen(groups[later])[0].quantity.value == value \
                    and not sentences & {s.start for _, s in groups[later]}:
                groups[key] += groups.pop(later)


def _chosen(mentions: list[tuple[Figure, _Sentence]]) -> tuple[Figure, _Sentence]:
    """The mention whose figure the claim takes: the first told (headline, lede), as the article leads
    with it; among mentions of that same figure, a hedged wording over a bare one (headlines drop
    'at least')."""
    # A number refines "dozens"; one person named again ('the Taliban commander') is one of them, no count.
    numeric = [m for m in mentions if m[0].quantity.value is not None and not (m[0].retold and m[0].named_one)] \
        or mentions
    first, _ = min(numeric, key=lambda m: (m[1].start, m[0].char_start))
    same = [m for m in mentions if m[0].quantity.value == first.quantity.value]
    return max(same, key=lambda m: (m[0].quantity.qualifier != "exact", not m[1].headline, -m[1].start))


def _claim(outcome: str, group: str, mentions: list[tuple[Figure, _Sentence]]) -> Claim:
    _many_beside_one(mentions)
    told = [m for m in mentions if not m[0].additive or m[0].part] or mentions[:1]
    chosen, sentence = _chosen(told)
    claim = _told_claim(outcome, group, told, chosen, sentence)
    if _headline_covers(mentions, chosen, sentence):
        for figure, _ in mentions:
            figure.part = figure.part or figure.additive
        return _told_claim(outcome, group, mentions, chosen, sentence)
    for figure, extra in mentions:  # "A female relative of the officer was also killed": one more
        if not figure.additive or figure.part or (figure, extra) in told:
            continue
        if figure.quantity.value and claim.best is not None and claim.qualifier != "vague":
            claim.best += figure.quantity.value
            claim.value = claim.best
            claim.low = claim.low + figure.quantity.value if claim.low is not None else None
            claim.high = claim.high + figure.quantity.value if claim.high is not None else None
            claim.evidence = _evidence([*told, (figure, extra)])
        elif _add_vague(claim, figure.quantity.value, figure.quantity.vague, figure.quantity.bounds, figure.more):
            claim.evidence = _evidence([*told, (figure, extra)])
    return claim


def _many_beside_one(mentions: list[tuple[Figure, _Sentence]]) -> None:
    """'captured a Taliban facilitator ... Multiple suspected insurgents were detained': a vague plural
    never retells the one person the claim leads with; it tells more victims."""
    told = [m for m in mentions if not m[0].additive or m[0].part]
    if not told:
        return
    chosen = _chosen(told)[0]
    first = chosen.quantity
    if not (first.implicit and first.value == 1) or chosen.retold:
        return  # "killed several militants ... killed the Taliban commander": one of the several, told again
    for figure, _ in mentions:
        q = figure.quantity
        if q.value is None and q.vague and (q.bounds[0] or 0) >= 2 and not figure.part:
            figure.additive = True


def _add_vague(claim: Claim, value: int | None, vague: str | None,
               bounds: tuple[int | None, int | None, int | None], more: bool = False) -> bool:
    """'arrested a Taliban financier ... also detained several suspected insurgents': a count and a vague
    word together. The claim takes the vague word; `best` keeps the part counted (None when nothing was),
    low and high add the word's own; a convention adds what it codes the word for (conventions.py)."""
    if claim.qualifier == "vague" and value and claim.low is not None:  # "several ... also a facilitator"
        claim.low += value
        claim.high = claim.high + value if claim.high is not None else None
        claim.best = (claim.best or 0) + value
        return True
    if more and claim.qualifier == "vague" and vague and bounds[0] is not None and claim.low is not None:
        claim.low += bounds[0]  # "killed several insurgents ... Several more were killed": the word's low twice
        claim.high = claim.high + bounds[2] if claim.high is not None and bounds[2] is not None else None
        return True
    if claim.qualifier == "vague" or value is not None or not vague or bounds[0] is None or claim.best is None:
        return False
    claim.qualifier, claim.vague = "vague", vague
    claim.low = (claim.low if claim.low is not None else claim.best) + bounds[0]
    claim.high = claim.high + bounds[2] if claim.high is not None and bounds[2] is not None else None
    return True


def _headline_covers(mentions: list[tuple[Figure, _Sentence]], chosen: Figure, sentence: _Sentence) -> bool:
    """'Raids kill 16 civilians' then '9 were killed in X … two others … another five': the body breaks
    the headline's total down, so 'another five' is a part of the 16, not a 17th to 21st victim."""
    body = [f.quantity.value or 0 for f, s in mentions if not s.headline]
    return sentence.headline and any(f.additive and not s.headline for f, s in mentions) \
        and sum(body) <= (chosen.quantity.value or 0)


def _told_claim(outcome: str, group: str, mentions: list[tuple[Figure, _Sentence]], chosen: Figure,
                sentence: _Sentence) -> Claim:
    q = chosen.quantity
    whole = [f for f, _ in mentions if not f.part] or [f for f, _ in mentions]
    lows = [f.quantity.bounds[0] for f in whole]
    highs = [f.quantity.bounds[2] for f in whole]
    known_lows = [v for v in lows if v is not None]
    # One open-ended mention ("at least 40") leaves the claim open-ended.
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    said = sentence if sentence.claimed_by else next((s for _, s in mentions if s.claimed_by), sentence)
    return Claim(
        outcome=outcome,  # type: ignore[arg-type]
        group=group,  # type: ignore[arg-type]
        value=q.value,
        qualifier=q.qualifier,  # type: ignore[arg-type]
        low=min(known_lows) if known_lows else None,
        best=q.bounds[1],
        high=high,
        evidence=_evidence(mentions),
        victims=q.victims,
        vague=q.vague,
        claimed_by=said.claimed_by,
        claimant=said.claimant,
    )


def _evidence(mentions: list[tuple[Figure, _Sentence]]) -> list[Evidence]:
    seen: dict[int, Evidence] = {}
    for _, sentence in mentions:
        seen.setdefault(sentence.start, Evidence(sentence.text, sentence.start, sentence.start + len(sentence.text)))
    return [seen[k] for k in sorted(seen)]


def _zero_claims(zeros: Sequence[tuple[str, _Sentence]], present: set[str]) -> list[Claim]:
    """'No one was hurt': an explicit 0, unless the event has a figure for that outcome."""
    out: dict[str, Claim] = {}
    for outcome, sentence in zeros:
        if outcome in present or outcome in out:
            continue
        evidence = [Evidence(sentence.text, sentence.start, sentence.start + len(sentence.text))]
        out[outcome] = Claim(outcome, "unspecified", 0, "exact", 0, 0, 0, evidence,  # type: ignore[arg-type]
                             claimed_by=sentence.claimed_by, claimant=sentence.claimant)
    return list(out.values())
