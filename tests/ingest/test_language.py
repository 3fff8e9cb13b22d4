"""Per-document language: py3langid's shipped model, Arabic script counted apart, a warning where no rules exist."""

from __future__ import annotations

import pytest

from warwire.ingest.language import detect_language, language_warning


@pytest.mark.parametrize(("text", "language"), [
    ("Three civilians were killed and five wounded when shells hit the market of the town on Sunday, "
     "according to the monitor, which said the toll was likely to rise as rescuers searched the rubble.", "en"),
    ("مقتل طفل وإصابة والدته بقصف مدفعي على بلدة في ريف إدلب الجنوبي صباح اليوم", "ar"),
    ("Трое мирных жителей погибли в результате артиллерийского обстрела рынка в городе", "ru"),
    ("Trois civils ont été tués et cinq blessés lors d'un bombardement sur le marché de la ville", "fr"),
    ("مقتل طفل بقصف على ريف إدلب الجنوبي See translation 12 likes", "ar"),
    ("12 34 -- !!", None),
])
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_warning_only_without_a_rule_pack() -> None:
    assert language_warning("en") is None and language_warning("ar") is None and language_warning(None) is None
    assert "no rule pack" in (language_warning("ru") or "")


def test_login_wall_only_is_no_article() -> None:
    from warwire.ingest.html import NoArticle
    from warwire.ingest.prepare import prepare
    from warwire.ingest.records import Record

    with pytest.raises(NoArticle, match="no article"):
        prepare(Record("wall", text="Facebook\nLog in\nForgot password?\nCreate new account\nNot now\n"))
