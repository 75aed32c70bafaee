"""The relation lexicon (``kg/data/lexicon.json``) as lookup tables.

Words are data: adding a verb or noun to the JSON file teaches the extractor a new
way of saying a relation, with no code change.  Every word list the extractor tests
tokens against is read through the one :class:`Lexicon` object; no module keeps a copy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import ONTOLOGY


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables built from the lexicon file.

    ``words`` holds the word classes by name (``lex.words["site_nouns"]``); the other
    fields are the tables with a structure of their own.
    """

    verbs: dict[str, str]
    light_verbs: frozenset[str]
    nouns: dict[str, str]
    irrealis: frozenset[str]
    hedges: frozenset[str]
    # those who fight or act for a side: "forces", "troops", "jets"
    force_nouns: frozenset[str]
    government_nouns: frozenset[str]
    government_modifiers: frozenset[str]
    opposition_nouns: frozenset[str]
    opposition_modifiers: frozenset[str]
    definite_government_nouns: frozenset[str]
    symmetric_attack_nouns: frozenset[str]
    transfer_verbs: frozenset[str]
    ties_breaking_verbs: frozenset[str]
    reversed_member_verbs: frozenset[str]
    # tried in order: "Tigrayan fighters" is the group known as "Tigrayan forces"
    group_head_nouns: tuple[str, ...]
    number_words: dict[str, int]
    affix_prefixes: dict[str, str]
    affix_relations: dict[str, str]
    # irregular verbs: lemma -> (past, past participle, -ing form), and each form -> its lemma
    irregular_verbs: dict[str, tuple[str, ...]]
    verb_forms: dict[str, str]
    words: dict[str, frozenset[str]]

    def verb_lemma(self, tok: object) -> str:
        """A verb token's lemma, also where the small parser missed it ("retook" as a noun).

        Examples
        --------
        >>> class Tok:
        ...     lower_, lemma_ = "retook", "retook"
        >>> load_lexicon().verb_lemma(Tok())
        'retake'
        """
        low: str = tok.lower_  # type: ignore[attr-defined]
        return self.verb_forms.get(low) or tok.lemma_.lower()  # type: ignore[attr-defined]

    def has(self, word_class: str, tok_or_word: object) -> bool:
        """True when a token's lower-case form or lemma (or a plain word) is in a word class
        (a name of ``words`` or a word-set field such as ``force_nouns``).

        Examples
        --------
        >>> load_lexicon().has("collective_nouns", "coalition")
        True
        """
        words: frozenset[str] = self.words[word_class] if word_class in self.words else getattr(self, word_class)
        if isinstance(tok_or_word, str):
            return tok_or_word in words
        return tok_or_word.lower_ in words or tok_or_word.lemma_.lower() in words  # type: ignore[attr-defined]


def _by_word(table: dict[str, list[str]]) -> dict[str, str]:
    """Invert ``{RELATION: [words]}`` into ``{word: RELATION}``; the first relation listed wins."""
    out: dict[str, str] = {}
    for relation, words in table.items():
        _check_relation(relation)
        for word in words:
            out.setdefault(word, relation)
    return out


def _check_relation(relation: str) -> str:
    if relation not in ONTOLOGY:
        raise ValueError(f"kg/data/lexicon.json: {relation!r} is not a relation of the ontology")
    return relation


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Return the lexicon shipped with the package.

    Returns
    -------
    Lexicon

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.verbs["call on"], lex.nouns["backer"], lex.affix_relations["backed"]
    ('CALLS_ON', 'BACKS', 'BACKS')
    """
    raw = json.loads(resources.files("kg").joinpath("data/lexicon.json").read_text(encoding="utf-8"))
    return Lexicon(
        verbs=_by_word(raw["verbs"]),
        light_verbs=frozenset(raw["light_verbs"]),
        nouns=_by_word(raw["nouns"]),
        irrealis=frozenset(raw["purpose_verbs_irrealis"]),
        hedges=frozenset(raw["hedges"]),
        force_nouns=frozenset(raw["force_nouns"]),
        government_nouns=frozenset(raw["government_nouns"]),
        government_modifiers=frozenset(raw["government_modifiers"]),
        opposition_nouns=frozenset(raw["opposition_nouns"]),
        opposition_modifiers=frozenset(raw["opposition_modifiers"]),
        definite_government_nouns=frozenset(raw["definite_government_nouns"]),
        symmetric_attack_nouns=frozenset(raw["attack_nouns_requiring_agent_object"]),
        transfer_verbs=frozenset(raw["transfer_verbs"]),
        ties_breaking_verbs=frozenset(raw["ties_breaking_verbs"]),
        reversed_member_verbs=frozenset(raw["reversed_member_verbs"]),
        group_head_nouns=tuple(raw["group_head_nouns"]),
        number_words=dict(raw["number_words"]),
        affix_prefixes={k: _check_relation(v) for k, v in raw["affix_prefixes"].items()},
        affix_relations={k: _check_relation(v) for k, v in raw["affix_relations"].items()},
        irregular_verbs={lemma: tuple(forms) for lemma, forms in raw["irregular_verbs"].items()},
        verb_forms={form: lemma for lemma, forms in raw["irregular_verbs"].items() for form in forms},
        words={name: frozenset(words) for name, words in raw["word_classes"].items()},
    )
