"""Shared check for the rule-family tests: a tiny document gives exactly these relations,
each found by the rule named."""

from __future__ import annotations

from extraction.extraction_helpers import triples_by_rule

Case = tuple[str, set[tuple[str, str, str, str]]]


def check(sentence: str, expected: set[tuple[str, str, str, str]]) -> None:
    """Assert that ``sentence`` yields exactly ``expected`` (source, relation, target, rule)."""
    assert triples_by_rule(sentence) == expected


def case_id(case: Case) -> str:
    return case[0][:50]
