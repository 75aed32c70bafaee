"""Event and speech patterns of real reports: objects the parser hangs elsewhere, places of struck
sites, shares of a place held, accusations followed by a denial, backed offensives, troops sent
to fight beside a side, claims of an attack and killings with no agent."""

from __future__ import annotations

import pytest
from extraction.extraction_helpers import triples

SECOND_OBJECTS = [
    # the parser hangs the second object of "accused X and Y of" on the verb
    ("Pashinyan has accused Moscow and the Russian-led Collective Security Treaty Organization of failing Armenia.",
     {("Nikol Pashinyan", "CRITICIZES", "Russia"),
      ("Nikol Pashinyan", "CRITICIZES", "Collective Security Treaty Organization"),
      ("Russia", "LEADS", "Collective Security Treaty Organization")}),
    # a second preposition of the same kind names more targets
    ("Iran fired missiles at Erbil and at Islamic State targets in Idlib province.",
     {("Iran", "ATTACKS", "Erbil"), ("Iran", "ATTACKS", "Islamic State")}),
    # a plural place or site noun lists the places before it
    ("Russia fired 35 missiles at gas production sites in the Kharkiv and Poltava regions overnight.",
     {("Russia", "ATTACKS", "Kharkiv"), ("Russia", "ATTACKS", "Poltava")}),
    ("American bombers struck the Natanz and Isfahan nuclear facilities.",
     {("United States", "ATTACKS", "Natanz"), ("United States", "ATTACKS", "Isfahan")}),
    # "what X called N": the thing so called
    ("Pakistani jets bombed what the military called hideouts of the Hafiz Gul Bahadur group.",
     {("Pakistani government", "ATTACKS", "Hafiz Gul Bahadur group")}),
    # negative: a clause of its own after "and" is no second object
    ("Israel struck Gaza and Hezbollah fired rockets.", {("Israel", "ATTACKS", "Gaza Strip")}),
    # negative: "what" that names no called thing
    ("Russia did not say what it struck.", set()),
]

SITES_AND_SHARES = [
    # a site struck is its holder's, and the named place it is in is struck too
    ("JNIM stormed a military camp in Boulkessi, killing more than 30 soldiers.",
     {("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKS", "Boulkessi"),
      ("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKS", "Malian government")}),
    # negative: a thing that is no site keeps only its owner; a named site is the target, not its region
    ("Israel struck a Hezbollah weapons depot in Tyre.", {("Israel", "ATTACKS", "Hezbollah")}),
    ("Ukrainian drones hit the Orsk refinery in the Orenburg region.", {("Ukraine", "ATTACKS", "Orsk")}),
    # a share of a place held is the place held
    ("Israeli troops still control around half of the Gaza Strip.", {("Israel", "CONTROLS", "Gaza Strip")}),
    ("M23 controls about 90% of Goma.", {("M23", "CONTROLS", "Goma")}),
    ("Russian troops control about a third of Kharkiv.", {("Russia", "CONTROLS", "Kharkiv")}),
    # a place put under someone's rule or control is theirs
    ("India placed the northeastern state of Manipur under direct federal rule on Thursday.",
     {("India", "CONTROLS", "Manipur")}),
    ("The M23 brought Goma under its control.", {("M23", "CONTROLS", "Goma")}),
    # negative: martial law is no holder's rule; a denied placing holds nothing
    ("Russia placed Kherson under martial law.", set()),
    ("The army did not place Goma under military rule.", set()),
    # negative: a number of people is no place
    ("Israeli troops still control around half of the crossing's staff.", set()),
]

SPEECH = [
    # a denial appended to an accusation disputes the charge, not the accusation
    ("The Arakan Army has accused ARSA of killing Rakhine villagers, a charge ARSA denies.",
     {("Arakan Army", "CRITICIZES", "Arakan Rohingya Salvation Army")}),
    ("Islamabad accuses the Taliban of sheltering TTP fighters, a charge Kabul denies.",
     {("Pakistan", "CRITICIZES", "Taliban")}),
    # negative: a denied accusation stays unsaid when the accusation itself is denied
    ("The Arakan Army denied accusing ARSA of killing villagers.", set()),
    # calling someone's act a threat criticises whose act it is
    ("Venezuelan Defense Minister Vladimir Padrino Lopez called the U.S. military buildup a threat to the region.",
     {("Vladimir Padrino Lopez", "CRITICIZES", "United States"), ("Vladimir Padrino Lopez", "MEMBER_OF", "Venezuela")}),
    # negative: a neutral name for it is no criticism
    ("Kyiv called the Russian proposal a plan.", set()),
    # summoning an ambassador over something is a protest; to demand something, a call
    ("Senegal summoned Ukraine's ambassador to protest against a video.", {("Senegal", "CRITICIZES", "Ukraine")}),
    ("Tehran summoned Pakistan's charge d'affaires to demand an explanation.", {("Iran", "CALLS_ON", "Pakistan")}),
]

