"""Helpers for the comparison tests: the matches_relation fixtures in integration_tests/models/compare."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from tests.support.dbt import INTEGRATION_DIR, DbtProject, DbtResult, query

COMPARE = ("path:models/compare", "path:seeds/compare")
COMPARE_SCHEMA = INTEGRATION_DIR / "models" / "compare" / "compare_schema.yml"
# the per-column table's columns, in order
TABLE = "column_name, rows_only_in_a, rows_only_in_b, rows_differing, rows_matching"


@dataclass(frozen=True)
class CompareRun:
    """What one matches_relation test reported, beside what its meta promises."""

    status: str
    failures: int | None
    expected_failures: int | None
    expected_status: str


def counted_test_names(include_disabled: bool = False) -> list[str]:
    """The matches_relation tests of compare_schema.yml with `meta.expected_failures`, in file order."""
    schema = yaml.safe_load(COMPARE_SCHEMA.read_text(encoding="utf-8"))
    names = []
    for model in schema["models"]:
        for test in model.get("data_tests") or []:
            config = next(iter(test.values())).get("config") or {}
            if "expected_failures" in (config.get("meta") or {}) and (include_disabled or "enabled" not in config):
                names.append(next(iter(test.values()))["name"])
    return names


def compare_runs(result: DbtResult) -> dict[str, CompareRun]:
    runs: dict[str, CompareRun] = {}
    for r in result.raw.result.results:
        node = r.node
        if node.resource_type != "test" or not node.name.startswith("compare_"):
            continue
        meta: dict[str, Any] = node.config.meta or {}
        expected = meta.get("expected_failures")
        default_status = "pass" if expected == 0 else "warn"
        runs[node.name] = CompareRun(str(r.status), r.failures, expected, meta.get("expected_status", default_status))
    return runs


def comparison(project: DbtProject, call: str, columns: str = TABLE) -> list[tuple[Any, ...]]:
    """The rows of `{{ steadyflow.compare_relations(...) }}` (compiled by dbt, run on the warehouse), in order."""
    compiled = project.dbt("compile", "--inline", "{{ " + call + " }}").raw.result.results[0].node.compiled_code
    return [
        tuple(row)
        for row in query(project, f"select {columns} from ({compiled}) as c order by column_position, detail")
    ]


def failed_compile_log(project: DbtProject, inline: str) -> str:
    """What dbt logged for a `dbt compile --inline` that fails (a parse-time error reaches only the log)."""
    return project.failed_log("compile", "--inline", inline)
