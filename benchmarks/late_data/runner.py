"""Timed runs: one dbt invocation or the hand-written floor on a fresh copy of a saved DuckDB file, and dbt's
fixed costs (start-up, parse)."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks.late_data.dbt_output import model_time, sql_log
from benchmarks.late_data.settings import COLUMNS, LOOKBACK, PROJECT_DIR

WINDOW = re.compile(r"\(([^()]*)\) /\* steadyflow\.window ")  # lookback_window's rendered predicate


@dataclass
class Run:
    model_s: float  # what dbt reports (run_results.json execution_time) or the floor's own clock
    wall_s: float  # the whole dbt invocation (start-up of the invocation, parse, run, artifacts)
    batches: int = 0
    close_s: float = 0.0  # closing DuckDB afterwards: the checkpoint a run leaves in the WAL for later
    statements: list[tuple[float, str]] = field(default_factory=list)  # (seconds, sql) as dbt logged them

    @property
    def top_sql(self) -> list[tuple[float, str]]:
        return sorted(self.statements, reverse=True)[:3]

    @property
    def sql_s(self) -> float:
        return sum(sec for sec, _ in self.statements)


class Bench:
    def __init__(self, work: Path, begin: date) -> None:
        from tests.support.dbt import DbtProject, ensure_deps

        ensure_deps(PROJECT_DIR)
        self.work = work
        self.project = DbtProject(
            work_dir=work / "dbt", project_dir=PROJECT_DIR, extra_env={"STEADYFLOW_BENCH_BEGIN": begin.isoformat()}
        )
        self.project.work_dir.mkdir(parents=True, exist_ok=True)

    @property
    def db(self) -> Path:
        return self.project.duckdb_path

    def restore(self, state: Path) -> Path:
        """A fresh copy of a saved state, flushed to disk: otherwise the first fsync of the timed run (a
        COMMIT or the close) also writes out the copy's dirty pages and inflates it by ~0.1 s at 10M rows."""
        self.clear()
        shutil.copyfile(state, self.db)
        os.sync()
        return self.db

    def clear(self) -> None:
        for suffix in ("", ".wal"):
            Path(f"{self.db}{suffix}").unlink(missing_ok=True)

    def save(self, name: str) -> Path:
        out = self.work / f"{name}.duckdb"
        shutil.copyfile(self.db, out)
        return out

    def dbt(self, *args: str, vars: dict[str, str] | None = None) -> Run:
        log = self.project.work_dir / "logs" / "dbt.log"
        offset = log.stat().st_size if log.exists() else 0
        gc.collect()  # start every timed invocation with the same (empty) garbage backlog
        t0 = time.perf_counter()
        try:
            self.project.dbt(*args, vars=vars, expect=True)
        finally:
            wall = time.perf_counter() - t0
            close_s = release_duckdb()
        model_s, batches = model_time(self.project.run_results()["results"])
        return Run(model_s, wall, batches, close_s, sql_log(log, offset))

    def window_predicate(self, state: Path, vars: dict[str, str] | None = None) -> str:
        """The window the lookback model resolves on `state`, as its compiled SQL writes it (same columns,
        bounds and literals), so the floor filters exactly as the model does. Untimed: `dbt compile`."""
        self.restore(state)
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # `dbt compile` prints the compiled SQL
                self.project.dbt("compile", "-s", LOOKBACK, vars=vars, expect=True)
        finally:
            release_duckdb()
        code = next(
            r["compiled_code"] for r in self.project.run_results()["results"] if r["unique_id"].endswith(LOOKBACK)
        )
        found = WINDOW.search(code or "")
        if found is None:
            raise AssertionError(f"{LOOKBACK}: no `(...) /* steadyflow.window ... */` predicate in its compiled SQL")
        return found.group(1)

    def floor(self, predicate: str) -> Run:
        """The hand-written minimum: one delete + one insert in one transaction, timed from `begin` to
        `commit` on an open connection, as a dbt node finds its connection already open."""
        import duckdb

        con = duckdb.connect(str(self.db))
        gc.collect()
        try:
            t0 = time.perf_counter()
            con.execute("begin")
            con.execute(f"delete from main.{LOOKBACK} where {predicate}")
            t1 = time.perf_counter()
            con.execute(f"insert into main.{LOOKBACK} ({COLUMNS}) select {COLUMNS} from raw.events where {predicate}")
            t2 = time.perf_counter()
            con.execute("commit")
            t3 = time.perf_counter()
        finally:
            con.close()
        steps = [(t1 - t0, "delete (floor)"), (t2 - t1, "insert (floor)"), (t3 - t2, "commit (floor)")]
        return Run(t3 - t0, t3 - t0, 0, time.perf_counter() - t3, steps)


def release_duckdb() -> float:
    """dbt-duckdb keeps its DuckDB instance open in-process after an invocation; close it so the next
    scenario's fresh copy of the file is the one opened (not the old, replaced file). Returns the seconds
    the close took (DuckDB checkpoints the WAL then, as it would when a `dbt run` process exits)."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager as manager

    with manager._LOCK:
        env, manager._ENV = manager._ENV, None
    t0 = time.perf_counter()
    if env is not None:
        env.close()
    return time.perf_counter() - t0


def median_run(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda r: r.model_s)[len(runs) // 2]


def dbt_fixed_costs(bench: Bench) -> dict[str, float]:
    probe = "import time; t = time.perf_counter(); from dbt.cli.main import dbtRunner; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    costs = {"start-up: `import dbt` in a fresh interpreter": float(out.stdout.strip())}
    import dbt.cli.main  # noqa: F401  (imported here so the parse timings below exclude it)

    for label, extra in (
        ("`dbt parse --no-partial-parse` (full parse)", ["--no-partial-parse"]),
        ("`dbt parse` (partial parse, nothing changed)", []),
    ):
        t0 = time.perf_counter()
        bench.project.dbt("parse", *extra, expect=True)
        costs[label] = time.perf_counter() - t0
    return costs
