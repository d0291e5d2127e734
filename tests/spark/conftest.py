"""The Spark suite (`make test-spark`): one local SparkSession for the whole run (tests/support/spark.py), dbt
in-process on the integration project's `spark` target, a fresh schema per test.

Collected only when STEADYFLOW_SPARK_TESTS=1 (the Makefile's test-spark target sets it), so `make test` and a
plain `pytest tests` never start a JVM or import pyspark."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import fresh_warehouse
from tests.support.dbt import DbtProject
from tests.support.spark import SparkEngine, spark_project, start_spark

if os.environ.get("STEADYFLOW_SPARK_TESTS") != "1":
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="session")
def spark_engine(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> Iterator[SparkEngine]:
    """The run's one SparkSession, its metastore and warehouse in a temp dir."""
    engine = start_spark(tmp_path_factory.mktemp("spark"))
    try:
        yield engine
    finally:
        engine.stop()


@pytest.fixture
def spark(spark_engine: SparkEngine, tmp_path: Path) -> DbtProject:
    """The integration project on the spark target, in a fresh schema."""
    return spark_project(spark_engine, tmp_path)


@pytest.fixture(params=["spark", "duckdb"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> DbtProject:
    """The integration project on Spark, then on DuckDB: the same scenario, the same model file, both engines."""
    if request.param == "spark":
        spark_engine: SparkEngine = request.getfixturevalue("spark_engine")
        return spark_project(spark_engine, tmp_path)
    return fresh_warehouse(request, "duckdb", tmp_path)
