"""A throwaway Airflow for the end-to-end tests and `make demo`: render specs, play DAGs with `dag.test()`.

`AirflowSandbox(root)` is a fresh `AIRFLOW_HOME` with its own SQLite metadata DB (`airflow db migrate`), the
rendered DAG files in its DAGs folder *before* the first run (so a consumer DAG is known, and unpaused, when
the producer's Asset event arrives), connections served by the local-file secrets backend, and `dag.test()`
in a separate process so nothing leaks between runs. `python -P airflow_sandbox.py --drive REQUEST.json` is
the part that runs inside that process; it imports nothing from the repository, and `-P` keeps this folder
(whose dbt.py would shadow the `dbt` package) off its path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DEADLINE_NOTE = (
    "deadline not exercised: dag.test() cannot run a DAG with deadline= on Airflow 3.3 (apache/airflow#73428)"
)


@dataclass
class AirflowSandbox:
    """A throwaway Airflow installation under `root`; `run()` plays DAGs with `dag.test()` in a subprocess."""

    root: Path
    connections: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)
    python_path: list[Path] = field(default_factory=list)

    @property
    def home(self) -> Path:
        return self.root / "airflow_home"

    @property
    def dags(self) -> Path:
        return self.root / "dags"

    @property
    def connections_file(self) -> Path:
        return self.root / "secrets" / "connections.json"

    @property
    def duckdb_path(self) -> Path:
        return self.root / "warehouse.duckdb"

    def env(self) -> dict[str, str]:
        """The process environment of every Airflow command in the sandbox (no AIRFLOW__* leaks in)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW__", "AIRFLOW_CONN_", "AIRFLOW_VAR_"))}
        backend_kwargs = json.dumps({"connections_file_path": str(self.connections_file)})
        env.update(
            {
                "AIRFLOW_HOME": str(self.home),
                "AIRFLOW__CORE__DAGS_FOLDER": str(self.dags),
                "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
                "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
                "AIRFLOW__SECRETS__BACKEND": "airflow.secrets.local_filesystem.LocalFilesystemBackend",
                "AIRFLOW__SECRETS__BACKEND_KWARGS": backend_kwargs,
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
                "PYTHONPATH": os.pathsep.join(str(p) for p in self.python_path),
                "STEADYFLOW_DBT_ROOT": str(REPO),
                "STEADYFLOW_DUCKDB_PATH": str(self.duckdb_path),
                "DBT_TARGET_PATH": str(self.root / "dbt_target"),
                "DBT_LOG_PATH": str(self.root / "dbt_logs"),
                "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            }
        )
        env.update(self.extra_env)
        return env

    def prepare(self) -> None:
        """Folders, the connections file (mode 600) and a migrated metadata DB."""
        for folder in (self.home, self.dags, self.connections_file.parent):
            folder.mkdir(parents=True, exist_ok=True)
        self.connections_file.write_text(json.dumps(self.connections, indent=2), encoding="utf-8")
        self.connections_file.chmod(0o600)
        airflow = Path(sys.executable).with_name("airflow")
        done = subprocess.run(
            [str(airflow), "db", "migrate"], env=self.env(), capture_output=True, text=True, timeout=300
        )
        if done.returncode != 0:
            raise RuntimeError(f"airflow db migrate failed in {self.home}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")

    def render(self, spec_dir: Path) -> list[str]:
        """`steadyflow render spec_dir <dags>`; returns the DAG files written."""
        steadyflow = Path(sys.executable).with_name("steadyflow")
        done = subprocess.run(
            [str(steadyflow), "render", str(spec_dir), str(self.dags)], capture_output=True, text=True, timeout=300
        )
        if done.returncode != 0:
            raise RuntimeError(f"steadyflow render {spec_dir} failed:\n{done.stdout}{done.stderr}")
        return sorted(p.name for p in self.dags.glob("*.py"))

    def run(
        self, dag_ids: list[str], *, clear_deadlines: bool = False, retry_delay_seconds: int | None = None,
        timeout: float = 300, test_args: dict[str, dict[str, str | None]] | None = None,
    ) -> RunReport:  # fmt: skip
        """`dag.test()` each DAG in order, in one fresh process; returns what happened and its output.

        `test_args` maps a dag id to `dag.test()` arguments: `logical_date` (ISO, or None for a run
        without a data interval) and `run_after` (ISO).

        `dag.test()` waits out real retry delays, so `retry_delay_seconds` shortens them on the in-memory
        copy; `clear_deadlines` drops `deadline=` from the in-memory copy (apache/airflow#73428)."""
        request = self.root / "run_request.json"
        result = self.root / "run_result.json"
        log = self.root / "run_output.log"
        request.write_text(
            json.dumps(
                {"dags": str(self.dags), "dag_ids": dag_ids, "clear_deadlines": clear_deadlines,
                 "retry_delay_seconds": retry_delay_seconds, "out": str(result), "test_args": test_args or {}}
            ),
            encoding="utf-8",
        )  # fmt: skip
        result.unlink(missing_ok=True)
        started = time.monotonic()
        # -P: this file's folder (tests/support, which has a dbt.py) must not shadow the `dbt` package there
        command = [sys.executable, "-P", str(Path(__file__).resolve()), "--drive", str(request)]
        with log.open("w", encoding="utf-8") as out:
            process = subprocess.Popen(command, env=self.env(), stdout=out, stderr=subprocess.STDOUT)
            try:
                code = process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                code = -9
        output = log.read_text(encoding="utf-8", errors="replace")
        if code != 0 or not result.exists():
            raise RuntimeError(f"the sandboxed dag.test() process failed ({code}); see {log}:\n{output[-5000:]}")
        data = json.loads(result.read_text(encoding="utf-8"))
        return RunReport(data=data, output=output, seconds=time.monotonic() - started)

    def log_files_text(self) -> str:
        """Every file Airflow wrote under its logs folder, concatenated."""
        logs = self.home / "logs"
        files = sorted(p for p in logs.rglob("*") if p.is_file()) if logs.exists() else []
        return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


@dataclass
class RunReport:
    data: dict[str, Any]
    output: str
    seconds: float

    def run(self, dag_id: str) -> dict[str, Any]:
        runs: dict[str, dict[str, Any]] = {r["dag_id"]: r for r in self.data["runs"]}
        return runs[dag_id]

    def events_for(self, asset: str) -> list[dict[str, Any]]:
        return [e for e in self.data["asset_events"] if e["asset"] == asset]


# --- inside the sandboxed process ------------------------------------------------------------------


def _snapshot(session: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from airflow.models.asset import AssetDagRunQueue, AssetEvent, AssetModel
    from sqlalchemy import select

    names = {a.id: a.name for a in session.scalars(select(AssetModel))}
    events = [
        {"asset": names.get(e.asset_id), "source_dag_id": e.source_dag_id, "source_run_id": e.source_run_id,
         "source_task_id": e.source_task_id}
        for e in session.scalars(select(AssetEvent).order_by(AssetEvent.id))
    ]  # fmt: skip
    queued = [
        {"target_dag_id": q.target_dag_id, "asset": names.get(q.asset_id)}
        for q in session.scalars(select(AssetDagRunQueue))
    ]
    return events, queued


def _drive(request_path: Path) -> int:
    from airflow.dag_processing.dagbag import DagBag
    from airflow.models.serialized_dag import SerializedDagModel
    from airflow.utils.session import create_session
    from sqlalchemy import select

    request = json.loads(request_path.read_text(encoding="utf-8"))
    bag = DagBag(dag_folder=request["dags"])
    report: dict[str, Any] = {"import_errors": {k: str(v) for k, v in bag.import_errors.items()}, "runs": []}
    for dag_id in request["dag_ids"]:
        dag = bag.dags[dag_id]
        notes = []
        if dag.deadline and request["clear_deadlines"]:
            dag.deadline = None  # only on this in-memory copy; the parsed DAG keeps its DeadlineAlert
            notes.append(DEADLINE_NOTE)
        if request["retry_delay_seconds"] is not None:
            for task in dag.tasks:
                task.retry_delay = timedelta(seconds=request["retry_delay_seconds"])
        started = time.monotonic()
        test_args = {
            k: (datetime.fromisoformat(v) if v is not None else None)
            for k, v in request.get("test_args", {}).get(dag_id, {}).items()
        }
        dag_run = dag.test(**test_args)
        with create_session() as session:
            tis = {ti.task_id: str(ti.state) for ti in dag_run.get_task_instances(session=session)}
            events, queued = _snapshot(session)
        report["runs"].append(
            {"dag_id": dag_id, "run_id": dag_run.run_id, "state": str(dag_run.state), "tasks": tis,
             "queued_after": queued, "seconds": round(time.monotonic() - started, 1), "notes": notes,
             "logical_date": dag_run.logical_date, "data_interval_end": dag_run.data_interval_end,
             "run_after": dag_run.run_after}
        )  # fmt: skip
    with create_session() as session:
        report["asset_events"], report["queued"] = _snapshot(session)
        report["serialized"] = {
            row.dag_id: json.dumps(row.data, default=str) for row in session.scalars(select(SerializedDagModel))
        }
    report["docs"] = {dag_id: dag.doc_md or "" for dag_id, dag in bag.dags.items()}
    Path(request["out"]).write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "--drive":
        raise SystemExit(f"usage: {sys.argv[0]} --drive REQUEST.json")
    raise SystemExit(_drive(Path(sys.argv[2])))
