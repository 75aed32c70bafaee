"""`kg neo4j`, `kg load` and `kg query` as a user runs them: real subprocesses against the real
Neo4j server of the ``neo4j_env`` fixture (whose NEO4J_* variables they inherit)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j_checks import RunKg

from kg.graph import KnowledgeGraph
from kg.store import Store, connect, queries, server

pytestmark = pytest.mark.neo4j

CORPUS_LINE = "The database holds 9 actors, 13 relations (14 evidence sentences), 3 documents."


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single `kg: error: ...` line of a failed command (no traceback)."""
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
    return lines[0]


@pytest.fixture
def corpus_jsonl(tmp_path: Path, neo4j_corpus: KnowledgeGraph) -> Path:
    path = tmp_path / "corpus.jsonl"
    neo4j_corpus.to_jsonl(path)
    return path


# -- kg neo4j --------------------------------------------------------------------------------------


def test_status_says_where_the_server_is_and_where_the_password_is(run_kg: RunKg, neo4j_env: dict[str, str]) -> None:
    result = run_kg("neo4j", "status")
    info = server.status()
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:6] == [
        f"Neo4j {server.NEO4J_VERSION} is running (pid {info.pid})",
        f"  Bolt:      {neo4j_env['uri']}",
        f"  Browser:   {info.http_url}/browser/",
        "  User:      neo4j",
        f"  Password:  in {info.home / 'password'}",
        f"  Data:      {info.home}",
    ]


def test_status_as_json(run_kg: RunKg, neo4j_env: dict[str, str]) -> None:
    result = run_kg("neo4j", "status", "--json")
    data = json.loads(result.stdout)
    assert (data["running"], data["uri"], data["user"]) == (True, neo4j_env["uri"], "neo4j")
    assert data["password_file"] == str(server.status().password_file)


def test_starting_twice_is_harmless(run_kg: RunKg, neo4j_env: dict[str, str]) -> None:
    pid = server.status().pid
    result = run_kg("neo4j", "start")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"Neo4j {server.NEO4J_VERSION} was already running (pid {pid})"
    assert server.status().pid == pid


def test_status_and_stop_of_a_server_that_never_started(
    run_kg: RunKg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_NEO4J_HOME", str(tmp_path))
    status = run_kg("neo4j", "status")
    assert (status.returncode, status.stdout.strip()) == (
        3,
        f"Neo4j is not running (data in {tmp_path}); start it with `kg neo4j start`",
    )
    stop = run_kg("neo4j", "stop")
    assert (stop.returncode, stop.stdout.strip()) == (0, f"Neo4j was not running (data in {tmp_path})")


# -- kg load ---------------------------------------------------------------------------------------


def test_load_from_jsonl_twice_changes_no_count(run_kg: RunKg, db: Store, corpus_jsonl: Path) -> None:
    first = run_kg("load", "--from-jsonl", str(corpus_jsonl))
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0].startswith(
        "Loaded 3 documents, 9 actors, 13 relations (14 evidence sentences) in 1 transaction, "
    )
    assert first.stdout.splitlines()[1] == CORPUS_LINE
    counts = db.counts()
    second = run_kg("load", "--from-jsonl", str(corpus_jsonl))
    assert second.stdout.splitlines()[1] == CORPUS_LINE
    assert db.counts() == counts


def test_load_without_input_says_what_to_give(run_kg: RunKg, neo4j_env: dict[str, str]) -> None:
    assert (
        one_error_line(run_kg("load")) == "kg: error: nothing to load: give article paths, or --from-jsonl FILE"
    )


def test_load_into_a_down_server_fails_in_one_line_and_writes_nothing(
    run_kg: RunKg, db: Store, corpus_jsonl: Path
) -> None:
    uri = f"bolt://127.0.0.1:{server.free_port()}"
    line = one_error_line(run_kg("load", "--from-jsonl", str(corpus_jsonl), "--uri", uri))
    assert line.startswith(f"kg: error: cannot reach Neo4j at {uri} (")
    assert line.endswith(
        "set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD (or --uri/--user/--password), "
        "or run `kg neo4j start` for the local server"
    )
    assert db.counts()["nodes"] == 0


