"""kg.dedup: a wire story counts once."""

from __future__ import annotations

import json

from web_server import WEB_DATA

from kg.dedup import DuplicateFinder, count_reports, count_sources, counted_evidence, mark_duplicates, shingles
from kg.model import Document

WIRE = WEB_DATA / "wire" / "bara.jsonl"


def wire_documents() -> list[Document]:
    return [Document(**json.loads(line)) for line in WIRE.read_text(encoding="utf-8").splitlines()]


def test_reprints_are_one_story_and_the_independent_report_is_another() -> None:
    marked = list(mark_duplicates(wire_documents()))
    assert [(d.id, d.duplicate_of) for d in marked] == [
        ("continental-press-bara", None),                     # the wire original
        ("savanna-herald-bara", "continental-press-bara"),    # a new headline
        ("daily-courier-bara", "continental-press-bara"),     # the ending trimmed
        ("red-sea-times-bara", "continental-press-bara"),     # a paragraph added
        ("nile-observer-bara", "continental-press-bara"),     # edited words, trimmed, new headline
        ("kordofan-voice-bara", None),                        # the same fact in other words
    ]


def test_a_copy_of_a_copy_belongs_to_the_first_story() -> None:
    finder = DuplicateFinder()
    original = " ".join(f"word{i}" for i in range(60))
    assert finder.add("a", original) is None
    assert finder.add("b", original + " " + " ".join(f"extra{i}" for i in range(20))) == "a"
    assert finder.add("c", " ".join(f"extra{i}" for i in range(20)) + " " + original[:200]) == "a"


def test_exact_copies_ignore_case_and_punctuation() -> None:
    finder = DuplicateFinder()
    assert finder.add("a", "Rebels took Bara.") is None
    assert finder.add("b", "REBELS TOOK BARA!") == "a"
    assert finder.add("a", "anything") is None  # an id seen before keeps its answer


def test_articles_on_the_same_event_by_different_outlets_stay_apart() -> None:
    texts = [d.text for d in wire_documents()]
    a, b = shingles(texts[0]), shingles(texts[5])
    assert len(a & b) == 0
    assert shingles("") == set()


def test_the_answer_does_not_depend_on_the_run() -> None:
    first = [d.duplicate_of for d in mark_duplicates(wire_documents())]
    assert [d.duplicate_of for d in mark_duplicates(wire_documents())] == first


def test_the_team_examples_hold_no_duplicates() -> None:
    examples = WEB_DATA.parents[2] / "examples"
    docs = [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(examples.glob("*.txt"))]
    timeline = (examples / "timeline" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    docs += [Document(json.loads(line)["id"], json.loads(line)["text"]) for line in timeline]
    assert [d.id for d in mark_duplicates(docs) if d.duplicate_of] == []


DOCS = {
    "wire": {"id": "wire", "source": "Continental Press"},
    "copy1": {"id": "copy1", "source": "Savanna Herald", "duplicate_of": "wire"},
    "copy2": {"id": "copy2", "source": "Nile Observer", "duplicate_of": "wire"},
    "own": {"id": "own", "source": "Kordofan Voice"},
    "own2": {"id": "own2", "source": "Kordofan Voice"},
}


def test_counted_evidence_keeps_the_copy_of_each_story_that_states_it_the_fewest_times() -> None:
    evidence = [{"doc": "copy1", "start": 0}, {"doc": "copy2", "start": 0}, {"doc": "copy2", "start": 90},
                {"doc": "own", "start": 4}, {"doc": "own", "start": 80}]
    assert [(e["doc"], e["start"]) for e in counted_evidence(evidence, DOCS)] == [
        ("copy1", 0), ("own", 4), ("own", 80)]
    assert [e["doc"] for e in counted_evidence([{"doc": "copy2"}, {"doc": "wire"}], DOCS)] == ["wire"]
    assert [e["doc"] for e in counted_evidence([{"doc": "wire"}, {"doc": "wire"}, {"doc": "copy1"}], DOCS)] == [
        "copy1"]


def test_reports_count_stories_and_sources_count_outlets() -> None:
    evidence = [{"doc": d} for d in ("wire", "copy1", "copy2", "own", "own2")]
    assert count_reports(evidence, DOCS) == 3
    assert count_sources(evidence, DOCS) == 4
    assert count_sources([{"doc": "x"}, {"doc": "y"}], {}) == 2  # unknown outlets are never merged


def test_one_document_is_no_corpus() -> None:
    assert [(d.id, d.duplicate_of) for d in mark_duplicates([Document("a", "text", duplicate_of="z")])] == [("a", None)]
    assert list(mark_duplicates([])) == []


def test_five_reprints_and_one_independent_report_are_two_reports_from_six_sources() -> None:
    from kg.pipeline import extract

    graph = extract(wire_documents())
    [captured] = [r for r in graph.relations() if (r["source"], r["relation"], r["target"]) == (
        "Rapid Support Forces", "CAPTURED", "Bara")]
    assert (captured["reports"], captured["sources"], captured["weight"]) == (2, 6, 2)
    # evidence still lists every copy (a headline may say it once more)
    assert sorted({e["doc"] for e in captured["evidence"]}) == sorted(d.id for d in wire_documents())


def test_reports_and_sources_survive_the_jsonl_round_trip() -> None:
    from kg.graph import KnowledgeGraph
    from kg.pipeline import extract

    graph = extract(wire_documents())
    again = KnowledgeGraph.from_jsonl(graph.to_jsonl().splitlines())
    assert [(r["relation"], r["weight"], r["reports"], r["sources"]) for r in again.relations()] == [
        (r["relation"], r["weight"], r["reports"], r["sources"]) for r in graph.relations()]
    assert again.documents["savanna-herald-bara"]["duplicate_of"] == "continental-press-bara"
    assert "duplicate_of" not in again.documents["continental-press-bara"]


def test_the_analytics_count_reports_not_copies() -> None:
    from kg.analysis import stance
    from kg.pipeline import extract

    graph = extract(wire_documents())
    # five copies of the wire story say the RSF fights the army: one report
    got = stance(graph, "Rapid Support Forces", "Sudanese government")
    assert (got["evidence"], got["relations"]) == (2, {"ATTACKS": 1, "OPPOSES": 1})
