"""Vows to fight on are a stance (kg/extraction/rules/vows.py)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("Harakat al-Nujaba vowed to keep fighting American forces until they leave Iraq.",
     {("Harakat Hezbollah al-Nujaba", "OPPOSES", "United States", "vow")}),
    ("Hassan Sheikh has vowed to lead the fight against al-Shabaab from the front line.",
     {("Hassan Sheikh Mohamud", "OPPOSES", "al-Shabaab", "vow")}),
    ("Hun Sen vowed that Cambodia would strike back at Thai forces.", {("Hun Sen", "OPPOSES", "Thailand", "vow")}),
    ("Iran vowed to destroy Israel.", {("Iran", "OPPOSES", "Israel", "vow")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_a_vow_to_fight_opposes_the_enemy(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("sentence", ["Russia vowed not to attack Ukraine.", "Hamas promised to stop attacking Israel.",
                                      "Iran vowed to keep talking with the United States."])
def test_a_vow_of_no_fighting_is_no_stance(sentence: str) -> None:
    check(sentence, set())


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hezbollah vowed revenge against Israel.", {("Hezbollah", "OPPOSES", "Israel", "vow")}),
    ("Iran vowed a crushing response to Israel.", {("Iran", "OPPOSES", "Israel", "vow")}),
    ("Iran vowed a response to the letter from Washington.", set()),
    ("Hezbollah did not vow revenge against Israel.", set()),
])
def test_a_vowed_revenge_or_response_is_a_stance_against_its_target(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_a_vow_to_fight_until_the_enemy_is_beaten_or_that_it_will_be_opposes_it() -> None:
    check("Israel vowed to keep fighting until Hamas is destroyed.", {("Israel", "OPPOSES", "Hamas", "vow")})
    check("Museveni vowed that the ADF would be crushed.",
          {("Yoweri Museveni", "OPPOSES", "Allied Democratic Forces", "vow")})
    # fighting until a war ends names no enemy; a vow that they will not be crushed is none
    check("Putin vowed to keep fighting until the war ends.", set())
    check("Museveni vowed that the ADF would not be crushed.", set())
