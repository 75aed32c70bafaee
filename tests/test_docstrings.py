"""The examples in the docstrings of the extraction modules run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "kg.model",
    "kg.graph",
    "kg.extraction.gazetteer",
    "kg.inputs",
    "kg.nlp",
    "kg.pipeline",
    "kg.extraction.text",
    "kg.extraction.lexicon",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
