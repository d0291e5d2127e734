"""One local Apache Spark engine per pytest run, and the integration project on it.

Spark's JVM costs ~15 s to start, so a test run starts ONE `SparkSession` (`start_spark`), with its Hive/Derby
metastore and its warehouse in a temp dir, and runs dbt in-process: dbt-spark's `session` method calls
`SparkSession.builder.getOrCreate()`, which returns this live session. Nothing listens outside loopback
(`SPARK_LOCAL_IP`, driver host and bind address 127.0.0.1, no UI).

Reuse (any test directory run under `make test-spark`): a session-scoped fixture holds the engine and a
function-scoped one gives each test its own schema (a Spark database) in the integration project:

    @pytest.fixture(scope="session")
    def spark_engine(tmp_path_factory) -> Iterator[SparkEngine]:
        engine = start_spark(tmp_path_factory.mktemp("spark"))
        yield engine
        engine.stop()

    project = spark_project(engine, tmp_path)          # DbtProject(target="spark"), a fresh schema
    project.dbt("build", "-s", "my_model")             # dbt in-process, same JVM
    rows = spark_query(project, "select count(*) from my_model")   # list of tuples, in that schema

`tests/spark/conftest.py` holds exactly these fixtures (`spark_engine`, `spark`); a new directory can import
them from there. `tests.support.dbt.query` reads a spark project through `spark_query` too, so the shared
helpers (`orders_stream.table_fingerprint`, ...) work unchanged when their SQL is Spark SQL.
"""

from __future__ import annotations

import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.dbt import DbtProject

# Session settings every statement of the tests and of dbt sees unless a test changes them on purpose.
UTC = "UTC"


@dataclass
class SparkEngine:
    """The live SparkSession (pyspark object) and the temp dir holding its warehouse and metastore."""

    session: Any
    root: Path

    def stop(self) -> None:
        self.session.stop()


def start_spark(root: Path) -> SparkEngine:
    """Start (or reuse) the process's SparkSession: local[2], Hive support with a Derby metastore in `root`."""
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    warehouse = root / "warehouse"
    metastore = root / "metastore_db"
    session = (
        SparkSession.builder.master("local[2]")
        .appName("steadyflow-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.warehouse.dir", str(warehouse))
        .config("spark.hadoop.javax.jdo.option.ConnectionURL", f"jdbc:derby:;databaseName={metastore};create=true")
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={root}")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.session.timeZone", UTC)
        .config("spark.sql.ansi.enabled", "false")
        .enableHiveSupport()
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return SparkEngine(session=session, root=root)


def spark_project(engine: SparkEngine, work_dir: Path, extra_env: dict[str, str] | None = None) -> DbtProject:
    """The integration project on the spark target, in a fresh schema of `engine`."""
    schema = f"t_{uuid.uuid4().hex[:10]}"
    engine.session.sql(f"create schema if not exists {schema}")
    return DbtProject(work_dir=work_dir, target="spark", extra_env=dict(extra_env or {}), schema=schema)


def spark_query(project: DbtProject, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    """Run one Spark SQL statement in the project's schema, in a UTC session; returns its rows as tuples."""
    if params is not None:
        raise ValueError(f"spark_query: Spark SQL takes no parameters, got {params!r} for: {sql}")
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession() or SparkSession.builder.getOrCreate()
    session.conf.set("spark.sql.session.timeZone", UTC)
    if project.schema:
        session.sql(f"use {project.schema}")
    frame = session.sql(sql)
    return [tuple(row) for row in frame.collect()]
