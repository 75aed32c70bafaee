"""Reading articles (kg/inputs.py): every bad input is one message, the rest go on."""

from __future__ import annotations

from pathlib import Path

from kg.inputs import InputReport, is_extraction_jsonl, read_documents


def test_folder_of_text_files_gives_documents_named_by_stem(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Iran backs the Houthis.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Russia backs Assad.", encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["a", "b"]


def test_jsonl_articles_keep_metadata(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"id": "x1", "text": "Russia backs Assad.", "title": "T", "date": "2024-12-05", '
        '"url": "http://example.org/1"}\n',
        encoding="utf-8",
    )
    (doc,) = read_documents([path])
    assert (doc.id, doc.title, doc.date, doc.url) == ("x1", "T", "2024-12-05", "http://example.org/1")


def test_bad_inputs_are_reported_one_line_each_and_skipped(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Russia backs Assad.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9".encode("latin-1"))
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"id": "ok", "text": "Iran backs the Houthis."}\nnot json\n', encoding="utf-8")
    report = InputReport()
    docs = list(read_documents([tmp_path / "missing.txt", empty, binary, latin, lines, good], report))
    assert [d.id for d in docs] == ["ok", "good"]
    assert report.errors == [
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        f"{empty}: empty file",
        f"{binary}: binary file, expected UTF-8 text",
        f"{latin}: not UTF-8 text (byte 3)",
        f"{lines}:2: not JSON (Expecting value); line skipped",
    ]


def test_saved_extraction_is_told_apart_from_articles(tmp_path: Path) -> None:
    saved = tmp_path / "graph.jsonl"
    saved.write_text('{"kind": "document", "id": "d"}\n', encoding="utf-8")
    articles = tmp_path / "news.jsonl"
    articles.write_text('{"id": "d", "text": "x y"}\n', encoding="utf-8")
    assert (is_extraction_jsonl(saved), is_extraction_jsonl(articles)) == (True, False)


def test_load_graph_merges_a_saved_extraction_with_articles(tmp_path: Path) -> None:
    from kg.inputs import load_graph
    from kg.pipeline import extract

    saved = tmp_path / "saved.jsonl"
    extract(["Iran backs the Houthis."]).to_jsonl(saved)
    article = tmp_path / "syria.txt"
    article.write_text("Russia backs Assad.", encoding="utf-8")
    graph = load_graph([saved, article])
    assert sorted(graph.documents) == ["syria", "text-1"]
    assert [(r["source"], r["relation"], r["target"]) for r in graph.relations()] == [
        ("Iran", "BACKS", "Houthis"), ("Russia", "BACKS", "Bashar al-Assad")]


def test_load_graph_names_a_missing_path(tmp_path: Path) -> None:
    import pytest

    from kg.errors import InputError
    from kg.inputs import load_graph

    with pytest.raises(InputError, match="no such file or folder"):
        load_graph([tmp_path / "nope.jsonl"])
