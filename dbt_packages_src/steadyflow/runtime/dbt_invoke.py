"""Run one dbt command through dbt's Python API in a child process and write a JSON summary.

Gates call dbt in a child process instead of in the task's own process: an in-process dbt keeps its
adapter's connections for the life of the process (dbt-duckdb holds the database file's lock), which
would block the next dbt command run by the same worker process (as under `dag.test()`).

    python -m steadyflow.runtime.dbt_invoke SUMMARY.json dbt-arg...
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any


def summarize(result: Any) -> dict[str, Any]:
    """`{"success", "exception", "tests": [{"name", "status", "failures"}]}` of a `dbtRunnerResult`."""
    tests = []
    for run in getattr(result.result, "results", None) or []:
        node = getattr(run, "node", None)
        if not str(getattr(node, "unique_id", "")).startswith("test."):
            continue  # on-run-start/-end hooks
        status = getattr(run.status, "value", run.status)
        tests.append({"name": getattr(node, "name", "?"), "status": str(status), "failures": run.failures})
    exception = str(result.exception) if result.exception is not None else None
    return {"success": bool(result.success), "exception": exception, "tests": tests}


def invoke(args: list[str], cwd: Path) -> dict[str, Any]:
    """Run `dbt <args>` in a child process (dbt's output goes to this process's output)."""
    with tempfile.TemporaryDirectory(prefix="steadyflow-dbt-") as folder:
        summary = Path(folder) / "summary.json"
        done = subprocess.run([sys.executable, "-m", __name__, str(summary), *args], cwd=cwd, check=False)
        if not summary.exists():
            raise RuntimeError(f"dbt {' '.join(args[:1])} did not finish (exit {done.returncode}); see the log above")
        loaded: dict[str, Any] = json.loads(summary.read_text(encoding="utf-8"))
        return loaded


def main(argv: list[str]) -> int:
    from dbt.cli.main import dbtRunner

    summary, *args = argv
    Path(summary).write_text(json.dumps(summarize(dbtRunner().invoke(args))), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
