"""kg installed from its wheel, without the checkout: a user's first session, from another folder.

The wheel is built from a copy of the source (``pip wheel --no-deps``), installed into a fresh venv
that sees the machine's packages (spaCy, the driver) but not the checkout, and run from an empty
folder with ``XDG_DATA_HOME`` pointing at a temporary folder: the server's jars (copied by Maven
from its local cache, so nothing is downloaded again) and its data must land there, never in
site-packages.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import queries, server

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Russia backs Assad in Syria.\n"
    "Iran and Hezbollah also back the Syrian government of Bashar al-Assad.\n"
)


def _source_copy(dest: Path) -> Path:
    """The package's sources as git lists them (tracked and new), without tests and notebooks.

    A copy, because an in-tree build would reuse a stale ``build/`` folder."""
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    for name in files:
        if name.startswith(("tests/", "notebooks/", "docs/", "benchmarks/")) or not (ROOT / name).is_file():
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """A venv holding kg from its wheel; yields its paths and a data folder."""
    base = tmp_path_factory.mktemp("wheel")
    source = _source_copy(base / "src")
    dist = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    wheel = next(dist.glob("kg-*.whl"))
    env_dir = base / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "-q", "--disable-pip-version-check", str(wheel)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    yield {"python": python, "bin": env_dir / "bin", "venv": env_dir, "wheel": wheel, "base": base}


def _env(installed: dict[str, Path], data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update({"XDG_DATA_HOME": str(data), "PATH": f"{installed['bin']}:{env['PATH']}"})
    return env


def test_the_wheel_ships_the_cypher_library_and_the_maven_recipe(installed: dict[str, Path]) -> None:
    import zipfile

    names = zipfile.ZipFile(installed["wheel"]).namelist()
    shipped = sorted(Path(n).name for n in names if n.startswith("kg/store/resources/cypher/"))
    assert shipped == sorted(p.name for p in (ROOT / "cypher").glob("*.cypher"))
    assert "kg/store/resources/neo4j-server/pom.xml" in names


def test_installed_kg_lists_loads_queries_and_stops_from_another_folder(
    installed: dict[str, Path], tmp_path: Path
) -> None:
    data, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    env = _env(installed, data)

    def kg(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(installed["bin"] / "kg"), *args], cwd=work, env=env, capture_output=True, text=True, timeout=timeout
        )

    where = subprocess.run(
        [installed["python"], "-c", "import kg; print(kg.__file__)"], cwd=work, env=env,
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert where.startswith(str(installed["venv"])), where  # the wheel's kg, not the checkout's

    listed = kg("query", "--list")
    assert listed.returncode == 0, listed.stderr
    heads = [line.split(":")[0] for line in listed.stdout.splitlines() if not line.startswith(" ")]
    assert heads == list(queries())

    bolt, http = server.free_port(), server.free_port()
    started = kg("neo4j", "start", "--bolt-port", str(bolt), "--http-port", str(http))
    try:
        assert started.returncode == 0, started.stderr
        home = data / "kg" / "neo4j"
        assert f"  Data:      {home}" in started.stdout.splitlines()
        assert (home / "password").is_file() and (data / "kg" / "neo4j-server" / "target" / "lib").is_dir()

        (work / "syria.txt").write_text(ARTICLE, encoding="utf-8")
        loaded = kg("load", "syria.txt")
        assert loaded.returncode == 0, loaded.stderr
        assert loaded.stdout.startswith("Loaded 1 document, ")

        backers = kg("query", "backers_of", "--param", "actor=Assad", "--format", "json")
        assert backers.returncode == 0, backers.stderr
        assert {"Russia", "Iran", "Hezbollah"} <= {r["backer"] for r in json.loads(backers.stdout)}
    finally:
        stopped = kg("neo4j", "stop")
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.startswith("Stopped Neo4j (pid ")
    status = kg("neo4j", "status")
    assert status.returncode == 3

    site = installed["venv"] / "lib"
    written = [p for p in site.rglob("*") if p.name in {".neo4j", "neo4j", "target", "password", "server.json"}]
    assert written == []  # nothing of the server's in site-packages
