"""Fuzzing the whole pipeline with Hypothesis: random bytes and Unicode, huge lines, control
characters, unbalanced quotes and dashes.  Nothing may raise, and every evidence offset must
slice its sentence out of the article as given."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.inputs import InputReport
from kg.model import Document
from kg.pipeline import Extractor, load_graph

FRAGMENTS = [
    "Russia backs Assad.", "Iran-backed Houthis attacked a ship.", "Turkish President Recep Tayyip Erdogan",
    " called on ", "HTS captured Hama", "\u201c", "\u201d", '"', "'", "\u2014", "\u2013", " \u2014 ", "(", ")",
    "\n", "\n\n", "\r\n", "\r", "\t", "\x00", "\x1b[31m", "\x1b[0m", "\x0c", "\u2028", "\u200b", "\ufeff",
    "R\u057dssia", "\u0412\u0430\u0433\u043d\u0435\u0440", "\u062d\u0632\u0628 \u0627\u0644\u0644\u0647",
    "Source: x.gr", "Sources said ", "Read more: ", "Copyright ", "\u00a9 2024", "...", "\u2026", " ", ". ",
    "the rebels", "Hezbollah", "Kyiv", "\U0001d411ussia", "\ufb01ghters",
]
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
articles = st.lists(pieces, min_size=1, max_size=60).map("".join)
huge_lines = st.tuples(st.sampled_from(FRAGMENTS), st.integers(min_value=1_000, max_value=30_000)).map(
    lambda t: (t[0] + " ") * (t[1] // (len(t[0]) + 1)))
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(texts: dict[str, str], extractor: Extractor) -> None:
    report = InputReport()
    docs = [Document(doc_id, text) for doc_id, text in texts.items()]
    for extraction in extractor.extract_many(docs, report=report):
        for relation in extraction.relations:
            for ev in relation.evidence:
                assert texts[ev.doc][ev.start:ev.end] == ev.sentence
    assert report.errors == []


@FUZZ
@given(st.lists(st.one_of(articles, huge_lines), min_size=1, max_size=4))
def test_random_articles_never_raise_and_offsets_slice_the_sentence(texts: list[str]) -> None:
    check({f"d{i}": text for i, text in enumerate(texts)}, Extractor())


@FUZZ
@given(st.binary(max_size=2_000))
def test_random_bytes_are_an_error_line_or_an_article(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        report = InputReport()
        graph = load_graph([path], report=report)
        assert len(graph.documents) + len(report.errors) == 1
        assert all(e.startswith(f"{path}: ") for e in report.errors)
