"""`kg view` as a user runs it: saved extractions and articles in, one HTML page out, one line
per error."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from view_samples import sample_graph

from kg.model import ONTOLOGY


def page_data(path: Path) -> dict:
    blob = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', path.read_text(), re.S)
    assert blob is not None
    return json.loads(blob.group(1))


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "graph.jsonl"
    sample_graph().to_jsonl(path)
    return path


def test_cli_writes_the_view_of_a_saved_extraction(saved: Path, tmp_path: Path, run_kg) -> None:
    out = tmp_path / "g.html"
    result = run_kg("view", saved, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {out}: 8 actors, 9 relations\n"
    assert '<h1 id="kg-title">graph.jsonl</h1>' in out.read_text(encoding="utf-8")


def test_cli_focus_relations_and_min_weight_filter_the_view(saved: Path, tmp_path: Path, run_kg) -> None:
    out = tmp_path / "g.html"
    result = run_kg("view", saved, "-o", out, "--focus", "rebels", "--relations", "BACKS,ATTACKS",
                    "--min-weight", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {out}: 4 actors, 5 relations\n"
    assert "around rebels (1 hop); only BACKS, ATTACKS" in out.read_text(encoding="utf-8")


def test_cli_extracts_articles_and_merges_them_with_saved_extractions(saved: Path, tmp_path: Path, run_kg) -> None:
    article = tmp_path / "erdogan.txt"
    article.write_text("Turkish President Recep Tayyip Erdogan called on Assad to find a solution.\n")
    out = tmp_path / "g.html"
    result = run_kg("view", article, saved, "-o", out)
    assert result.returncode == 0, result.stderr
    data = page_data(out)
    edges = {e["id"] for e in data["edges"]}
    assert {"recep-tayyip-erdogan|CALLS_ON|bashar-al-assad", "recep-tayyip-erdogan|LEADS|turkey"} <= edges
    assert "russia|BACKS|syrian-government" in edges
    assert data["meta"]["title"] == "erdogan.txt, graph.jsonl"
    assert data["meta"]["documents"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "kg: error: give either articles / extraction files (PATH...) or --query NAME"),
        (["{saved}", "--focus", "Nobody"], "kg: error: no actor called 'Nobody' in the graph"),
        (
            ["{saved}", "--relations", "FRIENDS"],
            "kg: error: unknown relation type FRIENDS; known: " + ", ".join(ONTOLOGY),
        ),
        (
            ["{saved}", "--size-by", "colour"],
            "kg: error: --size-by must be one of mentions, degree, not 'colour'",
        ),
        (["{missing}"], "kg: error: {missing}: no such file or folder"),
        (["--query", "top-actors", "--param", "limit"], "kg: error: --param takes key=value, not 'limit'"),
        (["{saved}", "--param", "a=1"], "kg: error: --param goes with --query"),
    ],
)
def test_cli_reports_user_errors_in_one_line(saved: Path, tmp_path: Path, args: list[str], message: str,
                                              run_kg) -> None:
    missing = tmp_path / "missing.txt"
    args = [a.format(saved=saved, missing=missing) for a in args]
    result = run_kg("view", *args, "-o", tmp_path / "g.html")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [message.format(missing=missing)]
    assert not (tmp_path / "g.html").exists()


@pytest.mark.neo4j
def test_cli_draws_the_actors_a_library_query_names_and_their_relations(neo4j_env, neo4j_corpus, tmp_path: Path,
                                                                         run_kg) -> None:
    from kg.store import connect

    with connect() as db:
        db.clear()
        db.write(neo4j_corpus)
    try:
        out = tmp_path / "q.html"
        result = run_kg("view", "--query", "backers_of", "--param", "actor=Assad", "-o", out)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"wrote {out}: 4 actors, 3 relations\n"
        data = page_data(out)
        assert sorted(e["id"] for e in data["edges"]) == [
            "hezbollah|BACKS|bashar-al-assad",
            "iran|BACKS|bashar-al-assad",
            "russia|BACKS|bashar-al-assad",
        ]
        russia = {e["id"]: e for e in data["edges"]}["russia|BACKS|bashar-al-assad"]["kg"]["tip"]
        assert russia["lines"][0] == "2 evidence sentences \u00b7 confidence 0.90"
        assert [q["sentence"] for q in russia["evidence"]] == [
            "Russia and Iran back Assad.",
            "Moscow again stood by Assad.",
        ]
        assert data["meta"]["title"] == "Query: backers_of"
        assert data["meta"]["subtitle"].endswith("actor=Assad")

        result = run_kg("view", "--query", "no_such_query", "-o", out)
        assert result.returncode == 1
        assert result.stderr.startswith("kg: error: no query named 'no_such_query'")
    finally:
        with connect() as db:
            db.clear()
