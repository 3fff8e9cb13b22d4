"""Page furniture out of flattened text; headline and body lines kept, offsets into the text as given."""

from __future__ import annotations

import pytest

from warwire.ingest.furniture import body_spans, is_furniture

HEADLINE = "Militants kill 14 soldiers in attack on army post near Idlib"
LEDE = "Militants killed 14 soldiers in an attack on an army post in Idlib province on Tuesday, the ministry said."
SHORT_BODY = "Three civilians were wounded."


@pytest.mark.parametrize("line", [
    "Subscribe to our newsletter",
    "Sign up for our daily briefing in your inbox",
    "Tags: Syria, Idlib, Army",
    "- Advertisement -",
    "0 2,620",
    "- - -",
    "Back to top button",
    "Related Articles",
    "Adblock Detected",
    "Leave a Reply",
    "your comment",
    "Updated in: 12 February 2020 14:05",
    "News ID: 80197",
    "Share this article on Facebook",
    "",
    "   ",
])
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [HEADLINE, LEDE, SHORT_BODY,
                                  "The army said its units repelled the attack and killed several militants."])
def test_article_lines_are_kept(line: str) -> None:
    assert not is_furniture(line)


def test_body_spans_skip_furniture_and_point_into_the_original_text() -> None:
    text = (f"Subscribe to our newsletter\r\n  {HEADLINE}  \n0 2,620\n\n{LEDE}\nTags: Syria, Idlib\n"
            f"- Advertisement -\n{SHORT_BODY}\nBack to top button\nRelated Articles")
    spans = body_spans(text)
    assert [text[s:e] for s, e in spans] == [HEADLINE, LEDE, SHORT_BODY]
    assert spans[0][0] == text.index(HEADLINE)


def test_text_without_furniture_is_all_body() -> None:
    text = f"{HEADLINE}\n{LEDE}"
    assert body_spans(text) == [(0, len(HEADLINE)), (len(HEADLINE) + 1, len(text))]


# Social posts (lines written for these tests in the posts' shape).
@pytest.mark.parametrize("line", ["See translation", "All reactions:", "1.2K views", "37 comments", "Log in",
                                  "Create new account", "Forgot password?", "Translate post", "Facebook",
                                  "عرض الترجمة", "٣٤ تعليقاً", "#إدلب #سرمين"])
def test_social_post_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["#عاجل استشهاد طفل بقصف مدفعي", "مقتل طفل بقصف على ريف إدلب",
                                  "Three civilians were killed in the strike"])
def test_post_text_is_kept(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize("line", [
    "RELATED: Police release sketch of a man wanted in the killing of two teenagers on the east side",
    "READ MORE: Three people hurt when a car hit a crowd outside a nightclub downtown last summer",
    "Watch: Neighbours describe the moment they heard shots fired on their street",
    "More: Woman, 34, killed in crash on the interstate",
])
def test_links_to_other_stories_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["Watchers said two men were killed near the market.",
                                  "More than 20 people were wounded in the blast, police said."])
def test_a_report_line_opening_like_a_label_is_kept(line: str) -> None:
    assert not is_furniture(line)
