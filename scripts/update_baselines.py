"""Rewrite the extraction baselines in ``tests/data/baseline/`` (see its README).

Run it only when a change is meant to alter what ``kg extract`` finds (a new rule, a lexicon or
gazetteer entry), and commit the new baselines with that change::

    python3 scripts/update_baselines.py

``tests/extraction/test_baselines.py`` regenerates the same outputs with :func:`render` and
asserts they are identical to the saved ones.  The shared data (``../shared/eval``) is kept only
as SHA-256 digests: its sentences are not ours to copy into the repository.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BASELINE = REPO / "tests" / "data" / "baseline"
SHARED_EVAL = (REPO / ".." / "shared" / "eval").resolve()

# saved file -> what `kg extract` reads, relative to the repository
SAVED = {
    "examples.jsonl": ("examples",),
    "timeline.jsonl": ("examples/timeline/articles.jsonl",),
}
# digest name -> what `kg extract` reads, relative to ../shared/eval (a glob for many files)
DIGESTS = {
    "seed.jsonl": "seed/homs-hama.txt",
    "wire-dev.jsonl": "wire-dev/*.txt",
}


def render(paths: list[Path]) -> str:
    """Return what ``kg extract PATH...`` prints (JSONL) for ``paths``, run from the repository.

    The paths are relative to the repository, as typed there: the output keeps them as the
    documents' ``source``.
    """
    from kg.inputs import InputReport, read_documents
    from kg.pipeline import extract

    report = InputReport()
    with contextlib.chdir(REPO):
        graph = extract(list(read_documents(paths, report)))
    if report.errors:
        raise RuntimeError("; ".join(report.errors))
    return graph.to_jsonl()


def shared_paths(pattern: str) -> list[Path]:
    """The files of ``../shared/eval`` a digest covers, relative to the repository, in glob order."""
    return [Path("..", "shared", "eval", p.relative_to(SHARED_EVAL)) for p in sorted(SHARED_EVAL.glob(pattern))]


def digest(text: str) -> str:
    """SHA-256 of the UTF-8 text, as ``sha256sum`` prints it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_digests() -> dict[str, str]:
    """The saved digests of ``shared.sha256``, by file name."""
    out = {}
    for line in (BASELINE / "shared.sha256").read_text(encoding="utf-8").splitlines():
        if line.strip():
            value, name = line.split()
            out[name] = value
    return out


def main() -> int:
    for name, paths in SAVED.items():
        (BASELINE / name).write_text(render([Path(p) for p in paths]), encoding="utf-8")
        print(f"wrote {BASELINE / name}")
    if not SHARED_EVAL.exists():
        print(f"{SHARED_EVAL} is missing: shared.sha256 left as it is", file=sys.stderr)
        return 0
    digests = read_digests()
    for name, pattern in DIGESTS.items():
        digests[name] = digest(render(shared_paths(pattern)))
    lines = [f"{value}  {name}\n" for name, value in digests.items()]
    (BASELINE / "shared.sha256").write_text("".join(lines), encoding="utf-8")
    print(f"wrote {BASELINE / 'shared.sha256'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
