"""Wire furniture (kg/extraction/furniture.py): never an actor or a relation."""

from __future__ import annotations

from extraction.extraction_helpers import extract_text, triples

from kg.extraction.furniture import furniture_spans, recase_subheads, recase_title_headline
from kg.extraction.text import prepare

STORY = (
    "Rebels take Goma\n\nBy AFP\nPHOTO | REUTERS\nPeople walk along a road near Goma. REUTERS/File Photo\n\n"
    "GOMA, Congo, Jan 27 (Reuters) - M23 rebels captured Goma.\n\nKINSHASA CUTS TIES\n\nCongo cut ties with Rwanda."
)


def test_bylines_credits_captions_and_datelines_are_found() -> None:
    assert [(STORY[s:e], why) for s, e, why in furniture_spans(STORY)] == [
        ("By AFP", "byline"),
        ("PHOTO | REUTERS", "photo credit"),
        ("People walk along a road near Goma. REUTERS/File Photo", "photo caption"),
        ("GOMA, Congo, Jan 27 (Reuters) -", "dateline"),
    ]


def test_agency_captions_in_parentheses_are_found() -> None:
    text = "Headline\nSmoke rises over Tehran after a strike. (AP Photo/Jane Roe)\nISLAMABAD (AP) \u2014 India struck."
    assert [why for _, _, why in furniture_spans(text)] == ["photo caption", "dateline"]


def test_a_body_line_starting_with_by_stays() -> None:
    assert furniture_spans("Headline\nBy Sunday, the rebels had taken Goma.") == []


def test_a_standfirst_repeated_as_the_lead_is_said_once() -> None:
    stand = "Rwanda-backed rebels captured the city of Goma on Monday"
    text = f"Headline\n{stand}\nGOMA (Reuters) - {stand}, residents said."
    assert [(text[s:e], why) for s, e, why in furniture_spans(text)] == [
        (stand, "standfirst repeated as the lead"), ("GOMA (Reuters) -", "dateline")]


def test_an_all_caps_subhead_gets_the_case_of_a_headline() -> None:
    assert recase_subheads("Headline\nALLIES CONDEMN ATTACKS\n") == "Headline\nAllies condemn attacks\n"


def test_prepare_blanks_the_furniture_and_keeps_every_offset() -> None:
    prepared = prepare(STORY)
    assert len(prepared.parse_text) == len(STORY)
    assert "Reuters" not in prepared.parse_text and "AFP" not in prepared.parse_text
    assert "Kinshasa cuts ties" in prepared.parse_text


def test_the_agency_of_a_dateline_is_no_actor() -> None:
    text = "MAIDUGURI, Nigeria, May 13 (Reuters) - Fighters from ISWAP overran a military base in Marte."
    assert {a.name for a in extract_text(text).actors} == {"Islamic State West Africa Province", "Marte"}
    assert triples(text) == {("Islamic State West Africa Province", "CAPTURED", "Marte")}


def test_the_agency_that_carries_the_story_is_no_actor_in_the_body() -> None:
    text = "Fighters killed 100 people in Djibo, security sources told AFP. Reuters could not verify the toll."
    assert {a.name for a in extract_text(text).actors} == {"Djibo"}


TITLE_CASE_STORY = (
    "Rebel Drone Strike Kills Several Soldiers Near Syrian Democratic Forces Base\n"
    "A rebel drone killed several soldiers near a base of the Syrian Democratic Forces, officials said."
)


def test_a_title_case_headline_is_read_in_sentence_case() -> None:
    # common words go to lower case; the name the body capitalises mid-sentence stays
    assert recase_title_headline(TITLE_CASE_STORY, frozenset({"strike", "kill"})).splitlines()[0] == (
        "Rebel drone strike kills several soldiers near Syrian Democratic Forces base"
    )


def test_a_sentence_case_or_one_line_headline_is_left_alone() -> None:
    text = "Rebels Seize Two Towns From Army"
    assert recase_title_headline(text, frozenset({"seize"})) == text
    text = "Two SDF fighters killed in Turkish drone strike\nA Turkish drone killed two SDF fighters."
    assert recase_title_headline(text, frozenset({"kill"})) == text


def test_a_title_case_headline_names_no_junk_actor() -> None:
    prepared = prepare(TITLE_CASE_STORY)
    assert len(prepared.parse_text) == len(TITLE_CASE_STORY)
    assert prepared.parse_text.splitlines()[0] == (
        "Rebel drone strike kills several soldiers near Syrian Democratic Forces base"
    )
