"""GET pages: every page has a .json twin; every list downloads as CSV and GeoJSON. GET changes nothing."""

from __future__ import annotations

import io
import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from warwire.export import to_csv, to_geojson
from warwire.export.reviewed import to_acled_csv, to_gold_jsonl, to_ucdp_csv
from warwire.ledger.review_queue import queue
from warwire.serve import pages
from warwire.serve.query import Query, public
from warwire.serve.security import COOKIE, WHO_COOKIE
from warwire.serve.timeline import timeline

router = APIRouter()
MAP_LIMIT = 5000  # the newest located events the map draws; facets narrow the rest


def _desk(request: Request) -> Any:
    return request.app.state.desk


def _query(request: Request) -> Query:
    qp = request.query_params
    return Query.from_params(qp, {k: qp.getlist(k) for k in qp})


def _html(request: Request, template: str, ctx: dict[str, Any], block: str | None = None) -> HTMLResponse:
    ctx = {**ctx, "logged_in": request.cookies.get(COOKIE) == request.app.state.token,
           "reviewer": request.cookies.get(WHO_COOKIE)}  # fmt: skip
    kw = {"block_name": block} if block else {}
    return request.app.state.templates.TemplateResponse(request, template, ctx, **kw)


def _json(data: Any) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, default=str), media_type="application/json")


def _download(text: str, media: str, name: str) -> Response:
    return Response(text, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events", status_code=303)


@router.get("/events.json")
def events_json(request: Request) -> Response:
    return _json(pages.events_page(_desk(request), _query(request)))


@router.get("/events.csv")
def events_csv(request: Request) -> Response:
    found, _ = pages.filtered(_desk(request), _query(request))
    buf = io.StringIO()
    to_csv(found, buf)
    return _download(buf.getvalue(), "text/csv; charset=utf-8", "events.csv")


@router.get("/events.geojson")
def events_geojson(request: Request) -> Response:
    found, _ = pages.filtered(_desk(request), _query(request))
    buf = io.StringIO()
    to_geojson([public(e) for e in found], buf)
    return _download(buf.getvalue(), "application/geo+json", "events.geojson")


@router.get("/events", response_class=HTMLResponse)
def events_html(request: Request) -> HTMLResponse:
    ctx = pages.events_page(_desk(request), _query(request))
    return _html(request, "events.html", ctx)


@router.get("/map.json")
def map_json(request: Request) -> Response:
    """Map features of the filtered events: towns as points, admin1/country placements as areas."""
    try:
        limit = max(1, min(MAP_LIMIT, int(request.query_params.get("limit") or MAP_LIMIT)))
    except ValueError:
        limit = MAP_LIMIT
    return Response(pages.map_data(_desk(request), _query(request), limit), media_type="application/json")


@router.get("/timeline.svg")
def timeline_svg(request: Request) -> Response:
    found, _ = pages.filtered(_desk(request), _query(request))
    body = request.app.state.templates.get_template("timeline.svg").render(t=timeline(found))
    return Response(body, media_type="image/svg+xml")


def _event(request: Request, event_id: str) -> dict[str, Any]:
    try:
        return pages.event_page(_desk(request), event_id)
    except KeyError:
        now = _desk(request).ledger.current_id(event_id)  # merged into another by a later report
        if now is not None and now != event_id:
            path = request.url.path.replace(event_id, now)
            raise HTTPException(307, f"event {event_id!r} is now part of {now!r}", {"Location": path}) from None
        raise HTTPException(404, f"no event {event_id!r}") from None


@router.get("/event/{event_id}.json")
def event_json(request: Request, event_id: str) -> Response:
    ctx = _event(request, event_id)
    ctx["reports"] = [{k: v for k, v in r.items() if k != "runs"} for r in ctx["reports"]]
    return _json(ctx)


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_html(request: Request, event_id: str) -> HTMLResponse:
    return _html(request, "event.html", _event(request, event_id))


def _document(request: Request) -> dict[str, Any]:
    doc = request.query_params.get("id")
    try:
        return pages.document_page(_desk(request), doc or "")
    except KeyError:
        raise HTTPException(404, f"no document {doc!r}") from None


@router.get("/document.json")
def document_json(request: Request) -> Response:
    ctx = _document(request)
    ctx["marks"] = [{"start": s.start, "end": s.end, "kind": s.kind, "label": s.label}
                    for r in ctx.pop("runs") for s in r.spans]  # fmt: skip
    ctx["marks"] = [dict(t) for t in dict.fromkeys(tuple(m.items()) for m in ctx["marks"])]
    return _json(ctx)


@router.get("/document", response_class=HTMLResponse)
def document_html(request: Request) -> HTMLResponse:
    return _html(request, "document.html", _document(request))


def _queue(request: Request) -> dict[str, Any]:
    items, progress = queue(_desk(request).events())
    q = _query(request)
    shown = items[(q.page - 1) * q.per_page : q.page * q.per_page]
    return {"items": [{**i, "event": public(i["event"])} for i in shown],
            "count": len(items), "progress": progress, "page": q.page, "per_page": q.per_page}  # fmt: skip


def _claimant(request: Request, claimant_id: str) -> dict[str, Any]:
    try:
        return pages.claimant_page(_desk(request), claimant_id)
    except KeyError:
        raise HTTPException(404, f"no claimant {claimant_id!r}") from None


@router.get("/claimant/{claimant_id}.json")
def claimant_json(request: Request, claimant_id: str) -> Response:
    return _json(_claimant(request, claimant_id))


@router.get("/claimant/{claimant_id}", response_class=HTMLResponse)
def claimant_html(request: Request, claimant_id: str) -> HTMLResponse:
    return _html(request, "claimant.html", _claimant(request, claimant_id))


@router.get("/queue.json")
def queue_json(request: Request) -> Response:
    return _json(_queue(request))


@router.get("/queue", response_class=HTMLResponse)
def queue_html(request: Request) -> HTMLResponse:
    return _html(request, "queue.html", _queue(request))


@router.get("/log.json")
def log_json(request: Request) -> Response:
    return _json({"decisions": [d.to_dict() for d in _desk(request).view().decisions]})


@router.get("/log", response_class=HTMLResponse)
def log_html(request: Request) -> HTMLResponse:
    return _html(request, "log.html", {"decisions": [d.to_dict() for d in _desk(request).view().decisions]})


@router.get("/export/acled.csv")
def export_acled(request: Request) -> Response:
    buf = io.StringIO()
    to_acled_csv(_desk(request).events(), buf)
    return _download(buf.getvalue(), "text/csv; charset=utf-8", "warwire-acled.csv")


@router.get("/export/ucdp.csv")
def export_ucdp(request: Request) -> Response:
    buf = io.StringIO()
    to_ucdp_csv(_desk(request).events(), buf)
    return _download(buf.getvalue(), "text/csv; charset=utf-8", "warwire-ucdp.csv")


@router.get("/export/gold.jsonl")
def export_gold(request: Request) -> Response:
    desk, buf = _desk(request), io.StringIO()
    view = desk.view()
    to_gold_jsonl(view, desk.texts(list(view.rows_by_doc)), buf)
    return _download(buf.getvalue(), "application/jsonl", "warwire-gold.jsonl")


@router.get("/-/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return _html(request, "login.html", {})


@router.get("/-/status")
def status(request: Request) -> JSONResponse:
    v = _desk(request).view()
    return JSONResponse({"events": len(v.events), "decisions": len(v.decisions)})
