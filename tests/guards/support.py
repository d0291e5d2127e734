"""Helpers for the guard tests: run the guards in integration_tests/models/guards and read exact counts."""

from __future__ import annotations

from dataclasses import dataclass

from tests.support.dbt import DbtProject, DbtResult, query

GUARDS = "path:models/guards"


@dataclass(frozen=True)
class GuardRun:
    """What one guard test reported: dbt's status and the failure count recomputed from its compiled SQL."""

    status: str
    counted: int


def guard_runs(project: DbtProject, result: DbtResult) -> dict[str, GuardRun]:
    """Re-run each test's compiled guard query through its fail_calc, so inverted expectations (which dbt
    reports as `pass` with 0 failures) still yield the exact count the guard found."""
    runs: dict[str, GuardRun] = {}
    for r in result.raw.result.results:
        node = r.node
        if node.resource_type != "test" or not node.name.startswith("guards_"):
            continue
        sql = f"select {node.config.fail_calc} from ({node.compiled_code}) as guard_output"
        counted = query(project, sql)[0][0]
        runs[node.name] = GuardRun(status=str(r.status), counted=int(counted))
    return runs
