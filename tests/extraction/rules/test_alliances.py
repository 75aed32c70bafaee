"""Joining and founding an alliance (kg/extraction/rules/alliances.py, verb_frames.founded_together)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import check

SAHEL = "Alliance of Sahel States"


def test_joining_others_in_an_alliance_makes_all_members_and_allies() -> None:
    check("Burkina Faso has joined Mali and Niger in the Alliance of Sahel States.",
          {("Burkina Faso", "MEMBER_OF", SAHEL, "joined-in"), ("Mali", "MEMBER_OF", SAHEL, "joined-in"),
           ("Niger", "MEMBER_OF", SAHEL, "joined-in"), ("Burkina Faso", "ALLIED_WITH", "Mali", "joined-in"),
           ("Burkina Faso", "ALLIED_WITH", "Niger", "joined-in"), ("Mali", "ALLIED_WITH", "Niger", "joined-in")})


def test_founders_after_a_passive_aside_are_members_and_allies() -> None:
    check("Mali, Burkina Faso and Niger, all ruled by military officers, have formed the Alliance of Sahel States.",
          {("Mali", "MEMBER_OF", SAHEL, "verb-founded"), ("Burkina Faso", "MEMBER_OF", SAHEL, "verb-founded"),
           ("Niger", "MEMBER_OF", SAHEL, "verb-founded"), ("Mali", "ALLIED_WITH", "Burkina Faso", "verb-founded"),
           ("Mali", "ALLIED_WITH", "Niger", "verb-founded"), ("Burkina Faso", "ALLIED_WITH", "Niger", "verb-founded")})


def test_joining_an_alliance_alone_is_the_verb_rule() -> None:
    check("Poland joined NATO in 1999.", {("Poland", "MEMBER_OF", "NATO", "verb")})


def test_allied_as_a_passive_or_an_adjective_is_an_alliance() -> None:
    check("Hezbollah is allied with Iran.", {("Hezbollah", "ALLIED_WITH", "Iran", "allied-with")})
    check("The Houthis, who are aligned with Iran, fired missiles at Israel.",
          {("Houthis", "ALLIED_WITH", "Iran", "allied-with"), ("Houthis", "ATTACKS", "Israel", "verb")})


def test_a_denied_alliance_is_none() -> None:
    check("Hamas is not allied with Hezbollah.", set())


def test_an_x_aligned_group_is_an_ally_not_a_client() -> None:
    check("Harakat al-Nujaba, an Iran-aligned faction, fired rockets at the base.",
          {("Iran", "ALLIED_WITH", "Harakat Hezbollah al-Nujaba", "affix")})


def test_a_group_loyal_to_a_person_is_led_by_them() -> None:
    check("The Wagner Group, loyal to Yevgeny Prigozhin, marched on Moscow.",
          {("Yevgeny Prigozhin", "LEADS", "Wagner Group", "loyal-to"), ("Wagner Group", "ATTACKS", "Moscow", "verb")})


def test_loyalty_to_a_state_leads_nothing() -> None:
    check("The Wagner Group, loyal to Russia, stayed in Mali.", set())


def test_the_one_turned_to_for_support_backs_the_one_who_turns() -> None:
    check("Traore turned to Russia for security support after French troops left in 2023.",
          {("Russia", "BACKS", "Ibrahim Traore", "turned-to")})


@pytest.mark.parametrize("sentence", ["Goita turned to Moscow for answers.", "Goita did not turn to Moscow for help."])
def test_turning_to_someone_for_no_support_or_not_at_all_is_no_backing(sentence: str) -> None:
    check(sentence, set())


def test_fighters_loyal_to_a_group_are_its_members() -> None:
    check("Insurgents loyal to Islamic State killed at least 30 civilians in Mozambique.",
          {("Mozambican opposition", "MEMBER_OF", "Islamic State", "loyal-to")})


def test_forces_loyal_to_a_list_are_those_named_not_led_by_one_of_them() -> None:
    check("Forces loyal to Haftar and the Wagner Group shelled Tripoli.",
          {("Khalifa Haftar", "ATTACKS", "Tripoli", "verb"), ("Wagner Group", "ATTACKS", "Tripoli", "verb")})


def test_militias_no_longer_loyal_to_a_leader_are_not_his() -> None:
    check("Militias no longer loyal to Hemedti shelled El Fasher.", set())
    check("Militias loyal to Hemedti shelled El Fasher.",
          {("Mohamed Hamdan Dagalo", "ATTACKS", "El Fasher", "verb")})


def test_allegiance_to_a_group_is_membership() -> None:
    check("Boko Haram, a group that pledged allegiance to the Islamic State, burned the village.",
          {("Boko Haram", "MEMBER_OF", "Islamic State", "allegiance")})
    check("In 2016 the ADF pledged allegiance to the Islamic State.",
          {("Allied Democratic Forces", "MEMBER_OF", "Islamic State", "allegiance")})
    check("Boko Haram never pledged allegiance to al-Qaeda.", set())


def test_a_faction_affiliated_with_a_group_is_its_member() -> None:
    check("Al-Shabaab, a faction affiliated with al-Qaeda, burned the village.",
          {("al-Shabaab", "MEMBER_OF", "al-Qaeda", "allied-with")})


def test_one_of_the_groups_in_a_whole_is_its_member() -> None:
    check("Harakat al-Nujaba, one of the strongest factions in the Popular Mobilization Forces, denied the claim.",
          {("Harakat Hezbollah al-Nujaba", "MEMBER_OF", "Popular Mobilization Forces", "one-of")})
    check("The TNLA is one of three armed groups in the Three Brotherhood Alliance.",
          {("Ta'ang National Liberation Army", "MEMBER_OF", "Three Brotherhood Alliance", "one-of")})
    # a country is where the groups are, no whole they belong to
    check("Harakat al-Nujaba, one of the strongest factions in Iraq, denied the claim.", set())


def test_those_brought_together_in_an_alliance_are_members_and_allies() -> None:
    brotherhood = "Three Brotherhood Alliance"
    check("The Three Brotherhood Alliance brings together the MNDAA and the Arakan Army.",
          {("Myanmar National Democratic Alliance Army", "MEMBER_OF", brotherhood, "together"),
           ("Arakan Army", "MEMBER_OF", brotherhood, "together"),
           ("Myanmar National Democratic Alliance Army", "ALLIED_WITH", "Arakan Army", "together")})
    check("Mali and Burkina Faso have banded together in the Alliance of Sahel States.",
          {("Mali", "MEMBER_OF", SAHEL, "together"), ("Burkina Faso", "MEMBER_OF", SAHEL, "together"),
           ("Mali", "ALLIED_WITH", "Burkina Faso", "together")})
    # coming together for talks forms no alliance; a state brings sides together without taking them in
    check("Russia and Ukraine came together for talks in Istanbul.", set())
    check("The United Nations brought together Israel and Hamas negotiators.", set())


def test_a_name_and_its_allies_of_a_state_are_allies() -> None:
    check("The Houthis and their Iranian allies denied the report.", {("Houthis", "ALLIED_WITH", "Iran", "its-allies")})
    # allies no name stands for are no actor
    check("Israel and its Western allies condemned the report.", set())
