"""`make demo-scheduler` (optional, not a step of `make demo`): the same specs on a real Airflow 3.3.

Starts what the real-Airflow tests start (tests/support/airflow_cluster.py): `airflow api-server` on
127.0.0.1, `scheduler`, `dag-processor` and `triggerer` with LocalExecutor, the metadata DB on a throwaway
PostgreSQL cluster, connections from the local-file secrets backend, and a Slack-compatible webhook on
127.0.0.1 that prints what it receives. Then: trigger the producer, watch the scheduler start the consumer
from the producer's Asset event, and watch a run that outlives its deadline post one deadline notice.
Everything is stopped (by PID, scheduler first) at the end.

    python integration_tests/demo/scheduler.py [--workdir DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.support.airflow_cluster import AirflowCluster  # noqa: E402
from tests.support.postgres import start_cluster  # noqa: E402
from tests.support.webhook import WebhookServer  # noqa: E402

SPEC = """\
version: 1
defaults: {owner: demo, retries: 0}
dags:
  - dag_id: demo_orders_landed
    template: ingest
    description: Land the day's orders (a stand-in command), publish the Asset demo.raw_orders.
    command: "echo landed 40 orders"
    outlets: [demo.raw_orders]
  - dag_id: demo_orders_report
    template: ingest
    description: Runs when demo.raw_orders is updated (an asset-triggered run, no logical date).
    command: "echo building the report"
    schedule: [demo.raw_orders]
  - dag_id: demo_slow_export
    template: ingest
    description: Must be done 5 seconds after it is queued; it takes 20.
    command: "sleep 20"
    alerts:
      webhook_conn_id: demo_alerts
      deadline: {reference: queued_at, after: 5s}
"""


def say(t0: float, text: str) -> None:
    print(f"[{time.monotonic() - t0:5.1f}s] {text}", flush=True)


def run(workdir: Path) -> None:
    t0 = time.monotonic()
    workdir.mkdir(parents=True, exist_ok=True)
    pg = start_cluster()
    webhook = WebhookServer()
    hook = {"conn_type": "http", "host": "127.0.0.1", "port": webhook.port, "schema": "hooks", "password": "T0/B0/demo"}
    cluster = AirflowCluster(root=workdir, executor="LocalExecutor", pg=pg, connections={"demo_alerts": hook})
    try:
        (workdir / "specs").mkdir(exist_ok=True)
        (workdir / "specs" / "demo.yaml").write_text(SPEC, encoding="utf-8")
        say(t0, f"steadyflow render: {', '.join(cluster.render(workdir / 'specs'))}")
        say(t0, "starting airflow api-server (127.0.0.1), scheduler, dag-processor, triggerer (LocalExecutor) ...")
        cluster.start()
        cluster.wait_for_dags(["demo_orders_landed", "demo_orders_report", "demo_slow_export"])
        say(t0, f"up: {', '.join(f'{n} pid {p.pid}' for n, p in cluster.processes.items())}")

        produced = cluster.trigger("demo_orders_landed")
        late = cluster.trigger("demo_slow_export")
        say(t0, f"triggered demo_orders_landed ({produced}) and demo_slow_export ({late})")
        run_info = cluster.wait_finished("demo_orders_landed", produced, timeout=180)
        say(t0, f"demo_orders_landed: {run_info['state']}")
        consumer = cluster.wait("the consumer run", lambda: cluster.runs("demo_orders_report"), 180)[0]
        done = cluster.wait_finished("demo_orders_report", consumer["dag_run_id"], timeout=180)
        (event,) = cluster.upstream_events("demo_orders_report", consumer["dag_run_id"])
        say(t0, f"demo_orders_report: {done['run_type']} run {done['dag_run_id']}: {done['state']}")
        say(t0, f"  woken by asset {event['name']} from {event['source_dag_id']} run {event['source_run_id']}")
        (notice,) = webhook.wait_for(1, timeout=180)
        say(t0, f"webhook received: {notice.json['text']}")
        slow = cluster.wait_finished("demo_slow_export", late, timeout=180)
        say(t0, f"demo_slow_export: {slow['state']} (late, and said so once: {len(webhook.requests)} notice)")
    finally:
        cluster.stop()
        webhook.close()
        pg.stop()
        say(t0, f"stopped every process group; left running: {cluster.alive_groups() or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description="producer -> consumer -> a deadline notice, on a real Airflow")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    if args.workdir is not None:
        run(args.workdir)
        return
    with tempfile.TemporaryDirectory(prefix="steadyflow-demo-scheduler-") as tmp:
        run(Path(tmp))


if __name__ == "__main__":
    main()
