"""End to end on a real (throwaway) Airflow: specs -> rendered DAG files -> `dag.test()` runs on DuckDB.

One pipeline is played once for the module, in a fresh AIRFLOW_HOME with a migrated SQLite metadata DB,
connections served by the local-file secrets backend, and a Slack-compatible webhook served here on
127.0.0.1:

1. `e2e_ingest` (template `ingest`) runs an allow-listed callable that reads the `e2e_source`
   connection and lands orders in the DuckDB warehouse, then publishes `raw.airflow_orders`;
2. `e2e_build` (template `dbt_build`, scheduled on that Asset) runs `dbt build` of
   `airflow_orders_report` in the integration project, gates on its row count, publishes
   `marts.airflow_orders_report`;
3. `e2e_broken_load` fails on every try: its retry and its failure are posted to the webhook.

Deadlines are not played here: `dag.test()` cannot run a DAG with `deadline=` on Airflow 3.3
(apache/airflow#73428); see test_alerts_deadline.py for what is proven about them.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import duckdb
import pytest

from tests.support.airflow_sandbox import AirflowSandbox, RunReport
from tests.support.dbt import ensure_deps
from tests.support.webhook import WebhookServer

SOURCE_PASSWORD = f"e2e-S3cret-{uuid.uuid4().hex}"
WEBHOOK_TOKEN = f"T0E2E/B0E2E/{uuid.uuid4().hex}"

SPEC = """\
version: 1
python_modules: [steadyflow_e2e_loader]
defaults:
  owner: e2e
  retries: 1          # dag.test() waits out real retry delays: keep them short
  retry_delay: 1s
  alerts:
    webhook_conn_id: e2e_webhook
  dbt:
    project_dir: integration_tests
    profiles_dir: integration_tests
    target: duckdb
dags:
  - dag_id: e2e_ingest
    template: ingest
    description: Land orders from the source system.
    callable:
      path: steadyflow_e2e_loader.land_orders
      kwargs: {source_conn_id: e2e_source, rows: 12}
    outlets: [raw.airflow_orders]

  - dag_id: e2e_build
    template: dbt_build
    description: Build the orders report when raw orders land.
    schedule: [raw.airflow_orders]
    select: [airflow_orders_report]
    gate: {type: row_count, model: airflow_orders_report, min_rows: 1}
    outlets: [marts.airflow_orders_report]

  - dag_id: e2e_broken_load
    template: ingest
    description: A load whose source is down, to prove the alerts.
    command: "echo 'source unavailable' >&2; exit 3"
