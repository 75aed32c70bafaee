"""Each rule family of kg/extraction/relations.py on small sentences, with exact relations."""

from __future__ import annotations

import pytest
from extraction.extraction_helpers import extract_text, triples

CASES = [
    # active verbs, coordination on the object side
    ("Russia backs Assad.", {("Russia", "BACKS", "Bashar al-Assad")}),
    ("M23 rebels captured Goma and Bukavu.", {("M23", "CAPTURED", "Goma"), ("M23", "CAPTURED", "Bukavu")}),
    ("Hamas fought alongside Islamic Jihad.", {("Hamas", "ALLIED_WITH", "Palestinian Islamic Jihad")}),
    # passive voice and relative clauses, coordination on the agent side
    ("The Houthis are backed by Iran.", {("Iran", "BACKS", "Houthis")}),
    (
        "Assad, who is backed by Russia and Iran, rejected the offer.",
        {("Russia", "BACKS", "Bashar al-Assad"), ("Iran", "BACKS", "Bashar al-Assad")},
    ),
    (
        "The SDF, which controls Raqqa, is led by Mazloum Abdi.",
        {
            ("Syrian Democratic Forces", "CONTROLS", "Raqqa"),
            ("Mazloum Abdi", "LEADS", "Syrian Democratic Forces"),
        },
    ),
    # nominalisations
    (
        "Thanks to the military support of Moscow, Damascus launched a counter-offensive.",
        {("Russia", "BACKS", "Syria")},
    ),
    ("Turkey is a key backer of the Syrian National Army.", {("Turkey", "BACKS", "Syrian National Army")}),
    ("Niger severed diplomatic ties with Ukraine.", {("Niger", "OPPOSES", "Ukraine")}),
    (
        "The United States imposed sanctions on Hemedti.",
        {("United States", "OPPOSES", "Mohamed Hamdan Dagalo")},
    ),
    # mediators negotiate with each party (rules/formal_acts.py)
    ("Egypt and Qatar mediated talks between Israel and Hamas.", {
        ("Israel", "NEGOTIATES_WITH", "Hamas"), ("Egypt", "NEGOTIATES_WITH", "Israel"),
        ("Egypt", "NEGOTIATES_WITH", "Hamas"), ("Qatar", "NEGOTIATES_WITH", "Israel"),
        ("Qatar", "NEGOTIATES_WITH", "Hamas")}),
    ("Israeli jets struck Hezbollah positions in southern Lebanon.", {("Israel", "ATTACKS", "Hezbollah")}),
    (
        "Moscow and Hezbollah on Assad's side",
        {("Russia", "BACKS", "Bashar al-Assad"), ("Hezbollah", "BACKS", "Bashar al-Assad")},
    ),
    # titles and appositions
    (
        "Turkish President Recep Tayyip Erdogan called on Assad to find a solution.",
        {
            ("Recep Tayyip Erdogan", "LEADS", "Turkey"),
            ("Recep Tayyip Erdogan", "CALLS_ON", "Bashar al-Assad"),
        },
    ),
    (
        "Syrian Defense Minister Ali Abbas said the withdrawal was temporary.",
        {("Ali Mahmoud Abbas", "MEMBER_OF", "Syria")},
    ),
    (
        "The head of the HTS, Ahmed al-Shareh, urged Iraq not to get involved.",
        {("Ahmed al-Sharaa", "LEADS", "Hayat Tahrir al-Sham"), ("Ahmed al-Sharaa", "CALLS_ON", "Iraq")},
    ),
    # affixes
    (
        "Anti-government forces took Kidal.",
        {("Malian opposition", "CAPTURED", "Kidal"), ("Malian opposition", "OPPOSES", "Malian government")},
    ),
    # joint action, expulsions, organs, possessed groups, sworn-in titles, places of victims
    ("Rwandan and Mozambican forces recaptured Mocimboa da Praia.",
     {("Rwanda", "CAPTURED", "Mocimboa da Praia"), ("Mozambique", "CAPTURED", "Mocimboa da Praia"),
      ("Rwanda", "ALLIED_WITH", "Mozambique")}),
    ("The army drove al-Shabaab out of Adan Yabaal, a town in Middle Shabelle.",
     {("Somali government", "ATTACKS", "al-Shabaab"), ("Somali government", "CAPTURED", "Adan Yabaal")}),
    ("Redwan Hussien headed the government delegation in Ethiopia.",
     {("Redwan Hussien", "MEMBER_OF", "Ethiopian government")}),
    ("Khalifa Haftar's Libyan National Army withdrew.", {("Khalifa Haftar", "LEADS", "Libyan National Army")}),
    ("Alix Didier Fils-Aime was sworn in as prime minister in Haiti.",
     {("Alix Didier Fils-Aime", "LEADS", "Haitian government")}),
    ("A drone launched by the Houthis hit an apartment building in Tel Aviv.", {("Houthis", "ATTACKS", "Tel Aviv")}),
    ("Mali's junta, headed by General Assimi Goita, expelled the French ambassador.",
     {("Assimi Goita", "LEADS", "Malian government"), ("Malian government", "OPPOSES", "France")}),
    ("Georgia revoked its defence agreements with Russia.", {("Georgia", "OPPOSES", "Russia")}),
    ("Iran vowed to stand by Assad.", {("Iran", "BACKS", "Bashar al-Assad")}),
    ("Army troops recaptured the presidential palace in Khartoum.",
     {("Sudanese government", "CAPTURED", "presidential palace")}),
    ("Kherson fell to Russian forces in March.", {("Russia", "CAPTURED", "Kherson")}),
    ("Putin and Xi met in Beijing.", {("Vladimir Putin", "NEGOTIATES_WITH", "Xi Jinping")}),
    ("Hamas and Fatah clashed in Gaza City.", {("Hamas", "ATTACKS", "Fatah")}),
    ("Russia declared war on Georgia.", {("Russia", "OPPOSES", "Georgia")}),
    ("US Secretary of State Antony Blinken said the deal was close.",
     {("Antony Blinken", "MEMBER_OF", "United States")}),
    ("Tigrayan fighters recaptured Mekelle in June.", {("Tigray People's Liberation Front", "CAPTURED", "Mekelle")}),
    ("The SDF, backed by the United States, captured Raqqa from the Islamic State in 2017.",
     {("United States", "BACKS", "Syrian Democratic Forces"), ("Syrian Democratic Forces", "CAPTURED", "Raqqa"),
      ("Syrian Democratic Forces", "ATTACKS", "Islamic State")}),
    ("Netanyahu's government approved the ceasefire with Hezbollah.",
     {("Benjamin Netanyahu", "LEADS", "Israeli government"), ("Israeli government", "NEGOTIATES_WITH", "Hezbollah")}),
    ("The Wagner Group, a Russian mercenary force, fought alongside Malian troops.",
     {("Wagner Group", "ALLIED_WITH", "Mali")}),
    ("Kobani is now under SDF control.", {("Syrian Democratic Forces", "CONTROLS", "Kobani")}),
    ("Iran's foreign minister Abbas Araghchi met his Saudi counterpart in Riyadh.",
     {("Abbas Araghchi", "MEMBER_OF", "Iran"), ("Abbas Araghchi", "NEGOTIATES_WITH", "Saudi Arabia")}),
    ("Turkey launched Operation Peace Spring against the SDF in northeast Syria.",
     {("Turkey", "ATTACKS", "Syrian Democratic Forces")}),
    ("Erdogan and Putin agreed on a plan to remove Kurdish fighters.",
     {("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Vladimir Putin")}),
    ("The Kurdish-led SDF struck a deal with Damascus.", {("Syrian Democratic Forces", "NEGOTIATES_WITH", "Syria")}),
    ("Israel killed Hezbollah leader Hassan Nasrallah in an airstrike on Beirut.",
     {("Hassan Nasrallah", "LEADS", "Hezbollah"), ("Israel", "ATTACKS", "Hassan Nasrallah"),
      ("Israel", "ATTACKS", "Beirut")}),
    ("The Peshmerga and the Iraqi army fought side by side against IS.",
     {("Peshmerga", "ATTACKS", "Islamic State"), ("Iraqi government", "ATTACKS", "Islamic State"),
      ("Peshmerga", "ALLIED_WITH", "Iraqi government")}),
    ("Ethiopian Prime Minister Abiy Ahmed ordered an offensive against the TPLF.",
     {("Abiy Ahmed", "LEADS", "Ethiopia"), ("Abiy Ahmed", "ATTACKS", "Tigray People's Liberation Front")}),
    ("Indian and Pakistani troops traded fire along the Line of Control.", {("India", "ATTACKS", "Pakistan")}),
    ("Washington warned Tehran against escalating the conflict.", {("United States", "CALLS_ON", "Iran")}),
    ("Hezbollah claimed responsibility for a drone attack on an Israeli base.", {("Hezbollah", "ATTACKS", "Israel")}),
    ("JNIM, an al-Qaeda affiliate, ambushed a convoy near Gao.",
     {("Jama'at Nusrat al-Islam wal-Muslimin", "MEMBER_OF", "al-Qaeda"),
      ("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKS", "Gao")}),
    ("Russia provided air cover for Syrian government forces.", {("Russia", "BACKS", "Syrian government")}),
    ("Hungary, a NATO member, opposed the sanctions.", {("Hungary", "MEMBER_OF", "NATO")}),
    ("A Ukrainian drone attack set fire to an oil depot in Proletarsk.", {("Ukraine", "ATTACKS", "Proletarsk")}),
    ("The Israeli Prime Minister, Benjamin Netanyahu, vowed to destroy Hamas.",
     {("Benjamin Netanyahu", "LEADS", "Israel"), ("Benjamin Netanyahu", "OPPOSES", "Hamas")}),
    ("Israel remained determined to destroy Hamas.", {("Israel", "OPPOSES", "Hamas")}),
    ("The head of Ukrainian diplomacy, Dmytro Kuleba, called on the West to send more air defence systems.",
     {("Dmytro Kuleba", "MEMBER_OF", "Ukraine")}),
    ("Iran's proxy Hezbollah fired rockets at Israel.",
     {("Iran", "BACKS", "Hezbollah"), ("Hezbollah", "ATTACKS", "Israel")}),
    ("The Houthis, an Iranian proxy, attacked ships.", {("Iran", "BACKS", "Houthis")}),
    ("Iran, Hezbollah's main backer, condemned the strike.", {("Iran", "BACKS", "Hezbollah")}),
    ("Turkish-backed Syrian rebels advanced on Ras al-Ain as Ankara pressed its offensive against the SDF.",
     {("Turkey", "BACKS", "Syrian opposition"), ("Syrian opposition", "ATTACKS", "Ras al-Ain"),
      ("Turkey", "ATTACKS", "Syrian Democratic Forces")}),
    ("The Kurdish-led SDF, which had fought alongside US troops against the Islamic State, turned to Damascus.",
     {("Syrian Democratic Forces", "ALLIED_WITH", "United States"),
      ("Syrian Democratic Forces", "ATTACKS", "Islamic State"), ("United States", "ATTACKS", "Islamic State")}),
    ("Erdogan and Putin signed a memorandum in Sochi.",
     {("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Vladimir Putin")}),
    ("Iraqi Prime Minister Haider al-Abadi declared victory over the Islamic State in Mosul.",
     {("Haider al-Abadi", "LEADS", "Iraq"), ("Haider al-Abadi", "ATTACKS", "Islamic State")}),
    ("A suicide bomber from Islamic State Khorasan struck the airport, killing 13 US service members.",
     {("Islamic State Khorasan Province", "ATTACKS", "United States")}),
    ("Russian forces attacked and captured Avdiivka in February.",
     {("Russia", "ATTACKS", "Avdiivka"), ("Russia", "CAPTURED", "Avdiivka")}),
    ("Iran condemned and sanctioned the United States.",
     {("Iran", "CRITICIZES", "United States"), ("Iran", "OPPOSES", "United States")}),
    ("The RSF controls part of Khartoum.", {("Rapid Support Forces", "CONTROLS", "Khartoum")}),
    ("The Houthis are part of the Axis of Resistance.", {("Houthis", "MEMBER_OF", "Axis of Resistance")}),
    ("Azerbaijan demanded the withdrawal of Armenian troops.", {("Azerbaijan", "CALLS_ON", "Armenia")}),
    ("Israel criticized the decision of the ICC.", {("Israel", "CRITICIZES", "International Criminal Court")}),
    ("Russia and Ukraine exchanged prisoners on Friday.", {("Russia", "NEGOTIATES_WITH", "Ukraine")}),
    ("Iran and Russia deepened their military cooperation.", {("Iran", "ALLIED_WITH", "Russia")}),
    ("After the fall of Kabul to the Taliban, thousands fled.", {("Taliban", "CAPTURED", "Kabul")}),
    ("The capture of Bakhmut by Wagner fighters took months.", {("Wagner Group", "CAPTURED", "Bakhmut")}),
    ("Russia's seizure of Crimea in 2014 was condemned.", {("Russia", "CAPTURED", "Crimea")}),
    ("Erdogan's Turkey is one of the main supporters of the Syrian opposition.",
     {("Turkey", "BACKS", "Syrian opposition")}),
    ("Iran, one of the closest allies of Russia, sent drones.", {("Iran", "ALLIED_WITH", "Russia")}),
    ("Israel eliminated the commander of Hamas's military wing, Mohammed Deif.",
     {("Israel", "ATTACKS", "Mohammed Deif")}),
    ("Fighting raged around Bakhmut. Russian forces entered the city in May.", {("Russia", "CAPTURED", "Bakhmut")}),
    ("Israeli jets began an intense bombing campaign across the south, the Bekaa Valley and Beirut's southern suburbs.",
     {("Israel", "ATTACKS", "Bekaa Valley"), ("Israel", "ATTACKS", "Dahiyeh")}),
    ("Five Russian peacekeepers were killed when their vehicle came under fire from Azerbaijani forces.",
     {("Azerbaijan", "ATTACKS", "Russia")}),
    ("Kharkiv came under heavy shelling from Russian artillery.", {("Russia", "ATTACKS", "Kharkiv")}),
    # accusations are criticism, not the act they allege
    ("Kyiv accused Moscow of shelling Kharkiv.", {("Ukraine", "CRITICIZES", "Russia")}),
    ("Sudan's army accused the RSF of shelling a hospital in El Fasher.",
     {("Sudanese government", "CRITICIZES", "Rapid Support Forces")}),
]

