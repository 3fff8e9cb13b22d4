"""The desk's guards on the in-process client: headers, host check, token, cross-site writes, inert text."""

from __future__ import annotations

from pathlib import Path

from desk_data import ORIGIN, SAME, TOKEN, post

from warwire.serve.security import CSP

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "warwire" / "serve" / "templates"


def _claim_key(client) -> str:  # noqa: ANN001
    ev = next(e for e in client.get("/events.json").json()["events"] if "wire-a" in e["documents"])
    return client.get(f"/event/{ev['id']}.json").json()["claims"][0]["stable_key"]


def test_every_response_has_the_security_headers(client):
    for url in ("/events", "/events.json", "/static/desk.css", "/nope", "/timeline.svg"):
        r = client.get(url)
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in CSP and "script-src 'self';" in CSP


def test_unknown_host_is_refused(app):
    from fastapi.testclient import TestClient

    assert TestClient(app, base_url="http://evil.example").get("/events").status_code == 400
    assert TestClient(app, base_url="http://localhost:8080").get("/events").status_code == 200


def test_writes_need_the_token_and_the_same_origin(client):
    key = _claim_key(client)
    data = {"key": key, "action": "confirm"}
    assert client.post("/review/claim", data=data, headers=SAME).status_code == 401  # no token
    bad = {**SAME, "Authorization": "Bearer wrong"}
    assert client.post("/review/claim", data=data, headers=bad).status_code == 401
    assert post(client, "/review/claim", data, **{"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert post(client, "/review/claim", data, **{"Sec-Fetch-Site": "same-site"}).status_code == 403
    evil = {"Origin": "http://evil.example", "Authorization": f"Bearer {TOKEN}"}
    assert client.post("/review/claim", data=data, headers=evil).status_code == 403
    assert client.get("/log.json").json()["decisions"] == []  # nothing refused was recorded
    assert post(client, "/review/claim", data).status_code == 200
    assert len(client.get("/log.json").json()["decisions"]) == 1


def test_login_sets_a_strict_httponly_cookie_that_works_only_from_the_same_origin(client):
    r = client.post("/-/login", data={"token": TOKEN, "name": "ana"}, headers=SAME, follow_redirects=False)
    assert r.status_code == 303
    cookie = r.headers.get_list("set-cookie")[0].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    key = _claim_key(client)
    ok = client.post("/review/claim", data={"key": key, "action": "confirm"}, headers=SAME, follow_redirects=False)
    assert ok.status_code == 303
    # the cookie alone, without the headers a browser sends, is not enough (a script must use Bearer)
    assert client.post("/review/claim", data={"key": key, "action": "confirm"}).status_code == 401
    assert client.get("/log.json").json()["decisions"][0]["who"] == "ana"
    wrong = client.post("/-/login", data={"token": "nope"}, headers=SAME)
    assert "not the desk" in wrong.text


def test_cross_site_login_is_refused(client):
    r = client.post("/-/login", data={"token": TOKEN}, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403 and "set-cookie" not in r.headers


def test_get_changes_nothing(client):
    before = client.get("/log.json").json()
    for url in ("/events", "/queue", "/export/acled.csv", "/export/gold.jsonl", "/-/login", "/map.json"):
        client.get(url)
    assert client.get("/log.json").json() == before
    assert client.get("/review/claim").status_code == 405


def test_article_markup_renders_inert(client):
    ev = next(e for e in client.get("/events.json").json()["events"] if "hostile" in e["documents"])
    for url in (f"/event/{ev['id']}", "/document?id=hostile", "/events"):
        page = client.get(url).text
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>News" not in page
    page = client.get("/document?id=hostile").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page


def test_no_template_bypasses_autoescape_and_no_page_links_off_site(client):
    for t in TEMPLATES.iterdir():
        text = t.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "autoescape false" not in text, t.name
        assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in text
    page = client.get("/events").text
    assert "cdn" not in page.lower() and ORIGIN not in page
