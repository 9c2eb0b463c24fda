"""The PySpark job: the same ``analyze_many`` over a corpus spread across a cluster.

Flow of one run (``run_job``):

1. **List** the inputs on the driver through the Hadoop FileSystem API, so any
   Hadoop-compatible path works (``file:``, ``hdfs:``, ``s3a:``, ``gs:``, ``abfs:`` … whatever
   connectors the cluster has): files, folders (recursively; names starting with ``_`` or ``.``
   skipped, as Hadoop does) and globs. ``.jsonl``/``.ndjson`` files give one record a line,
   ``.txt``/``.html`` files one record a file (decoded like ``newsgraph analyze``), web
   archives (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``) one record per archived HTML page
   (:func:`newsgraph.corpus.warc.read_warc`, as ``newsgraph ingest`` reads them).
2. **Key** every item by its input order (:func:`newsgraph.spark.tables.make_seq`) and
   range-partition with ``sortByKey``: partitions are balanced by record count and hold
   consecutive records, so the output stays in input order.
3. **Analyse** each partition with ``mapPartitions``: one :class:`~newsgraph.pipeline.Analyzer`
   per executor Python process (module-level cache, reused across tasks because PySpark reuses
   its workers), ``analyze_many`` streaming batches through it. A bad line or a failing article
   becomes a row of the ``errors`` table; nothing an article does can fail the task.
4. **Write** Parquet (``analyses``, ``errors`` and the record tables of
   :mod:`newsgraph.spark.tables`, the latter partitioned by ``published_date``) or JSONL
   (``analyses/part-*``: exactly the lines ``newsgraph analyze --jsonl`` prints, in input order;
   ``errors/part-*``, written from the analysed RDD itself, without a DataFrame, so the JVM
   only copies lines). The analysed partitions are persisted so every table is written from
   one analysis of each article.
5. Optionally **link** articles across the corpus (:mod:`newsgraph.spark.linking`):
   near-duplicate groups and stories, as the store makes them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from pyspark import RDD, StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DataType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from newsgraph.corpus.sources import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    SourceError,
    read_jsonl,
)
from newsgraph.corpus.warc import WARC_SUFFIXES, read_warc
from newsgraph.errors import NewsgraphError
from newsgraph.inputs import decode_bytes
from newsgraph.pipeline import Analyzer, Failure
from newsgraph.spark import linking
from newsgraph.spark.tables import (
    PARTITION_COLUMN,
    RECORD_TABLES,
    TABLES,
    Row,
    analysis_rows,
    make_seq,
    published_date,
    to_row,
)

FORMATS = ("parquet", "jsonl")
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# JSONL files up to this size are read whole (exact bytes); bigger ones in Hadoop splits.
SPLIT_BYTES = 256 * 1024 * 1024

_SPARK_TYPES: dict[str, DataType] = {
    "string": StringType(),
    "int": IntegerType(),
    "long": LongType(),
    "double": DoubleType(),
    "bool": BooleanType(),
    "strings": ArrayType(StringType()),
    "spans": ArrayType(ArrayType(IntegerType())),
}

# (seq, (location, kind, payload)): kind "jsonl" (payload one line), "file" (whole file),
# "record" (a record read from an archive, as JSON) or "error" (why an item was unreadable).
InputItem = tuple[int, tuple[str, str, bytes]]
Tagged = tuple[str, Row]
_ERROR_COLUMNS = tuple(name for name, _ in TABLES["errors"])


class JobError(NewsgraphError):
    """The Spark job cannot start: no input, output already there, unknown format."""

    code = "NG005"


@dataclass(frozen=True)
class JobOptions:
    """How to run: output format, partitions, batch size, file encoding, overwrite, linking."""

    output_format: str = "parquet"
    partitions: int | None = None
    batch_size: int = 32
    encoding: str | None = None
    overwrite: bool = False
    link: bool = False
    split_bytes: int = SPLIT_BYTES
    link_settings: linking.LinkSettings = field(default_factory=linking.LinkSettings)


@dataclass(frozen=True)
class JobResult:
    """What a run wrote: where, how many analyses and errors, which tables."""

    output: str
    analyses: int
    errors: int
    tables: tuple[str, ...]


def spark_schema(table: str) -> StructType:
    """The Spark schema of one of :data:`newsgraph.spark.tables.TABLES`."""
    return StructType(
        [StructField(name, _SPARK_TYPES[kind], nullable=True) for name, kind in TABLES[table]]
    )


def build_session(master: str | None = None, app_name: str = "newsgraph") -> SparkSession:
    """A SparkSession for the CLI: the given master, ``local[*]`` outside spark-submit.

    For a local master the driver binds to loopback only and executors use this Python (the
    one that has newsgraph installed), unless the environment already says otherwise.
    """
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if master is None and not under_submit:
        master = "local[*]"
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config(
            "spark.driver.host", "127.0.0.1"
        )
    return builder.getOrCreate()


# ------------------------------------------------------------------------- listing inputs


def _hadoop_fs(spark: SparkSession, path: str) -> tuple[Any, Any]:
    """``(FileSystem, Path)`` of a Hadoop path, through the driver's JVM."""
    jvm: Any = spark.sparkContext._jvm
    jpath = jvm.org.apache.hadoop.fs.Path(path)
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    return jpath.getFileSystem(conf), jpath


