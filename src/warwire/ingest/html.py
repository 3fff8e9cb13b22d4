"""HTML pages to article text and metadata with trafilatura (boilerplate removed)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass
class HtmlArticle:
    text: str
    title: str | None
    date: str | None
    outlet: str | None
    url: str | None


MIN_WORDS = 12  # fewer words than a one-sentence report: menus and footers, not an article


class NoArticle(ValueError):
    pass


def extract_article(html: str) -> HtmlArticle:
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.split()) < MIN_WORDS:
        raise NoArticle("no article text found in the HTML (navigation or empty page)")
    return HtmlArticle(
        text=text,
        title=getattr(result, "title", None),
        date=getattr(result, "date", None),
        outlet=getattr(result, "sitename", None),
        url=getattr(result, "url", None),
    )
