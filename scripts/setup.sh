#!/usr/bin/env bash
# Create (or reuse) the project's virtual environment in .venv and install the locked
# dependencies plus newsgraph itself in editable mode. Idempotent: a second run only checks
# that the lock file has not changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [[ ! -x .venv/bin/python ]]; then
    "$PY" -m venv .venv
fi
stamp=.venv/.newsgraph-installed
want=$(cat requirements/pip.txt requirements/lock.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    # The pip bundled with Python 3.11 (23.2) mis-resolves a dependency's extras under
    # --require-hashes ("all requirements must have their versions pinned with =="), so a
    # pinned, hashed pip goes in first.
    .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes \
        -r requirements/pip.txt
    .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes \
        -r requirements/lock.txt
    .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps \
        --no-build-isolation -e .
    echo "$want" > "$stamp"
fi