def _hidden(name: str) -> bool:
    return name.startswith(("_", "."))


def _sort_key(uri: str) -> list[str]:
    """Order of files as ``sorted(Path.rglob())`` gives it: component by component."""
    return uri.split("/")


def list_inputs(spark: SparkSession, paths: Iterable[str]) -> list[tuple[str, int]]:
    """``(uri, size in bytes)`` of the readable files under ``paths`` (files, folders, globs),
    in input order: the paths in the order given, each folder's files sorted by path."""
    files: list[tuple[str, int]] = []
    for path in paths:
        fs, jpath = _hadoop_fs(spark, path)
        statuses = fs.globStatus(jpath)
        if not statuses:
            raise JobError(f"no such file or folder: {path}")
        for status in statuses:
            if not status.isDirectory():
                files.append((status.getPath().toString(), int(status.getLen())))
                continue
            root = status.getPath().toString()
            found = []
            walk = fs.listFiles(status.getPath(), True)
            while walk.hasNext():
                child = walk.next()
                uri = child.getPath().toString()
                hidden = any(_hidden(part) for part in uri[len(root) :].split("/") if part)
                if (_suffix(uri) in READABLE_SUFFIXES or _is_warc(uri)) and not hidden:
                    found.append((uri, int(child.getLen())))
            files.extend(sorted(found, key=lambda item: _sort_key(item[0])))
    return files


def _suffix(uri: str) -> str:
    return PurePosixPath(uri.rsplit("/", 1)[-1]).suffix.lower()


def _is_warc(uri: str) -> bool:
    return uri.rsplit("/", 1)[-1].lower().endswith(WARC_SUFFIXES)


def read_inputs(
    spark: SparkSession,
    files: list[tuple[str, int]],
    partitions: int,
    split_bytes: int = SPLIT_BYTES,
) -> RDD[InputItem]:
    """Every input item keyed by its input order, range-partitioned into ``partitions``.

    Files are read whole, as bytes, so a JSONL line is split and decoded exactly as
    ``newsgraph analyze --jsonl`` does (invalid UTF-8 is that line's error). A JSONL file over
    ``split_bytes`` is read in splits through Hadoop's line reader instead, which decodes in the
    JVM: there an invalid byte becomes U+FFFD rather than an error. A web archive is always
    read whole (its records cannot be found from an arbitrary offset) and its pages extracted
    by the task that reads it; the range partitioning then spreads them for analysis.
    """
    sc = spark.sparkContext
    parts: list[RDD[InputItem]] = []
    whole: dict[str, int] = {}
    for number, (uri, size) in enumerate(files):
        if _suffix(uri) in JSONL_SUFFIXES and size > split_bytes:
            lines = sc.textFile(uri, use_unicode=False).zipWithIndex()
            parts.append(lines.map(_split_line(number, uri)))
        else:
            whole[uri] = number
    if whole:
        order = sc.broadcast(whole)
        blobs = sc.binaryFiles(",".join(whole))
        parts.append(blobs.flatMap(lambda blob: _file_items(order.value[blob[0]], *blob)))
    if not parts:
        raise JobError(
            "no readable input files (.jsonl, .ndjson, .txt, .text, .html, .htm, .warc, .warc.gz)"
        )
    union = parts[0] if len(parts) == 1 else sc.union(parts)
    return union.sortByKey(numPartitions=partitions)


def _file_items(number: int, uri: str, data: bytes) -> Iterator[InputItem]:
    """The items of one whole file: its lines (JSONL, newline kept), its archived pages
    (WARC) or the file itself."""
    if _is_warc(uri):
        for index, (where, item) in enumerate(read_warc(io.BytesIO(data), uri)):
            if isinstance(item, SourceError):
                yield make_seq(number, index), (where, "error", item.reason.encode("utf-8"))
            else:
                payload = json.dumps(item, ensure_ascii=False).encode("utf-8")
                yield make_seq(number, index), (where, "record", payload)
        return
    if _suffix(uri) not in JSONL_SUFFIXES:
        yield make_seq(number, 0), (uri, "file", data)
        return
    for line, raw in enumerate(io.BytesIO(data)):
        yield make_seq(number, line), (f"{uri}:{line + 1}", "jsonl", raw)


