"""Reading a Spark run back, in input order, without Spark (``newsgraph load``).

A run directory holds ``analyses/`` (and ``errors/``) as Parquet or JSON Lines; the directory
of one of those tables can be given directly too. Order matters: the store groups duplicates and
links stories article by article, so loading in the run's input order gives the same rows as
``newsgraph ingest`` of the same input.

* Parquet: every file is read on its own and sorted by ``seq``; files are merged lazily by their
  smallest ``seq``, so a run written in order (as the job writes it) holds one file in memory
  at a time, and any other layout still loads in order.
* JSON Lines (``part-00000`` …): the part files in part-number order, lines in file order.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq  # type: ignore[import-untyped]

_PART = re.compile(r"part-(\d+)")


@dataclass(frozen=True)
class RunTable:
    """One table of a run: its folder, its format and its data files."""

    path: Path
    format: str
    files: tuple[Path, ...]


def _data_files(folder: Path) -> list[Path]:
    return [
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not any(part.startswith(("_", ".")) for part in p.relative_to(folder).parts)
        and not p.name.endswith(".crc")
    ]


def find_table(path: Path, name: str = "analyses") -> RunTable | None:
    """The ``name`` table of the run at ``path`` (or ``path`` itself when it is that table's
    folder); None when the run has no such table."""
    folder = path / name
    if not folder.is_dir():
        if name != "analyses" or not path.is_dir():
            return None
        folder = path
    files = _data_files(folder)
    parquet = [p for p in files if p.suffix == ".parquet"]
    if parquet:
        return RunTable(folder, "parquet", tuple(parquet))
    return RunTable(folder, "jsonl", tuple(sorted(files, key=_part_number)))


def _part_number(path: Path) -> tuple[int, str]:
    match = _PART.match(path.name)
    return (int(match.group(1)) if match else -1, str(path))


def _sorted_file(path: Path) -> Iterator[tuple[int, str]]:
    table = pq.read_table(path, columns=["seq", "analysis"])
    seqs: list[int] = table.column("seq").to_pylist()
    texts: list[str] = table.column("analysis").to_pylist()
    for i in sorted(range(len(seqs)), key=seqs.__getitem__):
        yield seqs[i], texts[i]


def _min_seq(path: Path) -> int | None:
    seqs: list[int] = pq.read_table(path, columns=["seq"]).column("seq").to_pylist()
    return min(seqs) if seqs else None


def _parquet_lines(files: tuple[Path, ...]) -> Iterator[tuple[str, str]]:
    # Heap entries: (seq, file index, JSON or None = "open this file now").
    heap: list[tuple[int, int, str | None]] = []
    for index, path in enumerate(files):
        first = _min_seq(path)
        if first is not None:
            heap.append((first, index, None))
    heapq.heapify(heap)
    open_files: dict[int, Iterator[tuple[int, str]]] = {}
    while heap:
        seq, index, text = heapq.heappop(heap)
        if text is None:
            open_files[index] = _sorted_file(files[index])
        else:
            yield f"{files[index]} (seq {seq})", text
        following = next(open_files[index], None)
        if following is None:
            del open_files[index]
        else:
            heapq.heappush(heap, (following[0], index, following[1]))


def _jsonl_lines(files: tuple[Path, ...]) -> Iterator[tuple[str, str]]:
    for path in files:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if raw.strip():
                    yield f"{path}:{number}", raw.decode("utf-8", errors="replace").rstrip("\r\n")


def iter_analysis_json(table: RunTable) -> Iterator[tuple[str, str]]:
    """``(location, Analysis JSON)`` for every analysis of the table, in input order."""
    if table.format == "parquet":
        return _parquet_lines(table.files)
    return _jsonl_lines(table.files)


def count_errors(path: Path) -> int:
    """Rows of the run's ``errors`` table (0 when it has none)."""
    table = find_table(path, "errors")
    if table is None:
        return 0
    if table.format == "parquet":
        return sum(pq.ParquetFile(p).metadata.num_rows for p in table.files)
    return sum(1 for _ in _jsonl_lines(table.files))
