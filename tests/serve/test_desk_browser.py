"""The desk in a real browser (Debian's chromium through Playwright): the seed pages end to end, and the
guards as a browser meets them. Screenshots go to $WARWIRE_ARTIFACTS (default tmp/artifacts/)."""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import threading
import urllib.request
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlparse

import pytest
from desk_data import ARABIC, PG_URL, arabic_doc, hostile_doc, pg_database, start_desk
from shared_data import shared_path

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ARTIFACTS = Path(os.environ.get("WARWIRE_ARTIFACTS", Path(__file__).resolve().parents[2] / "tmp" / "artifacts"))
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (extra 'dev')")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: apt-get install chromium")


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def seeds_docs() -> list:
    import warwire
    from warwire.ingest.records import iter_records

    paths = [str(p) for p in sorted(shared_path("corpus", "seeds").glob("*.txt"))]
    return [d for d in warwire.extractor().extract_many(iter_records(paths)) if isinstance(d, warwire.Document)]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def desk(request, seeds_docs, tmp_path_factory):  # noqa: ANN001, ANN201 - (url, token, ledger url)
    from warwire.ledger import Ledger

    with ExitStack() as stack:
        if request.param == "postgresql":
            if not PG_URL:
                pytest.skip("WARWIRE_TEST_PG_URL not set: the desk's PostgreSQL run skipped")
            db = stack.enter_context(pg_database())
        else:
            db = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'seeds.db'}"
        ledger = Ledger(db)
        ledger.ingest_documents([*seeds_docs, hostile_doc(), arabic_doc()])
        ledger.close()
        proc, url, token = start_desk(db)
        yield url, token, db
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201 - a playwright Browser
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def context(browser):  # noqa: ANN001, ANN201 - a BrowserContext that refuses any request off 127.0.0.1
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    ctx.off_site = []

    def guard(route) -> None:  # noqa: ANN001
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            ctx.off_site.append(route.request.url)
            route.abort()

    ctx.route("**/*", guard)
    yield ctx
    assert ctx.off_site == [], "requests left 127.0.0.1"
    ctx.close()


def _login(page, url: str, token: str) -> None:  # noqa: ANN001
    page.goto(url + "/-/login")
    page.fill("input[name=token]", token)
    page.fill("input[name=name]", "e2e")
    page.click("form[action='/-/login'] button")
    page.wait_for_url(url + "/events")


def _shot(page, name: str) -> None:  # noqa: ANN001
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)


def _killed_state(page) -> tuple[str, ...]:  # noqa: ANN001
    row = "table.figures tr[data-outcome=killed][data-group=state_forces]"
    return tuple(page.inner_text(f"{row} td.{k}") for k in ("low", "best", "high"))


def test_seed_pages_end_to_end(desk, context, seeds_docs):
    url, token, db = desk
    page = context.new_page()
    _login(page, url, token)
    # the events page: the map shows the Idlib marker
    page.wait_for_function("() => window.wwReady === true")
    markers = page.evaluate("() => window.wwMarkers")
    assert any(m["kind"] == "point" and "Idlib" in (m["name"] or "") for m in markers), markers
    assert page.locator("path.ww-point, .ww-cluster").count() >= 1
    _shot(page, "desk-events.png")
    # the merged Sputnik + TASS event: both reports, their figure sentences marked
    merged = next(e for e in _get(url + "/events.json")["events"]
                  if {"002_1f939d70267447f4.txt", "003_e32dbe9b675272c6.txt"} <= set(e["documents"]))  # fmt: skip
    page.goto(f"{url}/event/{merged['id']}")
    reports = page.locator("article.report")
    assert reports.count() == 2
    outlets = page.locator("article.report h3").all_inner_texts()
    assert any("Sputnik" in o for o in outlets) and any("TASS" in o for o in outlets)
    for i in range(2):
        assert reports.nth(i).locator("mark.mark-figure").count() >= 1
    assert "Syrian" in reports.nth(0).locator("mark.mark-figure").first.inner_text()
    before = _killed_state(page)
    _shot(page, "desk-event.png")
    # correct Sputnik's killed state_forces figure: the reconciled figure changes (htmx swap, no reload)
    row = page.locator("tr.claim", has_text="Sputnik").filter(has_text="killed / state_forces").first
    row.locator("summary").click()
    row.locator("form.correct input[name=value]").fill("45")
    row.locator("form.correct input[name=note]").fill("later toll")
    row.locator("form.correct button.save").click()
    page.wait_for_selector("tr.claim.review-corrected")
    after = _killed_state(page)
    # one source (the Russian defence ministry, relayed by Sputnik and TASS): best is its highest figure
    assert (before, after) == (("40", "40", "40"), ("40", "45", "45"))
    # reload, re-ingest the seed pages: the correction stands
    from warwire.ledger import Ledger

    again = Ledger(db)
    assert again.ingest_documents(seeds_docs).skipped == len(seeds_docs)
    again.close()
    page.reload()
    assert _killed_state(page) == ("40", "45", "45")
    _shot(page, "desk-event-corrected.png")
    # the ACLED export holds the corrected figure
    page.goto(url + "/events")
    with page.expect_download() as dl:
        page.click("a[href='/export/acled.csv']")
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(Path(dl.value.path()).read_text("utf-8")))}
    event = _get(f"{url}/event/{merged['id']}.json")["event"]
    killed = sum(f["best"] for f in event["casualties"] if f["outcome"] == "killed" and f["best"] is not None)
    assert rows[merged["id"]]["fatalities"] == str(killed)
    assert "killed state_forces: 40/45/45" in rows[merged["id"]]["notes"]


