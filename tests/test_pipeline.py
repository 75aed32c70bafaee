"""The whole pipeline (kg/pipeline.py): the reference article scored with the shared scorer
(../shared/eval/score.py), reading inputs into one graph, and odd texts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import shared_eval

import kg
from kg.inputs import InputReport
from kg.model import Document
from kg.pipeline import Extractor, extract, load_graph

ROOT = Path(__file__).resolve().parents[1]


def _scorer():  # type: ignore[no-untyped-def]
    path = shared_eval("score.py")
    spec = importlib.util.spec_from_file_location("kg_shared_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_score(tmp_path_factory: pytest.TempPathFactory) -> dict:
    seed = shared_eval("seed")
    scorer = _scorer()
    out = tmp_path_factory.mktemp("seed") / "out.jsonl"
    kg.extract([seed / "homs-hama.txt"]).to_jsonl(out)
    return scorer.score(seed, out, show_misses=True)


def test_reference_article_relations_f1_at_least_085(seed_score: dict) -> None:
    assert seed_score["relations"]["f1"] >= 0.85, seed_score


def test_reference_article_actors_resolved_at_least_090(seed_score: dict) -> None:
    assert seed_score["actors"]["resolved"] >= 0.90, seed_score


def test_reference_article_key_relations_are_found(seed_score: dict) -> None:
    missed = set(seed_score["missed"])
    for fact in (
        "Russia -BACKS-> Bashar al-Assad",
        "Iran -BACKS-> Bashar al-Assad",
        "Turkey -BACKS-> Syrian opposition",
        "Recep Tayyip Erdogan -LEADS-> Turkey",
        "Ahmed al-Sharaa -CALLS_ON-> Iraq",
        "Hayat Tahrir al-Sham -CAPTURED-> Hama",
    ):
        assert f"homs-hama: {fact}" not in missed


def test_page_boilerplate_yields_no_actor(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    graph = kg.extract([Document("seed", text)])
    names = {a["name"] for a in graph.actors()}
    assert not names & {"Pantelis N. Kakolis", "Local Authority"}


def test_extract_accepts_texts_and_documents_with_metadata() -> None:
    graph = kg.extract(
        [Document("d1", "Russia backs Assad.", title="T", date="2024-12-01"), "Iran backs the Houthis."]
    )
    assert graph.documents["d1"] == {
        "id": "d1",
        "title": "T",
        "date": "2024-12-01",
        "url": None,
        "source": None,
    }
    assert [(r["source"], r["relation"], r["target"], r["first_seen"]) for r in graph.relations()] == [
        ("Iran", "BACKS", "Houthis", None),
        ("Russia", "BACKS", "Bashar al-Assad", "2024-12-01"),
    ]


def test_scrambled_articles_never_crash_and_evidence_offsets_always_slice_the_sentence() -> None:
    import random

    lines = [line for path in sorted((ROOT / "examples").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(7)
    docs = []
    for i in range(40):
        picked = rng.sample(lines, rng.randint(1, 8))
        if i % 3 == 0:  # asides between dashes, shuffled words, shouting, stray pronouns
            picked = [line.replace(" ", " \u2014 ", 2) for line in picked]
        if i % 4 == 0:
            picked = [" ".join(rng.sample(line.split(), len(line.split()))) for line in picked]
        if i % 5 == 0:
            picked = [line.upper() for line in picked] + ["it they their him her them"]
        docs.append(Document(f"scrambled-{i}", "\n".join(picked)))
    texts = {d.id: d.text for d in docs}
    extracted = list(Extractor().extract_many(docs))
    assert [e.document.id for e in extracted] == [d.id for d in docs]
    for result in extracted:
        for rel in result.relations:
            for ev in rel.evidence:
                assert texts[ev.doc][ev.start:ev.end] == ev.sentence


def test_load_graph_merges_a_saved_extraction_with_articles(tmp_path: Path) -> None:
    saved = tmp_path / "saved.jsonl"
    extract(["Iran backs the Houthis."]).to_jsonl(saved)
    article = tmp_path / "syria.txt"
    article.write_text("Russia backs Assad.", encoding="utf-8")
    graph = load_graph([saved, article])
    assert sorted(graph.documents) == ["syria", "text-1"]
    assert [(r["source"], r["relation"], r["target"]) for r in graph.relations()] == [
        ("Iran", "BACKS", "Houthis"), ("Russia", "BACKS", "Bashar al-Assad")]


def test_load_graph_reports_bad_inputs_and_reads_the_others(tmp_path: Path) -> None:
    broken = tmp_path / "broken-graph.jsonl"
    broken.write_text('{"kind": "document", "id": "d"}\n{"kind": "relation", "doc": "d"}\n', encoding="utf-8")
    article = tmp_path / "syria.txt"
    article.write_text("Russia backs Assad.", encoding="utf-8")
    report = InputReport()
    graph = load_graph([tmp_path / "nope.txt", broken, article], report=report)
    assert list(graph.documents) == ["syria"]
    assert report.errors == [
        f"{broken}:2: not a kg JSONL record: 'source'",
        f"{tmp_path / 'nope.txt'}: no such file or folder",
    ]


def test_an_article_under_the_id_of_a_saved_document_gets_its_own_id(tmp_path: Path) -> None:
    saved = tmp_path / "saved.jsonl"
    extract([Document("syria", "Iran backs the Houthis.")]).to_jsonl(saved)
    article = tmp_path / "syria.txt"
    article.write_text("Russia backs Assad.", encoding="utf-8")
    report = InputReport()
    graph = load_graph([saved, article], report=report)
    assert list(graph.documents) == ["syria", "syria-2"]
    assert report.warnings == [f"{article}: document id 'syria' is already used by another article; "
                               "this one is 'syria-2'"]
