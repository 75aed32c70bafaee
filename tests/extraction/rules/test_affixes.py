"""Affixed modifiers (kg/extraction/rules/affixes.py)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("The Houthis, Iran-backed rebels, fired missiles.", {("Iran", "BACKS", "Houthis", "affix")}),
    ("Pro-Russian separatists shelled Mariupol.",
     {("Donbas separatists", "ATTACKS", "Mariupol", "verb"), ("Donbas separatists", "BACKS", "Russia", "affix")}),
    ("Anti-government forces took Kidal.",
     {("Malian opposition", "CAPTURED", "Kidal", "verb"),
      ("Malian opposition", "OPPOSES", "Malian government", "affix")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_affix_rule_finds_exactly_these_relations(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_an_affix_in_predicate_position_states_the_same() -> None:
    check("Kherson is Russian-controlled.", {("Russia", "CONTROLS", "Kherson", "affix")})


def test_a_body_run_by_a_group_is_led_not_held() -> None:
    # "X-run" on a ministry or office is leadership; on a town it is control
    check("At least 40 people were killed, the Hamas-run Health Ministry said.",
          {("Hamas", "LEADS", "Gaza Health Ministry", "affix")})
