# The two commands of the README. Both set up .venv first (idempotent) and need nothing else.
.PHONY: demo test lint setup

setup:
	@./scripts/setup.sh

# Analyse the bundled Wikinews examples into an embedded SQLite file and print a summary.
demo: setup
	.venv/bin/newsgraph ingest examples/wikinews.jsonl --db sqlite:///newsgraph-demo.db

# Start the test services (PostgreSQL, Chromium), lint, type-check and run the whole test suite
# (what .ci/run calls).
test: setup
	./scripts/run_tests.sh

lint: setup
	.venv/bin/ruff check src tests scripts
	.venv/bin/mypy
