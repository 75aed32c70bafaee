"""`kg extract` as a user runs it: the JSONL contract, clean one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run_kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_extract_writes_the_jsonl_contract(tmp_path: Path) -> None:
    article = tmp_path / "syria-note.txt"
    article.write_text(
        "Turkish President Recep Tayyip Erdogan called on Assad to find a solution.\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = run_kg("extract", str(article), "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    actors = {r["name"]: r for r in records if r["kind"] == "actor"}
    assert actors["Recep Tayyip Erdogan"] == {
        "kind": "actor",
        "doc": "syria-note",
        "id": "recep-tayyip-erdogan",
        "name": "Recep Tayyip Erdogan",
        "type": "PERSON",
        "aliases": [],
        "mentions": 1,
    }
    relations = sorted(
        (r["source"], r["relation"], r["target"], r["polarity"]) for r in records if r["kind"] == "relation"
    )
    assert relations == [
        ("Recep Tayyip Erdogan", "CALLS_ON", "Bashar al-Assad", 0),
        ("Recep Tayyip Erdogan", "LEADS", "Turkey", 0),
    ]


def test_bad_inputs_give_one_line_each_and_a_nonzero_exit_but_the_rest_is_written(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Iran backs the Houthis.", encoding="utf-8")
    bad_json = tmp_path / "news.jsonl"
    bad_json.write_text("{broken\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_kg("extract", str(tmp_path / "missing.txt"), str(bad_json), str(good), "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error:")]
    assert errors == [
        f"kg: error: {tmp_path / 'missing.txt'}: no such file or folder",
        f"kg: error: {bad_json}:1: not JSON (Expecting property name enclosed in double quotes); line skipped",
        "kg: error: 2 input(s) could not be read (see above); the others were processed",
    ]
    kinds = [json.loads(x)["kind"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert kinds.count("relation") == 1


def test_malformed_actors_file_is_one_clean_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Iran backs the Houthis.", encoding="utf-8")
    actors = tmp_path / "actors.jsonl"
    actors.write_text("{nope\n", encoding="utf-8")
    result = run_kg("extract", str(article), "--actors", str(actors))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith(f"kg: error: {actors}:1: not JSON")
    assert "Traceback" not in result.stderr


def test_graphml_output(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Iran backs the Houthis.", encoding="utf-8")
    out = tmp_path / "g.graphml"
    result = run_kg("extract", str(article), "--format", "graphml", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "<graphml" in out.read_text(encoding="utf-8")


def test_help_lists_the_commands() -> None:
    result = run_kg("--help")
    assert result.returncode == 0
    assert "extract" in result.stdout
