"""Armed groups no file knows (kg/extraction/groups.py): a group noun and what identifies it."""

from __future__ import annotations

import pytest
from extraction.extraction_helpers import extract_text, triples


def _groups(text: str) -> set[str]:
    return {a.name for a in extract_text(text).actors if a.type == "ARMED_GROUP"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Red Lion gang attacked the town of Mirebalais in Haiti.",
     {("Red Lion gang", "ATTACKS", "Mirebalais")}),
    ("The Sahel Shield coalition seized the town of Gao.", {("Sahel Shield coalition", "CAPTURED", "Gao")}),
    ("The fighting began when Bedouin clan fighters and local Druze militias clashed in Sweida.",
     {("Bedouin clan fighters", "ATTACKS", "local Druze militias")}),
])
def test_a_named_or_described_group_acts(text: str, expected: set) -> None:
    assert triples(text) == expected


def test_phrases_sharing_an_identifying_word_are_one_group() -> None:
    text = "Bedouin clan fighters entered Sweida. The clan fighters later withdrew from Sweida."
    groups = [a for a in extract_text(text).actors if a.type == "ARMED_GROUP"]
    assert [(a.name, a.aliases) for a in groups] == [("Bedouin clan fighters", ["clan fighters"])]


def test_clan_and_tribal_fighters_are_one_group() -> None:
    text = "Bedouin tribal fighters entered Sweida. Clan fighters later withdrew from Sweida."
    groups = [a for a in extract_text(text).actors if a.type == "ARMED_GROUP"]
    assert [(a.name, a.aliases) for a in groups] == [("Bedouin tribal fighters", ["Clan fighters"])]


def test_a_descriptive_word_identifies_a_group() -> None:
    assert _groups("Local self-defence fighters repelled the attack.") == {"Local self-defence fighters"}


def test_a_named_gang_keeps_its_name_as_an_alias() -> None:
    actor = next(a for a in extract_text("The Grand Ravine gang attacked Kenscoff.").actors if a.type == "ARMED_GROUP")
    assert (actor.name, actor.aliases) == ("Grand Ravine gang", ["Grand Ravine"])


def test_a_norp_tag_alone_or_a_known_group_is_no_new_group() -> None:
    assert _groups("Druze civilians fled Sweida.") == set()
    assert _groups("Hamas fighters attacked Israel.") == {"Hamas"}


def test_rights_and_aid_groups_are_no_armed_groups() -> None:
    assert _groups("Rights groups accused the Fano militias of killing 40 people.") == {"Fano"}
    assert _groups("Aid groups said the Red Lion gang blocked the road.") == {"Red Lion gang"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya's Catholic bishops called on the government of Kenya and the Red Lion gang to hold talks.",
     {("Catholic bishops", "CALLS_ON", "Kenyan government"), ("Catholic bishops", "CALLS_ON", "Red Lion gang")}),
    ("The Anglican bishops' conference urged Uganda to free the detainees.",
     {("Anglican bishops' conference", "CALLS_ON", "Uganda")}),
    ("Sunni clerics in Kirkuk urged Iraq to release the detainees.", {("Sunni clerics", "CALLS_ON", "Iraq")}),
    # a faith's buildings are no body, and a people or faith alone is no actor
    ("Catholic churches were burned in Kivu.", set()),
])
def test_a_body_a_people_or_faith_names_is_an_organisation(text: str, expected: set) -> None:
    assert triples(text) == expected


def test_a_people_or_faith_alone_is_no_actor() -> None:
    names = {a.name for a in extract_text("The Druze of Sweida fled as Bedouin civilians watched.").actors}
    assert not names & {"Druze", "Bedouin"}


def test_followers_named_after_a_person_are_a_group_of_their_own() -> None:
    found = {a.name: a.type for a in extract_text(
        "Assad loyalists ambushed a patrol near Jableh. Assad fled to Moscow in 2024.").actors}
    assert found["Assad loyalists"] == "ARMED_GROUP"
    assert found["Bashar al-Assad"] == "PERSON"


def test_a_persons_supporters_are_no_group_without_the_name() -> None:
    names = {a.name for a in extract_text("Supporters rallied in Harare on Monday.").actors}
    assert names == {"Harare"}
