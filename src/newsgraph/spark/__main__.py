"""``python -m newsgraph.spark`` and ``spark-submit …/newsgraph/spark/__main__.py``.

The same arguments as ``newsgraph spark`` (``analyze INPUT… OUTPUT [options]``), with an
optional leading ``--config FILE``. Under ``spark-submit`` the master, executors and shipped
environment come from spark-submit; see ``docs/spark.md``.
"""

from __future__ import annotations

import sys

from newsgraph.cli import main


def run(argv: list[str]) -> int:
    """Run ``newsgraph [--config FILE] spark ARGV…``."""
    prefix: list[str] = []
    if argv[:1] == ["--config"] and len(argv) > 1:
        prefix, argv = argv[:2], argv[2:]
    return main([*prefix, "spark", *argv])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
