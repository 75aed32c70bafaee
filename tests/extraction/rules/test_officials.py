"""Officials by role (kg/extraction/rules/officials.py, through the title rules)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    # a state office with no state named is the home state's
    ("Defence Minister Ahmed Moallim Fiqi said troops in Somalia would regroup.",
     {("Ahmed Moallim Fiqi", "MEMBER_OF", "Somalia", "title")}),
    # the same office named with its state earlier in the article
    ("Oman's foreign minister spoke in Yemen on Tuesday. Foreign Minister Badr Albusaidi said the talks went well.",
     {("Badr Albusaidi", "MEMBER_OF", "Oman", "title")}),
    # a rank after the title is no title of its own
    ("Junta leader General Assimi Goita turned to Moscow for military help.",
     {("Assimi Goita", "LEADS", "Malian government", "title"), ("Russia", "BACKS", "Assimi Goita", "turned-to")}),
    # the appointing side is the organisation
    ("The junta-appointed prime minister, General Abdoulaye Maiga, spoke in Mali.",
     {("Abdoulaye Maiga", "LEADS", "Malian government", "title")}),
    # "chief of staff" is looked up whole: a member
    ("Israel said it killed Hezbollah's chief of staff, Haytham Ali Tabatabai, in Beirut.",
     {("Israel", "ATTACKS", "Haytham Ali Tabatabai", "verb"),
      ("Haytham Ali Tabatabai", "MEMBER_OF", "Hezbollah", "title")}),
    # the chief of one service is a member of the state
    ("Police chief Rameau Normil said reinforcements had reached Mirebalais in Haiti.",
     {("Rameau Normil", "MEMBER_OF", "Haiti", "title")}),
    # a title with its of-phrase before the name
    ("Military chief of staff Eyal Zamir proposed the strike on Beirut, Israel said.",
     {("Eyal Zamir", "MEMBER_OF", "Israel", "title")}),
    # an official of a state who is not its head is a member of it
    ("Ukraine's top commander, Oleksandr Syrskyi, said his troops had pushed back.",
     {("Oleksandr Syrskyi", "MEMBER_OF", "Ukraine", "title")}),
    ("Kremlin aide Vladimir Medinsky led the talks.", {("Vladimir Medinsky", "MEMBER_OF", "Russia", "title")}),
    # an embassy acts for its state
    ("The U.S. embassy in Yemen accused the Houthis of kidnapping surviving crew.",
     {("United States", "CRITICIZES", "Houthis", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_official_is_tied_to_the_side_the_role_names(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_a_former_office_is_coded_like_a_present_one() -> None:
    check("Former president Francois Bozize spoke in the Central African Republic.",
          {("Francois Bozize", "LEADS", "Central African Republic", "title")})


ROLES: list[Case] = [
    # an organ of the state named in the title is the home state's
    ("Government spokesman Maxime Balalu said the rebels would be hunted down in the Central African Republic.",
     {("Maxime Balalu", "MEMBER_OF", "Central African Republic", "title")}),
    ("Military spokesman Ahmed Sharif Chaudhry said 21 hostages died in Pakistan.",
     {("Ahmed Sharif Chaudhry", "MEMBER_OF", "Pakistan", "title")}),
    # a title in a list keeps its own organisation
    ("UPC leader Ali Darassa and 3R chief Sembe Bobbo are expected to return to Bangui.",
     {("Ali Darassa", "LEADS", "Union for Peace in the Central African Republic", "title"),
      ("Sembe Bobbo", "LEADS", "Return, Reclamation and Rehabilitation", "title")}),
    # an acronym no file knows, before a title, is the organisation
    ("FPRC leader Noureddine Adam said the rebels would fight.", {("Noureddine Adam", "LEADS", "FPRC", "title")}),
    # a title word the tagger took for a name is no organisation
    ("Supreme Leader Ayatollah Ali Khamenei spoke on Tuesday.", {("Ali Khamenei", "LEADS", "Iran", "title")}),
    # one commander among several is a member
    ("A strike killed Abu Baqir al-Saadi, a senior commander of the militia Kataib Hezbollah.",
     {("Abu Baqir al-Saadi", "MEMBER_OF", "Kataib Hezbollah", "title")}),
    # the name the parser hung on the organisation holds the role
    ("A spokesman for the M23, Lawrence Kanyuka, said the rebels held Goma.",
     {("Lawrence Kanyuka", "MEMBER_OF", "M23", "title"), ("M23", "CONTROLS", "Goma", "verb")}),
    # a minister named after the role noun of another state is no minister of the first
    ("Araqchi met Oman's foreign minister Badr Albusaidi.",
     {("Abbas Araghchi", "NEGOTIATES_WITH", "Badr Albusaidi", "verb"),
      ("Badr Albusaidi", "MEMBER_OF", "Oman", "title")}),
    # a named organ of a state is a member of it
    ("South Korea's National Intelligence Service has estimated that 4,700 soldiers died.",
     {("National Intelligence Service", "MEMBER_OF", "South Korea", "organ-possessive")}),
]


@pytest.mark.parametrize(("sentence", "expected"), ROLES, ids=[case_id(c) for c in ROLES])
def test_role_is_read_from_the_words_around_it(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Rebel army spokesman Khine Thu spoke on Tuesday.",  # no office of the state
    "Sudan's Rapid Support Forces spoke on Tuesday.",  # a force of its own is no organ of the state
])
def test_no_role_where_the_words_name_no_side(sentence: str) -> None:
    check(sentence, set())

