"""`warwire serve` as a user starts it: binds 127.0.0.1, prints the URL and the token, serves the pages."""

from __future__ import annotations

import urllib.request

from desk_data import start_desk


def test_serve_prints_url_and_token_and_serves(ledger_url):
    proc, url, token = start_desk(ledger_url, "--token", "tok-abc")
    try:
        assert token == "tok-abc" and url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "/events.json", timeout=10) as r:
            assert r.status == 200 and b'"count": 2' in r.read()
            assert r.headers["Content-Security-Policy"].startswith("default-src 'self'")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
