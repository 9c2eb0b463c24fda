"""Scale-out on Apache Spark: the same ``analyze_many`` per partition, Parquet or JSONL out.

* :mod:`newsgraph.spark.job`: the PySpark job (``newsgraph spark analyze``);
* :mod:`newsgraph.spark.tables`: the output tables, without PySpark;
* :mod:`newsgraph.spark.linking`: near-duplicate groups and stories across articles, as the
  store makes them (its own rules, candidates found by blocking);
* :mod:`newsgraph.spark.output`: reading a run back in input order (``newsgraph load``).

See ``docs/spark.md`` for running on a cluster. Only :mod:`~newsgraph.spark.job` and
:mod:`~newsgraph.spark.linking` import PySpark; reading a run needs only pyarrow.
"""
