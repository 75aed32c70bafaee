"""Titles and roles (kg/extraction/rules/titles.py)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    # ranks abbreviated after a role: no sentence ends at "Brig.", and both ranks leave the role
    ("Houthi military spokesman Brig. Gen. Yahya Saree said the group fired missiles at Israel.",
     {("Yahya Saree", "MEMBER_OF", "Houthis", "title"), ("Houthis", "ATTACKS", "Israel", "verb")}),
    ("Sudanese army spokesman Brig. Gen. Nabil Abdallah said the RSF had shelled El Obeid.",
     {("Nabil Abdallah", "MEMBER_OF", "Sudanese government", "title"),
      ("Rapid Support Forces", "ATTACKS", "El Obeid", "verb")}),
    # a rank alone is nobody, and no town "the town" could stand for
    ("Army spokesman Brig. Ahmed Ali said the rebels attacked the town.", set()),
    ("Syrian Defense Minister Ali Abbas said the withdrawal was temporary.",
     {("Ali Mahmoud Abbas", "MEMBER_OF", "Syria", "title")}),
    ("US Secretary of State Antony Blinken said the deal was close.",
     {("Antony Blinken", "MEMBER_OF", "United States", "title")}),
    ("Hungary, a NATO member, opposed the sanctions.", {("Hungary", "MEMBER_OF", "NATO", "title")}),
    ("Khalifa Haftar's Libyan National Army withdrew.",
     {("Khalifa Haftar", "LEADS", "Libyan National Army", "title-possessive")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_title_rule_finds_exactly_these_relations(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_a_former_arm_is_no_membership() -> None:
    check("Al-Qaeda's former Syrian arm, HTS, advanced.", set())


def test_the_affiliate_of_a_group_is_the_group_last_named() -> None:
    check("Al-Shabaab attacked the town. The al-Qaeda affiliate has fought the government for years.",
          {("al-Shabaab", "MEMBER_OF", "al-Qaeda", "title")})


def test_a_named_part_of_a_group_is_a_member_of_its_possessor() -> None:
    check("A blockade imposed by Al-Qaeda's Sahel affiliate JNIM left petrol stations dry.",
          {("Jama'at Nusrat al-Islam wal-Muslimin", "MEMBER_OF", "al-Qaeda", "organ-possessive")})
    check("Al-Qaeda's JNIM attacked Djibo.", {("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKS", "Djibo", "verb")})


def test_the_government_of_a_known_leader_is_the_one_he_leads() -> None:
    check("Wagner, the Russian contractor that backs the government of Touadera, has armed fighters.",
          {("Faustin-Archange Touadera", "LEADS", "Central African Republic", "title-possessive"),
           ("Wagner Group", "BACKS", "Faustin-Archange Touadera", "verb")})


def test_people_in_a_list_of_officials_are_no_organisation_of_each_other() -> None:
    check("State media said Revolutionary Guards commander Hossein Salami, armed forces chief of staff Mohammad "
          "Bagheri and Gholam Ali Rashid were among those killed.",
          {("Hossein Salami", "LEADS", "Islamic Revolutionary Guard Corps", "title"),
           ("Mohammad Bagheri", "MEMBER_OF", "Iran", "title")})


def test_his_government_is_led_only_by_a_known_leader() -> None:
    check("Netanyahu said his government would press on in Gaza.",
          {("Benjamin Netanyahu", "LEADS", "Israeli government", "title-possessive")})
    check("Afghan Foreign Minister Amir Khan Muttaqi said his government wanted good relations with Pakistan.",
          {("Amir Khan Muttaqi", "MEMBER_OF", "Afghan government", "title")})
    # a group of his own is his to lead
    check("Libya has been split since 2014, with the east held by commander Khalifa Haftar and his "
          "Libyan National Army.",
          {("Khalifa Haftar", "LEADS", "Libyan National Army", "title-possessive")})


def test_a_former_head_is_coded_and_a_former_member_only_of_what_the_text_names() -> None:
    check("Mullah Mohammad Yaqoob is the son of the Taliban's late founder, Mullah Omar.",
          {("Mullah Omar", "LEADS", "Taliban", "title")})
    check("The coalition is led by former police officer Jimmy Cherizier in Haiti.", set())
    # past ties stated in the text are coded like present ones
    check("Ali Habib, Syria's former defence minister, spoke.", {("Ali Habib", "MEMBER_OF", "Syria", "title")})
    check("Hassan Dahir, a former deputy leader of al-Shabaab, surrendered.",
          {("Hassan Dahir", "MEMBER_OF", "al-Shabaab", "title")})


def test_a_chief_executive_leads_the_company() -> None:
    check("TotalEnergies said its chief executive, Patrick Pouyanne, had asked Mozambique to extend the concession.",
          {("Patrick Pouyanne", "LEADS", "TotalEnergies", "title"),
           ("Patrick Pouyanne", "CALLS_ON", "Mozambique", "verb")})


def test_whose_leader_is_the_leader_of_the_name_before_whose() -> None:
    check("The militia is the armed wing of the Ambazonia Governing Council, whose leader Lucas Cho Ayaba is held "
          "in Norway.", {("Lucas Cho Ayaba", "LEADS", "Ambazonia Governing Council", "title")})
    # "whose" after a place names no organisation of the title
    check("The convoy reached Bamenda, whose mayor Paul Achobang spoke on Tuesday.", set())


def test_an_apposition_hung_on_another_noun_goes_to_the_name_before_the_comma() -> None:
    check("Egypt announced a ceasefire initiative in Cairo with Aguila Saleh, the speaker of the eastern-based "
          "House of Representatives.", {("Aguila Saleh", "LEADS", "House of Representatives", "title")})


def test_not_being_part_of_a_body_is_no_membership() -> None:
    check("Hamas is part of the Axis of Resistance.", {("Hamas", "MEMBER_OF", "Axis of Resistance", "title")})
    check("Hamas is not part of the coalition.", set())


def test_the_head_of_one_of_its_groups_leads_no_owner_of_them() -> None:
    check("Fighting shook the Libyan capital, when the head of one of its most powerful armed groups, "
          "Abdelghani al-Kikli, was shot dead.", set())


def test_a_counterpart_holds_the_office_of_the_official_named_before() -> None:
    check("Azerbaijani Foreign Minister Jeyhun Bayramov and his Armenian counterpart Ararat Mirzoyan initialled "
          "the text.", {("Jeyhun Bayramov", "MEMBER_OF", "Azerbaijan", "title"),
                        ("Ararat Mirzoyan", "MEMBER_OF", "Armenia", "title")})
    # no official named before: no office to hold
    check("Hakan Fidan met his Iranian counterpart Abbas Araqchi.",
          {("Hakan Fidan", "NEGOTIATES_WITH", "Iran", "verb")})


def test_an_offshoot_is_no_member_but_an_affiliate_is() -> None:
    check("Ansar Dine, an offshoot of al-Qaeda, attacked the base.", set())
    check("JNIM, an affiliate of al-Qaeda, attacked the base.",
          {("Jama'at Nusrat al-Islam wal-Muslimin", "MEMBER_OF", "al-Qaeda", "title")})


def test_a_role_in_an_unnamed_part_of_a_group_is_membership_of_the_group() -> None:
    check("Israel said the raid killed Wissam Tawil, the commander of Hezbollah's northern sector.",
          {("Wissam Tawil", "MEMBER_OF", "Hezbollah", "title")})
    check("Omar Saleh, a spokesman for Hamas's armed wing, said the talks had failed.",
          {("Omar Saleh", "MEMBER_OF", "Hamas", "title")})
    # a possessive place names no whole the role is in
    check("Omar Saleh, the director of Gaza's main hospital, said the talks had failed.", set())


def test_an_aide_to_a_leader_is_on_the_leader_s_side() -> None:
    check("Yuri Markov, a senior adviser to President Vladimir Putin, said the talks had failed.",
          {("Yuri Markov", "MEMBER_OF", "Russia", "title"), ("Vladimir Putin", "LEADS", "Russia", "title")})
    check("Yuri Markov, Vladimir Putin's chief adviser on Africa, said the talks had failed.",
          {("Yuri Markov", "MEMBER_OF", "Russia", "title")})
    # an envoy to a state is posted there, no member of it
    check("Yuri Markov, the Russian envoy to Syria, said the talks had failed.",
          {("Yuri Markov", "MEMBER_OF", "Russia", "title")})


def test_the_party_or_junta_of_a_person_is_led_by_them() -> None:
    check("The Bharatiya Janata Party, the party of Prime Minister Narendra Modi, won the vote.",
          {("Narendra Modi", "LEADS", "Bharatiya Janata Party", "title"), ("Narendra Modi", "LEADS", "India", "title")})
    check("The junta of Captain Ibrahim Traore took power in 2022.",
          {("Ibrahim Traore", "LEADS", "Burkinabe government", "title-possessive")})
    # a party of a people is led by no one named
    check("Hezbollah, a party of Lebanon's Shia, won the vote.", set())


def test_a_leader_s_former_deputy_is_not_put_on_the_leader_s_side() -> None:
    check("The war followed a feud between army chief Abdel Fattah al-Burhan and his former deputy, RSF commander "
          "Mohamed Hamdan Dagalo.",
          {("Abdel Fattah al-Burhan", "LEADS", "Sudan", "title"),
           ("Mohamed Hamdan Dagalo", "LEADS", "Rapid Support Forces", "title")})