def test_article_markup_is_inert_in_the_browser(desk, context):
    url, _, _ = desk
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url + "/document?id=hostile")
    text = page.inner_text("div.text")
    assert '<script>alert("x")</script>' in text and 'onerror="alert(1)"' in text
    assert page.locator("div.text script, div.text img, h1 script").count() == 0
    page.goto(url + "/events?admin1=Hama")
    page.wait_for_timeout(300)
    assert dialogs == []


def test_an_arabic_report_reads_right_to_left(desk, context):
    """An Arabic sentence written for this test: laid out right to left, its figure sentence marked, the
    figure's labels and the claimant in English."""
    url, _, _ = desk
    ev = next(e for e in _get(url + "/events.json?per_page=500")["events"] if "ar-idlib" in e["documents"])
    page = context.new_page()
    page.goto(f"{url}/event/{ev['id']}")
    text = page.locator("article.report div.text")
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert text.get_attribute("lang") == "ar"
    mark = text.locator("mark.mark-figure")
    assert mark.get_attribute("title") == "killed civilians: 12" and mark.inner_text().strip() == ARABIC
    # right to left: the sentence's first word is drawn at the right edge of the text
    first = page.evaluate("""() => { const m = document.querySelector('article.report div.text mark');
        const r = document.createRange(); r.setStart(m.firstChild, 0); r.setEnd(m.firstChild, 3);
        const box = m.parentElement.getBoundingClientRect(), w = r.getBoundingClientRect();
        return [box.right - w.right, w.left - box.left]; }""")
    assert first[0] < first[1], first
    assert "Syrian Observatory for Human Rights" in page.inner_text("tr.claim")
    text.scroll_into_view_if_needed()
    _shot(page, "desk-event-arabic.png")


class _EvilPage(http.server.BaseHTTPRequestHandler):
    """Another origin on 127.0.0.1 (another port: same site, not same origin) that posts to the desk."""

    target = ""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = (f'<form id="f" method="post" action="{self.target}/review/claim"><input name="key" value="x">'
                '<input name="action" value="confirm"><button>go</button></form>')
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


def test_cross_site_and_tokenless_posts_are_refused(desk, context):
    url, token, _ = desk
    page = context.new_page()
    _login(page, url, token)  # the cookie is there: only the origin check stops the forged post
    _EvilPage.target = url
    evil = http.server.HTTPServer(("127.0.0.1", 0), _EvilPage)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    try:
        decisions = len(_get(url + "/log.json")["decisions"])
        page.goto(f"http://127.0.0.1:{evil.server_port}/")
        with page.expect_navigation():
            page.click("#f button")
        assert "refused: cross-site write" in page.content()
        fresh = context.browser.new_context()
        anon = fresh.new_page()
        anon.goto(url + "/events")
        status = anon.evaluate("""async () => (await fetch('/review/claim', {method: 'POST',
            body: new URLSearchParams({key: 'x', action: 'confirm'})})).status""")
        fresh.close()
        assert status == 401
        assert len(_get(url + "/log.json")["decisions"]) == decisions
    finally:
        evil.shutdown()
