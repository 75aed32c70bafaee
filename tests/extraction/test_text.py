"""Text preparation (kg/extraction/text.py): offsets never move."""

from __future__ import annotations

import pytest

from kg.extraction.text import prepare


def test_text_after_source_line_is_blanked_keeping_length() -> None:
    text = "Russia backs Assad.\nSource: example.gr\nUnrelated teaser about traffic\n"
    prepared = prepare(text)
    assert len(prepared.parse_text) == len(text)
    assert prepared.parse_text.strip() == "Russia backs Assad."
    assert prepared.boilerplate_from == text.index("Source:")


def test_truncated_teaser_lines_are_blanked() -> None:
    text = "Iran backs the Houthis.\nThe former community leader of...\nMore news."
    assert prepare(text).parse_text.split("\n")[1].strip() == ""


def test_dash_aside_is_lifted_out_with_its_offset() -> None:
    text = "Erdogan \u2014 his country backs the rebels \u2014 called on Assad."
    prepared = prepare(text)
    assert prepared.asides == [(10, "his country backs the rebels")]
    assert text[10 : 10 + len("his country backs the rebels")] == "his country backs the rebels"
    assert prepared.parse_text.split() == ["Erdogan", "called", "on", "Assad."]


BODY = "Russia backs Assad.\n{line}\nIran backs the Houthis. Turkey backs the rebels."


@pytest.mark.parametrize("line", [
    "Sources said Iran backs Hezbollah.",
    "Source: a senior Iranian official said on Monday that Tehran would keep arming Hezbollah.",
    "Related talks between Russia and Turkey went on in Astana.",
    "Read more closely, the statement shows that Moscow still backs Assad.",
    "Copyright disputes aside, Iran backs Hezbollah.",
    "Sourcing weapons from Iran, the Houthis attacked a ship.",
])
def test_body_lines_that_start_like_furniture_are_kept(line: str) -> None:
    text = BODY.format(line=line)
    prepared = prepare(text)
    assert (prepared.parse_text, prepared.blanked, prepared.boilerplate_from) == (text, [], None)


@pytest.mark.parametrize(("line", "why"), [
    ("Source: iefimerida.gr", "page furniture to the end"),
    ("Sources: Reuters, AP", "page furniture to the end"),
    ("Copyright 2024. Reproduction without permission is prohibited.", "page furniture to the end"),
    ("\u00a9 2024 News Desk. All rights reserved. | Privacy policy", "page furniture to the end"),
    ("Read more: How mobile money is changing small businesses", "link or sharing line"),
    ("Related: Record cocoa prices squeeze chocolate makers", "link or sharing line"),
    ("Advertisement", "link or sharing line"),
    ("Share this story", "link or sharing line"),
])
def test_clear_page_furniture_is_blanked_and_listed(line: str, why: str) -> None:
    text = f"Russia backs Assad.\n{line}\nTeaser about traffic"
    prepared = prepare(text)
    start = text.index(line)
    assert prepared.parse_text == text[:start] + "".join(" " if c != "\n" else c for c in text[start:])
    teaser = start + len(line) + 1  # a short line after a link line goes with it
    expected = [(start, len(text), why)] if why.endswith("end") else [(start, teaser, why), (teaser, len(text), why)]
    assert prepared.blanked == expected


def test_control_characters_and_ansi_escapes_become_spaces_in_place() -> None:
    text = "\x1b[31mRussia\x1b[0m backs\x00 Assad.\x0cIran\rbacks the Houthis.\u2028"
    prepared = prepare(text)
    assert len(prepared.parse_text) == len(text)
    assert prepared.parse_text == "     Russia     backs  Assad. Iran\nbacks the Houthis.\n"


def test_confusable_letters_fold_only_inside_latin_words() -> None:
    text = "R\u057dssia and \u0421yprus back Assad; \u0412\u0430\u0433\u043d\u0435\u0440 stays."
    assert prepare(text).parse_text == "Russia and Cyprus back Assad; \u0412\u0430\u0433\u043d\u0435\u0440 stays."