def test_load_with_a_wrong_password_fails_in_one_line(
    run_kg: RunKg, db: Store, corpus_jsonl: Path, neo4j_env: dict
) -> None:
    line = one_error_line(run_kg("load", "--from-jsonl", str(corpus_jsonl), "--password", "wrong"))
    assert line.startswith(f"kg: error: Neo4j at {neo4j_env['uri']} refused the credentials of user 'neo4j'")
    assert "NEO4J_PASSWORD" in line
    assert db.counts()["nodes"] == 0


def test_wrong_uri_fails_in_one_line(run_kg: RunKg, neo4j_env: dict[str, str]) -> None:
    line = one_error_line(run_kg("query", "backers_of", "-p", "actor=Assad", "--uri", "http://127.0.0.1:7474"))
    assert line.startswith("kg: error: cannot use the Neo4j URI 'http://127.0.0.1:7474'")
    assert "NEO4J_URI" in line


def test_load_of_names_that_look_like_cypher(run_kg: RunKg, db: Store, tmp_path: Path) -> None:
    nasty = "x'}) DETACH DELETE n // `tick` {brace}"
    lines = [
        {"kind": "document", "id": "n1", "title": "'); MATCH (n) DETACH DELETE n //"},
        {
            "kind": "actor",
            "doc": "n1",
            "id": "nasty",
            "name": nasty,
            "type": "ARMED_GROUP",
            "aliases": ['"q"', "`b`"],
            "mentions": 1,
        },
        {
            "kind": "actor",
            "doc": "n1",
            "id": "iran",
            "name": "Iran",
            "type": "STATE",
            "aliases": [],
            "mentions": 1,
        },
        {
            "kind": "relation",
            "doc": "n1",
            "source": "Iran",
            "relation": "BACKS",
            "target": nasty,
            "polarity": 1,
            "sentence": f"Iran backs {nasty}.",
            "start": 0,
            "end": 11 + len(nasty),
            "confidence": 0.9,
            "rule": "r",
            "source_id": "iran",
            "target_id": "nasty",
        },
    ]
    path = tmp_path / "nasty.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert run_kg("load", "--from-jsonl", str(path)).returncode == 0
    assert db.counts()["actors"] == 2
    out = run_kg("query", "backers_of", "--param", f"actor={nasty}", "--format", "json")
    assert json.loads(out.stdout) == [
        {
            "actor": nasty,
            "backer": "Iran",
            "backer_id": "iran",
            "evidence": 1,
            "confidence": 0.9,
            "first_seen": None,
            "last_seen": None,
        }
    ]


# -- kg query --------------------------------------------------------------------------------------


def test_query_json_is_an_array_of_row_objects(run_kg: RunKg, loaded: Store) -> None:
    result = run_kg("query", "backers_of", "--param", "actor=Assad", "--format", "json")
    assert result.returncode == 0, result.stderr
    # the exact rows are pinned by test_store_neo4j.py::test_backers_of
    assert json.loads(result.stdout) == loaded.run_query("backers_of", actor="Assad")


def test_query_csv(run_kg: RunKg, loaded: Store) -> None:
    result = run_kg("query", "adversaries_of", "-p", "actor=HTS", "--format", "csv")
    assert result.stdout == (
        "actor,adversary,adversary_id,direct,via,relations,evidence\n"
        "Hayat Tahrir al-Sham,Russia,russia,false,Syrian opposition,ATTACKS,1\n"
        "Hayat Tahrir al-Sham,Syrian government,syrian-government,false,Syrian opposition,OPPOSES,1\n"
    )


def test_query_table(run_kg: RunKg, loaded: Store) -> None:
    result = run_kg("query", "blocs_input", "--param", "min_weight=2")
    lines = result.stdout.splitlines()
    assert [c.strip() for c in lines[1].strip("┃").split("┃")] == [
        "source_id",
        "source",
        "target_id",
        "target",
        "relation",
        "sign",
        "weight",
    ]
    assert [c.strip() for c in lines[3].strip("│").split("│")] == [
        "russia",
        "Russia",
        "bashar-al-assad",
        "Bashar al-Assad",
        "BACKS",
        "1",
        "2",
    ]
    assert lines[-1] == "1 row"


