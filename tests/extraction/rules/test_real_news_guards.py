"""Guards against the wrong edges real wire copy provoked (kg/extraction/rules/arguments.py,
names.py, titles.py, targets.py, verbs.py, clauses.py and kg/extraction/relations.py):
whose capital "the capital" is, which town "it" or "the village" is, who a sentence-initial "It"
continues, a person's deputy, a commander of many, an envoy posted abroad, lists of states, a
perfect infinitive, an attack repulsed, an alleged act, talks with one's own side, an army
abroad (kg/extraction/actors.py).  Every sentence is made up."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CAPITALS: list[Case] = [
    # a demonym or a possessor names the state whose capital it is
    ("Russian drones struck the Ukrainian capital overnight.", {("Russia", "ATTACKS", "Kyiv", "verb")}),
    ("Israeli jets bombed Lebanon's capital on Sunday.", {("Israel", "ATTACKS", "Beirut", "verb")}),
    ("The M23 shelled the capital of Congo.", {("M23", "ATTACKS", "Kinshasa", "verb")}),
    # the capital of a region is the name it describes, never the country's capital
    ("The RSF seized Um Sayala, the capital of West Kordofan, on Friday.",
     {("Rapid Support Forces", "CAPTURED", "Um Sayala", "verb")}),
    ("Kaga-Bandoro is the third regional capital taken by rebels in the Central African Republic.",
     {("Central African Republic opposition", "CAPTURED", "Kaga-Bandoro", "verb-passive")}),
    ("Federal troops took the regional capital, Mekelle, in Ethiopia.",
     {("Ethiopian government", "CAPTURED", "Mekelle", "verb")}),
    # negative: a provincial capital no name describes is no place named here
    ("In Congo, rebels seized the provincial capital on Tuesday.", set()),
]

PLACES_AND_PRONOUNS: list[Case] = [
    # "the village" and a taken "it" are the last town, not the region named after it
    ("Two fighter jets bombed Kha Ma village in Kani Township, Sagaing Region. Junta soldiers burned the village.",
     {("Myanmar government", "ATTACKS", "Kha Ma", "verb")}),
    ("The town of Kalewa lies on the road to Chin and Rakhine states. Resistance fighters captured it last year.",
     {("Myanmar resistance", "CAPTURED", "Kalewa", "verb")}),
    # negative: with only a region before it, "it" names nothing taken
    ("Fighting spread across Gezira State. The paramilitaries captured it in a week.", set()),
    # a sentence-initial "It" continues the subject the previous sentence described
    ("Al-Shabaab and government forces fought for a base. The group said it took the base. "
     "It said it killed 40 Kenyan soldiers.",
     {("al-Shabaab", "ATTACKS", "Somali government", "verb"), ("al-Shabaab", "ATTACKS", "Kenya", "verb")}),
    # "another group said it had taken X": nobody named took it
    ("Rebels in Chad said they had captured Biltine, hours after another group said it had taken Abeche.",
     {("Chadian opposition", "CAPTURED", "Biltine", "verb")}),
    # "the group of X" is X's group, no group named before, and "a district of Y" is no Y
    ("The UN mission spoke on Monday. Militiamen found a grave in Abu Salim, a district of Tripoli that "
     "was controlled by the group of Ali Kikli.", {("Ali Kikli", "CONTROLS", "Abu Salim", "verb-passive")}),
]

ROLES: list[Case] = [
    # one is never a member of a person ("his deputy"), but of the side the person leads
    ("Hezbollah leader Hassan Nasrallah and his deputy, Naim Qassem, were sanctioned.",
     {("Hassan Nasrallah", "LEADS", "Hezbollah", "title"), ("Naim Qassem", "MEMBER_OF", "Hezbollah", "title")}),
    ("Omar Haddad, the deputy of Karim Nasser, spoke on Monday.", set()),
    # "a senior X commander" is one of X's commanders; "the leader of X" leads it
    ("Ali Tawil, a senior Hezbollah commander, spoke on Monday.", {("Ali Tawil", "MEMBER_OF", "Hezbollah", "title")}),
    ("Ahmed al-Sharaa, the leader of HTS, spoke on Monday.",
     {("Ahmed al-Sharaa", "LEADS", "Hayat Tahrir al-Sham", "title")}),
    # "..., the Radaa force" is that force's name, no whole the group belongs to
    ("The 444 Brigade, which fought a rival group, the Radaa force, said on Monday it was ready.", set()),
    ("Lebanon thanked UNIFIL, the UN force, on Monday.", {("UNIFIL", "MEMBER_OF", "United Nations", "title")}),
    # an organisation's envoy or mission is its own, not the country's it is posted to
    ("The UN's Sudan envoy, Ramtane Lamamra, arrived on Monday.",
     {("Ramtane Lamamra", "MEMBER_OF", "United Nations", "title")}),
    ("Fighting stopped, the United Nations' Libya mission, UNSMIL, said.",
     {("UNSMIL", "MEMBER_OF", "United Nations", "title")}),
    ("France's envoy, Sylvain Itte, arrived on Monday.", {("Sylvain Itte", "MEMBER_OF", "France", "title")}),
]

EVENTS: list[Case] = [
    # a vow to depose is a stance, no attack yet
    ("The rebels have sworn to depose President Idriss Deby.",
     {("Idriss Deby", "LEADS", "Chad", "title"), ("Chadian opposition", "OPPOSES", "Idriss Deby", "verb")}),
    # a perfect infinitive after a claim is a capture done, a bare infinitive only an aim
    ("The RSF claimed to have seized El Fasher.", {("Rapid Support Forces", "CAPTURED", "El Fasher", "verb")}),
    ("The RSF launched an offensive to seize El Fasher.", {("Rapid Support Forces", "ATTACKS", "El Fasher", "verb")}),
    # repulsing an attack by X fights X, not the place where X attacked
    ("Islamic State fighters repulsed an attack by the Mozambican army in Metubi village.",
     {("Islamic State", "ATTACKS", "Mozambican government", "verb"),
      ("Mozambican government", "ATTACKS", "Metubi", "noun")}),
    # negative: with no attacker named, the repulsed attack hits no place of theirs
    ("Malian troops repelled an attack on their base in Gao.", set()),
    # an alleged act is a claim, the article does not state it; the accusation still is one
    ("Reports differ about General Tesfaye Haile's alleged support for Fano.", set()),
    ("General Tesfaye Haile's support for Fano angered the army.",
     {("Tesfaye Haile", "BACKS", "Fano", "noun")}),
]

LISTS_AND_SIDES: list[Case] = [
    # "the three countries": the list of just three named together
    ("Qatar, Egypt and the United States issued a call for Israel and Hamas to talk. The three countries urged "
     "both parties to resume talks.",
     {(s, "CALLS_ON", t, "verb") for s in ("Qatar", "Egypt", "United States") for t in ("Israel", "Hamas")}),
    # negative: an apposition is no list ("ISWAP, Islamic State's affiliate, ... the two factions")
    ("ISWAP, Islamic State's West African affiliate, split from Boko Haram, and the two factions have fought "
     "each other since.",
     {("Islamic State West Africa Province", "MEMBER_OF", "Islamic State", "title"),
      ("Islamic State West Africa Province", "ATTACKS", "Boko Haram", "verb")}),
    # a leader meeting his own officials holds no talks; meeting a rival does
    ("President Paul Kagame met with military officials in Kigali.",
     {("Paul Kagame", "LEADS", "Rwandan government", "title")}),
    ("President Paul Kagame met with Felix Tshisekedi in Doha.",
     {("Paul Kagame", "LEADS", "Rwanda", "title"), ("Paul Kagame", "NEGOTIATES_WITH", "Felix Tshisekedi", "verb")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CAPITALS, ids=[case_id(c) for c in CAPITALS])
def test_a_capital_is_the_capital_of_the_state_named_with_it(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), PLACES_AND_PRONOUNS, ids=[case_id(c) for c in PLACES_AND_PRONOUNS])
def test_references_to_towns_and_groups_find_the_one_meant(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), ROLES, ids=[case_id(c) for c in ROLES])
def test_roles_relate_people_to_sides_never_to_people(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), EVENTS, ids=[case_id(c) for c in EVENTS])
def test_vows_claims_and_repulsed_attacks_code_what_happened(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), LISTS_AND_SIDES, ids=[case_id(c) for c in LISTS_AND_SIDES])
def test_counted_states_and_talks_with_ones_own_side(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    # an army fighting other countries' groups only is its state, though its country is the home one
    ("The Israeli military said its jets struck Hezbollah in southern Lebanon. The Israeli army said the strikes "
     "hit a depot.", {("Israel", "ATTACKS", "Hezbollah", "verb")}),
    # negative: an army fighting a group of its own country is its government
    ("The Sudanese army said it shelled the RSF in Omdurman. The army said the strikes hit a depot.",
     {("Sudanese government", "ATTACKS", "Rapid Support Forces", "verb")}),
], ids=["israel-hezbollah", "sudan-rsf"])
def test_an_army_is_its_government_only_in_a_war_at_home(sentence: str, expected: set) -> None:
    check(sentence, expected)
