"""Speech acts about an event or an actor, and disputed claims (kg/extraction/rules/attribution.py,
kg/extraction/rules/claims.py)."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    # the attack condemned is the last one reported: its attacker is criticised
    ("Israel struck Hamas leaders in Doha on Tuesday. Qatar condemned the attack as cowardly.",
     {("Israel", "ATTACKS", "Hamas", "verb"), ("Qatar", "CRITICIZES", "Israel", "criticism-event")}),
    ("India fired missiles at Pakistan. Prime Minister Shehbaz Sharif called the strikes an act of war.",
     {("India", "ATTACKS", "Pakistan", "verb"), ("Shehbaz Sharif", "LEADS", "Pakistan", "title"),
      ("Shehbaz Sharif", "CRITICIZES", "India", "branding")}),
    # the last attack said with the same word ("the strikes": who struck), not a later clash
    ("Israeli warplanes struck Damascus on Wednesday. Bedouin clan fighters and Druze militias clashed in Sweida. "
     "Syria's foreign ministry called the strikes a blatant aggression.",
     {("Israel", "ATTACKS", "Damascus", "verb"), ("Bedouin clan fighters", "ATTACKS", "Druze militias", "verb"),
      ("Syria", "CRITICIZES", "Israel", "branding")}),
    ("Saudi Arabia condemned what it called RSF attacks on vital facilities in Port Sudan.",
     {("Saudi Arabia", "CRITICIZES", "Rapid Support Forces", "criticism-event"),
      ("Rapid Support Forces", "ATTACKS", "Port Sudan", "noun")}),
    # an epithet for an actor is a criticism of it
    ("Tshisekedi refused to talk to the M23, which his government calls a terrorist group.",
     {("Congolese government", "CRITICIZES", "M23", "branding"),
      ("Felix Tshisekedi", "LEADS", "Congolese government", "title-possessive")}),
    ("Turkey considers the YPG a terrorist offshoot of the PKK.",
     {("Turkey", "CRITICIZES", "People's Protection Units", "branding")}),
    # a reported event stands unless the text disputes it
    ("The M23 said it had captured Goma.", {("M23", "CAPTURED", "Goma", "verb")}),
    ("Russia said it had fully retaken the Kursk region, a claim Kyiv denied.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_speech_act_and_claim_give_exactly_these_relations(sentence: str, expected: set) -> None:
    check(sentence, expected)


def test_a_reaction_with_no_attack_reported_criticises_nobody() -> None:
    check("Egypt condemned the attack.", set())
