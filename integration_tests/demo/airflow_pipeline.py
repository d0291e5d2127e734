"""`make demo` step: render the example specs and run the producer and consumer DAGs for real.

The DAGs run in a throwaway Airflow (`AirflowSandbox`, tests/support/airflow_sandbox.py): a fresh
`AIRFLOW_HOME` with its own SQLite metadata DB, the rendered DAG files in its DAGs folder before the first
run, connections served by the local-file secrets backend, and `dag.test()` in a separate process. Alerts go
to a Slack-compatible webhook on 127.0.0.1 (tests/support/webhook.py), which keeps what it is sent.

`run(workdir)` is called by integration_tests/demo/run.py (`make demo`).
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.support.airflow_sandbox import REPO, AirflowSandbox
from tests.support.dbt import ensure_deps
from tests.support.webhook import WebhookServer

DEMO_SECRET = "demo-not-a-real-password"  # noqa: S105 - a stand-in, shown only to prove it never leaks


def _land_raw_orders(duckdb_path: Path) -> int:
    import duckdb

    con = duckdb.connect(str(duckdb_path))
    try:
        con.execute(
            "create or replace table raw_orders as select i as order_id, 100 + i % 7 as customer_id, "
            "round(10 + i * 1.5, 2) as amount, current_date - (i % 5) * interval 1 day as ordered_at, "
            "current_date as loaded_on from range(1, 41) t(i)"
        )
        return int(con.execute("select count(*) from raw_orders").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


def _table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join("{:<" + str(w) + "}" for w in widths)
    return "\n".join([line.format(*header), line.format(*("-" * w for w in widths)), *(line.format(*r) for r in rows)])


def run(workdir: Path) -> None:
    ensure_deps()
    workdir.mkdir(parents=True, exist_ok=True)
    alerts = WebhookServer()
    sandbox = AirflowSandbox(
        root=workdir,
        connections={
            "slack_data_alerts": {
                "conn_type": "http",
                "host": "127.0.0.1",
                "port": alerts.port,
                "password": "T0/B0/demo",
            },
            "crm_readonly": {"conn_type": "postgres", "host": "crm.internal", "login": "demo", "password": DEMO_SECRET},
        },
    )
    t0 = time.monotonic()
    try:
        sandbox.prepare()
        files = sandbox.render(REPO / "airflow_templates" / "examples")
        print(f"rendered {len(files)} DAG files from airflow_templates/examples: {', '.join(files)}")
        print(f"landed {_land_raw_orders(sandbox.duckdb_path)} rows in raw_orders (what orders_ingest's loader does)")
        report = sandbox.run(
            ["orders_ingest", "customers_ingest", "orders_build"], clear_deadlines=True, retry_delay_seconds=2
        )
    finally:
        alerts.close()
    if report.data["import_errors"]:
        print("import errors:", report.data["import_errors"])
    rows = [(r["dag_id"], task, state) for r in report.data["runs"] for task, state in r["tasks"].items()]
    print(_table(rows, ("dag", "task", "state")))
    events = [(e["asset"], e["source_dag_id"], e["source_task_id"]) for e in report.data["asset_events"]]
    print("\nasset events recorded in the metadata DB:")
    print(_table(events, ("asset", "from dag", "from task")))
    queued = next(r["queued_after"] for r in report.data["runs"] if r["dag_id"] == "customers_ingest")
    print("\nqueued after the producers ran (AssetDagRunQueue):")
    print(_table([(q["target_dag_id"], q["asset"]) for q in queued], ("consumer", "asset")))
    print(f"\nwebhook notices received: {len(alerts.texts)}")
    for text in alerts.texts:
        print("  " + text.splitlines()[0])
    for r in report.data["runs"]:
        for note in r["notes"]:
            print(f"note ({r['dag_id']}): {note}")
    leaked = DEMO_SECRET in report.output or any(DEMO_SECRET in s for s in report.data["serialized"].values())
    print(f"secret value in task output or serialized DAGs: {'YES' if leaked else 'no'}")
    print(f"(retry delays shortened to 2s for dag.test(); step took {time.monotonic() - t0:.0f}s)")