NOTHING = [
    "Hezbollah said it would not take revenge.",
    "Russia denied plans to attack Kyiv.",
    "If Israel attacks Iran, Tehran will respond.",
    "Residents fled to Damascus.",
    "Egypt called for a ceasefire between Israel and Hamas.",
    "Russia agreed to withdraw its troops.",
    "The UAE has denied arming the RSF.",
    "Russia is ready to attack Ukraine again.",
    "Fighters say they will push on towards Kinshasa.",
    "Russia could attack Kyiv again.",
    "Al-Qaeda's former Syrian arm, HTS, advanced.",
    "Haidar told AFP by phone that he wants to leave.",
    "We are honored to invite you to the events that will be held on the occasion of…",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_rule_finds_exactly_these_relations(sentence: str, expected: set) -> None:
    assert triples(sentence) == expected


@pytest.mark.parametrize("sentence", NOTHING, ids=[s[:40] for s in NOTHING])
def test_negation_conditionals_reports_and_boilerplate_yield_nothing(sentence: str) -> None:
    assert triples(sentence) == set()


def test_headline_without_full_stop_is_its_own_sentence() -> None:
    text = "Russian jets bombed Idlib\nThe rebels entered Hama on Thursday."
    assert triples(text) == {("Russia", "ATTACKS", "Idlib"), ("Syrian opposition", "CAPTURED", "Hama")}
    sentences = {e.sentence for r in extract_text(text).relations for e in r.evidence}
    assert sentences == {"Russian jets bombed Idlib", "The rebels entered Hama on Thursday."}


def test_evidence_offsets_point_at_the_sentence_in_the_article() -> None:
    text = "Fighting continued.\nLater, Moscow and Tehran stood by Assad, officials said."
    result = extract_text(text)
    for rel in result.relations:
        for ev in rel.evidence:
            assert text[ev.start : ev.end] == ev.sentence
    assert {(r.source, r.type, r.target) for r in result.relations} == {
        ("russia", "BACKS", "bashar-al-assad"),
        ("iran", "BACKS", "bashar-al-assad"),
    }


def test_dash_aside_is_parsed_on_its_own() -> None:
    text = (
        "Fighting raged in Syria.\nTurkish President Recep Tayyip Erdogan \u2014 his country is a key "
        "backer of some rebel groups \u2014 called on Assad to find a solution."
    )
    assert triples(text) == {
        ("Recep Tayyip Erdogan", "LEADS", "Turkey"),
        ("Turkey", "BACKS", "Syrian opposition"),
        ("Recep Tayyip Erdogan", "CALLS_ON", "Bashar al-Assad"),
    }


def test_same_fact_twice_is_one_relation_with_two_evidences() -> None:
    result = extract_text("Iran backs the Houthis. The Houthis are backed by Iran.")
    assert [(r.source, r.type, r.target, len(r.evidence)) for r in result.relations] == [
        ("iran", "BACKS", "houthis", 2)
    ]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a state named only as the setting of a strike or a capture is not struck or taken
    ("Turkish jets carried out air strikes in northern Iraq on Sunday.", set()),
    ("Russian forces seized a village in eastern Ukraine.", set()),
    # the state struck itself, or a place of it, still is
    ("Turkish jets struck Iraq on Sunday.", {("Turkey", "ATTACKS", "Iraq")}),
    ("Russian missiles hit Kharkiv in eastern Ukraine.", {("Russia", "ATTACKS", "Kharkiv")}),
])
def test_a_state_named_as_the_setting_is_no_target(sentence: str, expected: set) -> None:
    assert triples(sentence) == expected
