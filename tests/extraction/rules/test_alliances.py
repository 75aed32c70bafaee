"""Joining and founding an alliance (kg/extraction/rules/alliances.py, verb_frames.founded_together)."""

from __future__ import annotations

from extraction.rules.rule_cases import check

SAHEL = "Alliance of Sahel States"


def test_joining_others_in_an_alliance_makes_all_members_and_allies() -> None:
    check("Burkina Faso has joined Mali and Niger in the Alliance of Sahel States.",
          {("Burkina Faso", "MEMBER_OF", SAHEL, "joined-in"), ("Mali", "MEMBER_OF", SAHEL, "joined-in"),
           ("Niger", "MEMBER_OF", SAHEL, "joined-in"), ("Burkina Faso", "ALLIED_WITH", "Mali", "joined-in"),
           ("Burkina Faso", "ALLIED_WITH", "Niger", "joined-in"), ("Mali", "ALLIED_WITH", "Niger", "joined-in")})


def test_founders_after_a_passive_aside_are_members_and_allies() -> None:
    check("Mali, Burkina Faso and Niger, all ruled by military officers, have formed the Alliance of Sahel States.",
          {("Mali", "MEMBER_OF", SAHEL, "verb-founded"), ("Burkina Faso", "MEMBER_OF", SAHEL, "verb-founded"),
           ("Niger", "MEMBER_OF", SAHEL, "verb-founded"), ("Mali", "ALLIED_WITH", "Burkina Faso", "verb-founded"),
           ("Mali", "ALLIED_WITH", "Niger", "verb-founded"), ("Burkina Faso", "ALLIED_WITH", "Niger", "verb-founded")})


def test_joining_an_alliance_alone_is_the_verb_rule() -> None:
    check("Poland joined NATO in 1999.", {("Poland", "MEMBER_OF", "NATO", "verb")})
