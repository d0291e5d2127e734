"""The real-Airflow suite (`make test-airflow`, not part of `make test`): one real Airflow per executor.

`airflow_cluster` is parametrized over LocalExecutor and CeleryExecutor (session scope: pytest runs every
test against one cluster, stops it, then starts the other). Each has its metadata DB on the throwaway
PostgreSQL cluster of tests/conftest.py (`pg_cluster`), a webhook on 127.0.0.1 that records every POST, the
specs of tests/airflow_real/specs rendered into its DAGs folder, and its connections in the local-file
secrets backend. Teardown stops every process by PID and fails if a process group is left.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.late_data.project_copy import copy_integration_project
from tests.support.airflow_cluster import AirflowCluster
from tests.support.dbt import ensure_deps
from tests.support.postgres import PostgresCluster
from tests.support.redis_server import RedisServer, find_redis_server, start_redis
from tests.support.webhook import WebhookServer

HERE = Path(__file__).resolve().parent
SPECS = HERE / "specs"
PYLIB = HERE / "pylib"
EXECUTORS = ["LocalExecutor", "CeleryExecutor"]


@dataclass
class RealAirflow:
    """A running Airflow and what the tests need beside it."""

    cluster: AirflowCluster
    webhook: WebhookServer
    webhook_token: str
    source_password: str
    spec_dir: Path

    def render(self) -> None:
        self.cluster.render(self.spec_dir)


def connections(webhook: WebhookServer, token: str, password: str) -> dict[str, dict[str, object]]:
    return {
        "rt_webhook": {"conn_type": "http", "host": "127.0.0.1", "port": webhook.port, "schema": "hooks",
                       "password": token},
        "rt_source": {"conn_type": "postgres", "host": "source.internal", "login": "loader", "password": password},
    }  # fmt: skip


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    if find_redis_server() is None:
        pytest.fail("redis-server is not installed: `apt-get install -y redis-server` (.ci/run does it)")
    server = start_redis()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session", params=EXECUTORS)
def real_airflow(
    request: pytest.FixtureRequest, pg_cluster: PostgresCluster, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RealAirflow]:
    ensure_deps()
    executor: str = request.param
    redis = request.getfixturevalue("redis_server") if executor == "CeleryExecutor" else None
    root = tmp_path_factory.mktemp(executor.lower())
    spec_dir = root / "specs"
    shutil.copytree(SPECS, spec_dir)
    token = f"T0RT/B0RT/{uuid.uuid4().hex}"
    password = f"rt-S3cret-{uuid.uuid4().hex}"
    # a private copy of integration_tests/ (its package link still points at this checkout): the DAGs' dbt
    # tasks run for minutes, and no edit of the shared project may change what they build meanwhile
    copy_integration_project(root / "dbt_root" / "integration_tests")
    with WebhookServer() as webhook:
        cluster = AirflowCluster(
            root=root, executor=executor, pg=pg_cluster, redis=redis,
            connections=connections(webhook, token, password), python_path=[PYLIB],
            extra_env={"STEADYFLOW_DBT_ROOT": str(root / "dbt_root")},
        )  # fmt: skip
        real = RealAirflow(cluster, webhook, token, password, spec_dir)
        try:
            cluster.dags.mkdir(parents=True, exist_ok=True)
            real.render()  # before the start: the consumers are known when the producers' events arrive
            cluster.start()
            yield real
        finally:
            cluster.stop()
            assert cluster.alive_groups() == []
