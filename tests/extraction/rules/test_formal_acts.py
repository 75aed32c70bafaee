"""Formal acts (kg/extraction/rules/formal_acts.py and the lexicon's designation and revenge verbs)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("Qatar, which has mediated between Israel and Hamas, spoke on Tuesday.",
     {("Qatar", "NEGOTIATES_WITH", "Israel", "mediation"), ("Qatar", "NEGOTIATES_WITH", "Hamas", "mediation"),
      ("Israel", "NEGOTIATES_WITH", "Hamas", "mediation")}),
    ("Oman brokered a truce between the United States and the Houthis in May.",
     {("Oman", "NEGOTIATES_WITH", "United States", "mediation"), ("Oman", "NEGOTIATES_WITH", "Houthis", "mediation"),
      ("United States", "NEGOTIATES_WITH", "Houthis", "mediation")}),
    # no "between": the parties are the actors of the clause the deal belongs to
    ("The MNDAA handed Lashio back to the military under a deal brokered by China.",
     {("China", "NEGOTIATES_WITH", "Myanmar National Democratic Alliance Army", "mediation"),
      ("China", "NEGOTIATES_WITH", "Myanmar government", "mediation"),
      ("Myanmar National Democratic Alliance Army", "NEGOTIATES_WITH", "Myanmar government", "mediation")}),
    ("The Qatar-brokered deal between Israel and Hamas collapsed.",
     {("Qatar", "NEGOTIATES_WITH", "Israel", "mediation"), ("Qatar", "NEGOTIATES_WITH", "Hamas", "mediation"),
      ("Israel", "NEGOTIATES_WITH", "Hamas", "mediation")}),
    ("Washington re-designated the Houthis as a foreign terrorist organization in March.",
     {("United States", "OPPOSES", "Houthis", "verb")}),
    ("Iran vowed to take revenge on Israel.", {("Iran", "OPPOSES", "Israel", "verb")}),
    ("The United States listed the Sinaloa cartel as a foreign terrorist organisation.",
     {("United States", "OPPOSES", "Sinaloa Cartel", "designation")}),
    ("North Korea sent troops to help Russia.", {("North Korea", "BACKS", "Russia", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_formal_act_states_its_relation(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_a_mediator_with_one_party_named_negotiates_with_nobody() -> None:
    check("Egypt mediated the talks on Sunday.", set())


def test_a_list_without_an_epithet_is_no_designation() -> None:
    check("The United States listed the Sinaloa cartel among its concerns.", set())


def test_the_parties_of_a_deal_that_ended_a_war_are_those_of_the_war() -> None:
    check("Russia brokered the ceasefire that ended the 2020 war between Armenia and Azerbaijan.",
          {("Russia", "NEGOTIATES_WITH", "Armenia", "mediation"),
           ("Russia", "NEGOTIATES_WITH", "Azerbaijan", "mediation"),
           ("Armenia", "NEGOTIATES_WITH", "Azerbaijan", "mediation"),
           ("Armenia", "OPPOSES", "Azerbaijan", "noun-between")})


FORMAL_STEPS: list[Case] = [
    ("The U.N. Security Council put Jimmy Cherizier under sanctions in 2022.",
     {("UN Security Council", "OPPOSES", "Jimmy Cherizier", "formal-act")}),
    ("Turkey recalled its ambassador to Israel on Saturday.", {("Turkey", "OPPOSES", "Israel", "formal-act")}),
    ("Armenia has frozen its participation in the Collective Security Treaty Organization.",
     {("Armenia", "OPPOSES", "Collective Security Treaty Organization", "formal-act")}),
    ("Mali's junta suspended the French broadcaster RFI.", {("Malian government", "OPPOSES", "RFI", "formal-act")}),
    ("The Baloch Liberation Army is banned in Pakistan.",
     {("Pakistan", "OPPOSES", "Balochistan Liberation Army", "formal-act")}),
    ("The United States announced sanctions targeting Iran's Quds Force.",
     {("United States", "OPPOSES", "Quds Force", "sanctions")}),
    ("Britain unveiled new sanctions against the Wagner Group.",
     {("United Kingdom", "OPPOSES", "Wagner Group", "sanctions")}),
    ("Hamas has been in talks with Israel through Egyptian mediators.",
     {("Hamas", "NEGOTIATES_WITH", "Israel", "in-talks"), ("Egypt", "NEGOTIATES_WITH", "Hamas", "in-talks"),
      ("Egypt", "NEGOTIATES_WITH", "Israel", "in-talks")}),
    ("Hamas leader Khalil al-Hayya has been in talks with Israel through Egyptian mediators.",
     {("Khalil al-Hayya", "LEADS", "Hamas", "title")}),
    ("The ELN remained in negotiations with the Colombian government.",
     {("National Liberation Army", "NEGOTIATES_WITH", "Colombian government", "in-talks")}),
    ("Egypt negotiated a truce between Israel and Hamas.",
     {("Egypt", "NEGOTIATES_WITH", "Israel", "mediation"), ("Egypt", "NEGOTIATES_WITH", "Hamas", "mediation"),
      ("Israel", "NEGOTIATES_WITH", "Hamas", "mediation")}),
    ("Russia and Ukraine negotiated in Istanbul.", {("Russia", "NEGOTIATES_WITH", "Ukraine", "verb")}),
    # the parties of a truce are those of its "under which" clause
    ("Oman brokered a truce under which the Houthis and the United States stopped attacking each other.",
     {("Oman", "NEGOTIATES_WITH", "Houthis", "mediation"), ("Oman", "NEGOTIATES_WITH", "United States", "mediation"),
      ("Houthis", "NEGOTIATES_WITH", "United States", "mediation")}),
    ("Iranian President Masoud Pezeshkian discussed the route with Armenian Prime Minister Nikol Pashinyan.",
     {("Masoud Pezeshkian", "LEADS", "Iran", "title"), ("Nikol Pashinyan", "LEADS", "Armenia", "title"),
      ("Masoud Pezeshkian", "NEGOTIATES_WITH", "Nikol Pashinyan", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), FORMAL_STEPS, ids=[case_id(c) for c in FORMAL_STEPS])
def test_a_formal_step_or_talks_state_a_relation_without_its_usual_verb(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Washington threatened to put Hezbollah under sanctions.",
    "Britain called for sanctions against the Wagner Group.",
    "The junta did not suspend the BBC.",
    "Burkina Faso suspended the sale of fuel.",
    "Ukraine refused to negotiate with Russia.",
    "Qatar negotiated the release of Israeli hostages held by Hamas.",
    "The EU did not announce sanctions against Israel.",
    "The court put the general under house arrest.",
    "Thailand did not recall its ambassador from Cambodia.",
    "Armenia has frozen its assets in a Swiss bank.",
    "Hamas is not in talks with Israel.",
    "Hamas said it would be in talks with Israel if the strikes stopped.",
    "Hamas denied it had discussed a truce with Israel.",
])
def test_a_threatened_denied_or_conditional_step_states_nothing(sentence: str) -> None:
    check(sentence, set())


def test_a_co_mediator_negotiates_with_each_party() -> None:
    check("Qatar, which has mediated between Israel and Hamas alongside Egypt, condemned the strike.",
          {("Qatar", "NEGOTIATES_WITH", "Israel", "mediation"), ("Qatar", "NEGOTIATES_WITH", "Hamas", "mediation"),
           ("Egypt", "NEGOTIATES_WITH", "Israel", "mediation"), ("Egypt", "NEGOTIATES_WITH", "Hamas", "mediation"),
           ("Israel", "NEGOTIATES_WITH", "Hamas", "mediation")})


def test_an_arms_supplier_backs_the_side_it_supplies() -> None:
    check("Analysts say China, the junta's main arms supplier, pressed the MNDAA to give up Lashio in Myanmar.",
          {("China", "BACKS", "Myanmar government", "noun"),
           ("China", "CALLS_ON", "Myanmar National Democratic Alliance Army", "verb")})
    check("China is not a supplier of the junta in Myanmar.", set())


def test_suspending_a_member_from_a_body_opposes_it() -> None:
    check("The AU suspended Sudan from the bloc in 2021.", {("African Union", "OPPOSES", "Sudan", "formal-act")})
    check("Guinea was suspended from ECOWAS after the coup.", {("ECOWAS", "OPPOSES", "Guinea", "formal-act")})
    # a suspension from a place is no suspension from a body
    check("The junta suspended flights from Abuja.", set())


def test_expelling_a_state_s_troops_opposes_the_state() -> None:
    # (the verb rule reads "expelled" as an attack too)
    check("Burkina Faso's junta expelled French troops in 2023.",
          {("Burkinabe government", "OPPOSES", "France", "expulsion"),
           ("Burkinabe government", "ATTACKS", "France", "verb")})
    # the phrasal form too
    check("Burkina Faso's junta kicked out French troops in 2023.",
          {("Burkinabe government", "OPPOSES", "France", "expulsion")})
    # troops driven from a place are fought, not sent home
    check("Sudan's army expelled the RSF from Omdurman.",
          {("Sudanese government", "ATTACKS", "Rapid Support Forces", "verb")})
