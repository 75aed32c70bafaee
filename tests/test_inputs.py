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


def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(tmp_path: Path) -> None:
    for name, encoding in (("le16.txt", "utf-16"), ("be16.txt", "utf-16-be"), ("le32.txt", "utf-32")):
        data = "Russia backs Assad.".encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        (tmp_path / name).write_bytes(data)
    report = InputReport()
    docs = list(read_documents(sorted(tmp_path.iterdir()), report))
    assert ([d.text for d in docs], report.errors) == (["Russia backs Assad."] * 3, [])


def test_jsonl_text_with_a_line_separator_character_stays_one_article(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "a", "text": "Iran backs\u2028the Houthis.\\u000c"}\n', encoding="utf-8")
    report = InputReport()
    assert [d.text for d in read_documents([path], report)] == ["Iran backs\u2028the Houthis.\x0c"]
    assert report.errors == []


def test_one_id_for_two_articles_is_suffixed_and_the_same_article_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "a", "text": "Iran backs the Houthis."}\n{"id": "a", "text": "Russia backs Assad."}\n'
                    '{"id": "a", "text": "Iran backs the Houthis."}\n{"id": "a-2", "text": "Turkey backs HTS."}\n',
                    encoding="utf-8")
    report = InputReport()
    docs = list(read_documents([path], report))
    assert [(d.id, d.text) for d in docs] == [
        ("a", "Iran backs the Houthis."), ("a-2", "Russia backs Assad."), ("a-2-2", "Turkey backs HTS.")]
    assert (report.errors, report.warnings) == ([], [
        f"{path}:2: document id 'a' is already used by another article; this one is 'a-2'",
        f"{path}:3: document 'a' was read before with the same text; read once",
        f"{path}:4: document id 'a-2' is already used by another article; this one is 'a-2-2'",
    ])


def test_a_saved_extraction_inside_a_folder_is_named_not_read_line_by_line(tmp_path: Path) -> None:
    (tmp_path / "graph.jsonl").write_text('{"kind": "document", "id": "d"}\n{"kind": "actor"}\n', encoding="utf-8")
    report = InputReport()
    assert list(read_documents([tmp_path], report)) == []
    assert report.errors == [f"{tmp_path / 'graph.jsonl'}: a saved extraction, not articles: pass it as a path to "
                             "kg load/view/analyze or with --from-jsonl"]
