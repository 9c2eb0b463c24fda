#!/usr/bin/env bash
# Recompile requirements/lock.txt from requirements/main.in with exact pins and sha256 hashes.
# Needs network access to PyPI; run it when a dependency changes and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q uv
python3 -m uv pip compile requirements/main.in --python-version 3.11 --generate-hashes \
    --no-header -o requirements/lock.txt
