"""An affix on a noun that describes a name (kg/extraction/rules/affixes.py)."""

from __future__ import annotations

from extraction.rules.rule_cases import check


def test_a_held_capital_named_after_its_noun_is_controlled() -> None:
    check("U.S. aircraft struck the Houthi-held capital Sanaa.",
          {("Houthis", "CONTROLS", "Sanaa", "affix"), ("United States", "ATTACKS", "Sanaa", "verb")})
