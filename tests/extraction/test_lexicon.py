"""Words are data: every word list of the extractor is in kg/data/lexicon.json, read through
the one Lexicon object, and every word class the code names exists there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from kg.extraction.lexicon import load_lexicon
from kg.model import ACTOR_TYPES, ONTOLOGY

EXTRACTION = Path(__file__).resolve().parents[2] / "kg" / "extraction"
# text.py prepares raw text and gazetteer.py reads the actors file (its lists name JSON fields)
RULE_SOURCES = sorted(p for p in EXTRACTION.rglob("*.py") if p.name not in ("text.py", "gazetteer.py"))

# grammar, not content: dependency labels, tags, entity labels, relation and actor types,
# prepositions and particles that introduce a role, mention kinds and auxiliaries
GRAMMAR = {*GLOSSARY, *ONTOLOGY, *ACTOR_TYPES, "obj", "predet", "GOVERNMENT"} | {
    "of", "from", "for", "to", "in", "at", "near", "outside", "around", "across", "on", "against", "targeting",
    "over", "with", "between", "by", "out", "loyal",
    "opposition", "description", "government", "group", "be", "have", "control", "hands",
}


def _word_classes_named(source: str) -> set[str]:
    return set(re.findall(r'words\["(\w+)"\]', source)) | set(re.findall(r'\.has\("(\w+)"', source))


@pytest.mark.parametrize("path", RULE_SOURCES, ids=lambda p: p.name)
def test_every_word_class_the_code_names_is_in_the_lexicon(path: Path) -> None:
    lex = load_lexicon()
    known = set(lex.words) | {f for f, v in vars(lex).items() if isinstance(v, frozenset)}
    assert _word_classes_named(path.read_text(encoding="utf-8")) - known == set()


@pytest.mark.parametrize("path", RULE_SOURCES, ids=lambda p: p.name)
def test_no_word_list_is_kept_in_code(path: Path) -> None:
    words_in_code = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)) and len(node.elts) >= 2 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            words_in_code |= {e.value for e in node.elts if e.value.isalpha()} - GRAMMAR  # type: ignore[attr-defined]
    # __all__ lists name code, not words
    assert {w for w in words_in_code if not w[:1].isupper()} == set()


def test_force_nouns_and_counterpart_nouns_are_two_classes() -> None:
    lex = load_lexicon()
    assert "troops" in lex.force_nouns and "troops" not in lex.words["counterpart_nouns"]
    assert "backer" in lex.words["counterpart_nouns"] and "backer" not in lex.force_nouns


def test_affix_relations_are_ontology_relations() -> None:
    lex = load_lexicon()
    assert set(lex.affix_relations.values()) | set(lex.affix_prefixes.values()) <= set(ONTOLOGY)
    assert lex.affix_prefixes == {"anti": "OPPOSES", "pro": "BACKS"}
