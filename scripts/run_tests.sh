#!/usr/bin/env bash
# The whole test run behind `make test`: start the real services the tests use (a throwaway
# PostgreSQL on 127.0.0.1, Debian's Chromium for the browser tests), then lint, type-check and
# run pytest. Idempotent: services already there are reused.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_line=$(scripts/ci_services.sh | tail -n 1)
export "${pg_line:?scripts/ci_services.sh printed no NEWSGRAPH_TEST_PG_URL}"

# Debian packages the tests use: Chromium for the browser tests, WordNet 3.0 for the test that
# rebuilds the shipped word-sense lexicon (scripts/build_wordnet_lexicon.py).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[[ -f /usr/share/wordnet/data.noun ]] || missing+=(wordnet-base)
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update >&2 && apt-get install -y --no-install-recommends "${missing[@]}" >&2
    else
        echo "run_tests: ${missing[*]} not installed and not root: their tests will skip" >&2
    fi
fi
# In CI a missing browser or WordNet is a failure, not a skip.
if [[ -n ${CI:-} ]]; then
    export NEWSGRAPH_REQUIRE_BROWSER=1 NEWSGRAPH_REQUIRE_WORDNET=1
fi

.venv/bin/ruff check src tests scripts benchmarks
.venv/bin/ruff format --check src tests scripts benchmarks
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
