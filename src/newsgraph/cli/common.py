"""Small helpers shared by the commands (stderr reporting, reading the analyzer config)."""

from __future__ import annotations

import sys

from newsgraph.pipeline import Failure


def warn(message: str) -> None:
    """One line on stderr, prefixed so it can be told apart from piped output."""
    print(f"newsgraph: {message}", file=sys.stderr)


def report_failure(failure: Failure, location: str) -> None:
    """A failed article as one stderr line with where it came from."""
    warn(f"{location}: {failure.reason}")
