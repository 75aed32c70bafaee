"""Control nouns (kg/extraction/rules/places.py): hands, control, strongholds."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("Goma remains in the hands of the M23.", {("M23", "CONTROLS", "Goma", "noun-hands")}),
    ("Kobani is now under SDF control.", {("Syrian Democratic Forces", "CONTROLS", "Kobani", "noun-control")}),
    ("The army shelled Jilib, the main stronghold of al-Shabaab, on Monday.",
     {("Somali government", "ATTACKS", "Jilib", "verb"), ("al-Shabaab", "CONTROLS", "Jilib", "noun-stronghold")}),
    # the stronghold was the group's until the sentence's capture
    ("The army took full control of Jilib, al-Shabaab's last stronghold, on Monday.",
     {("Somali government", "CAPTURED", "Jilib", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_control_noun_finds_exactly_these_relations(sentence: str, expected: set) -> None:
    check(sentence, expected)
