"""Counted groups refer to the last armed groups named (kg/extraction/rules/arguments.py, names.py)."""

from __future__ import annotations

from extraction.rules.rule_cases import check


def test_the_two_factions_are_the_last_two_armed_groups() -> None:
    check("ISWAP, Islamic State's West African affiliate, broke away from Boko Haram in 2016, and the two "
          "factions have since fought each other for control of islands.",
          {("Islamic State West Africa Province", "ATTACKS", "Boko Haram", "verb"),
           ("Islamic State West Africa Province", "MEMBER_OF", "Islamic State", "title")})


def test_the_two_delegations_are_the_last_two_sides() -> None:
    check("Russia and Ukraine held talks in Istanbul. At Friday's meeting, the two delegations agreed to exchange "
          "1,000 prisoners of war each.",
          {("Russia", "NEGOTIATES_WITH", "Ukraine", "noun"), ("Russia", "NEGOTIATES_WITH", "Ukraine", "verb")})


def test_counted_groups_are_no_states() -> None:
    check("Russia shelled Ukraine, and both groups agreed to a truce.", {("Russia", "ATTACKS", "Ukraine", "verb")})
