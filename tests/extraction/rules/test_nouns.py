"""The noun rule (kg/extraction/rules/nouns.py): nominalised relations, light verbs, "between"."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("The RSF launched a drone attack on Port Sudan.", {("Rapid Support Forces", "ATTACKS", "Port Sudan", "noun")}),
    ("Russian airstrikes on Idlib killed dozens.", {("Russia", "ATTACKS", "Idlib", "noun")}),
    ("Egypt backed the agreement between Sudan and South Sudan.",
     {("Sudan", "NEGOTIATES_WITH", "South Sudan", "noun-between")}),
    ("Turkey is a key backer of the Syrian National Army.", {("Turkey", "BACKS", "Syrian National Army", "noun")}),
    ("The Houthis, an Iranian proxy, attacked ships.", {("Iran", "BACKS", "Houthis", "noun")}),
    ("Georgia revoked its defence agreements with Russia.", {("Georgia", "OPPOSES", "Russia", "noun")}),
    ("After the fall of Kabul to the Taliban, thousands fled.", {("Taliban", "CAPTURED", "Kabul", "noun")}),
    ("Iran and Russia deepened their military cooperation.", {("Iran", "ALLIED_WITH", "Russia", "noun")}),
    ("Hezbollah claimed responsibility for a drone attack on an Israeli base.",
     {("Hezbollah", "ATTACKS", "Israel", "noun")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_noun_rule_finds_exactly_these_relations(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_a_ceasefire_only_called_for_is_no_negotiation() -> None:
    check("The EU called for a ceasefire between Russia and Ukraine.", set())
