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


def guard_rows(project: DbtProject, result: DbtResult, name: str, columns: str) -> list[tuple[object, ...]]:
    """The failing rows one guard test returned (the given output columns), re-read from its compiled SQL."""
    for r in result.raw.result.results:
        if r.node.name == name:
            return [tuple(row) for row in query(project, f"select {columns} from ({r.node.compiled_code}) as g")]
    raise KeyError(f"no test named {name} in this run")
