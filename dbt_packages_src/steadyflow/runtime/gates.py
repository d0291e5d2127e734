"""Gates that run before a DAG publishes its Assets. They run inside the task, never at parse time."""

from __future__ import annotations

import json
import logging
from typing import Any

from steadyflow.runtime.project import dbt_project

log = logging.getLogger(__name__)


class GateFailed(RuntimeError):
    """The load did not pass its gate; the DAG's outlets are not published."""


def row_count_gate(*, dbt: dict[str, Any], model: str, min_rows: int = 1) -> int:
    """Count the rows of `model` through dbt (`dbt`: the spec's project settings); fail unless there are
    at least `min_rows`."""
    from dbt.cli.main import dbtRunner

    sql = f"select count(*) as n from {{{{ ref('{model}') }}}}"
    args = ["show", "--inline", sql, "--limit", "1", *dbt_project(dbt).args]
    result: Any = dbtRunner().invoke(args)
    if not result.success:
        raise GateFailed(f"row_count gate could not count rows of '{model}': {result.exception or 'dbt show failed'}")
    table = result.result.results[0].agate_table
    count = int(table.rows[0][0])
    log.info("row_count gate: %s has %d rows (need >= %d)", model, count, min_rows)
    if count < min_rows:
        raise GateFailed(f"row_count gate: '{model}' has {count} rows, fewer than {min_rows}; outlets not published")
    return count


def dbt_test_gate(*, dbt: dict[str, Any], select: list[str], vars: dict[str, Any] | None = None) -> int:
    """`dbt test --select <select>`; fail unless it ran at least one test and none failed or errored.

    `dbt test` on a selection that matches no test prints "Nothing to do" and succeeds: a gate that
    runs no test cannot fail, so that is refused too. Returns the number of tests that ran."""
    from steadyflow.runtime.dbt_invoke import invoke

    project = dbt_project(dbt)
    args = ["test", "--select", *select, *project.args]
    if vars:
        args += ["--vars", json.dumps(vars, sort_keys=True)]
    result = invoke(args, cwd=project.root)
    tests: list[dict[str, Any]] = result["tests"]
    shown = " ".join(select)
    if not tests and result["exception"] is None:
        raise GateFailed(
            f"dbt_test gate: --select {shown} matches no test, so the gate cannot fail; outlets not published. "
            "Select the tests that guard these outlets (e.g. the model names, or a tag the tests carry); "
            f"`dbt ls --resource-type test --select {shown}` lists what a selection matches"
        )
    bad = [t for t in tests if t["status"] in ("fail", "error", "runtime error")]
    if bad or not result["success"]:
        details = "; ".join(f"{t['name']}: {t['status']} ({t['failures'] or 0} failing rows)" for t in bad)
        reason = details or str(result["exception"] or "dbt test failed")
        raise GateFailed(f"dbt_test gate: {len(bad)} of {len(tests)} tests failed ({reason}); outlets not published")
    log.info("dbt_test gate: %d tests of --select %s passed", len(tests), shown)
    return len(tests)
