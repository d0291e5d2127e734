"""`dbt build --empty`: every ref is an empty subquery. No guard may fail (or warn, for the broken fixtures)
spuriously there, and row counts and recency do not read any table."""

from __future__ import annotations

from tests.guards.support import GUARDS
from tests.support.dbt import DbtProject


def test_guards_pass_under_dbt_build_empty(warehouse: DbtProject) -> None:
    result = warehouse.dbt("build", "--empty", "-s", GUARDS)

    tests = {r.node.name: r for r in result.raw.result.results if r.node.resource_type == "test"}
    assert len(tests) > 50
    assert {name: str(r.status) for name, r in tests.items()} == dict.fromkeys(tests, "pass")
    for name in ("guards_rows_min_default", "guards_rows_clean_per_day", "guards_recency_per_source"):
        compiled = tests[name].node.compiled_code.lower()
        assert " from " not in compiled, f"{name} reads a table under --empty:\n{compiled}"
