"""Build hook: ship the Cypher library and the local server's Maven recipe inside the wheel.

``cypher/`` stays at the repository root, where analysts paste from, and ``neo4j-server/pom.xml``
next to it; a wheel gets copies under ``kg/store/resources/`` (read by kg.store.locations when
no checkout is around).  Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# (source in the checkout, destination inside the package)
RESOURCES = [
    *((p, Path("kg/store/resources/cypher") / p.name) for p in sorted((ROOT / "cypher").glob("*.cypher"))),
    (ROOT / "neo4j-server" / "pom.xml", Path("kg/store/resources/neo4j-server/pom.xml")),
]


class BuildWithResources(build_py):
    """``build_py`` that also copies :data:`RESOURCES` into the build."""

    def run(self) -> None:
        super().run()
        for source, target in RESOURCES:
            destination = Path(self.build_lib) / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *(str(Path(self.build_lib) / t) for _, t in RESOURCES)]


setup(cmdclass={"build_py": BuildWithResources})