def _split_line(number: int, uri: str) -> Any:
    def item(pair: tuple[bytes, int]) -> InputItem:
        raw, line = pair
        return make_seq(number, line), (f"{uri}:{line + 1}", "jsonl", raw + b"\n")

    return item


# ------------------------------------------------------------------------- analysing

_ANALYZERS: dict[str, Analyzer] = {}


def cached_analyzer(config: dict[str, Any]) -> Analyzer:
    """The Analyzer of this config in this Python process, built on first use.

    PySpark keeps its Python workers between tasks (``spark.python.worker.reuse``, on by
    default), so the model loads once per executor core, not once per partition or record.
    """
    key = hashlib.sha256(json.dumps(config, sort_keys=True).encode("utf-8")).hexdigest()
    if key not in _ANALYZERS:
        _ANALYZERS[key] = Analyzer(config=config)
    return _ANALYZERS[key]


def _parse(location: str, kind: str, payload: bytes, encoding: str | None) -> dict[str, Any]:
    """One input item as an ``analyze_many`` record; raises NewsgraphError when unreadable."""
    if kind == "record":
        record: dict[str, Any] = json.loads(payload)
        return record
    if kind == "jsonl":
        for _, item in read_jsonl(io.BytesIO(payload), location):
            if isinstance(item, SourceError):
                raise JobError(item.reason.removeprefix("NG005 "))
            return item
        raise JobError("blank line")
    text, warnings = decode_bytes(payload, encoding)
    return {
        "text": text,
        "html": _suffix(location) in HTML_SUFFIXES or None,
        "warnings": warnings,
    }


def analyze_partition(
    items: Iterable[InputItem],
    config: dict[str, Any],
    batch_size: int,
    tables: bool,
    encoding: str | None = None,
) -> Iterator[Tagged]:
    """``(table, row)`` for one partition: its analyses, errors and (with ``tables``) the
    record-table rows. Output follows input order; blank JSONL lines give nothing."""
    analyzer = cached_analyzer(config)
    in_flight: deque[tuple[int, str]] = deque()
    unreadable: deque[Tagged] = deque()

    def records() -> Iterator[dict[str, Any]]:
        for seq, (location, kind, payload) in items:
            if kind == "jsonl" and not payload.strip():
                continue
            if kind == "error":
                unreadable.append(_error(seq, location, None, payload.decode("utf-8")))
                continue
            try:
                record = _parse(location, kind, payload, encoding)
            except NewsgraphError as exc:
                unreadable.append(_error(seq, location, None, str(exc)))
                continue
            in_flight.append((seq, location))
            yield record

    for result in analyzer.analyze_many(records(), n_process=1, batch_size=batch_size):
        while unreadable:
            yield unreadable.popleft()
        seq, location = in_flight.popleft()
        if isinstance(result, Failure):
            yield _error(seq, location, result.id, result.reason)
            continue
        yield (
            "analyses",
            to_row(
                "analyses",
                {
                    "article_id": result.id,
                    "seq": seq,
                    PARTITION_COLUMN: published_date(result.published),
                    "analysis": result.to_json(),
                },
            ),
        )
        if tables:
            yield from analysis_rows(result.to_dict(), seq)
    yield from unreadable


def _error(seq: int, location: str, article_id: str | None, reason: str) -> Tagged:
    values = {"seq": seq, "location": location, "article_id": article_id, "reason": reason}
    return "errors", to_row("errors", values)


# ------------------------------------------------------------------------- writing


def wide_schema(names: tuple[str, ...]) -> StructType:
    """One row type for all tables of a run: the table's name and one struct per table, only
    the named one set. Converting the analysed rows to this once, and caching that, lets every
    table be written by the JVM alone (no second pass through Python per table)."""
    fields = [StructField(name, spark_schema(name), nullable=True) for name in names]
    return StructType([StructField("table", StringType(), nullable=False), *fields])


def _widen(item: Tagged, names: tuple[str, ...]) -> Row:
    name, row = item
    return (name, *(row if other == name else None for other in names))