def test_query_list_names_every_query_with_its_description(run_kg: RunKg, neo4j_env: dict[str, str]) -> None:
    result = run_kg("query", "--list")
    heads = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    # the names themselves are pinned by test_store_neo4j.py::LIBRARY
    assert [h.split(":")[0] for h in heads] == list(queries())
    assert "backers_of: who backs an actor, with evidence counts." in heads
    assert (
        "    --param min_weight=...  int (optional, default 1): leave out relations with fewer evidence "
        "sentences" in result.stdout.splitlines()
    )


def test_query_ad_hoc_cypher(run_kg: RunKg, loaded: Store) -> None:
    result = run_kg(
        "query",
        "--cypher",
        "MATCH (:Document)-[m:MENTIONS]->(a:Actor) WITH a, sum(m.mentions) AS n WHERE n >= $m "
                "RETURN a.id AS id ORDER BY id",
        "--param",
        "m=5",
        "--format",
        "json",
    )
    assert json.loads(result.stdout) == [{"id": "russia"}, {"id": "syrian-opposition"}, {"id": "turkey"}]


def test_query_ad_hoc_cypher_cannot_write(run_kg: RunKg, loaded: Store) -> None:
    line = one_error_line(run_kg("query", "--cypher", "MATCH (n) DETACH DELETE n"))
    assert line.startswith("kg: error: this query writes, and ad-hoc queries run read-only")
    assert loaded.counts()["nodes"] == 24


@pytest.mark.parametrize(
    ("cypher", "expected"),
    [
        ("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "may not use LOAD CSV"),
        ("LOAD CSV FROM 'file:///../../etc/passwd' AS l RETURN l", "may not use LOAD CSV"),
        ("LOAD CSV FROM 'file://{home}/password' AS l RETURN l", "may not use LOAD CSV"),
        ("LOAD CSV FROM 'http://127.0.0.1:{http}/' AS l RETURN l", "may not use LOAD CSV"),
        ("CALL dbms.components()", "may not call the procedure dbms.components"),
    ],
)
def test_query_ad_hoc_cypher_reaches_no_file_and_no_network(
    run_kg: RunKg, loaded: Store, cypher: str, expected: str
) -> None:
    info = server.status()
    result = run_kg("query", "--cypher", cypher.format(home=info.home, http=info.http_port))
    line = one_error_line(result)
    assert line.startswith(f"kg: error: ad-hoc queries {expected}")
    assert "root:" not in result.stdout + result.stderr and info.password() not in result.stdout + result.stderr


def test_load_of_new_articles_writes_only_them(run_kg: RunKg, db: Store, tmp_path: Path, corpus_jsonl: Path) -> None:
    lines = corpus_jsonl.read_text(encoding="utf-8").splitlines()
    first = tmp_path / "first.jsonl"
    first.write_text("".join(line + "\n" for line in lines if '"d3"' not in line), encoding="utf-8")
    assert run_kg("load", "--from-jsonl", first).returncode == 0
    result = run_kg("load", "--from-jsonl", corpus_jsonl)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[0].startswith("Loaded 1 document, 3 actors, 2 relations (2 evidence sentences) in 1 transaction, ")
    assert out[1:] == [CORPUS_LINE, "Skipped 2 documents the database already holds (--reload writes them again)."]
    again = run_kg("load", "--from-jsonl", corpus_jsonl, "--reload")
    assert again.stdout.startswith("Loaded 3 documents, 9 actors, 13 relations (14 evidence sentences)")
    assert again.stdout.splitlines()[1:] == [CORPUS_LINE]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["backers_of", "-p", "actor=Atlantis"], "kg: error: no actor named 'Atlantis' (name, alias or id)"),
        (["backers_of"], "kg: error: query backers_of needs --param actor=..."),
        (["backers_of", "-p", "actor"], "kg: error: --param takes key=value, not 'actor'"),
        (["nope"], "kg: error: no query named 'nope'"),
        ([], "kg: error: give a query name (see `kg query --list`) or --cypher 'MATCH ...'"),
    ],
)
def test_query_mistakes_fail_in_one_line(run_kg: RunKg, loaded: Store, args: list[str], expected: str) -> None:
    assert one_error_line(run_kg("query", *args)).startswith(expected)


