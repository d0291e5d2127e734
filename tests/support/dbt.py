"""Drive the integration dbt project in-process with dbtRunner, as the tests and demo do.

Each `DbtProject` has its own DuckDB file (or PostgreSQL schema), target path and log path, so tests
never share state. Results come back as `DbtResult`, which keeps every error message dbt produced so a
test can assert on the exact text of a compile error.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
INTEGRATION_DIR = REPO_ROOT / "integration_tests"


@contextmanager
def patched_env(values: Mapping[str, str]) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@dataclass
class DbtResult:
    success: bool
    args: list[str]
    messages: list[str] = field(default_factory=list)
    statuses: dict[str, str] = field(default_factory=dict)
    failures: dict[str, int | None] = field(default_factory=dict)
    raw: Any = None

    @property
    def text(self) -> str:
        return "\n".join(self.messages)


def _collect(res: Any, args: list[str]) -> DbtResult:
    out = DbtResult(success=bool(res.success), args=args, raw=res)
    if res.exception is not None:
        out.messages.append(str(res.exception))
    results = getattr(res.result, "results", None) or []
    for r in results:
        node = getattr(r, "node", None)
        name = getattr(node, "name", None) or getattr(node, "unique_id", "?")
        if getattr(r, "message", None):
            out.messages.append(f"{name}: {r.message}")
        if str(getattr(node, "unique_id", "")).startswith("operation."):
            continue  # on-run-start/-end hooks: not a model or test of the selection
        out.statuses[name] = str(getattr(r, "status", ""))
        out.failures[name] = getattr(r, "failures", None)
    return out


@dataclass
class DbtProject:
    """One isolated use of a dbt project directory (default: integration_tests/)."""

    work_dir: Path
    target: str = "duckdb"
    project_dir: Path = INTEGRATION_DIR
    extra_env: dict[str, str] = field(default_factory=dict)
    schema: str | None = None

    @property
    def duckdb_path(self) -> Path:
        return self.work_dir / "warehouse.duckdb"

    def env(self) -> dict[str, str]:
        env = {
            "STEADYFLOW_DUCKDB_PATH": str(self.duckdb_path),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DBT_TARGET_PATH": str(self.work_dir / "target"),
            "DBT_LOG_PATH": str(self.work_dir / "logs"),
        }
        if self.schema:
            env["STEADYFLOW_SCHEMA"] = self.schema
        env.update(self.extra_env)
        return env

    def dbt(self, *args: str, vars: Mapping[str, Any] | None = None, expect: bool | None = True) -> DbtResult:
        """Run `dbt <args>`; `expect=True/False` asserts success/failure, `None` asserts nothing."""
        from dbt.cli.main import dbtRunner

        cli = [
            *args,
            "--project-dir",
            str(self.project_dir),
            "--profiles-dir",
            str(self.project_dir),
            "--target",
            self.target,
            "--quiet",
        ]
        if vars:
            cli += ["--vars", json.dumps(dict(vars), default=str)]
        with patched_env(self.env()):
            res = _collect(dbtRunner().invoke(cli), cli)
        if expect is not None and res.success != expect:
            want = "succeed" if expect else "fail"
            raise AssertionError(f"expected dbt {' '.join(args)} to {want}; messages:\n{res.text}")
        return res

    def failed_log(self, *args: str, vars: Mapping[str, Any] | None = None) -> str:
        """Run `dbt <args>`, expected to fail, and return what that invocation wrote to dbt.log: an inline
        query's compile error (a bad argument, a run-time check) reaches only the log, not dbt's result."""
        log_file = self.work_dir / "logs" / "dbt.log"
        seen = log_file.stat().st_size if log_file.exists() else 0
        self.dbt(*args, vars=vars, expect=False)
        with log_file.open(encoding="utf-8") as log:
            log.seek(seen)
            return log.read()

    def run_results(self) -> dict[str, Any]:
        return json.loads((self.work_dir / "target" / "run_results.json").read_text())


def ensure_deps(project_dir: Path = INTEGRATION_DIR) -> None:
    """`dbt deps` once per checkout: the package is `local: ../`, so this only links it. A file lock keeps
    parallel pytest workers (`pytest -n 2`) from linking it at the same time."""
    if (project_dir / "dbt_packages" / "steadyflow").exists():
        return
    import fcntl

    from dbt.cli.main import dbtRunner

    with (Path(tempfile.gettempdir()) / "steadyflow-dbt-deps.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (project_dir / "dbt_packages" / "steadyflow").exists():
            return
        res = dbtRunner().invoke(["deps", "--project-dir", str(project_dir), "--profiles-dir", str(project_dir)])
    if not res.success:
        raise RuntimeError(f"dbt deps failed in {project_dir}: {res.exception}")


def connect(project: DbtProject) -> Any:
    """A DB-API connection to the project's warehouse (DuckDB file or PostgreSQL schema)."""
    if project.target == "duckdb":
        import duckdb

        return duckdb.connect(str(project.duckdb_path))
    import psycopg2

    env = project.env()
    conn = psycopg2.connect(
        host=env["STEADYFLOW_PG_HOST"],
        port=int(env["STEADYFLOW_PG_PORT"]),
        user=env["STEADYFLOW_PG_USER"],
        dbname=env["STEADYFLOW_PG_DBNAME"],
    )
    conn.autocommit = True
    if project.schema:
        with conn.cursor() as cur:
            cur.execute(f'create schema if not exists "{project.schema}"')
            cur.execute(f'set search_path to "{project.schema}"')
    return conn


def query(project: DbtProject, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    """Run one statement in the project's schema; returns its rows (empty for statements without rows)."""
    if project.target == "spark":
        from tests.support.spark import spark_query

        return spark_query(project, sql, params)
    conn = connect(project)
    try:
        if project.target == "duckdb":
            if project.schema:
                conn.execute(f'create schema if not exists "{project.schema}"')
                conn.execute(f'set schema "{project.schema}"')
            cur = conn.execute(sql, params) if params is not None else conn.execute(sql)
            return list(cur.fetchall()) if cur.description else []
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return list(cur.fetchall()) if cur.description else []
    finally:
        conn.close()
