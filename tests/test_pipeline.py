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


def test_a_body_line_starting_with_sources_keeps_the_rest_of_the_article() -> None:
    graph = kg.extract([Document("a", "Russia backs Assad.\nSources said Iran backs Hezbollah.\n"
                                      "Iran backs the Houthis.\nThe United States backs Israel.")])
    assert [(r["source"], r["relation"], r["target"]) for r in graph.relations()] == [
        ("Iran", "BACKS", "Hezbollah"), ("Iran", "BACKS", "Houthis"), ("Russia", "BACKS", "Bashar al-Assad"),
        ("United States", "BACKS", "Israel")]


def test_blanked_furniture_is_logged_for_verbose_runs(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="kg.pipeline"):
        kg.extract([Document("a", "Russia backs Assad.\nRead more: Iran and its allies\nAdvertisement")])
    assert [r.getMessage() for r in caplog.records if "blanked" in r.getMessage()] == [
        "a: blanked link or sharing line (characters 20-51): 'Read more: Iran and its allies'",
        "a: blanked link or sharing line (characters 51-64): 'Advertisement'",
    ]


def test_ansi_escapes_make_no_actor_and_evidence_quotes_the_text_as_given() -> None:
    text = "\x1b[31mRussia\x1b[0m backs Assad.\n\x1b[1mIran\x1b[0m backs the Houthis."
    graph = kg.extract([Document("a", text)])
    assert sorted(a["name"] for a in graph.actors()) == ["Bashar al-Assad", "Houthis", "Iran", "Russia"]
    evidence = [e for r in graph.relations() for e in r["evidence"]]
    assert [(e["sentence"], text[e["start"]:e["end"]]) for e in evidence] == [
        ("Iran\x1b[0m backs the Houthis.", "Iran\x1b[0m backs the Houthis."),
        ("Russia\x1b[0m backs Assad.", "Russia\x1b[0m backs Assad."),
    ]


def test_a_confusable_letter_joins_the_actor_and_the_evidence_keeps_it() -> None:
    graph = kg.extract([Document("a", "Russia backs Assad.\nR\u057dssia attacked Ukraine.")])
    assert [a["id"] for a in graph.actors()] == ["bashar-al-assad", "russia", "ukraine"]
    assert [(r["source"], r["relation"], r["target"], r["evidence"][0]["sentence"]) for r in graph.relations()] == [
        ("Russia", "ATTACKS", "Ukraine", "R\u057dssia attacked Ukraine."),
        ("Russia", "BACKS", "Bashar al-Assad", "Russia backs Assad."),
    ]


def test_user_actors_named_in_cyrillic_and_arabic_are_found(tmp_path: Path) -> None:
    actors = tmp_path / "actors.jsonl"
    actors.write_text('{"name": "\u0412\u0430\u0433\u043d\u0435\u0440", "type": "ARMED_GROUP"}\n'
                      '{"name": "\u062d\u0632\u0628 \u0627\u0644\u0644\u0647", "type": "ARMED_GROUP"}\n',
                      encoding="utf-8")
    graph = kg.extract([Document("a", "\u0412\u0430\u0433\u043d\u0435\u0440 attacked Bakhmut. "
                                      "\u062d\u0632\u0628 \u0627\u0644\u0644\u0647 attacked Israel.")],
                       actors_file=actors)
    assert [(r["source_id"], r["relation"], r["target_id"]) for r in graph.relations()] == [
        ("\u0432\u0430\u0433\u043d\u0435\u0440", "ATTACKS", "bakhmut"),
        ("\u062d\u0632\u0628-\u0627\u0644\u0644\u0647", "ATTACKS", "israel"),
    ]


def test_a_text_over_a_million_characters_is_extracted_in_pieces() -> None:
    text = "Russia backs Assad.\n" + "\n" * 1_000_000 + "Iran backs the Houthis."
    graph = kg.extract([Document("long", text), Document("short", "Turkey backs HTS.")])
    found = {(r["source"], r["target"]): [(e["doc"], e["start"]) for e in r["evidence"]] for r in graph.relations()}
    assert found == {("Russia", "Bashar al-Assad"): [("long", 0)], ("Iran", "Houthis"): [("long", 1_000_020)],
                     ("Turkey", "Hayat Tahrir al-Sham"): [("short", 0)]}


def test_offsets_stay_exact_across_pieces_of_a_long_article() -> None:
    from kg.pipeline import CHUNK_CHARS

    text = ("Russia backs Assad. " * 40 + "\n") * 40
    assert len(text) > 1.5 * CHUNK_CHARS
    (relation,) = kg.extract([Document("long", text)]).relations()
    starts = [e["start"] for e in relation["evidence"]]
    assert (len(starts), max(starts) > CHUNK_CHARS) == (1600, True)
    assert {text[e["start"]:e["end"]] for e in relation["evidence"]} == {"Russia backs Assad."}


def test_a_document_that_cannot_be_extracted_is_one_error_and_the_others_go_on() -> None:
    report = InputReport()
    extracted = list(Extractor().extract_many([Document("bad", None), Document("ok", "Iran backs the Houthis.")],
                                               report=report))
    assert [e.document.id for e in extracted] == ["ok"]
    assert report.errors == ["bad: could not be prepared (TypeError: expected string or bytes-like object, got "
                             "'NoneType'); left out"]


def test_streamed_jsonl_is_the_jsonl_of_the_whole_graph(tmp_path: Path) -> None:
    import io

    from kg.pipeline import iter_extractions, write_jsonl

    saved = tmp_path / "saved.jsonl"
    extract([Document("old", "Russia backs Assad. Iran backs Assad.")]).to_jsonl(saved)
    paths = [saved, ROOT / "examples" / "sudan-el-fasher.txt", ROOT / "examples" / "yemen-red-sea.txt"]
    out = io.StringIO()
    written = write_jsonl(iter_extractions(paths), out)
    graph = load_graph(paths)
    assert out.getvalue() == graph.to_jsonl()
    G = graph.to_networkx()
    assert written.summary() == f"3 documents, {len(graph)} actors, {G.number_of_edges()} relations"
