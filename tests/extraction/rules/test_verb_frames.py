"""Verbs with frames of their own (kg/extraction/rules/verb_frames.py): includes, formed by,
sworn in, came under."""

from __future__ import annotations

import pytest
from extraction.rules.rule_cases import Case, case_id, check

CASES: list[Case] = [
    ("The Brotherhood Alliance, which also includes the TNLA and the Arakan Army, captured Lashio.",
     {("Arakan Army", "MEMBER_OF", "Three Brotherhood Alliance", "verb-includes"),
      ("Ta'ang National Liberation Army", "MEMBER_OF", "Three Brotherhood Alliance", "verb-includes"),
      ("Three Brotherhood Alliance", "CAPTURED", "Lashio", "verb")}),
    ("Viv Ansanm, a coalition formed by the G9 and G-Pep, attacked Kenscoff.",
     {("G-Pep", "MEMBER_OF", "Viv Ansanm", "verb-formed"), ("G9 and Family", "MEMBER_OF", "Viv Ansanm", "verb-formed"),
      ("Viv Ansanm", "ATTACKS", "Kenscoff", "verb")}),
    ("Garry Conille was sworn in as prime minister.",
     {("Garry Conille", "LEADS", "Haitian government", "title-sworn")}),
    ("Kharkiv came under heavy shelling from Russian artillery.",
     {("Russia", "ATTACKS", "Kharkiv", "verb-under")}),
    ("The town of Sake came under heavy shelling by the M23.", {("M23", "ATTACKS", "Sake", "verb-under")}),
    ("The town of Sake never came under shelling by the M23.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[case_id(c) for c in CASES])
def test_verb_frame_finds_exactly_these_relations(sentence: str, expected: set) -> None:
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Mali, Burkina Faso and Niger have formed the Alliance of Sahel States.",
     {("Mali", "MEMBER_OF", "Alliance of Sahel States", "verb-founded"),
      ("Burkina Faso", "MEMBER_OF", "Alliance of Sahel States", "verb-founded"),
      ("Niger", "MEMBER_OF", "Alliance of Sahel States", "verb-founded"),
      ("Mali", "ALLIED_WITH", "Burkina Faso", "verb-founded"), ("Mali", "ALLIED_WITH", "Niger", "verb-founded"),
      ("Burkina Faso", "ALLIED_WITH", "Niger", "verb-founded")}),
    ("Rwanda and Uganda formed an alliance.", {("Rwanda", "ALLIED_WITH", "Uganda", "verb-founded")}),
    # forces a side has somewhere are its own
    ("Burundi has thousands of soldiers in South Kivu supporting Congo's army.",
     {("Burundi", "BACKS", "Congolese government", "verb")}),
])
def test_founders_together_and_stationed_forces(sentence: str, expected: set) -> None:
    check(sentence, expected)
