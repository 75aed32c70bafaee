"""`kg eval` as a user runs it: an analyst's own gold folder scored, text and JSON, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

GOLD_ACTORS = [
    {"doc": "note", "name": "Russia", "type": "STATE", "aliases": ["Moscow"]},
    {"doc": "note", "name": "Bashar al-Assad", "type": "PERSON", "aliases": ["Assad"]},
    {"doc": "note", "name": "Turkey", "type": "STATE", "aliases": ["Ankara"]},
]
GOLD_RELATIONS = [
    {"doc": "note", "source": "Russia", "relation": "BACKS", "target": "Bashar al-Assad", "symmetric": False,
     "evidence": "Russia backs Assad."},
    {"doc": "note", "source": "Turkey", "relation": "CRITICIZES", "target": "Russia", "symmetric": False,
     "evidence": "Ankara quietly resents Moscow."},
]


def _gold(folder: Path) -> Path:
    folder.mkdir()
    (folder / "actors.jsonl").write_text("".join(json.dumps(a) + "\n" for a in GOLD_ACTORS), encoding="utf-8")
    (folder / "relations.jsonl").write_text("".join(json.dumps(r) + "\n" for r in GOLD_RELATIONS),
                                            encoding="utf-8")
    (folder / "note.txt").write_text("Russia backs Assad. Ankara quietly resents Moscow.", encoding="utf-8")
    return folder


def test_eval_scores_the_gold_folders_own_articles(tmp_path: Path, run_kg) -> None:
    result = run_kg("eval", _gold(tmp_path / "gold"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "relations  P 1.000  R 0.500  F1 0.667  (1 of 2 gold found; 1 of 1 predicted right)"
    assert "BACKS        1.000  1.000  1.000     1     1" in lines
    assert lines[-1] == "missed:     note: Turkey -CRITICIZES-> Russia"


def test_eval_prints_json_with_per_type_and_per_rule_figures(tmp_path: Path, run_kg) -> None:
    result = run_kg("eval", _gold(tmp_path / "gold"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["relations"] == {"precision": 1.0, "recall": 0.5, "f1": 0.667, "gold": 2, "found": 1,
                                 "predicted": 1, "hits": 1}
    assert data["by_type"]["CRITICIZES"]["found"] == 0
    assert sum(r["predicted"] for r in data["by_rule"].values()) == 1
    assert data["missed"] == ["note: Turkey -CRITICIZES-> Russia"]
    assert data["false_hits"] == []


def test_eval_of_a_saved_extraction_needs_no_articles(tmp_path: Path, run_kg) -> None:
    gold = _gold(tmp_path / "gold")
    out = tmp_path / "out.jsonl"
    assert run_kg("extract", gold / "note.txt", "-o", out).returncode == 0
    (gold / "note.txt").unlink()
    result = run_kg("eval", gold, out, "--no-list")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("relations  P 1.000  R 0.500")
    assert "missed:" not in result.stdout


def test_eval_of_a_folder_that_is_no_gold_set_is_one_error_line(tmp_path: Path, run_kg) -> None:
    result = run_kg("eval", tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"kg: error: {tmp_path / 'actors.jsonl'}: no such file\n"


def test_eval_goes_on_past_a_missing_article(tmp_path: Path, run_kg) -> None:
    gold = _gold(tmp_path / "gold")
    result = run_kg("eval", gold, gold / "note.txt", tmp_path / "missing.txt")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("relations  P 1.000  R 0.500")
    assert f"kg: error: {tmp_path / 'missing.txt'}: no such file or folder" in result.stderr
