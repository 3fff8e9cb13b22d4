"""HTML pages to article text and metadata with trafilatura (boilerplate removed).

A page trafilatura cannot read (unclosed tags, nesting past the parser's depth limit) is tried again
favouring recall, then read as its text with the tags taken out, each with a warning: the article in a
broken page is still read, and a page of menus still has no article.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

import trafilatura


@dataclass
class HtmlArticle:
    text: str
    title: str | None
    date: str | None
    outlet: str | None
    url: str | None
    warnings: list[str] = field(default_factory=list)


MIN_WORDS = 12  # fewer words than a one-sentence report: menus and footers, not an article
FALLBACK_WORDS = 40  # the tag-stripped fallback needs a few sentences' worth of words
DROPPED = re.compile(r"<(script|style|noscript|template|svg|head|nav|footer)\b.*?</\1\s*>", re.I | re.S)
BLOCK = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|blockquote|pre)\b[^>]*>", re.I)
TAG = re.compile(r"<[^>]{0,2000}>|<!--.*?-->", re.S)
TITLE = re.compile(r"<title[^>]*>(.{1,500}?)</title>", re.I | re.S)
SPACES = re.compile(r"[ \t\r\f\v]+")
BLANKS = re.compile(r"\n\s*\n+")


class NoArticle(ValueError):
    pass


def extract_article(html: str) -> HtmlArticle:
    html, notes = _bounded(html)
    found = _bounded_article(html)
    if found is not None:
        found.warnings[:0] = notes
    return found if found is not None else _no_article()


HTML_MAX = 1_000_000  # characters of markup (scripts and styles taken out first): trafilatura runs ~3 s a MB
HEAVY = ("script", "style", "svg")


def _bounded(html: str) -> tuple[str, list[str]]:
    """A page over HTML_MAX without its scripts and styles (each closed), then cut at HTML_MAX."""
    limit = HTML_MAX
    if len(html) <= limit:
        return html, []
    for tag in HEAVY:
        closers = len(re.findall(rf"</{tag}\s*>", html, re.I))
        if closers and closers >= len(re.findall(rf"<{tag}\b", html, re.I)):
            html = re.sub(rf"<{tag}\b[^>]*>.*?</{tag}\s*>", " ", html, flags=re.I | re.S)
    if len(html) <= limit:
        return html, []
    cut = html.rfind("<", limit - limit // 100, limit)
    size = len(html)
    return html[: cut if cut > 0 else limit], [
        f"HTML page is {size / 1e6:.1f} million characters: only the first {limit / 1e6:.1f} million are read"]


def _no_article() -> HtmlArticle:
    raise NoArticle("no article text found in the HTML (navigation or empty page)")


def _bounded_article(html: str) -> HtmlArticle | None:
    found = _trafilatura(html, favor_precision=True)
    if found is not None:
        return found
    repaired = _repaired(html)
    found = _trafilatura(repaired, favor_precision=True) if repaired != html else None
    if found is not None:
        found.warnings.append("the HTML was broken (an element left open): read after closing it")
        return found
    found = _trafilatura(repaired, favor_recall=True)
    if found is not None:
        return found
    stripped = _tags_removed(html)
    if len(stripped.split()) >= FALLBACK_WORDS and re.search(r"[.!?]\s", stripped):
        title = TITLE.search(html[:200_000])
        return HtmlArticle(stripped, _plain(title.group(1)) if title else None, None, None, None,
                           ["the HTML page could not be read as an article: read as its text, tags removed"])
    return None


def _trafilatura(html: str, *, favor_precision: bool = False, favor_recall: bool = False) -> HtmlArticle | None:
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=favor_precision,
                                             favor_recall=favor_recall)
    except (RecursionError, ValueError, TypeError, AttributeError):  # a tree the parser cannot walk
        return None
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.split()) < MIN_WORDS:
        return None
    notes = [] if favor_precision else ["article found only on a lenient reading of the HTML"]
    return HtmlArticle(text=text, title=getattr(result, "title", None), date=getattr(result, "date", None),
                       outlet=getattr(result, "sitename", None), url=getattr(result, "url", None), warnings=notes)


RAW_TEXT = ("title", "script", "style", "textarea", "noscript", "xmp", "iframe", "template")


def _repaired(html: str) -> str:
    """Openers of raw-text elements (title, script, style ...) that are never closed, and a comment never
    closed, swallow the rest of the page: drop them."""
    for tag in RAW_TEXT:
        opener = re.compile(rf"<{tag}\b[^>]*>", re.I)
        if len(opener.findall(html)) > len(re.findall(rf"</{tag}\s*>", html, re.I)):
            html = opener.sub(" ", html)
    if html.count("<!--") > html.count("-->"):
        html = html.replace("<!--", " ")
    return html


def _plain(fragment: str) -> str:
    return SPACES.sub(" ", html_lib.unescape(TAG.sub(" ", fragment))).strip()


def _tags_removed(html: str) -> str:
    body = BLOCK.sub("\n", DROPPED.sub(" ", html))
    text = html_lib.unescape(TAG.sub(" ", body))
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return BLANKS.sub("\n\n", "\n".join(lines)).strip()
