"""Shared fixtures: an isolated dbt project per test, on DuckDB and on a throwaway PostgreSQL cluster, and a
loopback webhook. The pieces themselves live in tests/support (also what `make demo` imports)."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.dbt import DbtProject, ensure_deps
from tests.support.postgres import PostgresCluster, start_cluster
from tests.support.webhook import WebhookServer

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


WAREHOUSES = ["duckdb", "postgres"]


def fresh_warehouse(request: pytest.FixtureRequest, target: str, work_dir: Path) -> DbtProject:
    """The integration project on a fresh DuckDB file, or in a fresh schema of the PostgreSQL cluster."""
    if target == "duckdb":
        return DbtProject(work_dir=work_dir, target="duckdb")
    cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
    schema = f"t_{uuid.uuid4().hex[:10]}"
    return DbtProject(work_dir=work_dir, target="postgres", extra_env=cluster.env(), schema=schema)


@pytest.fixture(params=WAREHOUSES)
def warehouse(request: pytest.FixtureRequest, tmp_path: Path, integration_deps: None) -> DbtProject:
    """The integration project on a fresh DuckDB file, or in a fresh schema of the PostgreSQL cluster."""
    return fresh_warehouse(request, request.param, tmp_path)


@pytest.fixture
def duckdb_project(tmp_path: Path, integration_deps: None) -> DbtProject:
    return DbtProject(work_dir=tmp_path, target="duckdb")


@pytest.fixture
def webhook_server() -> Iterator[WebhookServer]:
    """A Slack-compatible webhook on 127.0.0.1 that records each POST (tests/support/webhook.py)."""
    with WebhookServer() as server:
        yield server
