"""Compound modifiers of wire copy (the lexicon's affix relations, read by rules/affixes.py)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("India fired missiles at Pakistan-administered Kashmir.",
     {("India", "ATTACKS", "Pakistan-administered Kashmir", "verb"),
      ("Pakistan", "CONTROLS", "Pakistan-administered Kashmir", "affix")}),
    # a capital in a modifier stands for its state
    ("The Kigali-backed M23 entered Bukavu.",
     {("Rwanda", "BACKS", "M23", "affix"), ("M23", "CAPTURED", "Bukavu", "verb")}),
    ("Army units and army-allied militias known as Wazalendo fought the rebels in Goma, Congo.",
     {("Congolese government", "ALLIED_WITH", "Wazalendo", "affix"),
      ("Wazalendo", "ATTACKS", "Congolese opposition", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_compound_modifier_states_its_relation(sentence: str, expected: set) -> None:
    check(sentence, expected)