BACKING = [
    # a backed offensive backs its makers
    ("Somali troops pushed into the mountains in an offensive backed by the United States.",
     {("United States", "BACKS", "Somalia")}),
    # troops sent to fight beside a side back it; the enemy hung on the partner is fought by both
    ("North Korea said it had sent soldiers to fight alongside Russian forces against Ukraine.",
     {("North Korea", "ALLIED_WITH", "Russia"), ("North Korea", "BACKS", "Russia"),
      ("North Korea", "ATTACKS", "Ukraine"), ("Russia", "ATTACKS", "Ukraine")}),
    ("Uganda sent troops into Congo to pursue the ADF alongside Congolese soldiers.",
     {("Uganda", "ALLIED_WITH", "DR Congo"), ("Uganda", "BACKS", "DR Congo")}),
    # negative: fighting beside a side without being sent is an alliance only; a denied sending nothing
    ("Hezbollah fought alongside Houthi fighters.", {("Hezbollah", "ALLIED_WITH", "Houthis")}),
    ("Rwanda did not send troops to fight alongside the M23.", set()),
]

RESPONSES = [
    # "responded with strikes on X": the responder strikes; "the port of X" is X, not the sea it lies on
    ("Israel has replied with repeated strikes on the Red Sea port of Hodeidah.", {("Israel", "ATTACKS", "Hodeidah")}),
    # a district with a name of its own is that place; the of-phrase only says where it lies
    ("Pakistani artillery shelled the Poonch district of Kashmir.", {("Pakistan", "ATTACKS", "Poonch")}),
    ("Israeli jets struck the Houthi-held Red Sea port of Hodeidah.",
     {("Israel", "ATTACKS", "Hodeidah"), ("Houthis", "CONTROLS", "Hodeidah")}),
    ("Iran retaliated with missile attacks on Israel.", {("Iran", "ATTACKS", "Israel")}),
    # negative: a response in words is no attack
    ("Iran responded with a statement on Israel.", set()),
]

CLAIMS = [
    # a claim of the attack reported just before: the claimant struck what it struck
    ("Gunmen attacked a police station in Bamako on Monday. The attack was claimed by JNIM.",
     {("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKS", "Bamako")}),
    ("Gunmen attacked Bamako on Monday. JNIM claimed the attack.",
     {("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKS", "Bamako")}),
    # a place named on the attack is where it struck
    ("Hamas claimed the Jenin attack.", {("Hamas", "ATTACKS", "Jenin")}),
    # negative: nobody claimed it; a claim of nothing reported
    ("Gunmen attacked a police station in Bamako on Monday. No group has claimed the attack.", set()),
    ("JNIM claimed the attack.", set()),
    # blaming someone for an attack criticises the one blamed, not where it struck
    ("Hezbollah blamed Israel for the Beirut bombing.", {("Hezbollah", "CRITICIZES", "Israel")}),
]

UNNAMED_KILLERS = [
    # a named person killed with no agent: by the attack named there, else the attackers reported last
    ("Hezbollah commander Ali Karaki was killed in an Israeli air strike.",
     {("Ali Karaki", "LEADS", "Hezbollah"), ("Israel", "ATTACKS", "Ali Karaki")}),
    ("Russian drones struck Kharkiv overnight. Local official Ivan Petrenko was killed.",
     {("Russia", "ATTACKS", "Kharkiv"), ("Russia", "ATTACKS", "Ivan Petrenko")}),
    # negative: killed in something that is no attack; places struck by nobody named
    ("Hezbollah commander Ali Karaki was killed in a car accident.", {("Ali Karaki", "LEADS", "Hezbollah")}),
    ("Russian drones struck Kharkiv overnight. Local official Ivan Petrenko was killed in a car accident.",
     {("Russia", "ATTACKS", "Kharkiv")}),
    ("The RSF shelled El Fasher. Three villages were shelled.", {("Rapid Support Forces", "ATTACKS", "El Fasher")}),
]

THE_ATTACK_AS_SUBJECT = [
    # "the strikes" that act are the attack the article reported before
    ("India fired missiles at nine sites in Pakistan early Wednesday. India's Defence Ministry said the strikes "
     "targeted facilities of the Jaish-e-Mohammed group.",
     {("India", "ATTACKS", "Jaish-e-Mohammed")}),
    ("Israel struck Beirut on Friday. The strike in the Haret Hreik district also killed Ali Karaki.",
     {("Israel", "ATTACKS", "Beirut"), ("Israel", "ATTACKS", "Ali Karaki")}),
    # negative: no attack reported before
    ("The strikes hit Gaza.", set()),
]

CASES = (SECOND_OBJECTS + SITES_AND_SHARES + SPEECH + BACKING + RESPONSES + CLAIMS + UNNAMED_KILLERS
         + THE_ATTACK_AS_SUBJECT)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_event_and_speech_patterns_of_real_reports(sentence: str, expected: set) -> None:
    assert triples(sentence) == expected
