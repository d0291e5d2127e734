"""Shared fixtures: an isolated dbt project per test, on DuckDB and on a throwaway PostgreSQL cluster."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.dbt import DbtProject, ensure_deps
from tests.support.postgres import PostgresCluster, start_cluster

os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
# Airflow reads its configuration on first import: whichever test imports it first, it must find a
# throwaway AIRFLOW_HOME and no example DAGs (tests/airflow/conftest.py refines this for its tests).
os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="steadyflow-airflow-home-")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"


@pytest.fixture(scope="session")
def integration_deps() -> None:
    ensure_deps()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path, integration_deps: None) -> DbtProject:
    """The integration project on a fresh DuckDB file, or in a fresh schema of the PostgreSQL cluster."""
    if request.param == "duckdb":
        return DbtProject(work_dir=tmp_path, target="duckdb")
    cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
    schema = f"t_{uuid.uuid4().hex[:10]}"
    return DbtProject(work_dir=tmp_path, target="postgres", extra_env=cluster.env(), schema=schema)


@pytest.fixture
def duckdb_project(tmp_path: Path, integration_deps: None) -> DbtProject:
    return DbtProject(work_dir=tmp_path, target="duckdb")
