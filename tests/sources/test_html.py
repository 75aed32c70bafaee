"""kg.sources.html: saved news pages read into their main text and metadata."""

from __future__ import annotations

import pytest
from web_server import WEB_DATA

from kg.errors import PageError
from kg.inputs import read_html_file
from kg.pipeline import extract
from kg.sources.html import article_id, canonical_url, declared_charset, decode_html

BARA = WEB_DATA / "meridian" / "africa-rsf-bara.html"
TANKER = WEB_DATA / "harbour" / "houthis-strike-tanker.html"
# what the page's navigation, cookie banner, ticker, related articles, comments and share bar name
FURNITURE = {"Ukraine", "Russia", "Kyiv", "Israel", "Iran", "Hezbollah", "Lebanon", "Houthis", "Google", "Meta",
             "United Arab Emirates", "Egypt", "Turkey", "African Union", "Facebook", "Instagram"}


def test_saved_page_gives_its_main_text_and_metadata() -> None:
    doc = read_html_file(BARA)
    assert (doc.id, doc.title, doc.date, doc.url, doc.source) == (
        "africa-rsf-bara", "RSF fighters seize Bara in North Kordofan", "2026-11-28",
        "https://www.meridianpost.example/africa/2026/11/28/rsf-fighters-seize-bara", "The Meridian Post")
    assert doc.text.splitlines()[0] == (
        "The paramilitary Rapid Support Forces captured the town of Bara in North Kordofan on Saturday after two "
        "days of heavy fighting with the army, residents and aid workers said.")
    assert len(doc.text.splitlines()) == 4


def test_page_furniture_yields_no_actors() -> None:
    graph = extract([read_html_file(BARA)])
    names = {a["name"] for a in graph.actors()}
    assert names == {"Bara", "El Obeid", "North Kordofan", "Rapid Support Forces", "Sudanese government"}
    assert not names & FURNITURE
    assert ("Rapid Support Forces", "CAPTURED", "Bara") in {(r["source"], r["relation"], r["target"])
                                                            for r in graph.relations()}


def test_page_in_its_declared_windows_1252_with_the_date_in_json_ld() -> None:
    doc = read_html_file(TANKER)
    assert (doc.title, doc.date, doc.source) == (
        "Houthis strike tanker in the Red Sea", "2026-11-26", "Harbour Gazette")
    assert "Yemen\u2019s Houthis attacked a Greek-owned oil tanker" in doc.text
    assert "Su\u00e9z canal" in doc.text
    assert "Brent crude" not in doc.text and "Leave a Reply" not in doc.text and "Strait of Hormuz" not in doc.text


def test_page_without_article_text_is_an_error() -> None:
    with pytest.raises(PageError, match=r"no-article\.html: no article text found in the page$"):
        read_html_file(WEB_DATA / "fail" / "no-article.html")


def test_page_that_lies_about_its_charset_is_an_error(tmp_path) -> None:
    page = tmp_path / "lies.html"
    page.write_bytes('<meta charset="utf-8"><p>Ölfeld</p>'.encode("latin-1"))
    with pytest.raises(PageError, match=r"lies\.html: not valid utf-8 text \(byte 25\)$"):
        read_html_file(page)


def test_declared_charset_prefers_the_http_header() -> None:
    assert declared_charset(b'<meta charset="windows-1252">', "text/html; charset=ISO-8859-1") == "iso-8859-1"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">') == (
        "windows-1252")
    assert declared_charset(b"<p>no declaration</p>") is None


def test_decode_strips_a_byte_order_mark() -> None:
    assert decode_html("\ufeff<p>x</p>".encode()) == "<p>x</p>"


def test_article_id_is_stable_and_ignores_tracking_and_fragments() -> None:
    url = "https://www.meridianpost.example/africa/2026/11/28/rsf-fighters-seize-bara"
    assert article_id(url) == "meridianpost-example-africa-2026-11-28-rsf-fighters-seize-bara-c4c71f"
    assert article_id(url + "?utm_source=rss&utm_medium=feed#comments") == article_id(url)
    assert article_id(url + "?page=2") != article_id(url)
    assert canonical_url("https://A.example/x?fbclid=1&id=7") == "https://a.example/x?id=7"
