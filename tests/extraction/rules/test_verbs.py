"""The verb rule (kg/extraction/rules/verbs.py): subject, object, passives, prepositions, joint action."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("Russia backs Assad.", {("Russia", "BACKS", "Bashar al-Assad", "verb")}),
    ("The Houthis are backed by Iran.", {("Iran", "BACKS", "Houthis", "verb-passive")}),
    ("Hamas, led by Yahya Sinwar, attacked Israel.",
     {("Hamas", "ATTACKS", "Israel", "verb"), ("Yahya Sinwar", "LEADS", "Hamas", "verb-passive")}),
    ("Iran supplied drones to Russia.", {("Iran", "BACKS", "Russia", "verb")}),
    ("Hamas and Israel fought in Gaza.", {("Hamas", "ATTACKS", "Israel", "verb")}),
    ("Kherson fell to Russian forces in March.", {("Russia", "CAPTURED", "Kherson", "verb")}),
    ("The M23 took control of Goma.", {("M23", "CAPTURED", "Goma", "verb")}),
    ("Rwandan and Mozambican forces recaptured Mocimboa da Praia.",
     {("Rwanda", "CAPTURED", "Mocimboa da Praia", "verb"), ("Mozambique", "CAPTURED", "Mocimboa da Praia", "verb"),
      ("Rwanda", "ALLIED_WITH", "Mozambique", "verb-joint")}),
    ("The army drove al-Shabaab out of Adan Yabaal, a town in Middle Shabelle.",
     {("Somali government", "ATTACKS", "al-Shabaab", "verb"),
      ("Somali government", "CAPTURED", "Adan Yabaal", "verb")}),
    ("Israel bombed a base in Damascus.", {("Israel", "ATTACKS", "Damascus", "verb")}),
    ("Hamas attacked areas controlled by Israel.", {("Hamas", "ATTACKS", "Israel", "verb")}),
    ("Niger severed diplomatic ties with Ukraine.", {("Niger", "OPPOSES", "Ukraine", "verb")}),
    ("Mali's junta expelled the French ambassador.", {("Malian government", "OPPOSES", "France", "verb")}),
    ("Israel remained determined to destroy Hamas.", {("Israel", "OPPOSES", "Hamas", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_verb_rule_finds_exactly_these_relations(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Russia denied plans to attack Kyiv.",
    "If Israel attacks Iran, Tehran will respond.",
    "Fighters say they will push on towards Kinshasa.",
    "Haidar told AFP by phone that he wants to leave.",
])
def test_negated_planned_or_reported_verbs_state_nothing(sentence: str) -> None:
    check(sentence, set())


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Somalia's army fought al-Shabaab. The militants killed dozens of soldiers.",
     {("Somali government", "ATTACKS", "al-Shabaab", "verb"), ("al-Shabaab", "ATTACKS", "Somali government", "verb")}),
    # soldiers with an owner are that owner's, not the home state's
    ("Somalia's army fought al-Shabaab. The militants killed dozens of Kenyan soldiers.",
     {("Somali government", "ATTACKS", "al-Shabaab", "verb"), ("al-Shabaab", "ATTACKS", "Kenya", "verb")}),
])
def test_soldiers_nobody_owns_are_the_home_states(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a gerund after "after", "by" acts for the subject of the verb the phrase hangs on
    ("Israeli warplanes bombed Sanaa's airport a day after striking the port of Hodeidah.",
     {("Israel", "ATTACKS", "Sanaa", "verb"), ("Israel", "ATTACKS", "Hodeidah", "verb")}),
    ("Iran retaliated by firing missiles at Al Udeid Air Base.", {("Iran", "ATTACKS", "Al Udeid Air Base", "verb")}),
    # places "around" and areas "of" a place are where the attack hit
    ("Fighters of the ELN attacked villages around Tibu and Teorama.",
     {("National Liberation Army", "ATTACKS", "Tibu", "verb"),
      ("National Liberation Army", "ATTACKS", "Teorama", "verb")}),
    ("Gunmen from Viv Ansanm attacked villages in the hills of Kenscoff.",
     {("Viv Ansanm", "ATTACKS", "Kenscoff", "verb")}),
    # seizing a base attacks those who held it and takes the place it is in
    ("The RSF seized a Sudanese army base in Babanusa.",
     {("Rapid Support Forces", "ATTACKS", "Sudanese government", "verb"),
      ("Rapid Support Forces", "CAPTURED", "Babanusa", "verb")}),
    ("The BLA hijacked the Jaffar Express in the Bolan Pass.",
     {("Balochistan Liberation Army", "CAPTURED", "Jaffar Express", "verb")}),
    ("American bombers dropped bombs on the Fordow enrichment site.", {("United States", "ATTACKS", "Fordow", "verb")}),
    ("Boko Haram overwhelmed the Nigerian army.", {("Boko Haram", "ATTACKS", "Nigerian government", "verb")}),
    # soldiers counted but not owned are the home state's
    ("Nigeria's army has fought ISWAP for years. ISWAP fighters overran the town of Marte, killing several soldiers.",
     {("Nigerian government", "ATTACKS", "Islamic State West Africa Province", "verb"),
      ("Islamic State West Africa Province", "CAPTURED", "Marte", "verb"),
      ("Islamic State West Africa Province", "ATTACKS", "Nigerian government", "verb")}),
])
def test_attack_and_capture_verbs_in_wire_phrasing(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Iran retaliated instead of firing missiles at Al Udeid Air Base.",
    "The RSF did not seize the army base in Babanusa.",
    "Hamas threatened to hijack the Jaffar Express.",
])
def test_attack_and_capture_verbs_negated_or_threatened_state_nothing(sentence: str) -> None:
    check(sentence, set())


@pytest.mark.parametrize(("sentence", "expected"), [
    # a verb keyed on its preposition keeps its object: the partner is an ally, the object is fought
    ("The SDF fought the Islamic State group alongside U.S. troops.",
     {("Syrian Democratic Forces", "ALLIED_WITH", "United States", "verb"),
      ("Syrian Democratic Forces", "ATTACKS", "Islamic State", "verb"),
      ("United States", "ATTACKS", "Islamic State", "verb-joint")}),
    ("The SDF fought alongside U.S. troops against the Islamic State.",
     {("Syrian Democratic Forces", "ALLIED_WITH", "United States", "verb"),
      ("Syrian Democratic Forces", "ATTACKS", "Islamic State", "verb"),
      ("United States", "ATTACKS", "Islamic State", "verb-joint")}),
    # taking a place from someone attacks them
    ("Russia seized Avdiivka from Ukraine.",
     {("Russia", "CAPTURED", "Avdiivka", "verb"), ("Russia", "ATTACKS", "Ukraine", "verb")}),
    # the rest of a list of places the parser hung on the verb
    ("Ukraine hit the Belaya air base in the Irkutsk region, Olenya in the Murmansk region, and Ivanovo.",
     {("Ukraine", "ATTACKS", "Belaya", "verb"), ("Ukraine", "ATTACKS", "Olenya", "verb"),
      ("Ukraine", "ATTACKS", "Ivanovo", "verb")}),
])
def test_partners_losers_and_listed_places_of_attack_verbs(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "The SDF refused to fight the Islamic State alongside Turkish troops.",
    "Russia failed to seize Avdiivka from Ukraine.",
])
def test_refused_or_failed_joint_attacks_state_nothing(sentence: str) -> None:
    check(sentence, set())


@pytest.mark.parametrize(("sentence", "expected"), [
    # an attack that acts is its makers' act
    ("HTS led the offensive that toppled Assad.", {("Hayat Tahrir al-Sham", "ATTACKS", "Bashar al-Assad", "verb")}),
    # repelling an attack "by" someone fights them
    ("The army repelled an attack by the RSF on El Obeid.",
     {("Sudanese government", "ATTACKS", "Rapid Support Forces", "verb")}),
    # a town NER took for a person, listed among places, is a place struck
    ("Israeli jets also struck targets in Tabriz, Kermanshah and the capital.",
     {("Israel", "ATTACKS", "Tabriz", "verb"), ("Israel", "ATTACKS", "Kermanshah", "verb")}),
    # an actor struck somewhere is the target, not the place
    ("Israel killed Hezbollah commanders in Beirut.", {("Israel", "ATTACKS", "Hezbollah", "verb")}),
    # "it" is the place described, not the place in its description
    ("Rebels of the M23 movement have taken control of most of Goma, the largest city in eastern Congo, "
     "after entering it on Monday.", {("M23", "CAPTURED", "Goma", "verb")}),
])
def test_agents_and_targets_wire_copy_leaves_implicit(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "HTS planned an offensive that would topple Assad.",
    "The army said no attack by the RSF had been repelled.",
])
def test_planned_or_negated_attacks_with_implicit_agents_state_nothing(sentence: str) -> None:
    check(sentence, set())


@pytest.mark.parametrize(("sentence", "expected"), [
    # fighting with no one else named is between the subjects, not an alliance against a place
    ("Hamas and Fatah fought each other in Gaza.", {("Hamas", "ATTACKS", "Fatah", "verb")}),
    ("Hamas and Fatah have fought street battles across Gaza since June.", {("Hamas", "ATTACKS", "Fatah", "verb")}),
    ("Hamas and Fatah did not fight each other in Gaza.", set()),
])
def test_subjects_fighting_no_one_else_fight_each_other(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a passive attack on something unnamed hits the place it is in
    ("A village in the Kursk region had been shelled by Ukrainian forces.",
     {("Ukraine", "ATTACKS", "Kursk Oblast", "verb-passive")}),
    ("No village in the Kursk region was shelled by Ukrainian forces.", set()),
    # a base taken "in" a town takes the town; one "near" it does not
    ("JNIM seized a military base in Gao.", {("Jama'at Nusrat al-Islam wal-Muslimin", "CAPTURED", "Gao", "verb")}),
    ("JNIM seized a military base near Gao.", set()),
    ("Boko Haram fighters overpowered the Nigerian army.", {("Boko Haram", "ATTACKS", "Nigerian government", "verb")}),
])
def test_passive_attacks_and_places_taken(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    # "the X port of Y" is Y, also in a list
    ("Russian aircraft bombed the Black Sea port of Poti.", {("Russia", "ATTACKS", "Poti", "verb")}),
    ("Houthi forces seized the Red Sea port city of Hodeidah and the town of Zabid.",
     {("Houthis", "CAPTURED", "Hodeidah", "verb"), ("Houthis", "CAPTURED", "Zabid", "verb")}),
    ("Hamas-led gunmen burst into southern Israel, killing about 1,200 people.",
     {("Hamas", "ATTACKS", "Israel", "verb")}),
    # moving vehicles into a city one holds takes nothing
    ("Regime forces moved more than 200 military vehicles into Homs.", set()),
])
def test_places_described_and_motion_into_them(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    # the name right before ", which" is the relative's antecedent, wherever the parse hung the clause
    ("Turkey considers the YPG an offshoot of the Kurdistan Workers' Party (PKK), which it has fought since 1984.",
     {("Turkey", "ATTACKS", "Kurdistan Workers' Party", "verb")}),
    ("The RSF, which the army has not fought since 2023, denied the report.", set()),
])
def test_the_antecedent_of_a_relative_object(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_giving_a_welcome_or_a_warning_is_no_help() -> None:
    check("Egypt gave a cautious welcome to the truce between Israel and Hamas.",
          {("Israel", "NEGOTIATES_WITH", "Hamas", "noun-between")})
    check("Iran gave drones to the Houthis.", {("Iran", "BACKS", "Houthis", "verb")})


@pytest.mark.parametrize("sentence", [
    "Serbian and Kosovar delegations were due to meet in Brussels.",
    "Serbia and Kosovo are scheduled to meet in Brussels on Monday.",
])
def test_a_meeting_still_to_come_is_no_negotiation(sentence: str) -> None:
    check(sentence, set())


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Serbia and Kosovo will meet in Brussels on Monday.", set()),
    ("Ecuador said it would cooperate with Colombia.", set()),
    ("Serbia and Kosovo met in Brussels on Monday.", {("Serbia", "NEGOTIATES_WITH", "Kosovo", "verb")}),
])
def test_talks_or_cooperation_still_to_come_are_not_coded(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_the_head_of_a_delegation_leads_no_state() -> None:
    check("Serbia's delegation was led by Foreign Minister Marko Djuric.",
          {("Marko Djuric", "MEMBER_OF", "Serbia", "title")})
