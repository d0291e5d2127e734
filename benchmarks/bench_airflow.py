"""Latencies of a real Airflow 3.3 (`make bench-airflow`; not part of `make bench` or the tests).

Per executor (LocalExecutor, then CeleryExecutor with a separate worker and redis-server), on the same
cluster the real-Airflow tests start (tests/support/airflow_cluster.py):

- producer success -> consumer start: `bench_producer` publishes an Asset, `bench_consumer` is scheduled
  on it; the time from the Asset event (written when the producer's task succeeds) to the consumer run's
  start, over N runs one after another;
- deadline passed -> webhook POST: `bench_deadline` (queued_at + 3s, its task sleeps past it), N runs;
  the time from the deadline to the POST arriving at the loopback webhook (same clock, same machine);
- baseline, measured in the same run: manual trigger -> run start of a one-task DAG (the scheduler's own
  pick-up latency), so the two latencies above read as ratios of it.

The tasks are `echo`/`sleep` (no dbt): what is measured is the scheduler, triggerer and executor.
Run: `make bench-airflow`, or `.venv/bin/python -m benchmarks.bench_airflow [--runs N] [--executors ...]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks.common import write_doc_section
from tests.support.airflow_cluster import EXECUTORS, AirflowCluster
from tests.support.postgres import start_cluster
from tests.support.redis_server import start_redis
from tests.support.webhook import WebhookServer

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs" / "benchmarks.md"
IN_MAKE_BENCH = False  # benchmarks/run.py skips it: it needs the Celery extras and takes minutes

SPEC = """\
version: 1
defaults: {owner: bench, retries: 0}
dags:
  - dag_id: bench_producer
    template: ingest
    command: "echo produced"
    outlets: [bench.raw]
  - dag_id: bench_consumer
    template: ingest
    command: "echo consumed"
    schedule: [bench.raw]
  - dag_id: bench_baseline
    template: ingest
    command: "echo baseline"
  - dag_id: bench_deadline
    template: ingest
    command: "sleep 15"
    max_active_runs: 16
    alerts:
      webhook_conn_id: bench_webhook
      deadline: {reference: queued_at, after: 3s}
"""


def parse_time(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass
class Measured:
    executor: str
    baseline: list[float] = field(default_factory=list)
    asset: list[float] = field(default_factory=list)
    deadline: list[float] = field(default_factory=list)
    startup_s: float = 0.0
    total_s: float = 0.0


def measure(executor: str, runs: int, root: Path) -> Measured:
    began = time.monotonic()
    out = Measured(executor)
    pg = start_cluster()
    redis = start_redis() if executor == "CeleryExecutor" else None
    webhook = WebhookServer()
    conn = {"conn_type": "http", "host": "127.0.0.1", "port": webhook.port, "schema": "hooks", "password": "T/B/bench"}
    cluster = AirflowCluster(root=root, executor=executor, pg=pg, redis=redis, connections={"bench_webhook": conn})
    try:
        (root / "specs").mkdir(parents=True)
        (root / "specs" / "bench.yaml").write_text(SPEC, encoding="utf-8")
        cluster.render(root / "specs")
        cluster.start()
        cluster.wait_for_dags(["bench_producer", "bench_consumer", "bench_baseline", "bench_deadline"])
        out.startup_s = time.monotonic() - began
        for _ in range(runs):
            run = cluster.wait_finished("bench_baseline", cluster.trigger("bench_baseline"))
            out.baseline.append(parse_time(run["start_date"]) - parse_time(run["queued_at"]))
        for i in range(runs):
            produced = cluster.wait_finished("bench_producer", cluster.trigger("bench_producer"))
            consumers = cluster.wait(
                f"consumer run {i + 1}",
                lambda n=i + 1: [r for r in cluster.runs("bench_consumer") if r["start_date"]][n - 1 : n],
                120,
                interval=0.2,
            )
            # "producer success" = its Asset event (written when its task succeeds; the run is marked success
            # on a later scheduler loop, possibly after the consumer started)
            (event,) = cluster.upstream_events("bench_consumer", consumers[0]["dag_run_id"])
            assert event["source_run_id"] == produced["dag_run_id"], (event, produced)
            out.asset.append(parse_time(consumers[0]["start_date"]) - parse_time(event["timestamp"]))
        deadline_runs = [cluster.trigger("bench_deadline") for _ in range(runs)]
        posts = webhook.wait_for(runs, timeout=300)
        for run_id in deadline_runs:
            (row,) = cluster.query(
                "select d.deadline_time from deadline d join dag_run r on r.id = d.dagrun_id "
                "where r.dag_id = 'bench_deadline' and r.run_id = %s",
                run_id,
            )
            (post,) = [p for p in posts if f"run={run_id} " in p.json["text"]]
            out.deadline.append(post.received_at - row[0].timestamp())
    finally:
        cluster.stop()
        webhook.close()
        if redis is not None:
            redis.stop()
        pg.stop()
    out.total_s = time.monotonic() - began
    return out


def report(results: list[Measured], runs: int, cpus: str) -> str:
    lines = [
        "## Real Airflow: asset and deadline latencies (`benchmarks/bench_airflow.py`)",
        "",
        f"A real Airflow 3.3.2 per executor (api-server, scheduler, dag-processor, triggerer; metadata DB on the "
        f"throwaway PostgreSQL; CeleryExecutor with a separate `airflow celery worker` and redis-server), {runs} runs "
        f"each. Baseline (same run): manual trigger -> run start of a one-task DAG. Machine: {cpus}.",
        "",
        "| executor | latency | p50 s | p95 s | p50 vs baseline |",
        "|---|---|---:|---:|---:|",
    ]
    for r in results:
        base = statistics.median(r.baseline)
        for name, values in (("baseline: trigger -> run start", r.baseline),
                             ("producer's Asset event -> consumer start", r.asset),
                             ("deadline passed -> webhook POST", r.deadline)):  # fmt: skip
            med = statistics.median(values)
            lines.append(f"| {r.executor} | {name} | {med:.2f} | {p95(values):.2f} | {med / base:.2f}x |")
    lines.append("")
    for r in results:
        lines.append(f"- {r.executor}: cluster up in {r.startup_s:.0f} s, whole measurement {r.total_s:.0f} s")
    lines += [
        "",
        "The scheduler loop and the triggerer's poll dominate; a consumer run starts on the scheduler's next "
        "loop after the Asset event, a deadline is found by the scheduler's loop and its callback runs in the "
        "triggerer. Reproduce: `make bench-airflow` (`--runs N`, `--executors LocalExecutor`).",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--executors", nargs="+", default=list(EXECUTORS), choices=EXECUTORS)
    parser.add_argument("--no-docs", action="store_true", help="print the section, leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    results = []
    with tempfile.TemporaryDirectory(prefix="steadyflow-bench-airflow-") as tmp:
        for executor in args.executors:
            print(f"== {executor}", flush=True)
            results.append(measure(executor, args.runs, Path(tmp) / executor.lower()))
    load = os.getloadavg()
    cpus = f"{os.cpu_count()} CPUs, load average {load[0]:.1f} at the end (shared with other work)"
    section = report(results, args.runs, cpus)
    print(section)
    if not args.no_docs:
        write_doc_section(DOCS, "real-airflow", section)


if __name__ == "__main__":
    main()
