"""References to a side the sentence does not name (kg/extraction/rules/names.py, arguments.py,
kg/extraction/resolution.py, actors.py): "the coalition", "the group", "the attackers", bare
"troops", "the mission", and names built on a place's name ("the Sudan Shield Forces")."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    # a description whose modifier names a known group is that group, not the article's main one
    ("Hamas said on Monday it would keep fighting. Hamas fighters fired rockets. US forces struck "
     "\"Iranian-backed Houthi terrorists\" in Yemen.",
     {("Iran", "BACKS", "Houthis", "affix"), ("United States", "ATTACKS", "Houthis", "verb")}),
    # ... but not an offshoot of it
    ("The FARC signed a peace deal in 2016. The ELN attacked a rival FARC dissident faction in Tibu.",
     {("National Liberation Army", "ATTACKS", "Tibu", "verb")}),
    # ... while a state's demonym leaves the description to the group the article is about
    ("Hamas said on Monday it would keep fighting. Israeli jets struck Hamas militants in Gaza.",
     {("Israel", "ATTACKS", "Hamas", "verb")}),
    # "the coalition": the group the article or the gazetteer calls a coalition, not the last organisation
    ("Viv Ansanm, a gang coalition, controls most of the capital, according to U.N. estimates. Haitian police "
     "have fought the coalition for control of several neighbourhoods.",
     {("Viv Ansanm", "CONTROLS", "Port-au-Prince", "verb"), ("Haiti", "ATTACKS", "Viv Ansanm", "verb")}),
    # "the group": the article's main group, not one named once in passing
    ("Hezbollah confirmed the death of its chief. Hezbollah said its fighters would fight on. Israel said the "
     "strike killed Abbas Nilforoushan, a deputy commander of Iran's Revolutionary Guards. In a statement, the "
     "group vowed to fight Israel.",
     {("Islamic Revolutionary Guard Corps", "MEMBER_OF", "Iran", "organ-possessive"),
      ("Abbas Nilforoushan", "MEMBER_OF", "Islamic Revolutionary Guard Corps", "title"),
      ("Hezbollah", "OPPOSES", "Israel", "vow")}),
    # a known one-word name before a surname no tagger knows is another man's first name
    ("Abbas met Netanyahu in Ramallah. Abbas criticised Hamas.",
     {("Mahmoud Abbas", "NEGOTIATES_WITH", "Benjamin Netanyahu", "verb"),
      ("Mahmoud Abbas", "CRITICIZES", "Hamas", "verb")}),
    # "the jihadist group" is a reference too, whatever tag the parser gives "jihadist"
    ("JNIM said it had attacked a post near Solenzo. The jihadist group vowed to take revenge on Burkina Faso.",
     {("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKS", "Solenzo", "verb"),
      ("Jama'at Nusrat al-Islam wal-Muslimin", "OPPOSES", "Burkina Faso", "verb")}),
    # "the jihadist group": the group called jihadist, not the militia named more often nor al-Qaeda,
    # named only to describe JNIM
    ("The VDP, a militia that backs the army, lost ten men near Solenzo. The VDP said its post was overrun. JNIM, "
     "al Qaeda's affiliate in the Sahel, said it had carried out the attack. The jihadist group vowed to fight "
     "Burkina Faso.",
     {("Jama'at Nusrat al-Islam wal-Muslimin", "MEMBER_OF", "al-Qaeda", "title"),
      ("Jama'at Nusrat al-Islam wal-Muslimin", "OPPOSES", "Burkinabe government", "vow"),
      ("Volunteers for the Defense of the Homeland", "BACKS", "Burkinabe government", "verb")}),
    # "the gunmen": the armed group last named; bare "troops": the home state's
    ("Boko Haram militants killed 63 people in the village of Darul Jamal. Troops later attacked the gunmen "
     "near the border.",
     {("Boko Haram", "ATTACKS", "Darul Jamal", "verb"), ("Nigerian government", "ATTACKS", "Boko Haram", "verb")}),
    # "the unit": an actor named with that word (the gazetteer's "CAPSAT unit")
    ("Colonel Michael Randrianirina's elite CAPSAT unit sided with the protesters. President Andry Rajoelina "
     "accused the unit of trying to seize power.",
     {("Michael Randrianirina", "LEADS", "CAPSAT", "title-possessive"),
      ("Andry Rajoelina", "LEADS", "Madagascar", "title"), ("Andry Rajoelina", "CRITICIZES", "CAPSAT", "verb")}),
    # "the mission": an actor named with that word
    ("Kenya leads the Multinational Security Support mission in Haiti. The United States criticised the mission.",
     {("Kenya", "LEADS", "Multinational Security Support Mission", "verb"),
      ("Multinational Security Support Mission", "BACKS", "Kenya", "noun"),
      ("United States", "CRITICIZES", "Multinational Security Support Mission", "verb")}),
]

NEGATIVE: list[Case] = [
    # troops a region speaks of are the region's, not the state's
    ("Somalia's Puntland says troops overran an Islamic State base in the Cal Miskaad mountains.", set()),
    # the police of a commander another state owns are not the home state's
    ("Viv Ansanm controls most of the capital. Godfrey Otunge, the Kenyan police commander who heads the mission, "
     "criticised Viv Ansanm.",
     {("Viv Ansanm", "CONTROLS", "Port-au-Prince", "verb"), ("Godfrey Otunge", "MEMBER_OF", "Kenya", "title"),
      ("Godfrey Otunge", "CRITICIZES", "Viv Ansanm", "verb")}),
    # a quoted name after a known name is a thing named after him, not another man
    ("Moscow wary, Tehran defiant over US-backed 'Trump Route' in Caucasus", set()),
    # a word that only names refers to nothing when no actor has that name
    ("The United States criticised the mission.", set()),
    # "the presidential council" is not the UN Security Council named before
    ("The U.N. Security Council met on Tuesday. The gang leader has rejected the presidential council.", set()),
    # troops in a war between two states may be either's
    ("Russian troops shelled Kharkiv. Ukrainian officials said troops attacked Belgorod.",
     {("Russia", "ATTACKS", "Kharkiv", "verb")}),
    # gunmen introduced by their own clause are no reference to the group named before
    ("Lashkar-e-Taiba has bases in Pakistan. India accuses Pakistan of backing the gunmen who attacked tourists "
     "near Pahalgam.", {("India", "CRITICIZES", "Pakistan", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES + NEGATIVE, ids=[case_id(c) for c in CASES + NEGATIVE])
def test_references_resolve_to_exactly_these_actors(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a name built on a place's name is a body of its own, not the place or its state
    ("Fighters of the Sudan Shield Forces, led by Abu Aqla Keikel, joined the assault on Wad Madani.",
     {("Abu Aqla Keikel", "LEADS", "Sudan Shield Forces", "verb-passive")}),
    ("Police killed the general secretary of the banned Communist Party of India (Maoist). India banned the party "
     "in 2009.", {("Indian government", "ATTACKS", "Communist Party of India (Maoist)", "verb"),
                  ("Indian government", "OPPOSES", "Communist Party of India (Maoist)", "formal-act")}),
    ("The Islamic Army of Iraq claimed the attack on Baghdad.",
     {("Islamic Army of Iraq", "ATTACKS", "Baghdad", "noun")}),
    # a state's own forces and offices stay the state's
    ("The Sudanese Armed Forces recaptured Wad Madani.", {("Sudanese government", "CAPTURED", "Wad Madani", "verb")}),
    ("The Army of Iraq attacked Mosul.", {("Iraq", "ATTACKS", "Mosul", "verb")}),
    ("He met the President of Sudan.", set()),
])
def test_names_built_on_a_place(sentence: str, expected: set) -> None:
    check(sentence, expected)
