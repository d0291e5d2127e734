"""A real Airflow 3.3 on this machine, for the real-Airflow tests, `make bench-airflow` and `make demo-scheduler`.

`AirflowCluster(root, executor, pg)` is a fresh `AIRFLOW_HOME` whose metadata DB is a new database on the
throwaway PostgreSQL cluster (tests/support/postgres.py), running `airflow api-server` (127.0.0.1 only),
`airflow scheduler`, `airflow dag-processor` and `airflow triggerer`, and for `CeleryExecutor` an
`airflow celery worker` fed by a loopback `redis-server` (tests/support/redis_server.py). Every component
runs in its own process group (tests/support/processes.py) and `stop()` ends them by PID, scheduler first
and api-server last, with bounded waits, then checks that no group is left.

Connections come from the local-file secrets backend (a mode-600 JSON file), never from the metadata DB;
the REST API v2 is read through `api()` (the simple auth manager with every user an admin, on loopback).
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.airflow_sandbox import AirflowSandbox
from tests.support.postgres import PostgresCluster
from tests.support.processes import free_port, group_alive, start_group, stop_group
from tests.support.redis_server import RedisServer

EXECUTORS = ("LocalExecutor", "CeleryExecutor")
#: Stop order: nothing schedules or queues work while the others stop; the API goes last.
STOP_ORDER = ("scheduler", "dag-processor", "triggerer", "celery-worker", "api-server")
FINISHED = ("success", "failed")


def _bin(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


@dataclass(kw_only=True)
class AirflowCluster(AirflowSandbox):
    """A running Airflow; `start()` brings it up, `stop()` takes every process down by PID.

    The layout, the connections file, `render()` and the base environment are `AirflowSandbox`'s (the
    `dag.test()` harness); the metadata DB, the executor and the long-running components are added here."""

    executor: str
    pg: PostgresCluster
    redis: RedisServer | None = None
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    api_port: int = 0
    ports: dict[str, int] = field(default_factory=dict)
    #: Secrets of this installation (never printed): a JWT secret >= 64 characters, the API's secret key.
    _jwt_secret: str = field(default_factory=lambda: secrets.token_urlsafe(64))
    _secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    def __post_init__(self) -> None:
        if self.executor not in EXECUTORS:
            raise ValueError(f"executor: {self.executor!r} is not one of {', '.join(EXECUTORS)}")
        if self.executor == "CeleryExecutor" and self.redis is None:
            raise ValueError("executor CeleryExecutor needs redis= (a RedisServer for the Celery broker)")
        self.dbname = f"airflow_{self.executor.lower().removesuffix('executor')}_{secrets.token_hex(3)}"
        self.schema = f"rt_{secrets.token_hex(4)}"  # the dbt work's schema on the same cluster
        self.api_port = free_port()
        self.ports = {"worker_logs": free_port(), "trigger_logs": free_port()}

    # --- layout and environment ------------------------------------------------------------------

    @property
    def logs(self) -> Path:
        return self.root / "process_logs"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def sql_alchemy_conn(self) -> str:
        return f"postgresql+psycopg2://{self.pg.user}@{self.pg.host}:{self.pg.port}/{self.dbname}"

    def env(self) -> dict[str, str]:
        """The environment of every Airflow process here (no AIRFLOW__* of the caller leaks in)."""
        env = super().env()
        env.update(
            {
                "AIRFLOW__CORE__EXECUTOR": self.executor,
                "AIRFLOW__CORE__PARALLELISM": "4",
                "AIRFLOW__CORE__FERNET_KEY": "",
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
                "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.api_url}/execution/",
                "AIRFLOW__CORE__MIN_SERIALIZED_DAG_UPDATE_INTERVAL": "1",
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": self.sql_alchemy_conn(),
                "AIRFLOW__DATABASE__SQL_ALCHEMY_POOL_SIZE": "2",  # the throwaway cluster allows 50 connections
                "AIRFLOW__DATABASE__SQL_ALCHEMY_MAX_OVERFLOW": "6",
                "AIRFLOW__API__HOST": "127.0.0.1",
                "AIRFLOW__API__PORT": str(self.api_port),
                "AIRFLOW__API__BASE_URL": self.api_url,
                "AIRFLOW__API__WORKERS": "1",
                "AIRFLOW__API__SECRET_KEY": self._secret_key,
                "AIRFLOW__API__EXPOSE_CONFIG": "False",
                "AIRFLOW__API_AUTH__JWT_SECRET": self._jwt_secret,
                "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(self.ports["worker_logs"]),
                "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(self.ports["trigger_logs"]),
                "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "2",
                "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "2",
                "AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES": "1",
                "AIRFLOW__DAG_PROCESSOR__PRINT_STATS_INTERVAL": "600",
                "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
                "STEADYFLOW_SCHEMA": self.schema,
                **self.pg.env(),
            }
        )
        if self.redis is not None:
            env["AIRFLOW__CELERY__BROKER_URL"] = self.redis.url
            env["AIRFLOW__CELERY__RESULT_BACKEND"] = "db+" + self.sql_alchemy_conn()
            env["AIRFLOW__CELERY__WORKER_CONCURRENCY"] = "4"
        env.update(self.extra_env)
        return env

    # --- life cycle ------------------------------------------------------------------------------

    def start(self, timeout: float = 240.0) -> None:
        """Create the metadata DB, migrate it, start every component; RuntimeError naming the one that failed."""
        createdb = subprocess.run(
            [str(self.pg.pg_bin / "createdb"), "-h", self.pg.host, "-p", str(self.pg.port), "-U", self.pg.user,
             self.dbname], capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        if createdb.returncode != 0:
            raise RuntimeError(f"createdb {self.dbname} failed: {createdb.stderr}")
        self.logs.mkdir(parents=True, exist_ok=True)
        self.prepare()  # folders, the connections file (mode 600), `airflow db migrate` on this env (PostgreSQL)
        self._spawn("api-server", ["api-server", "--host", "127.0.0.1", "--port", str(self.api_port), "--workers", "1"])
        self._wait_healthy(timeout)
        self._spawn("dag-processor", ["dag-processor"])
        self._spawn("scheduler", ["scheduler", "--skip-serve-logs"])
        self._spawn("triggerer", ["triggerer", "--skip-serve-logs"])
        if self.executor == "CeleryExecutor":
            self._spawn(
                "celery-worker",
                ["celery", "worker", "--skip-serve-logs", "--concurrency", "4", "--without-gossip", "--without-mingle",
                 "--celery-hostname", f"steadyflow-{self.dbname}@127.0.0.1"],
            )  # fmt: skip
        self._wait_components(timeout)

    def _spawn(self, name: str, args: list[str]) -> None:
        self.processes[name] = start_group([_bin("airflow"), *args], env=self.env(), log=self.logs / f"{name}.log")

    def _check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                tail = (self.logs / f"{name}.log").read_text(errors="replace")[-4000:]
                raise RuntimeError(f"airflow {name} exited with {process.returncode}:\n{tail}")

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                self.api("GET", "/api/v2/monitor/health")
                return
            except (OSError, RuntimeError):
                time.sleep(0.5)
        raise RuntimeError(f"airflow api-server not healthy on {self.api_url} within {timeout}s")

    def _wait_components(self, timeout: float) -> None:
        """Until the scheduler, triggerer and dag-processor report healthy (a heartbeat in the metadata DB)."""
        wanted = ["scheduler", "triggerer", "dag_processor"]
        deadline = time.monotonic() + timeout
        health: dict[str, Any] = {}
        while time.monotonic() < deadline:
            self._check_alive()
            health = self.api("GET", "/api/v2/monitor/health")
            if all((health.get(c) or {}).get("status") == "healthy" for c in wanted):
                return
            time.sleep(1)
        raise RuntimeError(f"airflow components not healthy within {timeout}s: {health}")

    def stop(self) -> None:
        """Stop every component by its process group (scheduler first, api-server last) and check none is left."""
        errors = []
        for name in STOP_ORDER:
            process = self.processes.get(name)
            if process is None:
                continue
            try:
                stop_group(process, f"airflow {name}")
            except RuntimeError as exc:
                errors.append(str(exc))
        left = [name for name, p in self.processes.items() if group_alive(p.pid)]
        if errors or left:
            raise RuntimeError(f"airflow processes left running: {left} {errors}")

    def alive_groups(self) -> list[str]:
        return [name for name, p in self.processes.items() if group_alive(p.pid)]

    # --- REST API v2 -----------------------------------------------------------------------------

    def api(self, method: str, path: str, body: Any = None) -> Any:
        """One call to the REST API; the parsed JSON. RuntimeError on a non-2xx answer."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            self.api_url + path, data=data, method=method,
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback http
                text = response.read().decode("utf-8", errors="replace")
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", errors="replace")[:2000]
            raise RuntimeError(f"{method} {path}: HTTP {exc.code}: {detail}") from None
        self.responses.append(text)
        return json.loads(text) if text else None

    @property
    def responses(self) -> list[str]:
        """Every API response body read so far (what the secrets test scans)."""
        if not hasattr(self, "_responses"):
            self._responses: list[str] = []
        return self._responses

    def wait(self, what: str, check: Any, timeout: float, interval: float = 1.0) -> Any:
        """Poll `check()` until it returns something truthy; AssertionError naming `what` after `timeout` s."""
        deadline = time.monotonic() + timeout
        last: Any = None
        while time.monotonic() < deadline:
            self._check_alive()
            last = check()
            if last:
                return last
            time.sleep(interval)
        raise AssertionError(f"timed out after {timeout}s waiting for {what} (last: {last!r})")

    def wait_for_dags(self, dag_ids: list[str], timeout: float = 180.0) -> None:
        def parsed() -> bool:
            known = {d["dag_id"] for d in self.api("GET", "/api/v2/dags?limit=100")["dags"]}
            return set(dag_ids) <= known

        self.wait(f"DAGs {dag_ids} to be parsed", parsed, timeout)

    def trigger(self, dag_id: str, *, logical_date: str | None = None, conf: dict[str, Any] | None = None) -> str:
        """A manual run (`logical_date` None: a run without one); returns its run id."""
        body: dict[str, Any] = {"logical_date": logical_date, "conf": conf or {}}
        return str(self.api("POST", f"/api/v2/dags/{dag_id}/dagRuns", body)["dag_run_id"])

    def run(self, dag_id: str, run_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.api("GET", f"/api/v2/dags/{dag_id}/dagRuns/{urllib.parse.quote(run_id)}")
        return result

    def runs(self, dag_id: str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.api("GET", f"/api/v2/dags/{dag_id}/dagRuns?order_by=id")["dag_runs"]
        return result

    def wait_finished(self, dag_id: str, run_id: str, timeout: float = 300.0) -> dict[str, Any]:
        def finished() -> dict[str, Any] | None:
            run = self.run(dag_id, run_id)
            return run if run["state"] in FINISHED else None

        result: dict[str, Any] = self.wait(f"run {dag_id}/{run_id} to finish", finished, timeout)
        return result

    def task_instances(self, dag_id: str, run_id: str) -> dict[str, dict[str, Any]]:
        path = f"/api/v2/dags/{dag_id}/dagRuns/{urllib.parse.quote(run_id)}/taskInstances"
        return {ti["task_id"]: ti for ti in self.api("GET", path)["task_instances"]}

    def task_log(self, dag_id: str, run_id: str, task_id: str, try_number: int) -> str:
        path = (
            f"/api/v2/dags/{dag_id}/dagRuns/{urllib.parse.quote(run_id)}/taskInstances/{task_id}/logs/{try_number}"
            "?full_content=true"
        )
        answer = self.api("GET", path)
        content = answer.get("content") if isinstance(answer, dict) else answer
        lines: list[str] = []
        for entry in content or []:
            if not isinstance(entry, dict):
                lines.append(str(entry))
                continue
            lines.append(str(entry.get("event", "")))
            errors = entry.get("error_detail") or []
            lines += [f"{e.get('exc_type')}: {e.get('exc_value')}" for e in errors if isinstance(e, dict)]
        return "\n".join(lines)

    def upstream_events(self, dag_id: str, run_id: str) -> list[dict[str, Any]]:
        """The asset events that triggered a run."""
        path = f"/api/v2/dags/{dag_id}/dagRuns/{urllib.parse.quote(run_id)}/upstreamAssetEvents"
        result: list[dict[str, Any]] = self.api("GET", path)["asset_events"]
        return result

    def clear(self, dag_id: str, run_id: str) -> None:
        self.api("POST", f"/api/v2/dags/{dag_id}/dagRuns/{urllib.parse.quote(run_id)}/clear", {"dry_run": False})

    def query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        """Read the metadata DB (what the REST API does not show, e.g. deadlines and their callbacks)."""
        import psycopg2

        conn = psycopg2.connect(host=self.pg.host, port=self.pg.port, user=self.pg.user, dbname=self.dbname)
        try:
            with conn.cursor() as cur:
                cur.execute(sql, args)
                return list(cur.fetchall())
        finally:
            conn.close()

    def process_log_text(self) -> str:
        """Every file Airflow wrote: task logs, the dag-processor's, and each component's output."""
        files = sorted(p for p in self.logs.rglob("*") if p.is_file()) if self.logs.exists() else []
        return self.log_files_text() + "\n" + "\n".join(p.read_text(errors="replace") for p in files)
