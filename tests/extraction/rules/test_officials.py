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
     {("Assimi Goita", "LEADS", "Malian government", "title")}),
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


def test_a_former_office_takes_no_home_state() -> None:
    check("Former president Francois Bozize spoke in the Central African Republic.", set())
