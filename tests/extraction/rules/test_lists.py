"""Lists expand whatever shape the parse gives them, and what is in a list keeps its kind:
targets, places and people in series, titles in a list of officials, generic groups."""

from __future__ import annotations

import pytest
from extraction.extraction_helpers import extract_text, triples

CASES = [
    # the parser hangs "Haifa" as an apposition and "Beersheba" (tagged a person) on it
    ("Iran fired missiles at Tel Aviv, Haifa, and Beersheba.",
     {("Iran", "ATTACKS", "Tel Aviv"), ("Iran", "ATTACKS", "Haifa"), ("Iran", "ATTACKS", "Beersheba")}),
    ("Iran fired missiles at Eilat, Ashdod and Beersheba.",
     {("Iran", "ATTACKS", "Eilat"), ("Iran", "ATTACKS", "Ashdod"), ("Iran", "ATTACKS", "Beersheba")}),
    ("Israel struck Tabriz, Shiraz and Kerman.",
     {("Israel", "ATTACKS", "Tabriz"), ("Israel", "ATTACKS", "Shiraz"), ("Israel", "ATTACKS", "Kerman")}),
    ("Israel killed commanders Ali Rezaei, Hamid Nouri and Reza Karimi.",
     {("Israel", "ATTACKS", "Ali Rezaei"), ("Israel", "ATTACKS", "Hamid Nouri"), ("Israel", "ATTACKS", "Reza Karimi")}),
    # an apposition that names the same actor is no list
    ("Hayat Tahrir al-Sham, HTS, captured Aleppo.", {("Hayat Tahrir al-Sham", "CAPTURED", "Aleppo")}),
    # each official keeps the title before their own name
    ("The talks were attended by Foreign Minister Abbas Araghchi and Defence Minister Aziz Nasirzadeh.",
     {("Abbas Araghchi", "MEMBER_OF", "Iran"), ("Aziz Nasirzadeh", "MEMBER_OF", "Iran")}),
    ("Sudanese army chief Abdel Fattah al-Burhan and RSF leader Mohamed Hamdan Dagalo met in Jeddah.",
     {("Mohamed Hamdan Dagalo", "LEADS", "Rapid Support Forces"),
      ("Abdel Fattah al-Burhan", "LEADS", "Sudanese government")}),
    # "armed factions" of a country are no forces of its state
    ("Sudanese armed factions seized Wad Madani from the army.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_lists_and_their_members(sentence: str, expected: set) -> None:
    assert triples(sentence) == expected


def test_a_name_listed_with_places_is_a_place_though_tagged_a_person() -> None:
    result = extract_text("Iran fired missiles at Tel Aviv, Haifa, and Beersheba.")
    assert {a.name: a.type for a in result.actors}["Beersheba"] == "LOCATION"


def test_a_name_after_in_is_a_place_though_tagged_a_person() -> None:
    result = extract_text("Hezbollah fired rockets at Haifa and Beersheba.")
    assert {a.name: a.type for a in result.actors}["Beersheba"] == "LOCATION"


@pytest.mark.parametrize(("sentence", "expected"), [
    # several governments of no one state are one collective actor, not lost
    ("Several Western governments condemned Russia.", {("Western governments", "CRITICIZES", "Russia")}),
    ("Russia sent troops to help several Sahel governments fight jihadists.",
     {("Russia", "BACKS", "Sahel governments")}),
    ("Sudan's government condemned the RSF.", {("Sudanese government", "CRITICIZES", "Rapid Support Forces")}),
])
def test_generic_groups_of_governments(sentence: str, expected: set) -> None:
    assert triples(sentence) == expected


def test_a_collective_of_governments_is_typed_government() -> None:
    result = extract_text("Several Western governments condemned Russia.")
    assert {a.name: a.type for a in result.actors}["Western governments"] == "GOVERNMENT"
