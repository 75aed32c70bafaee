"""How wire reports state attacks: light verbs and event nouns, events as subjects with a
demonym for the agent, and reference inside the article ("the group", "it", "its fighters")."""

from __future__ import annotations

import pytest
from extraction.extraction_helpers import triples

LIGHT_VERBS_AND_EVENT_NOUNS = [
    ("The Sudanese air force carried out a strike targeting RSF positions near Kassala.",
     {("Sudan", "ATTACKS", "Rapid Support Forces")}),
    ("The Houthis launched dozens of drone attacks on the port of Eilat.", {("Houthis", "ATTACKS", "Eilat")}),
    ("Israeli troops conducted raids against Hamas.", {("Israel", "ATTACKS", "Hamas")}),
    ("Russia stepped up its bombardment of Kharkiv.", {("Russia", "ATTACKS", "Kharkiv")}),
    ("Israel launched a wave of strikes across southern Lebanon.", {("Israel", "ATTACKS", "southern Lebanon")}),
    ("Israel carried out a series of strikes hitting Hezbollah targets in Tyre.", {("Israel", "ATTACKS", "Hezbollah")}),
]
EVENTS_AS_SUBJECTS = [
    ("Israeli strikes hit Tabriz and Shiraz.", {("Israel", "ATTACKS", "Tabriz"), ("Israel", "ATTACKS", "Shiraz")}),
    ("A Russian missile attack on Odesa killed six people.", {("Russia", "ATTACKS", "Odesa")}),
    ("U.S. strikes on Houthi targets continued.", {("United States", "ATTACKS", "Houthis")}),
]
REFERENCE_IN_THE_ARTICLE = [
    ("The RSF attacked El Fasher on Monday. The paramilitary force also shelled Omdurman.",
     {("Rapid Support Forces", "ATTACKS", "El Fasher"), ("Rapid Support Forces", "ATTACKS", "Omdurman")}),
    ("Hezbollah fired rockets at Haifa. The group said its fighters also targeted Safed.",
     {("Hezbollah", "ATTACKS", "Haifa"), ("Hezbollah", "ATTACKS", "Safed")}),
    ("The RSF seized Wad Madani. Its fighters then attacked Sennar.",
     {("Rapid Support Forces", "CAPTURED", "Wad Madani"), ("Rapid Support Forces", "ATTACKS", "Sennar")}),
    ("Saudi Arabia condemned Iran. The kingdom also attacked the Houthis.",
     {("Saudi Arabia", "CRITICIZES", "Iran"), ("Saudi Arabia", "ATTACKS", "Houthis")}),
    ("The M23 captured Goma. The group's leader Bertrand Bisimwa spoke on Sunday.",
     {("M23", "CAPTURED", "Goma"), ("Bertrand Bisimwa", "LEADS", "M23")}),
]
CASES = LIGHT_VERBS_AND_EVENT_NOUNS + EVENTS_AS_SUBJECTS + REFERENCE_IN_THE_ARTICLE


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_wire_report_patterns(sentence: str, expected: set) -> None:
    assert triples(sentence) == expected


def test_the_air_force_is_no_reference_to_a_group() -> None:
    assert triples("The RSF attacked El Fasher. The air force bombed Nyala.") == {
        ("Rapid Support Forces", "ATTACKS", "El Fasher")}


@pytest.mark.parametrize(("sentence", "expected"), [
    # NER takes unknown towns for people: "the town of X", retaking and taking from someone say otherwise
    ("Al Shabaab fighters captured the town of Adan Yabaal in central Somalia on Wednesday.",
     {("al-Shabaab", "CAPTURED", "Adan Yabaal")}),
    ("The RSF captured Ali Kushayb.", set()),
    ("Russian forces kept up assaults on Pokrovsk.", {("Russia", "ATTACKS", "Pokrovsk")}),
])
def test_places_named_like_people_and_kept_up_attacks(sentence: str, expected: set) -> None:
    assert triples(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "its fighters" are a group's, not the state last named as a subject
    ("The government fought Fano in Amhara. In August 2023 its fighters briefly seized the towns of Gondar and "
     "Lalibela.", {("Ethiopian government", "ATTACKS", "Fano"), ("Fano", "CAPTURED", "Gondar"),
                   ("Fano", "CAPTURED", "Lalibela")}),
    # a possessive in a phrase hung on an owned noun is that owner's
    # (the chief named is a victim too: rule ``victims``)
    ("Israel killed much of Hezbollah's leadership, including its longtime chief Hassan Nasrallah.",
     {("Hassan Nasrallah", "LEADS", "Hezbollah"), ("Israel", "ATTACKS", "Hezbollah"),
      ("Israel", "ATTACKS", "Hassan Nasrallah")}),
    # ", including its chief": the noun before the comma is the owner, wherever the parse hangs it
    ("The truce ended a year of hostilities in which Israel killed much of Hezbollah's leadership, including its "
     "longtime chief Hassan Nasrallah.",
     {("Hassan Nasrallah", "LEADS", "Hezbollah"), ("Israel", "ATTACKS", "Hezbollah")}),
    # a state in an official's title is no party of "both countries"
    ("India struck Pakistan. U.S. Secretary of State Marco Rubio urged both countries to avoid escalation.",
     {("India", "ATTACKS", "Pakistan"), ("Marco Rubio", "CALLS_ON", "India"), ("Marco Rubio", "CALLS_ON", "Pakistan"),
      ("Marco Rubio", "MEMBER_OF", "United States")}),
])
def test_possessives_refer_to_a_compatible_owner(sentence: str, expected: set) -> None:
    assert triples(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "the group" is the armed group last named, not an organisation named in passing
    ("Kinshasa accuses Rwanda of backing the M23. U.N. experts say Rwandan troops have fought alongside the group.",
     {("DR Congo", "CRITICIZES", "Rwanda"), ("Rwanda", "ALLIED_WITH", "M23")}),
    # a possessive in a relative clause refers to the main clause's subject
    ("Foreign Minister Therese Kayikwamba Wagner spoke. President Felix Tshisekedi has refused to hold direct talks "
     "with the M23, which his government calls a terrorist group.",
     {("Felix Tshisekedi", "LEADS", "Congolese government"),
      ("Therese Kayikwamba Wagner", "MEMBER_OF", "Congolese government"),
      ("Congolese government", "CRITICIZES", "M23")}),
])
def test_the_group_and_possessives_in_relative_clauses(sentence: str, expected: set) -> None:
    assert triples(sentence) == expected


def test_the_one_helped_is_not_the_helper() -> None:
    # "to help it push ...": "it" is someone the helpers help; "had sent" is finite, its subject the helper
    assert triples("In April Moscow acknowledged for the first time that North Korea had sent troops to help it "
                   "push Ukrainian forces out of Russia's Kursk region.") == {("North Korea", "BACKS", "Russia")}
