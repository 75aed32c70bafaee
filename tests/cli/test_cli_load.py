"""`kg load` reads its inputs as `kg extract` does: one error line per bad input, exit 1, and the
good inputs loaded all the same (a real Neo4j server, a real `kg` process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import Store

pytestmark = pytest.mark.neo4j


def _bad_inputs(tmp_path: Path) -> tuple[list[Path], list[str]]:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "no-text").mkdir()
    (tmp_path / "broken.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    paths = [tmp_path / n for n in ("missing.txt", "empty.txt", "blob.txt", "latin.txt", "no-text", "broken.jsonl")]
    return paths, [
        f"kg: error: {tmp_path / 'missing.txt'}: no such file or folder",
        f"kg: error: {tmp_path / 'empty.txt'}: empty file",
        f"kg: error: {tmp_path / 'blob.txt'}: binary file, expected UTF-8 text",
        f"kg: error: {tmp_path / 'latin.txt'}: not UTF-8 text (byte 3)",
        f"kg: error: {tmp_path / 'no-text'}: folder holds no .txt or .jsonl files",
        f"kg: error: {tmp_path / 'broken.jsonl'}:1: not JSON (Expecting value); line skipped",
        "kg: error: 6 input(s) could not be read (see above); the others were processed",
    ]


def test_load_names_each_bad_input_and_still_loads_the_good_ones(run_kg, db: Store, tmp_path: Path) -> None:
    bad, errors = _bad_inputs(tmp_path)
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Iran backs the Houthis.".encode("utf-16"))  # with a BOM: read
    saved = tmp_path / "saved.jsonl"
    article = tmp_path / "syria.txt"
    article.write_text("Russia backs Assad.", encoding="utf-8")
    assert run_kg("extract", article, "-o", saved).returncode == 0
    result = run_kg("load", *bad, utf16, saved)  # the saved extraction given as a path is found as such
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("kg: error:")] == errors
    assert db.counts()["documents"] == 2
    assert sorted(r["name"] for r in db.run_cypher("MATCH (d:Document) RETURN d.id AS name")) == ["syria", "utf16"]


def test_load_of_nothing_readable_loads_nothing_and_says_why(run_kg, db: Store, tmp_path: Path) -> None:
    result = run_kg("load", tmp_path / "nonexistent.txt")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"kg: error: {tmp_path / 'nonexistent.txt'}: no such file or folder\n"
    assert db.counts()["documents"] == 0
