"""`kg view` options for big graphs: groups by type or alliance bloc, actors without relations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.analysis import from_triples


def page_data(path: Path) -> dict:
    blob = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', path.read_text(), re.S)
    return json.loads(blob.group(1))


@pytest.fixture
def two_camps(tmp_path: Path) -> Path:
    """Russia and Iran back Assad; Turkey backs the rebels, who fight Assad; Qatar has no relation."""
    graph = from_triples(
        [("Russia", "BACKS", "Assad"), ("Iran", "BACKS", "Assad"), ("Turkey", "BACKS", "Rebels"),
         ("Rebels", "ATTACKS", "Assad"), ("Assad", "ATTACKS", "Rebels")],
        types={"Russia": "STATE", "Iran": "STATE", "Turkey": "STATE", "Assad": "PERSON", "Rebels": "ARMED_GROUP"},
    )
    path = tmp_path / "camps.jsonl"
    text = graph.to_jsonl()
    text += json.dumps({"kind": "actor", "doc": "doc", "id": "qatar", "name": "Qatar", "type": "STATE",
                        "aliases": [], "mentions": 1}) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def test_group_by_bloc_lays_out_and_names_the_alliance_blocs(two_camps: Path, tmp_path: Path, run_kg) -> None:
    out = tmp_path / "blocs.html"
    done = run_kg("view", two_camps, "--group-by", "bloc", "-o", out)
    assert (done.returncode, done.stderr) == (0, "")
    data = page_data(out)
    groups = {n["id"]: n["kg"]["group"] for n in data["nodes"]}
    assert groups == {"russia": "Bloc 1", "iran": "Bloc 1", "assad": "Bloc 1", "turkey": "Bloc 2",
                      "rebels": "Bloc 2", "qatar": None}
    assert [(g["group"], g["count"]) for g in data["legend"]["groups"]] == [("Bloc 1", 3), ("Bloc 2", 2)]


def test_group_by_type_names_each_type(two_camps: Path, tmp_path: Path, run_kg) -> None:
    out = tmp_path / "types.html"
    assert run_kg("view", two_camps, "--group-by", "type", "-o", out).returncode == 0
    assert [(g["group"], g["count"]) for g in page_data(out)["legend"]["groups"]] == [
        ("State", 4), ("Armed group", 1), ("Person", 1),
    ]


def test_actors_without_relations_start_hidden_unless_asked(two_camps: Path, tmp_path: Path, run_kg) -> None:
    hidden, shown = tmp_path / "hidden.html", tmp_path / "shown.html"
    assert run_kg("view", two_camps, "-o", hidden).returncode == 0
    assert run_kg("view", two_camps, "--show-isolated", "-o", shown).returncode == 0
    assert page_data(hidden)["meta"]["hide_isolated"] is True
    assert page_data(shown)["meta"]["hide_isolated"] is False
    assert len(page_data(hidden)["nodes"]) == len(page_data(shown)["nodes"]) == 6


def test_an_unknown_grouping_is_one_error_line(two_camps: Path, tmp_path: Path, run_kg) -> None:
    done = run_kg("view", two_camps, "--group-by", "colour", "-o", tmp_path / "g.html")
    assert (done.returncode, done.stderr) == (1, "kg: error: --group-by must be one of type, bloc, not 'colour'\n")
    assert not (tmp_path / "g.html").exists()
