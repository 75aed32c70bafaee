"""`kg.evaluation`: the scorer as a feature, agreeing with the team's shared scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_eval
from extraction.gold_checks import load_scorer

from kg.errors import InputError
from kg.evaluation import GoldSet, Predictions, evaluate, score


def _gold(folder: Path, actors: list[dict], relations: list[dict], equivalents: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.jsonl").write_text("".join(json.dumps(a) + "\n" for a in actors), encoding="utf-8")
    (folder / "relations.jsonl").write_text("".join(json.dumps(r) + "\n" for r in relations), encoding="utf-8")
    if equivalents is not None:
        (folder / "equivalents.json").write_text(json.dumps(equivalents), encoding="utf-8")
    return folder


ACTORS = [
    {"doc": "d", "name": "Russia", "type": "STATE", "aliases": ["Moscow", "Russian"]},
    {"doc": "d", "name": "Bashar al-Assad", "type": "PERSON", "aliases": ["Assad"]},
    {"doc": "d", "name": "Syrian government", "type": "GOVERNMENT", "aliases": ["the regime"]},
    {"doc": "d", "name": "Turkey", "type": "STATE", "aliases": ["Ankara"]},
]
RELATIONS = [
    {"doc": "d", "source": "Russia", "relation": "BACKS", "target": "Syrian government", "symmetric": False,
     "evidence": "Moscow backs the regime."},
    {"doc": "d", "source": "Bashar al-Assad", "relation": "LEADS", "target": "Syrian government",
     "symmetric": False, "evidence": "Assad leads the regime."},
    {"doc": "d", "source": "Turkey", "relation": "NEGOTIATES_WITH", "target": "Russia", "symmetric": True,
     "evidence": "Ankara talked to Moscow."},
]


def _records(*triples: tuple[str, str, str], rule: str = "verb") -> list[dict]:
    names = {n for s, _, t in triples for n in (s, t)}
    out: list[dict] = [{"kind": "actor", "doc": "d", "name": n, "aliases": []} for n in sorted(names)]
    out += [{"kind": "relation", "doc": "d", "source": s, "relation": r, "target": t, "rule": rule}
            for s, r, t in triples]
    return out


def test_an_equivalent_leader_matches_his_side_except_in_structure(tmp_path: Path) -> None:
    criticism = {"doc": "d", "source": "Turkey", "relation": "CRITICIZES", "target": "Bashar al-Assad",
                 "symmetric": False, "evidence": "Ankara condemned Assad."}
    gold = GoldSet.read(_gold(tmp_path, ACTORS, [*RELATIONS, criticism], {"Bashar al-Assad": ["Syrian government"]}))
    pred = Predictions.from_records(
        _records(("Ankara", "CRITICIZES", "the regime"), ("the regime", "LEADS", "the regime")))
    result = score(gold, pred)
    assert (result.relations.found, result.relations.hits, result.relations.predicted) == (1, 1, 2)
    assert result.missed == ["d: Russia -BACKS-> Syrian government",
                             "d: Bashar al-Assad -LEADS-> Syrian government",
                             "d: Turkey -NEGOTIATES_WITH-> Russia"]


def test_a_symmetric_relation_matches_in_either_direction(tmp_path: Path) -> None:
    gold = GoldSet.read(_gold(tmp_path, ACTORS, RELATIONS))
    result = score(gold, Predictions.from_records(_records(("Russia", "NEGOTIATES_WITH", "Turkey"))))
    assert result.by_type["NEGOTIATES_WITH"].to_dict() == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 1, "found": 1, "predicted": 1, "hits": 1}
    assert result.by_type["BACKS"].found == 0


def test_rules_are_credited_with_their_right_and_wrong_predictions(tmp_path: Path) -> None:
    gold = GoldSet.read(_gold(tmp_path, ACTORS, RELATIONS))
    records = _records(("Russia", "BACKS", "Syrian government"), rule="verb")
    records += _records(("Turkey", "ATTACKS", "Russia"), rule="noun")
    result = score(gold, Predictions.from_records(records))
    assert {k: (c.hits, c.predicted) for k, c in result.by_rule.items()} == {"verb": (1, 1), "noun": (0, 1)}
    assert result.false_hits == ["d: Turkey -ATTACKS-> Russia"]


def test_an_unknown_relation_type_in_gold_is_one_clear_error(tmp_path: Path) -> None:
    bad = [dict(RELATIONS[0], relation="LOVES")]
    with pytest.raises(InputError, match=r"relations.jsonl:1: unknown relation type 'LOVES'"):
        GoldSet.read(_gold(tmp_path, ACTORS, bad))


def test_a_missing_gold_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"actors.jsonl: no such file"):
        GoldSet.read(tmp_path)


def test_evaluate_extracts_the_gold_folders_own_articles(tmp_path: Path) -> None:
    folder = _gold(tmp_path, ACTORS[:2], [
        {"doc": "d", "source": "Russia", "relation": "BACKS", "target": "Bashar al-Assad", "symmetric": False,
         "evidence": "Russia backs Assad."}])
    (folder / "d.txt").write_text("Russia backs Assad.", encoding="utf-8")
    result = evaluate(folder)
    assert (result.relations.found, result.relations.gold) == (1, 1)


def test_agrees_with_the_shared_scorer_on_the_wire_dev_set(tmp_path: Path) -> None:
    gold_dir = shared_eval("wire-dev")
    out = tmp_path / "pred.jsonl"
    import kg

    kg.extract(sorted(gold_dir.glob("*.txt"))).to_jsonl(out)
    theirs = load_scorer().score(gold_dir, out, show_misses=True)
    ours = score(GoldSet.read(gold_dir), Predictions.read(out)).to_dict()
    assert {k: ours["relations"][k] for k in theirs["relations"]} == theirs["relations"]
    assert ours["actors"] == theirs["actors"]
    assert sorted(ours["missed"]) == sorted(theirs["missed"])
    assert sorted(ours["false_hits"]) == sorted(theirs["unmatched_predictions"])


def test_evaluate_scores_a_saved_extraction_given_as_a_path(tmp_path: Path) -> None:
    folder = _gold(tmp_path / "gold", ACTORS, RELATIONS)
    saved = tmp_path / "out.jsonl"
    saved.write_text("".join(json.dumps(r) + "\n" for r in [
        {"kind": "document", "id": "d"},
        {"kind": "actor", "doc": "d", "id": "russia", "name": "Russia", "type": "STATE", "aliases": []},
        {"kind": "actor", "doc": "d", "id": "syrian-government", "name": "Syrian government", "type": "GOVERNMENT",
         "aliases": []},
        {"kind": "relation", "doc": "d", "source": "Russia", "relation": "BACKS", "target": "Syrian government",
         "sentence": "Moscow backs the regime.", "start": 0, "end": 24, "rule": "verb", "confidence": 0.9,
         "source_id": "russia", "target_id": "syrian-government"},
    ]), encoding="utf-8")
    result = evaluate(folder, [saved])
    assert (result.relations.found, result.relations.gold, result.relations.hits, result.relations.predicted) == (
        1, 3, 1, 1)
