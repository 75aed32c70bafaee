"""People named in a list of victims (kg/extraction/rules/victims.py)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("Viv Ansanm killed at least 10 people, among them two Catholic nuns, Evanette Onezaire and Jeanne Voltaire.",
     {("Viv Ansanm", "ATTACKS", "Evanette Onezaire", "victims"),
      ("Viv Ansanm", "ATTACKS", "Jeanne Voltaire", "victims")}),
    ("Boko Haram killed 63 people, including Abu Musa and Ali Garba, in a raid.",
     {("Boko Haram", "ATTACKS", "Abu Musa", "victims"), ("Boko Haram", "ATTACKS", "Ali Garba", "victims")}),
    ("Israel killed three Hamas commanders, including Mohammed Deif.",
     {("Israel", "ATTACKS", "Hamas", "verb"), ("Israel", "ATTACKS", "Mohammed Deif", "victims")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_named_victims_are_attacked(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_named_victims_of_a_denied_killing_are_nothing() -> None:
    check("Boko Haram did not kill 63 people, including Abu Musa.", set())


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The MNDAA seized several towns, among them Chinshwehaw and Laukkai.",
     {("Myanmar National Democratic Alliance Army", "CAPTURED", "Chinshwehaw", "listed-places"),
      ("Myanmar National Democratic Alliance Army", "CAPTURED", "Laukkaing", "listed-places")}),
    ("Kyiv's forces held 100 settlements in Kursk, including the town of Sudzha.",
     {("Ukraine", "CONTROLS", "Sudzha", "listed-places")}),
    # a list after an object that is no place is no list of places
    ("The MNDAA seized several weapons, among them rifles from Laukkai.", set()),
    ("The MNDAA failed to seize several towns, among them Chinshwehaw and Laukkai.", set()),
])
def test_places_named_in_a_list_of_places_taken_or_held(sentence: str, expected: set) -> None:
    check(sentence, expected)
