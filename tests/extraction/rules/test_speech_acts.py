"""Speech acts whose speaker or addressee the parse hides (kg/extraction/rules/arguments.py,
kg/extraction/rules/clauses.py ``reporting_verb``, kg/extraction/rules/attribution.py)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    # a demand the parser hung on the last verb of the reported clause is the reporter's
    ("Kenyan President William Ruto said the talks had stalled and urged Uganda to reopen the border.",
     {("William Ruto", "LEADS", "Kenya", "title"), ("William Ruto", "CALLS_ON", "Uganda", "verb")}),
    ("Amnesty International accused the army of Mali of torturing detainees and called on the government of Mali "
     "to investigate.",
     {("Amnesty International", "CRITICIZES", "Malian government", "verb"),
      ("Amnesty International", "CALLS_ON", "Malian government", "verb")}),
    # its own negation and the reporter's clause still block it; the reported clause's does not make it
    ("The minister said the militants would not attack Niger and did not urge Chad to withdraw.", set()),
    # "who" hung on the last noun of an apposition is the person named before it
    ("The inquiry followed a complaint by Wycliffe Otieno, a lawyer for families of the victims, who accused Uganda "
     "of stealing cattle.",
     {("Wycliffe Otieno", "CRITICIZES", "Uganda", "verb")}),
    ("The inquiry followed a complaint by families of the victims, who accused Uganda of stealing cattle.", set()),
    # "both countries" are the last two states other than those who speak to them
    ("Ethiopia and Eritrea massed troops on the border. Egypt and Kenya, which chairs the regional bloc, urged both "
     "countries to show restraint.",
     {("Egypt", "CALLS_ON", "Ethiopia", "verb"), ("Egypt", "CALLS_ON", "Eritrea", "verb"),
      ("Kenya", "CALLS_ON", "Ethiopia", "verb"), ("Kenya", "CALLS_ON", "Eritrea", "verb")}),
    # "the militias": the armed group last named
    ("Fano militias attacked Gondar on Monday. Prime Minister Abiy Ahmed urged the militias to disarm.",
     {("Fano", "ATTACKS", "Gondar", "verb"), ("Abiy Ahmed", "LEADS", "Ethiopia", "title"),
      ("Abiy Ahmed", "CALLS_ON", "Fano", "verb")}),
    ("Fano militias attacked Gondar on Monday. Prime Minister Abiy Ahmed did not urge the militias to disarm.",
     {("Fano", "ATTACKS", "Gondar", "verb"), ("Abiy Ahmed", "LEADS", "Ethiopia", "title")}),
    # "what it called aggression by Benin": the attacker in the by-phrase
    ("Niger's foreign ministry condemned what it called a brutal aggression by Benin.",
     {("Niger", "CRITICIZES", "Benin", "criticism-event")}),
    ("Niger's foreign ministry condemned what it called a failure of diplomacy.", set()),
    # an organisation's investigators speak for it
    ("U.N. investigators accused Rwanda of backing the M23.",
     {("United Nations", "CRITICIZES", "Rwanda", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_speech_act_finds_its_speaker_and_addressee(sentence: str, expected: set) -> None:
    check(sentence, expected)
