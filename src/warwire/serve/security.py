"""The desk's guards: security headers on every response, the token, and same-origin checks on writes.

Reads are open to whoever can reach the port (127.0.0.1 by default). Writes (any method but GET, HEAD,
OPTIONS) need the token, as the HttpOnly SameSite=Strict cookie set by /-/login or as
`Authorization: Bearer T`, and are refused when Sec-Fetch-Site or Origin say another site sent them; a
request with neither header (a script, not a browser) must carry the Bearer token itself.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")  # fmt: skip
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
COOKIE = "warwire_token"
WHO_COOKIE = "warwire_reviewer"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def origin_of(request: Request) -> str:
    return f"{request.url.scheme}://{request.headers.get('host', '')}"


def cross_site(request: Request) -> str | None:
    """Why a write is refused as cross-site, or None when it comes from this origin."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:  # set by the browser, never by a page; it says same-origin even when Origin is
        # "null" (what Chromium sends on a form post under Referrer-Policy: no-referrer)
        return None if site == "same-origin" else f"Sec-Fetch-Site: {site}"
    origin = request.headers.get("origin")
    if origin is not None and origin != origin_of(request):
        return f"Origin {origin} is not {origin_of(request)}"
    return None


def bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    return auth[7:].strip() if auth[:7].lower() == "bearer " else None


def has_token(request: Request, token: str) -> bool:
    """The token as Bearer; or as the cookie, only from a browser that said where the request came from."""
    given = bearer(request)
    browser = "sec-fetch-site" in request.headers or "origin" in request.headers
    if given is None and browser:
        given = request.cookies.get(COOKIE)
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


class Guard(BaseHTTPMiddleware):
    """Headers on every response; writes checked for origin and token (login checks origin only)."""

    def __init__(self, app, token: str, login_path: str = "/-/login") -> None:  # noqa: ANN001 - ASGI app
        super().__init__(app)
        self.token = token
        self.login_path = login_path

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        refusal = None
        if request.method not in SAFE_METHODS:
            why = cross_site(request)
            if why:
                refusal = PlainTextResponse(f"refused: cross-site write ({why})\n", status_code=403)
            elif request.url.path != self.login_path and not has_token(request, self.token):
                refusal = PlainTextResponse("refused: this needs the desk's token (log in at /-/login)\n", 401)
        response = refusal or await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response
