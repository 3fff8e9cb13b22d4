"""A record made ready: body, sentences, headline, title and publication date."""

from __future__ import annotations

import pytest

from warwire.ingest.html import NoArticle
from warwire.ingest.prepare import prepare
from warwire.ingest.records import Record
from warwire.model import PartialDate

BODY = ("Militants killed 14 soldiers in an attack on an army post in Idlib province on Tuesday, the ministry "
        "said. The attackers used heavy machine guns and mortars, the ministry added.")


def _prepare(text: str, **meta: str):
    return prepare(Record("doc", text=text, **meta))


@pytest.mark.parametrize("text, expected", [
    (f"Publish Date: 12February 2020\n{BODY}", PartialDate(2020, 2, 12)),
    (f"Publish Date: 3 March 2021\n{BODY}", PartialDate(2021, 3, 3)),
    (f"MOSCOW, January 23. /TASS/. {BODY}", PartialDate(None, 1, 23)),
])
def test_publication_date_from_the_text(text: str, expected: PartialDate) -> None:
    doc = _prepare(text).document
    assert (doc.published, doc.published_source) == (expected, "text")


def test_updated_time_is_never_the_publication_date() -> None:
    doc = _prepare(f"Updated in: 14 March 2021 10:00\n{BODY}").document
    assert doc.published is None and doc.published_source == "none"


def test_given_date_wins_over_the_text() -> None:
    doc = _prepare(f"Publish Date: 12February 2020\n{BODY}", published="2020-02-14").document
    assert (doc.published, doc.published_source) == (PartialDate(2020, 2, 14), "given")


def test_unparseable_given_date_falls_back_to_the_text() -> None:
    doc = _prepare(f"Publish Date: 12February 2020\n{BODY}", published="sometime").document
    assert (doc.published, doc.published_source) == (PartialDate(2020, 2, 12), "text")


def test_headline_title_body_and_sentences() -> None:
    headline = "Militants kill 14 soldiers in Idlib attack"
    text = f"Subscribe to our newsletter\n{headline}\n0 2,620\n{BODY}\nTags: Syria, Idlib"
    prepared = _prepare(text)
    doc = prepared.document
    assert doc.title == headline
    assert prepared.headline is not None and text[slice(*prepared.headline)] == headline
    assert [text[s:e] for s, e in doc.body] == [headline, BODY]
    sentences = [text[s:e] for s, e in prepared.sentences]
    assert sentences[0] == headline and len(sentences) == 3
    assert not any("Subscribe" in s or "Tags" in s for s in sentences)


def test_given_title_is_found_in_the_text() -> None:
    text = f"Army post attacked\n{BODY}"
    prepared = _prepare(text, title="Army post attacked")
    assert prepared.headline == (0, len("Army post attacked"))


def test_empty_text_is_refused() -> None:
    with pytest.raises(NoArticle):
        _prepare("  \n ")


def test_html_without_an_article_is_refused() -> None:
    with pytest.raises(NoArticle):
        prepare(Record("doc", html="<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>"))


def test_html_article_text_is_extracted() -> None:
    html = f"<html><head><title>Attack on army post</title></head><body><article><p>{BODY}</p></article></body></html>"
    doc = prepare(Record("doc", html=html)).document
    assert "14 soldiers" in doc.text and "<p>" not in doc.text


def test_text_in_a_language_without_rules_gets_a_warning() -> None:
    text = ("Des combattants ont attaqué un poste militaire près de la ville mardi, selon le ministère. "
            "Quatorze soldats sont morts pendant cette attaque contre le poste militaire dans la province.")
    document = _prepare(text).document
    assert document.language == "fr" and any("'fr'" in w and "rule pack" in w for w in document.warnings)
    assert not _prepare(BODY).document.warnings