def run_job(
    spark: SparkSession,
    inputs: list[str],
    output: str,
    config: dict[str, Any],
    options: JobOptions | None = None,
) -> JobResult:
    """Analyse ``inputs`` into ``output`` (see the module docstring); returns what was written."""
    options = options or JobOptions()
    if options.output_format not in FORMATS:
        raise JobError(f"unknown output format {options.output_format!r}; use one of {FORMATS}")
    fs, joutput = _hadoop_fs(spark, output)
    if fs.exists(joutput):
        if not options.overwrite:
            raise JobError(f"output {output} already exists (remove it or pass --overwrite)")
        fs.delete(joutput, True)
    files = list_inputs(spark, inputs)
    partitions = options.partitions or 2 * spark.sparkContext.defaultParallelism
    items = read_inputs(spark, files, partitions, options.split_bytes)
    parquet = options.output_format == "parquet"
    batch_size, encoding = options.batch_size, options.encoding
    tagged = items.mapPartitions(
        lambda part: analyze_partition(part, config, batch_size, parquet, encoding)
    )
    if parquet:
        return _run_parquet(spark, tagged, output, options)
    return _run_jsonl(spark, tagged, output, options)


def _run_parquet(
    spark: SparkSession, tagged: RDD[Tagged], output: str, options: JobOptions
) -> JobResult:
    """Every table as Parquet, from one analysis of each article (a cached wide frame)."""
    names = ("analyses", "errors", *RECORD_TABLES)
    wide = tagged.map(lambda item: _widen(item, names))
    frame = spark.createDataFrame(wide, wide_schema(names), verifySchema=False)
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = {row["table"]: row["count"] for row in frame.groupBy("table").count().collect()}
        written = _write_parquet(frame, names, output, counts)
        if options.link:
            analyses = table_frame(frame, "analyses").select("seq", "analysis")
            pairs = analyses.rdd.map(lambda row: (int(row[0]), str(row[1])))
            written = (*written, *_write_links(spark, pairs, output, True, options))
    finally:
        frame.unpersist()
    return JobResult(output, counts.get("analyses", 0), counts.get("errors", 0), written)


def _run_jsonl(
    spark: SparkSession, tagged: RDD[Tagged], output: str, options: JobOptions
) -> JobResult:
    """``analyses/part-*`` and ``errors/part-*`` as text, written straight from the analysed
    RDD (no DataFrame: the JVM only writes lines, which keeps its share of the cores small)."""
    cached = tagged.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        analyses = cached.filter(lambda item: item[0] == "analyses")
        analyses.map(lambda item: item[1][-1]).saveAsTextFile(f"{output}/analyses")
        counts = cached.map(lambda item: item[0]).countByValue()
        errors = cached.filter(lambda item: item[0] == "errors")
        errors.map(lambda item: _error_json(item[1])).saveAsTextFile(f"{output}/errors")
        written: tuple[str, ...] = ("analyses", "errors")
        if options.link:
            pairs = analyses.map(lambda item: (int(item[1][1]), str(item[1][-1])))
            written = (*written, *_write_links(spark, pairs, output, False, options))
    finally:
        cached.unpersist()
    return JobResult(output, counts.get("analyses", 0), counts.get("errors", 0), written)


def _error_json(row: Row) -> str:
    """An ``errors`` row as one JSON object, its columns in schema order, nulls kept."""
    return json.dumps(dict(zip(_ERROR_COLUMNS, row, strict=True)), ensure_ascii=False)


def _write_links(
    spark: SparkSession,
    pairs: RDD[tuple[int, str]],
    output: str,
    parquet: bool,
    options: JobOptions,
) -> tuple[str, ...]:
    """The ``duplicates`` and ``stories`` tables of ``(seq, Analysis JSON)`` pairs, by ``seq``."""
    duplicates, stories = linking.link_corpus(pairs, options.link_settings)
    for name, rows, schema, order in (
        ("duplicates", duplicates, linking.DUPLICATE_SCHEMA, "seq"),
        ("stories", stories, linking.STORY_SCHEMA, "gid"),
    ):
        table = spark.createDataFrame(rows, schema).orderBy("seq", order)
        writer = table.write.option("ignoreNullFields", "false")
        if parquet:
            writer.parquet(f"{output}/{name}")
        else:
            writer.json(f"{output}/{name}")
    return ("duplicates", "stories")


def table_frame(frame: DataFrame, name: str) -> DataFrame:
    """One table of a run from its cached wide frame (rows in input order)."""
    return frame.where(frame["table"] == name).select(f"{name}.*")


def _write_parquet(
    frame: DataFrame, names: tuple[str, ...], output: str, counts: dict[str, int]
) -> tuple[str, ...]:
    for name in names:
        table = table_frame(frame, name)
        # An empty partitioned write leaves no file to read the schema from; an empty table
        # is written unpartitioned, as one schema-only file.
        if name in RECORD_TABLES and counts.get(name):
            # One file per date and table instead of one per date and input partition.
            table = table.repartition(PARTITION_COLUMN)
            table.write.partitionBy(PARTITION_COLUMN).parquet(f"{output}/{name}")
        else:
            table.write.parquet(f"{output}/{name}")
    return names
