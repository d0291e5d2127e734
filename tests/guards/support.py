"""Helpers for the guard tests: the guards in integration_tests/models/guards and what each one reported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.support.dbt import INTEGRATION_DIR, DbtProject, DbtResult, query

GUARDS = "path:models/guards"
GUARDS_SCHEMA = INTEGRATION_DIR / "models" / "guards" / "guards_schema.yml"


def _tests_of(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The test configs under one model: its own data_tests and its columns'."""
    found = list(entry.get("data_tests") or [])
    for column in entry.get("columns") or []:
        found += column.get("data_tests") or []
    return [next(iter(test.values())) for test in found if isinstance(test, dict)]


def counted_guard_names(schema_file: Path = GUARDS_SCHEMA) -> list[str]:
    """The guard tests in a schema file (default guards_schema.yml) that carry `meta: {expected_failures: N}`, in
    file order."""
    schema = yaml.safe_load(schema_file.read_text(encoding="utf-8"))
    return [
        test["name"]
        for model in schema["models"]
        for test in _tests_of(model)
        if "expected_failures" in ((test.get("config") or {}).get("meta") or {})
    ]


@dataclass(frozen=True)
class GuardRun:
    """What one guard test reported, beside the count its `meta.expected_failures` promises (None: no meta)."""

    status: str
    failures: int | None
    expected_failures: int | None


def guard_runs(result: DbtResult, prefix: str = "guards_") -> dict[str, GuardRun]:
    """Every <prefix>* test of a dbt run: dbt's status and failure count, and the expected count as dbt parsed
    it into the manifest (the test's `config.meta`)."""
    runs: dict[str, GuardRun] = {}
    for r in result.raw.result.results:
        node = r.node
        if node.resource_type != "test" or not node.name.startswith(prefix):
            continue
        expected = (node.config.meta or {}).get("expected_failures")
        runs[node.name] = GuardRun(status=str(r.status), failures=r.failures, expected_failures=expected)
    return runs


def guard_rows(project: DbtProject, result: DbtResult, name: str, columns: str) -> list[tuple[object, ...]]:
    """The failing rows one guard test returned (the given output columns), re-read from its compiled SQL."""
    for r in result.raw.result.results:
        if r.node.name == name:
            return [tuple(row) for row in query(project, f"select {columns} from ({r.node.compiled_code}) as g")]
    raise KeyError(f"no test named {name} in this run")


def failed_compile_log(project: DbtProject, call: str, vars: dict[str, Any] | None = None) -> str:
    """What dbt logged while `dbt compile --inline "{{ <call> }}"` failed (a bad argument's compile error, or a
    guard's run-time check: the inline call renders with execute on)."""
    return project.failed_log("compile", "--inline", "{{ " + call + " }}", vars=vars)
