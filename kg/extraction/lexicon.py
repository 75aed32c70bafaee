"""The relation lexicon (``kg/data/lexicon.json``) as lookup tables.

Words are data: adding a verb or noun to the JSON file teaches the extractor a new
way of saying a relation, with no code change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import ONTOLOGY


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables built from the lexicon file."""

    verbs: dict[str, str]
    light_verbs: frozenset[str]
    nouns: dict[str, str]
    irrealis: frozenset[str]
    hedges: frozenset[str]
    agent_nouns: frozenset[str]
    government_nouns: frozenset[str]
    government_modifiers: frozenset[str]
    opposition_nouns: frozenset[str]
    opposition_modifiers: frozenset[str]
    definite_government_nouns: frozenset[str]
    symmetric_attack_nouns: frozenset[str]
    transfer_verbs: frozenset[str]
    ties_breaking_verbs: frozenset[str]
    reversed_member_verbs: frozenset[str]
    word_classes: dict[str, frozenset[str]]


def _by_word(table: dict[str, list[str]]) -> dict[str, str]:
    """Invert ``{RELATION: [words]}`` into ``{word: RELATION}``; the first relation listed wins."""
    out: dict[str, str] = {}
    for relation, words in table.items():
        if relation not in ONTOLOGY:
            raise ValueError(f"kg/data/lexicon.json: {relation!r} is not a relation of the ontology")
        for word in words:
            out.setdefault(word, relation)
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Return the lexicon shipped with the package.

    Returns
    -------
    Lexicon

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.verbs["call on"], lex.nouns["backer"]
    ('CALLS_ON', 'BACKS')
    """
    raw = json.loads(resources.files("kg").joinpath("data/lexicon.json").read_text(encoding="utf-8"))
    verbs = _by_word(raw["verbs"])
    nouns = _by_word(raw["nouns"])
    return Lexicon(
        verbs=verbs,
        light_verbs=frozenset(raw["light_verbs"]),
        nouns=nouns,
        irrealis=frozenset(raw["purpose_verbs_irrealis"]),
        hedges=frozenset(raw["hedges"]),
        agent_nouns=frozenset(raw["agent_nouns"]),
        government_nouns=frozenset(raw["government_nouns"]),
        government_modifiers=frozenset(raw["government_modifiers"]),
        opposition_nouns=frozenset(raw["opposition_nouns"]),
        opposition_modifiers=frozenset(raw["opposition_modifiers"]),
        definite_government_nouns=frozenset(raw["definite_government_nouns"]),
        symmetric_attack_nouns=frozenset(raw["attack_nouns_requiring_agent_object"]),
        transfer_verbs=frozenset(raw["transfer_verbs"]),
        ties_breaking_verbs=frozenset(raw["ties_breaking_verbs"]),
        reversed_member_verbs=frozenset(raw["reversed_member_verbs"]),
        word_classes={name: frozenset(words) for name, words in raw["word_classes"].items()},
    )
