"""`kg extract` output stays what ``tests/data/baseline/`` saved.

A change of shape (moving rules, renaming, splitting modules) must never change what is
extracted.  When a change is meant to (a new rule, a lexicon entry), regenerate the baselines with
``python3 scripts/update_baselines.py`` and commit them with the change.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from conftest import shared_eval

REPO = Path(__file__).resolve().parents[2]


def _baselines() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_baselines", REPO / "scripts" / "update_baselines.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BASELINES = _baselines()


@pytest.mark.parametrize("name", sorted(BASELINES.SAVED))
def test_extraction_matches_the_saved_baseline(name: str) -> None:
    paths = [Path(p) for p in BASELINES.SAVED[name]]
    expected = (BASELINES.BASELINE / name).read_text(encoding="utf-8")
    assert BASELINES.render(paths) == expected, f"{name} changed: run scripts/update_baselines.py if meant"


@pytest.mark.parametrize("name", sorted(BASELINES.DIGESTS))
def test_extraction_of_shared_data_matches_the_saved_digest(name: str) -> None:
    pattern = BASELINES.DIGESTS[name]
    shared_eval(pattern.split("/")[0])
    paths = BASELINES.shared_paths(pattern)
    assert paths, f"no files match ../shared/eval/{pattern}"
    got = BASELINES.digest(BASELINES.render(paths))
    assert got == BASELINES.read_digests()[name], f"{name} changed: run scripts/update_baselines.py if meant"