# -- crash in the middle of a load -----------------------------------------------------------------


def big_corpus(n_docs: int = 250, per_doc: int = 40) -> KnowledgeGraph:
    """Many small articles, so that a load runs in many transactions."""
    lines = []
    for d in range(n_docs):
        doc = f"doc{d:04d}"
        lines.append({"kind": "document", "id": doc, "date": f"2024-{1 + d % 12:02d}-01"})
        ids = {(d * 7 + i) % 60 for i in range(per_doc + 1)}
        for a in sorted(ids):
            lines.append(
                {
                    "kind": "actor",
                    "doc": doc,
                    "id": f"a{a}",
                    "name": f"Actor {a}",
                    "type": "STATE",
                    "aliases": [f"A{a}"],
                    "mentions": 1,
                }
            )
        for i in range(per_doc):
            s, t = (d * 7 + i) % 60, (d * 7 + i + 1) % 60
            sentence = f"Actor {s} backs Actor {t}, says {doc}."
            lines.append(
                {
                    "kind": "relation",
                    "doc": doc,
                    "source": f"Actor {s}",
                    "relation": "BACKS",
                    "target": f"Actor {t}",
                    "sentence": sentence,
                    "start": i * 100,
                    "end": i * 100 + len(sentence),
                    "confidence": 0.5,
                    "rule": "r",
                    "source_id": f"a{s}",
                    "target_id": f"a{t}",
                }
            )
    return KnowledgeGraph.from_jsonl(json.dumps(line) for line in lines)


def test_killing_the_server_mid_load_then_reloading_gives_a_clean_load(
    run_kg: RunKg, db: Store, tmp_path: Path, neo4j_env: dict[str, str]
) -> None:
    corpus = big_corpus()
    path = tmp_path / "big.jsonl"
    corpus.to_jsonl(path)
    db.write(corpus)
    clean = (db.counts(), db.run_query("blocs_input"))
    db.clear()

    load = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "load",
            "--from-jsonl",
            str(path),
            "--batch-size",
            "100",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "KG_NEO4J_RETRY_SECONDS": "3"},
    )
    deadline = time.monotonic() + 120
    while db.counts()["documents"] < 10:
        assert load.poll() is None, "the load ended before the server could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    db.close()
    server.stop(force=True)  # SIGKILL: no clean shutdown, the open transaction is lost
    _, stderr = load.communicate(timeout=120)
    assert load.returncode == 1
    assert stderr.strip().splitlines()[-1].startswith(f"kg: error: cannot reach Neo4j at {neo4j_env['uri']}")

    restart = run_kg("neo4j", "start")
    assert restart.returncode == 0, restart.stderr
    assert restart.stdout.splitlines()[1] == f"  Bolt:      {neo4j_env['uri']}"
    with connect() as after:
        partial = after.counts()
        assert 10 <= partial["documents"] < 250
        reload = run_kg("load", "--from-jsonl", str(path))
        assert reload.returncode == 0, reload.stderr
        assert (after.counts(), after.run_query("blocs_input")) == clean


# -- the reference article, extracted by `kg load` ---------------------------------------------------


def test_load_the_reference_article_then_ask_who_backs_assad(run_kg: RunKg, db: Store, seed_path: Path) -> None:
    result = run_kg("load", str(seed_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Loaded 1 document, ")
    backers = json.loads(run_kg("query", "backers_of", "-p", "actor=Assad", "--format", "json").stdout)
    assert sorted(r["backer"] for r in backers) == ["Hezbollah", "Iran", "Russia"]
    adversaries = json.loads(run_kg("query", "adversaries_of", "-p", "actor=HTS", "--format", "json").stdout)
    assert "Russia" in {r["adversary"] for r in adversaries}
