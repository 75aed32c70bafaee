"""Passive designations and designated members (kg/extraction/rules/designations.py)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("The Baloch Liberation Army has been designated a terrorist organisation by the United States.",
     {("United States", "OPPOSES", "Balochistan Liberation Army", "designation-passive")}),
    ("Hamas was listed as a terrorist group by the European Union in 2003.",
     {("European Union", "OPPOSES", "Hamas", "designation-passive")}),
    # the subject of the first of two joined verbs, "the group" resolved in the article
    ("The Baloch Liberation Army attacked a train. The group is banned in Pakistan and has been designated "
     "a terrorist organisation by the United States and Britain.",
     {("United States", "OPPOSES", "Balochistan Liberation Army", "designation-passive"),
      ("United Kingdom", "OPPOSES", "Balochistan Liberation Army", "designation-passive"),
      ("Pakistan", "OPPOSES", "Balochistan Liberation Army", "formal-act")}),
    ("The United States designated eight crime groups as foreign terrorist organizations, among them the "
     "Sinaloa cartel, MS-13 and Tren de Aragua.",
     {("United States", "OPPOSES", "Sinaloa Cartel", "designation-members"),
      ("United States", "OPPOSES", "MS-13", "designation-members"),
      ("United States", "OPPOSES", "Tren de Aragua", "designation-members")}),
    # a participle set off by commas, the parser taking it for the name's verb
    ("Al-Shabaab, designated a terrorist group by the United States and Britain, denied the report.",
     {("United States", "OPPOSES", "al-Shabaab", "designation-passive"),
      ("United Kingdom", "OPPOSES", "al-Shabaab", "designation-passive")}),
    ("Drones hit a camp of Hayat Tahrir al-Sham, the Islamist group that the United Nations designated a "
     "terrorist organisation.",
     {("United Nations", "OPPOSES", "Hayat Tahrir al-Sham", "designation-relative")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_designation_opposes_the_designated(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_a_passive_verb_without_an_epithet_is_no_designation() -> None:
    check("The Baloch Liberation Army was named in the report by the United States.", set())


def test_a_participle_without_an_epithet_or_a_denied_designation_is_none() -> None:
    check("Al-Shabaab, named by the United States in the report, denied the claim.", set())
    check("Drones hit a camp of Hayat Tahrir al-Sham, the Islamist group that the United Nations has never "
          "designated a terrorist organisation.", set())
