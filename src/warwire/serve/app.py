"""The desk's FastAPI application: pages with .json twins, downloads, and the review forms (POST only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2_fragments.fastapi import Jinja2Blocks
from starlette.middleware.trustedhost import TrustedHostMiddleware

from warwire.ledger import Ledger
from warwire.ledger.reviewed import ReviewedLedger
from warwire.serve import actions, routes
from warwire.serve.security import Guard, new_token

HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"]


def create_app(
    ledger: Ledger | str, token: str | None = None, hosts: list[str] | None = None, reviewer: str = "reviewer"
) -> FastAPI:
    """The desk over `ledger` (a Ledger or a database URL). `token`: needed for writes (a new one when None);
    `hosts`: the Host header values accepted (loopback names by default)."""
    if isinstance(ledger, str):
        ledger = Ledger(ledger)
    app = FastAPI(title="warwire review desk", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.desk = ReviewedLedger(ledger)
    app.state.token = token or new_token()
    app.state.reviewer = reviewer
    templates = Jinja2Blocks(directory=str(HERE / "templates"))
    templates.env.autoescape = True  # every template, whatever its extension (.svg included)
    templates.env.filters["n"] = lambda v: "–" if v is None else v  # a missing figure
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes.router)
    app.include_router(actions.router)
    app.add_middleware(Guard, token=app.state.token)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts or LOCAL_HOSTS)
    return app


def desk_of(app: Any) -> ReviewedLedger:
    return app.state.desk
