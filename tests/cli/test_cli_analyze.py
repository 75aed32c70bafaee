"""`kg analyze`: blocs, frustration, top actors and changes, as tables or JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from kg.analysis import from_triples


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A saved extraction: two camps, one traitor tie, and a tie that flips over time."""
    G = from_triples(
        [
            ("Russia", "BACKS", "Syrian government", "2024-11-28"),
            ("Iran", "BACKS", "Syrian government", "2024-11-28"),
            ("Iran", "BACKS", "Syrian government", "2024-11-30"),
            ("Turkey", "BACKS", "Syrian opposition", "2024-11-29"),
            ("Turkey", "BACKS", "Syrian opposition", "2024-11-30"),
            ("Syrian opposition", "ALLIED_WITH", "HTS", "2024-11-29"),
            ("Syrian opposition", "OPPOSES", "Syrian government", "2024-11-30"),
            ("Russia", "ATTACKS", "HTS", "2024-12-01"),
            ("Iran", "NEGOTIATES_WITH", "Turkey", "2024-12-02"),
            ("HTS", "NEGOTIATES_WITH", "Syrian government", "2024-12-03"),
            ("HTS", "ATTACKS", "Syrian government", "2024-12-05"),
        ],
        types={"Russia": "STATE", "Iran": "STATE", "Turkey": "STATE", "Syrian government": "GOVERNMENT"},
    )
    path = tmp_path / "corpus.jsonl"
    G.to_jsonl(path)
    return path


def run(*args: str) -> SimpleNamespace:
    # a real `kg` process, as every test under tests/cli/ runs it (see conftest.py's run_kg)
    done = subprocess.run([sys.executable, "-m", "kg", "analyze", *args], capture_output=True, text=True, timeout=600)
    return SimpleNamespace(exit_code=done.returncode, stdout=done.stdout, stderr=done.stderr,
                           output=done.stdout + done.stderr)


def test_json_has_blocs_frustrated_centrality_and_changes(saved: Path) -> None:
    result = run(str(saved), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"blocs", "frustrated", "centrality", "changes"}
    assert [b["members"] for b in data["blocs"]] == [
        ["HTS", "Syrian opposition", "Turkey"],
        ["Iran", "Russia", "Syrian government"],
    ]
    assert data["frustration"] == 1
    assert [(f["a"], f["b"], f["why"]) for f in data["frustrated"]] == [
        ("Iran", "Turkey", "positive tie between blocs 1 and 2")
    ]
    assert [f["relations"][0]["evidence"][0]["sentence"] for f in data["frustrated"]] == [
        "Iran negotiates with Turkey."
    ]
    assert data["centrality"][0]["actor"] == "Syrian government"
    assert [c["description"] for c in data["changes"]] == [
        "HTS -> Syrian government moved from NEGOTIATES_WITH to ATTACKS"
    ]


def test_table_shows_every_section(saved: Path) -> None:
    result = run(str(saved))
    assert result.exit_code == 0, result.output
    for text in (
        "Alliance blocs",
        "Iran, Russia, Syrian government",
        "Frustrated ties: 1",
        "Iran - Turkey",
        "Top actors",
        "Changed ties: 1",
        "moved from NEGOTIATES_WITH to ATTACKS",
    ):
        assert text in result.stdout


def test_since_filters_changes(saved: Path) -> None:
    data = json.loads(run(str(saved), "--format", "json", "--since", "2024-12-06").stdout)
    assert data["changes"] == []


def test_k_caps_the_blocs(saved: Path) -> None:
    data = json.loads(run(str(saved), "--format", "json", "--k", "1").stdout)
    assert [len(b["members"]) for b in data["blocs"]] == [6]


def test_top_limits_the_centrality_rows(saved: Path) -> None:
    data = json.loads(run(str(saved), "--format", "json", "--top", "2").stdout)
    assert [r["rank"] for r in data["centrality"]] == [1, 2]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "kg: error: --format must be table or json, not 'xml'"),
        (["--since", "yesterday"], "kg: error: since must be a date like 2024-12-01, not 'yesterday'"),
        (["--k", "0"], "kg: error: k must be at least 1, not 0"),
    ],
)
def test_bad_options_fail_with_one_line(saved: Path, args: list[str], message: str) -> None:
    result = run(str(saved), *args)
    assert result.exit_code == 1
    assert result.stderr.strip() == message


def test_broken_saved_extraction_fails_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "relation", "doc": "d"}\n', encoding="utf-8")
    result = run(str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_articles_are_extracted_and_merged_with_saved_extractions(saved: Path, tmp_path: Path) -> None:
    article = tmp_path / "israel.txt"
    article.write_text(
        "Israel struck Hezbollah positions in southern Lebanon on Monday, the army said.\n", encoding="utf-8"
    )
    result = run(str(saved), str(article), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    names = {m for b in data["blocs"] for m in b["members"]}
    assert {"Israel", "Hezbollah", "HTS"} <= names


def test_names_that_look_like_markup_print_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "markup.jsonl"
    from_triples([("[red]X[/]", "BACKS", "[/bold]Y")]).to_jsonl(path)
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert "[/bold]Y, [red]X[/]" in result.stdout


def test_missing_article_fails_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = run(str(missing))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"kg: error: {missing}: no such file or folder"
