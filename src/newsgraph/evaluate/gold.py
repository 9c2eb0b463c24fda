"""Reading gold files in the ``shared/data/FORMAT.md`` format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.corpus.sources import SourceError, read_jsonl
from newsgraph.errors import GoldFormatError


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    """Gold documents; a malformed line is fatal (a gold set must be clean)."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise GoldFormatError(f"cannot read gold file {path}: {exc.strerror}") from exc
    with stream:
        for location, item in read_jsonl(stream, str(path)):
            if isinstance(item, SourceError):
                raise GoldFormatError(f"{location}: {item.reason}")
            if not isinstance(item.get("id"), str) or not isinstance(item.get("text"), str):
                raise GoldFormatError(f"{location}: gold record needs string 'id' and 'text'")
            yield item