"""

LOADER = '''\
"""The ingest callable of the end-to-end test: read a connection, land orders in the warehouse."""

import datetime
import hashlib
import os

import duckdb
from airflow.sdk import BaseHook


def land_orders(source_conn_id, rows):
    conn = BaseHook.get_connection(source_conn_id)
    fingerprint = hashlib.sha256(conn.password.encode()).hexdigest()
    db = duckdb.connect(os.environ["STEADYFLOW_DUCKDB_PATH"])
    try:
        db.execute("create or replace table airflow_raw_orders (order_id int, order_date date, amount double)")
        first = datetime.date(2024, 1, 1)
        db.executemany(
            "insert into airflow_raw_orders values (?, ?, ?)",
            [(i, first + datetime.timedelta(days=i % 3), 10.0 * i) for i in range(1, rows + 1)],
        )
        db.execute("create or replace table airflow_source_check as select ? as login, ? as password_sha256",
                   [conn.login, fingerprint])
    finally:
        db.close()
    return {"rows": rows, "login": conn.login}
'''


@dataclass
class Played:
    sandbox: AirflowSandbox
    report: RunReport
    webhook: WebhookServer
    migrate_seconds: float


@pytest.fixture(scope="module")
def webhook() -> Iterator[WebhookServer]:
    with WebhookServer() as server:
        yield server


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory, webhook: WebhookServer) -> Played:
    ensure_deps()
    root = tmp_path_factory.mktemp("e2e_airflow")
    (root / "specs").mkdir()
    (root / "specs" / "e2e.yaml").write_text(SPEC, encoding="utf-8")
    (root / "pylib").mkdir()
    (root / "pylib" / "steadyflow_e2e_loader.py").write_text(LOADER, encoding="utf-8")
    sandbox = AirflowSandbox(
        root=root,
        connections={
            "e2e_webhook": {
                "conn_type": "http",
                "host": "127.0.0.1",
                "port": webhook.port,
                "schema": "hooks",
                "password": WEBHOOK_TOKEN,
            },
            "e2e_source": {
                "conn_type": "postgres",
                "host": "source.internal",
                "login": "loader",
                "password": SOURCE_PASSWORD,
            },
        },
        python_path=[root / "pylib"],
    )
    started = time.monotonic()
    sandbox.prepare()
    migrate_seconds = time.monotonic() - started
    assert sandbox.render(root / "specs") == ["e2e.py"]
    report = sandbox.run(["e2e_ingest", "e2e_build", "e2e_broken_load"])
    assert report.data["import_errors"] == {}
    return Played(sandbox=sandbox, report=report, webhook=webhook, migrate_seconds=migrate_seconds)


def test_e2e_the_ingest_dag_runs_and_its_asset_event_is_recorded(played: Played) -> None:
    run = played.report.run("e2e_ingest")
    assert (run["state"], run["tasks"]) == ("success", {"ingest": "success"})
    events = played.report.events_for("raw.airflow_orders")
    assert events == [
        {"asset": "raw.airflow_orders", "source_dag_id": "e2e_ingest", "source_run_id": run["run_id"],
         "source_task_id": "ingest"}
    ]  # fmt: skip


def test_e2e_the_asset_event_queues_the_dbt_build_dag(played: Played) -> None:
    queued = played.report.run("e2e_ingest")["queued_after"]
    assert queued == [{"target_dag_id": "e2e_build", "asset": "raw.airflow_orders"}]


def test_e2e_the_dbt_build_dag_builds_the_report_passes_its_gate_and_publishes(played: Played) -> None:
    run = played.report.run("e2e_build")
    assert (run["state"], run["tasks"]) == ("success", {"dbt_build": "success", "gate": "success"})
    (event,) = played.report.events_for("marts.airflow_orders_report")
    assert (event["source_dag_id"], event["source_task_id"]) == ("e2e_build", "gate")
    db = duckdb.connect(str(played.sandbox.duckdb_path), read_only=True)
    try:
        rows = db.execute("select order_date, orders from airflow_orders_report order by order_date").fetchall()
    finally:
        db.close()
    assert [orders for _, orders in rows] == [4, 4, 4]


def test_e2e_a_connection_from_the_local_file_secrets_backend_reaches_the_task(played: Played) -> None:
    db = duckdb.connect(str(played.sandbox.duckdb_path), read_only=True)
    try:
        check = db.execute("select login, password_sha256 from airflow_source_check").fetchall()
    finally:
        db.close()
    assert check == [("loader", hashlib.sha256(SOURCE_PASSWORD.encode()).hexdigest())]


def test_e2e_a_failing_task_posts_its_retry_and_its_failure_to_the_webhook(played: Played) -> None:
    run = played.report.run("e2e_broken_load")
    assert (run["state"], run["tasks"]) == ("failed", {"ingest": "failed"})
    played.webhook.wait_for(2)
    paths = [path for path, _ in played.webhook.posts]
    texts = played.webhook.texts
    assert paths == [f"/hooks/{WEBHOOK_TOKEN}"] * 2
    head = f"dag=e2e_broken_load task=ingest run={run['run_id']}"
    assert texts[0].splitlines()[0] == f"[steadyflow] task retry: {head} try=1/2"
    assert texts[1].splitlines()[0] == f"[steadyflow] task failure: {head} try=2/2"
    for text in texts:
        assert text.splitlines()[1].startswith("log: http") and "/dags/e2e_broken_load/runs/" in text, text
        assert text.splitlines()[2].startswith("error: ") and "exit code 3" in text, text
        assert SOURCE_PASSWORD not in text and WEBHOOK_TOKEN not in text


@pytest.mark.parametrize("secret", [SOURCE_PASSWORD, WEBHOOK_TOKEN], ids=["source_password", "webhook_token"])
def test_e2e_no_secret_value_appears_in_serialized_dags_docs_or_task_logs(played: Played, secret: str) -> None:
    serialized = played.report.data["serialized"]
    assert set(serialized) >= {"e2e_ingest", "e2e_build", "e2e_broken_load"}
    assert not [dag_id for dag_id, text in serialized.items() if secret in text]
    assert not [dag_id for dag_id, doc in played.report.data["docs"].items() if secret in doc]
    assert "Land orders from the source system." in played.report.data["docs"]["e2e_ingest"]
    assert "[DAG TEST] end task task_id=ingest" in played.report.output  # the task logs were captured
    assert secret not in played.report.output
    assert secret not in played.sandbox.log_files_text()
    assert not [p.name for p in played.sandbox.dags.glob("*.py") if secret in p.read_text()]


def test_e2e_the_dag_docs_do_not_expand_environment_variables(played: Played) -> None:
    env = played.sandbox.env()
    for dag_id in ("e2e_ingest", "e2e_build", "e2e_broken_load"):
        doc = played.report.data["docs"][dag_id]
        assert env["STEADYFLOW_DBT_ROOT"] not in doc and env["STEADYFLOW_DUCKDB_PATH"] not in doc
        assert env["STEADYFLOW_DBT_ROOT"] not in played.report.data["serialized"][dag_id]
