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
    # a main verb the parser hung on the name as a modifier still has the name for its subject
    ("Kenyan President William Ruto, who insists that his country stayed neutral, accused Uganda of arming the "
     "rebels.",
     {("William Ruto", "LEADS", "Kenya", "title"), ("William Ruto", "CRITICIZES", "Uganda", "verb")}),
    # a plural pronoun in a clause of its own: the plural named before it in the sentence
    ("Chadian troops fought alongside the Sudanese army, and Amnesty International has accused them of abuses.",
     {("Chad", "ALLIED_WITH", "Sudanese government", "verb"), ("Amnesty International", "CRITICIZES", "Chad", "verb")}),
    # a speech act conjoined to another speaker's verb is that speaker's, not the first one's
    ("Russia's president, Dmitry Medvedev, accused Georgia of aggression, but Georgian President Mikheil "
     "Saakashvili rejected the charge and accused Moscow of invading his country.",
     {("Dmitry Medvedev", "LEADS", "Russia", "title"), ("Dmitry Medvedev", "CRITICIZES", "Georgia", "verb"),
      ("Mikheil Saakashvili", "LEADS", "Georgia", "title"), ("Mikheil Saakashvili", "CRITICIZES", "Russia", "verb")}),
    # the accused's denial does not undo an accusation
    ("Washington accuses Tehran of arming the Houthis, a charge Iran rejects.",
     {("United States", "CRITICIZES", "Iran", "verb")}),
    # "the military rulers" are the home government
    ("Soldiers ousted President Mohamed Bazoum in Niger in July. The military rulers have since accused France of "
     "plotting an intervention.",
     {("Mohamed Bazoum", "LEADS", "Nigerien government", "title"),
      ("Nigerien government", "CRITICIZES", "France", "verb")}),
    # the attack condemned is the one on the target named, however far back it was reported
    ("Gunmen of the Kivu Lions militia hijacked the Kindu Express on Monday. Police reported looting in Goma. "
     "Protesters marched in Bukavu. A curfew began in Uvira. Schools shut in Kalemie. Markets closed in Bunia. "
     "Banks shut in Beni. Flights stopped in Butembo. Rain fell in Goma. The UN Security Council condemned what it "
     "called a cowardly attack on the Kindu Express.",
     {("Kivu Lions militia", "CAPTURED", "Kindu Express", "verb"),
      ("UN Security Council", "CRITICIZES", "Kivu Lions militia", "criticism-event")}),
    # a demonym before a place noun says where the attack was, not who made it
    ("Kivu Lions gunmen kill 40 in Congolese village attack\n\nKivu Lions fighters killed 40 people in Walikale. "
     "President Felix Tshisekedi condemned the attack.",
     {("Kivu Lions fighters", "ATTACKS", "Walikale", "verb"), ("Felix Tshisekedi", "LEADS", "DR Congo", "title"),
      ("Felix Tshisekedi", "CRITICIZES", "Kivu Lions fighters", "criticism-event")}),
    # "He" continues a subject named in apposition ("India's spokesman, Randhir Jaiswal,")
    ("India's foreign ministry spokesman, Randhir Jaiswal, rejected the charges. He urged Islamabad to look inward.",
     {("Randhir Jaiswal", "MEMBER_OF", "India", "title"), ("Randhir Jaiswal", "CALLS_ON", "Pakistan", "verb")}),
    # "the Russian president" who acts is the leader of Russia the article names, and only that one
    ("Vladimir Putin met Xi Jinping. The Russian president later accused Ukraine of sabotage.",
     {("Vladimir Putin", "NEGOTIATES_WITH", "Xi Jinping", "verb"),
      ("Vladimir Putin", "CRITICIZES", "Ukraine", "verb")}),
    ("The Russian president accused Ukraine of sabotage.", set()),
    ("Protesters burned a portrait of the Russian president after Vladimir Putin spoke.", set()),
    # scolding, chiding, lashing out are criticism; a scolding denied is none
    ("Kenya berated Uganda over the border closure.", {("Kenya", "CRITICIZES", "Uganda", "verb")}),
    ("Ethiopia lashed out at Egypt over the dam.", {("Ethiopia", "CRITICIZES", "Egypt", "verb")}),
    ("Poland did not scold Russia.", set()),
    # "the security forces" of an article about a country are its government's
    ("Jihadists killed 100 soldiers in Djibo in Burkina Faso. Human Rights Watch has accused both JNIM and the "
     "security forces of killing civilians.",
     {("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKS", "Burkina Faso", "verb"),
      ("Human Rights Watch", "CRITICIZES", "Jama'at Nusrat al-Islam wal-Muslimin", "verb"),
      ("Human Rights Watch", "CRITICIZES", "Burkina Faso", "verb")}),
    # a warning that something could happen is addressed to nobody named; a warning to someone is a call
    ("Ali Musa warned that Islamic State could regroup in Syria.", set()),
    ("Kenya warned Uganda that it would close the border.", {("Kenya", "CALLS_ON", "Uganda", "verb")}),
    # "He" continues a name the parser made the root of its sentence
    ("Nikol Pashinyan, who insists his army stayed out, accused Azerbaijan of ethnic cleansing. He also blamed "
     "Russia.",
     {("Nikol Pashinyan", "CRITICIZES", "Azerbaijan", "verb"), ("Nikol Pashinyan", "CRITICIZES", "Russia", "verb")}),
    # an organisation's investigators speak for it
    ("U.N. investigators accused Rwanda of backing the M23.",
     {("United Nations", "CRITICIZES", "Rwanda", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_speech_act_finds_its_speaker_and_addressee(sentence: str, expected: set) -> None:
    check(sentence, expected)
