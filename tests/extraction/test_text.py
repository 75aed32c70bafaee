"""Text preparation (kg/extraction/text.py): offsets never move."""

from __future__ import annotations

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
