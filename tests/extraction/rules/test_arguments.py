"""What a token stands for (kg/extraction/rules/arguments.py, names.py, targets.py):
pronouns, definite groups, "the city", sites, holders and places around a target."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    # a subject pronoun continues the last subject
    ("Hezbollah said it would fight Israel. It attacked Haifa.", {("Hezbollah", "ATTACKS", "Haifa", "verb")}),
    # "the group": the group last named; "the city": the place last named
    ("The RSF besieged El Fasher. The group shelled the city.",
     {("Rapid Support Forces", "ATTACKS", "El Fasher", "verb")}),
    # a common-noun target that a named place of the article is
    ("Ukraine struck the bridge. The Crimean Bridge was damaged.", {("Ukraine", "ATTACKS", "Kerch Bridge", "verb")}),
    # forces are their side's
    ("Tigrayan fighters recaptured Mekelle in June.",
     {("Tigray People's Liberation Front", "CAPTURED", "Mekelle", "verb")}),
    ("A drone launched by the Houthis hit an apartment building in Tel Aviv.",
     {("Houthis", "ATTACKS", "Tel Aviv", "verb")}),
    # a possessive in a conjoined clause with its own subject still skips the subject above
    ("Belarus negotiated with Wagner, and the convoy halted under a deal that sends its leader Yevgeny Prigozhin "
     "into exile.", {("Belarus", "NEGOTIATES_WITH", "Wagner Group", "verb"),
                     ("Yevgeny Prigozhin", "LEADS", "Wagner Group", "title")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_arguments_resolve_to_exactly_these_actors(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    # "the X district of Y" is X; the tagger's label for X does not make it a people
    ("Pakistani artillery shelled villages in the Poonch district of Indian-controlled Kashmir.",
     {("India", "CONTROLS", "Jammu and Kashmir", "affix"), ("Pakistan", "ATTACKS", "Poonch", "verb")}),
    ("Israeli jets struck the Houthi-held port of Hodeidah.",
     {("Houthis", "CONTROLS", "Hodeidah", "affix"), ("Israel", "ATTACKS", "Hodeidah", "verb")}),
    ("Israeli strikes brought down a high-rise tower in Gaza City.", {("Israel", "ATTACKS", "Gaza City", "verb")}),
    # a fronted scene ("In Gaza,") gives way to the place after the verb
    ("In Gaza, Israeli strikes brought down another high-rise tower in Gaza City.",
     {("Israel", "ATTACKS", "Gaza City", "verb")}),
    ("In Gaza, Israeli strikes killed 20 people.", {("Israel", "ATTACKS", "Gaza Strip", "verb")}),
])
def test_named_districts_and_sites_in_a_place(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a named ship is a place of its own
    ("The Houthis sank a ship. On Sunday the militia attacked the Magic Seas, another Greek-operated vessel, which "
     "also sank.", {("Houthis", "ATTACKS", "Magic Seas", "verb")}),
    ("Israel said it hit the Galaxy Leader, a car carrier the Houthis seized in November 2023.",
     {("Israel", "ATTACKS", "Galaxy Leader", "verb")}),
    # "both sides": the last two sides named
    ("Russia attacked Ukraine. Donald Trump, who has pressed both sides to agree a ceasefire, spoke on Monday.",
     {("Russia", "ATTACKS", "Ukraine", "verb"), ("Donald Trump", "CALLS_ON", "Russia", "verb"),
      ("Donald Trump", "CALLS_ON", "Ukraine", "verb")}),
])
def test_named_ships_and_both_sides(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_a_description_parsed_as_a_second_subject_gives_way_to_the_name() -> None:
    check("The Myanmar National Democratic Alliance Army (MNDAA), a Kokang ethnic army thought to number about 8,000 "
          "fighters, took Lashio in August 2024.",
          {("Myanmar National Democratic Alliance Army", "CAPTURED", "Lashio", "verb")})


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Israel struck Hezbollah in Beirut despite a ceasefire with the Iran-backed group.",
     {("Iran", "BACKS", "Hezbollah", "affix"), ("Israel", "ATTACKS", "Hezbollah", "verb")}),
    ("Ethiopia's army fought Fano. Amnesty International accused soldiers of killing dozens of civilians.",
     {("Amnesty International", "CRITICIZES", "Ethiopian government", "verb"),
      ("Ethiopian government", "ATTACKS", "Fano", "verb")}),
])
def test_the_affixed_group_and_accused_soldiers(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    # followers named after a man are a group of their own, not the man himself
    ("Mugabe loyalists stormed the party offices in Harare.",
     {("Mugabe loyalists", "ATTACKS", "Harare", "verb")}),
    ("Haftar supporters attacked a checkpoint near Sirte.", {("Haftar supporters", "ATTACKS", "Sirte", "verb")}),
    # near-miss: forces loyal to a man are his
    ("Forces loyal to Haftar attacked Tripoli.", {("Khalifa Haftar", "ATTACKS", "Tripoli", "verb")}),
])
def test_followers_of_a_person_are_not_the_person(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_rebels_of_an_article_naming_the_npa_are_the_npa() -> None:
    check("Philippine soldiers killed five New People's Army guerrillas on Samar. The rebels later seized the town "
          "of Las Navas.", {("Philippines", "ATTACKS", "New People's Army", "verb"),
                            ("New People's Army", "CAPTURED", "Las Navas", "verb")})
