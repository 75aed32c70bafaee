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


@pytest.mark.parametrize(("sentence", "expected"), [
    # the killers made the raid the killings were "in"
    ("Boko Haram killed 63 people in an overnight raid on the village of Darul Jamal.",
     {("Boko Haram", "ATTACKS", "Darul Jamal", "noun")}),
    # "take part in" lends its subject as the other light verbs do
    ("Uganda took part in air strikes around Nasir.", {("Uganda", "ATTACKS", "Nasir", "noun")}),
    ("Russian forces kept up assaults around Pokrovsk.", {("Russia", "ATTACKS", "Pokrovsk", "noun")}),
    # "between" hung on the verb of which the clashes are the subject
    ("Clashes erupted again on Tuesday between the SDF and the Syrian National Army.",
     {("Syrian Democratic Forces", "ATTACKS", "Syrian National Army", "noun-between")}),
])
def test_attack_nouns_borrow_their_agents_and_parties_from_the_clause(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Boko Haram did not kill anyone in the raid on Darul Jamal.",
    "Uganda denied taking part in air strikes around Nasir.",
    "Hamas said no clashes took place between its fighters and Fatah.",
])
def test_denied_or_negated_attack_nouns_state_nothing(sentence: str) -> None:
    check(sentence, set())


@pytest.mark.parametrize(("sentence", "expected"), [
    # soldiers killed "in" an attack or clashes are their side's; the other party attacked it
    ("At least 13 soldiers from South Africa, Malawi and Uruguay have been killed in clashes with the M23.",
     {("M23", "ATTACKS", "South Africa", "noun"), ("M23", "ATTACKS", "Malawi", "noun"),
      ("M23", "ATTACKS", "Uruguay", "noun")}),
    ("Two Kenyan soldiers were killed in an attack by al-Shabaab near Lamu.",
     {("al-Shabaab", "ATTACKS", "Kenya", "noun")}),
    # civilians killed name no side; no soldiers killed, no attack on them
    ("Five civilians were killed in an attack by al-Shabaab.", set()),
    ("No soldiers were killed in clashes with the M23.", set()),
])
def test_the_side_of_soldiers_killed_in_an_attack(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_support_for_a_deal_backs_no_party_but_support_for_an_offensive_does() -> None:
    check("Armenia and Azerbaijan signed a peace accord with the support of France and Qatar.",
          {("Armenia", "NEGOTIATES_WITH", "Azerbaijan", "noun")})
    check("The army recaptured Palmyra with the support of Russia.",
          {("Russia", "BACKS", "Syrian government", "noun"), ("Syrian government", "CAPTURED", "Palmyra", "verb")})


def test_an_apposition_after_a_list_describes_its_last_member() -> None:
    check("Talks took place between Qatar and Iran, Hezbollah's main backer.",
          {("Iran", "BACKS", "Hezbollah", "noun"), ("Qatar", "NEGOTIATES_WITH", "Iran", "noun-between")})


def test_suspending_cooperation_opposes_and_makes_no_alliance() -> None:
    check("Niger suspended its military cooperation with Benin.", {("Niger", "OPPOSES", "Benin", "formal-act")})
    check("Niger deepened its military cooperation with Russia.", {("Niger", "ALLIED_WITH", "Russia", "noun")})


def test_a_possessive_in_a_warning_belongs_to_the_one_warned() -> None:
    check("The United States struck the Houthis in Yemen on Saturday. Washington warned Iran that its support "
          "for the Houthis must end.",
          {("Iran", "BACKS", "Houthis", "noun"), ("United States", "ATTACKS", "Houthis", "verb"),
           ("United States", "CALLS_ON", "Iran", "verb")})
    check("The United States struck the Houthis in Yemen on Saturday. Washington said its support for Israel "
          "would not waver.",
          {("United States", "ATTACKS", "Houthis", "verb"), ("United States", "BACKS", "Israel", "noun")})
