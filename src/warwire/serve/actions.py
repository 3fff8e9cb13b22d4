"""The review forms: POST only (the Guard has checked origin and token), each appends one decision.

An htmx request gets back the event page's review block; a plain form post is redirected to the event;
an API client (Accept: application/json) gets the decision's id.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from warwire.ledger.review import ReviewError
from warwire.serve import pages
from warwire.serve.routes import _html, _json
from warwire.serve.security import COOKIE, WHO_COOKIE

router = APIRouter()
Text = Annotated[str, Form()]
Opt = Annotated[str | None, Form()]
QUALIFIERS = ("exact", "at_least", "at_most", "approximately", "vague")
OUTCOMES = ("killed", "wounded", "captured", "missing")
GROUPS = ("state_forces", "armed_groups", "civilians", "unspecified")


def _who(request: Request) -> str:
    return request.cookies.get(WHO_COOKIE) or request.headers.get("x-reviewer") or request.app.state.reviewer


def _int(v: str | None, name: str) -> int | None:
    if v is None or not v.strip():
        return None
    try:
        n = int(v.strip().replace(",", ""))
    except ValueError:
        raise HTTPException(422, f"{name} must be a whole number") from None
    if n < 0:
        raise HTTPException(422, f"{name} must not be negative")
    return n


def _choice(v: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    if not v:
        return None
    if v not in allowed:
        raise HTTPException(422, f"{name} must be one of {', '.join(allowed)}")
    return v


def _record(request: Request, what: str, target: str, before: Any, after: Any, note: str | None) -> int:
    try:
        return request.app.state.desk.log.append(_who(request), what, target, before, after, note)
    except ReviewError as exc:
        raise HTTPException(422, str(exc)) from None


def _done(request: Request, decision: int, anchor: str | None) -> Response:
    """Where the event went (a merge or split can change its id), in the form the client asked for."""
    desk = request.app.state.desk
    event_id = desk.view().by_report.get(anchor or "")
    if "application/json" in request.headers.get("accept", ""):
        return _json({"decision": decision, "event": event_id})
    if event_id is None:
        return RedirectResponse("/events", status_code=303)
    if request.headers.get("hx-request"):
        return _html(request, "event.html", pages.event_page(desk, event_id), block="review")
    return RedirectResponse(f"/event/{event_id}", status_code=303)


def _claim(request: Request, key: str) -> dict[str, Any]:
    view = request.app.state.desk.view()
    r = view.row_by_key.get(view.claim_row.get(key, ""))
    for c in r["all_claims"] if r else ():
        if c.get("stable_key") == key:
            return {**c, "report": r["key"]}
    raise HTTPException(404, f"no claim {key!r}")


CLAIM_FIELDS = ("outcome", "group", "value", "qualifier", "low", "best", "high", "claimed_by", "review")


@router.post("/review/claim")
def review_claim(
    request: Request, key: Text, action: Text, note: Opt = None, value: Opt = None, qualifier: Opt = None,
    outcome: Opt = None, group: Opt = None, claimant: Opt = None,
) -> Response:  # fmt: skip
    claim = _claim(request, key)
    before = {k: claim.get(k) for k in CLAIM_FIELDS}
    after = None
    if action == "correct":
        after = {"value": _int(value, "value"), "qualifier": _choice(qualifier, QUALIFIERS, "qualifier"),
                 "outcome": _choice(outcome, OUTCOMES, "outcome"), "group": _choice(group, GROUPS, "group"),
                 "claimed_by": claimant.strip() if claimant and claimant.strip() else None}  # fmt: skip
        after = {k: v for k, v in after.items() if v is not None and v != before.get(k)}
        if not after:
            raise HTTPException(422, "a correction changes at least one field")
    elif action not in ("confirm", "reject"):
        raise HTTPException(422, "action: confirm, correct or reject")
    return _done(request, _record(request, action, key, before, after, note), claim["report"])


@router.post("/review/event")
def review_event(
    request: Request, event: Text, action: Text, note: Opt = None, type: Opt = None, name: Opt = None,  # noqa: A002
    admin1: Opt = None, country: Opt = None, lat: Opt = None, lon: Opt = None, precision: Opt = None,
    start: Opt = None, end: Opt = None, background: Opt = None,
) -> Response:  # fmt: skip
    desk = request.app.state.desk
    ev = desk.view().by_id.get(event)
    if ev is None:
        raise HTTPException(404, f"no event {event!r}")
    anchor = desk.view().members[event][0]["key"]
    before: dict[str, Any] | None
    after: dict[str, Any]
    if action == "set_type":
        from warwire.resolve.event_types import EVENT_TYPES

        before, after = {"type": ev["type"]}, {"type": _choice(type, EVENT_TYPES, "type")}
    elif action == "set_place":
        before = ev.get("location")
        after = {"name": name or None, "admin1": admin1 or None, "country": (country or "").upper() or None,
                 "lat": _float(lat, "lat"), "lon": _float(lon, "lon"),
                 "precision": _choice(precision, ("point", "town", "near_town", "admin2", "admin1", "country"),
                                      "precision") or "town", "as_written": "set by review"}  # fmt: skip
    elif action == "set_date":
        before, after = ev["date"], {"start": _iso(start, "start"), "end": _iso(end, "end")}
    elif action == "set_background":
        before, after = {"background": ev["background"]}, {"background": background == "1"}
    else:
        raise HTTPException(422, "action: set_type, set_place, set_date or set_background")
    if after.get("type", "") is None:
        raise HTTPException(422, "type is needed")
    return _done(request, _record(request, action, anchor, before, after, note), anchor)


def _float(v: str | None, name: str) -> float | None:
    if v is None or not v.strip():
        return None
    try:
        return float(v)
    except ValueError:
        raise HTTPException(422, f"{name} must be a number") from None


def _iso(v: str | None, name: str) -> str | None:
    import re

    if not v or not v.strip():
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v.strip()):
        raise HTTPException(422, f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD")
    return v.strip()


@router.post("/review/split")
def review_split(request: Request, report: Text, note: Opt = None) -> Response:
    desk = request.app.state.desk
    event = desk.view().by_report.get(report)
    if event is None:
        raise HTTPException(404, f"no report {report!r}")
    if len(desk.view().members[event]) < 2:
        raise HTTPException(422, "an event of one report cannot be split")
    before = {"event": event, "reports": [m["key"] for m in desk.view().members[event]]}
    return _done(request, _record(request, "split", report, before, {"split": True}, note), report)


@router.post("/review/merge")
def review_merge(request: Request, event: Text, other: Text, note: Opt = None) -> Response:
    v = request.app.state.desk.view()
    if event not in v.by_id or other.strip() not in v.by_id or event == other.strip():
        raise HTTPException(422, "merge names two different events by id")
    a, b = [m["key"] for m in v.members[event]], [m["key"] for m in v.members[other.strip()]]
    docs = sorted({m["doc"] for m in v.members[event]}), sorted({m["doc"] for m in v.members[other.strip()]})
    target = "merge:" + " + ".join(";".join(d) for d in docs)
    before = {"events": [event, other.strip()]}
    return _done(request, _record(request, "merge", target, before, {"a": a, "b": b, "documents": docs}, note), a[0])


@router.post("/review/undo")
def review_undo(request: Request, decision: Text, note: Opt = None) -> Response:
    did = _int(decision, "decision")
    desk = request.app.state.desk
    d = next((d for d in desk.view().decisions if d.id == did), None)
    if d is None:
        raise HTTPException(404, f"no decision {decision}")
    anchor = d.target if d.target in desk.view().by_report else None
    if anchor is None and d.what in ("confirm", "correct", "reject"):
        anchor = _claim(request, d.target)["report"]
    if anchor is None and d.what == "merge":
        anchor = d.after["a"][0]
    return _done(request, _record(request, "undo", str(did), d.to_dict(), {"undo": did}, note), anchor)


@router.post("/-/login")
def login(request: Request, token: Text, name: Opt = None) -> Response:
    if not hmac.compare_digest(token.encode(), request.app.state.token.encode()):
        return _html(request, "login.html", {"error": "That is not the desk's token."})
    resp = RedirectResponse("/events", status_code=303)
    resp.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
    resp.set_cookie(WHO_COOKIE, (name or "reviewer").strip()[:64] or "reviewer", httponly=True, samesite="strict",
                    path="/")  # fmt: skip
    return resp
