"""Curly quotes and citation markers behave like straight quotes and nothing
(kg/extraction/typography.py), and a leader's regime is the government he leads."""

from __future__ import annotations

import pytest
from extraction.extraction_helpers import triples

from kg.extraction.typography import straighten

SENTENCES = [
    ("Russia backed Bashar al-Assad\u2019s regime.",
     {("Bashar al-Assad", "LEADS", "Syrian government"), ("Russia", "BACKS", "Syrian government")}),
    ("Russia backed Assad.[12] Iran backed Hezbollah.[13][14]",
     {("Russia", "BACKS", "Bashar al-Assad"), ("Iran", "BACKS", "Hezbollah")}),
    ("\u201cRussia backs Assad,\u201d said the minister.", {("Russia", "BACKS", "Bashar al-Assad")}),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_straightened_text_reads_like_straight_text(sentence: str, expected: set) -> None:
    straight = straighten(sentence)
    assert len(straight) == len(sentence)
    assert triples(straight) == expected


def test_a_leaders_regime_is_the_government_he_leads_not_the_backers() -> None:
    assert triples("Russia backed Bashar al-Assad's regime.") == {
        ("Bashar al-Assad", "LEADS", "Syrian government"), ("Russia", "BACKS", "Syrian government")}


def test_citation_markers_and_quotes_become_blanks_and_straight_quotes() -> None:
    text = "Hama[a] fell,[citation needed] \u2018they\u2019 said"
    assert straighten(text) == "Hama    fell," + " " * 18 + "'they' said"
