"""The CLI is tested one way: as a user runs it, a real `kg` process (``python -m kg``).

The ``run_kg`` fixture runs one and returns the finished process (exit code, stdout, stderr).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

RunKg = Callable[..., subprocess.CompletedProcess[str]]


def _run_kg(*args: str | Path, cwd: Path | None = None, input: str | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, input=input, timeout=timeout,
    )


@pytest.fixture(scope="session")
def run_kg() -> RunKg:
    """``run_kg("extract", path, "-o", out)``: run `kg` with these arguments; return the finished process."""
    return _run_kg

