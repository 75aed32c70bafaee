"""Joint action and sides (kg/extraction/rules/joint.py)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("Turkey campaigned alongside Qatar.", {("Turkey", "ALLIED_WITH", "Qatar", "alongside")}),
    # co-mediators are no allies (the mediation rule gives each its parties)
    ("Turkey mediated alongside Qatar.", set()),
    ("Chad fought on the side of France.", {("Chad", "BACKS", "France", "side")}),
    ("Moscow and Hezbollah on Assad's side",
     {("Russia", "BACKS", "Bashar al-Assad", "side"), ("Hezbollah", "BACKS", "Bashar al-Assad", "side")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_joint_rule_finds_exactly_these_relations(sentence: str, expected: set) -> None:
    check(sentence, expected)
