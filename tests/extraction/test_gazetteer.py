"""The gazetteer loader and index (kg/extraction/gazetteer.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ActorsFileError
from kg.extraction.gazetteer import Entry, Gazetteer, load_gazetteer, normalize


def test_normalize_folds_case_accents_articles_and_possessives() -> None:
    assert [normalize(t) for t in ("the Kremlin's", "Erdoğan", "al-Qaeda")] == [
        "kremlin",
        "erdogan",
        "al qaeda",
    ]


def test_stronger_kind_wins_a_shared_form() -> None:
    g = Gazetteer([Entry("Syria", "STATE", metonyms=["Damascus"]), Entry("Damascus", "LOCATION")])
    assert g.lookup("Damascus").entry == "Damascus"
    assert g.metonym_of["damascus"] == "Syria"


def test_acronyms_match_their_exact_case_only() -> None:
    g = Gazetteer([Entry("Islamic State", "ARMED_GROUP", case_sensitive_aliases=["IS"])])
    assert (g.lookup("IS").entry, g.lookup("is")) == ("Islamic State", None)


def test_user_file_adds_and_overrides_actors(tmp_path: Path) -> None:
    user = tmp_path / "mine.jsonl"
    user.write_text(
        '{"name": "Free Kurdistan Brigade", "type": "ARMED_GROUP", "aliases": ["FKB Army"]}\n'
        '{"name": "Turkey", "type": "STATE", "aliases": ["Turkiye Republic"]}\n',
        encoding="utf-8",
    )
    g = load_gazetteer(user)
    assert g.lookup("FKB army").entry == "Free Kurdistan Brigade"
    assert g["Turkey"].aliases == ["Turkiye Republic"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json}\n", "mine.jsonl:1: not JSON"),
        ('{"type": "STATE"}\n', 'mine.jsonl:1: each line needs a "name"'),
        ('{"name": "X", "type": "CITY"}\n', "mine.jsonl:1: type 'CITY' is not one of"),
        ('{"name": "X", "aliases": "Y"}\n', "mine.jsonl:1: 'aliases' must be a list of strings"),
    ],
)
def test_malformed_user_file_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    user = tmp_path / "mine.jsonl"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(ActorsFileError, match=message.replace("(", r"\(")):
        load_gazetteer(user)


def test_missing_user_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ActorsFileError, match="no such actors file"):
        load_gazetteer(tmp_path / "nope.jsonl")
