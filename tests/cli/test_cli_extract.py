"""`kg extract` (and the input reading every command shares) as a user runs it: the JSONL
contract, one error line per bad input, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ERASED = "kg: error: {} input(s) could not be read (see above); the others were processed"


def errors_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("kg: error:")]


def relations_of(jsonl: str) -> list[tuple[str, str, str]]:
    records = [json.loads(line) for line in jsonl.splitlines()]
    return sorted((r["source"], r["relation"], r["target"]) for r in records if r["kind"] == "relation")


def test_extract_writes_the_jsonl_contract(tmp_path: Path, run_kg) -> None:
    article = tmp_path / "syria-note.txt"
    article.write_text(
        "Turkish President Recep Tayyip Erdogan called on Assad to find a solution.\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = run_kg("extract", article, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"kg: 1 documents, 3 actors, 2 relations -> {out}\n"
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
    assert relations_of(out.read_text(encoding="utf-8")) == [
        ("Recep Tayyip Erdogan", "CALLS_ON", "Bashar al-Assad"),
        ("Recep Tayyip Erdogan", "LEADS", "Turkey"),
    ]


def test_bad_inputs_give_one_line_each_and_a_nonzero_exit_but_the_rest_is_written(tmp_path: Path, run_kg) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Iran backs the Houthis.", encoding="utf-8")
    bad_json = tmp_path / "news.jsonl"
    bad_json.write_text("{broken\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_kg("extract", tmp_path / "missing.txt", bad_json, good, "-o", out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert errors_of(result.stderr) == [
        f"kg: error: {tmp_path / 'missing.txt'}: no such file or folder",
        f"kg: error: {bad_json}:1: not JSON (Expecting property name enclosed in double quotes); line skipped",
        ERASED.format(2),
    ]
    assert relations_of(out.read_text(encoding="utf-8")) == [("Iran", "BACKS", "Houthis")]


def test_malformed_actors_file_is_one_clean_line(tmp_path: Path, run_kg) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Iran backs the Houthis.", encoding="utf-8")
    actors = tmp_path / "actors.jsonl"
    actors.write_text("{nope\n", encoding="utf-8")
    result = run_kg("extract", article, "--actors", actors)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith(f"kg: error: {actors}:1: not JSON")
    assert "Traceback" not in result.stderr


def test_graphml_output(tmp_path: Path, run_kg) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Iran backs the Houthis.", encoding="utf-8")
    out = tmp_path / "g.graphml"
    result = run_kg("extract", article, "--format", "graphml", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "<graphml" in out.read_text(encoding="utf-8")


def test_help_lists_every_command_of_the_table(run_kg) -> None:
    result = run_kg("--help")
    assert result.returncode == 0
    for command in ("extract", "load", "query", "view", "analyze", "neo4j"):
        assert f" {command} " in result.stdout


def test_saved_extraction_given_as_a_path_is_merged_with_new_articles(tmp_path: Path, run_kg) -> None:
    first = tmp_path / "iran.txt"
    first.write_text("Iran backs the Houthis.", encoding="utf-8")
    saved = tmp_path / "saved.jsonl"
    assert run_kg("extract", first, "-o", saved).returncode == 0
    second = tmp_path / "syria.txt"
    second.write_text("Russia backs Assad.", encoding="utf-8")
    result = run_kg("extract", saved, second)
    assert result.returncode == 0, result.stderr
    assert relations_of(result.stdout) == [("Iran", "BACKS", "Houthis"), ("Russia", "BACKS", "Bashar al-Assad")]
    again = run_kg("extract", "--from-jsonl", saved)
    assert again.stdout == saved.read_text(encoding="utf-8")


def test_from_jsonl_checks_actor_types_and_tells_articles_apart(tmp_path: Path, run_kg) -> None:
    alien = tmp_path / "alien.jsonl"
    alien.write_text('{"kind": "actor", "doc": "d", "id": "zorg", "name": "Zorg", "type": "ALIEN"}\n',
                     encoding="utf-8")
    articles = tmp_path / "news.jsonl"
    articles.write_text('{"id": "n1", "text": "Iran backs the Houthis."}\n', encoding="utf-8")
    result = run_kg("extract", "--from-jsonl", alien, "--from-jsonl", articles)
    assert result.returncode == 1
    assert errors_of(result.stderr) == [
        f"kg: error: {alien}:1: not a kg JSONL record: actor type 'ALIEN' is not one of STATE, GOVERNMENT, "
        "ARMED_GROUP, ORGANIZATION, PERSON, LOCATION",
        f"kg: error: {articles}:1: not a kg JSONL record: no \"kind\" of document, actor or relation (an article? "
        "articles are given as paths, not with --from-jsonl)",
    ]  # and no "the others were processed": there were none
    assert result.stdout == ""


def test_two_articles_with_one_id_are_both_kept_and_the_renaming_is_said(tmp_path: Path, run_kg) -> None:
    for folder, text in (("a", "Iran backs the Houthis."), ("b", "Russia backs Assad.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(text, encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "news.txt").write_text("Iran backs the Houthis.", encoding="utf-8")
    result = run_kg("extract", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"kg: warning: {tmp_path / 'b' / 'news.txt'}: document id 'news' is already used by another article; "
        "this one is 'news-2'",
        f"kg: warning: {tmp_path / 'c' / 'news.txt'}: document 'news' was read before with the same text; read once",
    ]
    docs = [json.loads(line)["id"] for line in result.stdout.splitlines() if '"kind": "document"' in line]
    assert docs == ["news", "news-2"]


@pytest.mark.parametrize("command", ["view", "analyze"])
def test_view_and_analyze_report_bad_inputs_like_extract(tmp_path: Path, run_kg, command: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Iran backs the Houthis.", encoding="utf-8")
    bad = _bad_inputs(tmp_path)
    extra = ["-o", str(tmp_path / "g.html")] if command == "view" else ["--format", "json"]
    result = run_kg(command, *bad, good, *extra)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert errors_of(result.stderr) == [*_bad_input_errors(tmp_path), ERASED.format(7)]
    if command == "view":
        assert result.stdout == f"wrote {tmp_path / 'g.html'}: 2 actors, 1 relations\n"
    else:
        assert json.loads(result.stdout)["centrality"][0]["actor"] in ("Iran", "Houthis")


def _bad_inputs(tmp_path: Path) -> list[Path]:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("Russia backs Assad.".encode("utf-16-le"))  # no BOM: can't tell
    (tmp_path / "no-text").mkdir()
    (tmp_path / "no-text" / "notes.md").write_text("Iran", encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    return [tmp_path / n for n in ("missing.txt", "empty.txt", "blob.txt", "latin.txt", "utf16.txt", "no-text",
                                   "broken.jsonl")]


def _bad_input_errors(tmp_path: Path) -> list[str]:
    return [
        f"kg: error: {tmp_path / 'missing.txt'}: no such file or folder",
        f"kg: error: {tmp_path / 'empty.txt'}: empty file",
        f"kg: error: {tmp_path / 'blob.txt'}: binary file, expected UTF-8 text",
        f"kg: error: {tmp_path / 'latin.txt'}: not UTF-8 text (byte 3)",
        f"kg: error: {tmp_path / 'utf16.txt'}: binary file, expected UTF-8 text",
        f"kg: error: {tmp_path / 'no-text'}: folder holds no .txt or .jsonl files",
        f"kg: error: {tmp_path / 'broken.jsonl'}:1: not JSON (Expecting value); line skipped",
    ]


def test_readme_sample_lines_are_what_kg_extract_prints(run_kg) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = [line for line in readme.splitlines()
             if line.startswith('{"kind": ') and '"doc": "sudan-el-fasher"' in line or
             line.startswith('{"kind": "document", "id": "sudan-el-fasher"')]
    result = run_kg("extract", "examples/sudan-el-fasher.txt", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.splitlines()
    assert len(shown) == 5
    assert [line for line in shown if line not in printed] == []
    everything = run_kg("extract", "examples/", cwd=ROOT)
    assert sum('"kind": "document"' in line for line in everything.stdout.splitlines()) == 20, everything.stderr


def test_verbose_says_what_page_furniture_was_blanked(tmp_path: Path, run_kg) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Russia backs Assad.\nSources said Iran backs Hezbollah.\nSource: example.gr\nTeaser",
                       encoding="utf-8")
    quiet = run_kg("extract", article)
    loud = run_kg("extract", "-v", article)
    assert (quiet.returncode, quiet.stderr, loud.returncode) == (0, "", 0)
    assert [line for line in loud.stderr.splitlines() if "blanked" in line] == [
        f"kg: INFO: {article}: blanked page furniture to the end (characters 55-80): 'Source: example.gr Teaser'"]
    assert relations_of(loud.stdout) == [("Iran", "BACKS", "Hezbollah"), ("Russia", "BACKS", "Bashar al-Assad")]


def test_jobs_2_writes_what_jobs_1_writes_in_the_same_order(tmp_path: Path, run_kg) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run_kg("extract", ROOT / "examples", "-o", one, "--jobs", "1").returncode == 0
    assert run_kg("extract", ROOT / "examples", "-o", two, "--jobs", "2").returncode == 0
    assert two.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")


def test_jsonl_is_written_while_articles_are_still_being_extracted(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus.jsonl"
    text = (ROOT / "examples" / "sudan-el-fasher.txt").read_text(encoding="utf-8")
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": text}) + "\n" for i in range(80)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "extract", str(corpus), "-o", str(out), "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen_early = False
    while proc.poll() is None:
        if out.exists() and '"kind": "document", "id": "a0"' in out.read_text(encoding="utf-8"):
            seen_early = proc.poll() is None
            break
        time.sleep(0.2)
    assert proc.wait(timeout=1800) == 0
    assert seen_early
    assert sum('"kind": "document"' in line for line in out.read_text(encoding="utf-8").splitlines()) == 80
