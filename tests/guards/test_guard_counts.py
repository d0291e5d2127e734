"""Every guard and option passes on clean data and fails on broken data with the exact failure count.

The fixtures and guards live in integration_tests/models/guards (guards_schema.yml). Each guard test there
carries its expected failure count once, as `meta: {expected_failures: N}` (orphan rows for
relationship_guard, mismatched groups for row_count_guard with compare_model and parity_guard, 1 for broken
row bounds, stale groups for recency_guard). The guards are built once per warehouse and clock; each guard
is then its own case, named after it, comparing dbt's count with the N dbt parsed into the manifest.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.conftest import WAREHOUSES, fresh_warehouse
from tests.guards.support import GUARDS, GuardRun, counted_guard_names, guard_rows, guard_runs
from tests.support.dbt import DbtProject

# the fixtures' ages and the guards' "now" are both steadyflow.now(): a replayed day counts the same
CLOCKS = {"today": {}, "a pinned past day": {"steadyflow_now": "2024-01-10 12:00:00"}}
BUILDS = list(itertools.product(WAREHOUSES, CLOCKS))


@pytest.fixture(scope="module", params=BUILDS, ids=[f"{target}-{clock}" for target, clock in BUILDS])
def guards_built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, integration_deps: None
) -> dict[str, GuardRun]:
    """One `dbt build` of every guard and its fixtures on one warehouse with one clock."""
    target, clock = request.param
    work_dir: Path = tmp_path_factory.mktemp(f"guards_{target}")
    project = fresh_warehouse(request, target, work_dir)
    return guard_runs(project.dbt("build", "-s", GUARDS, vars=CLOCKS[clock]))


@pytest.mark.parametrize("guard", counted_guard_names())
def test_the_guard_counts_its_fixture_exactly(guards_built: dict[str, GuardRun], guard: str) -> None:
    run = guards_built[guard]
    assert run.expected_failures is not None
    # clean fixtures pass; broken ones warn (severity: warn) with exactly the expected count
    assert (run.failures, run.status) == (run.expected_failures, "pass" if run.expected_failures == 0 else "warn")


def test_every_guard_in_the_folder_has_an_expected_count(guards_built: dict[str, GuardRun]) -> None:
    missing = sorted(name for name, run in guards_built.items() if run.expected_failures is None)
    assert not missing, f"add `meta: {{expected_failures: N}}` to these tests in guards_schema.yml: {missing}"
    assert sorted(guards_built) == sorted(counted_guard_names())


def test_an_empty_model_is_one_stale_group_with_a_row_saying_so_grouped_or_not(warehouse: DbtProject) -> None:
    empty_checks = ("guards_recency_empty_model", "guards_recency_empty_model_groups")
    selection = ("guards_orders", "guards_orders_empty", *empty_checks)
    result = warehouse.dbt("build", "-s", *selection, "--indirect-selection", "empty")

    columns = "reason, latest_at, future_rows, stale_groups, checked_groups, stale_percent"
    for name in empty_checks:
        assert guard_rows(warehouse, result, name, columns) == [("model is empty", None, 0, 1, 1, 100)], name
    assert guard_rows(warehouse, result, "guards_recency_empty_model_groups", "source_system") == [(None,)]


def test_stale_groups_say_why(warehouse: DbtProject) -> None:
    result = warehouse.dbt("build", "-s", "guards_events")

    rows = guard_rows(warehouse, result, "guards_recency_per_source", "source_name, reason, future_rows")
    # c is quiet; d is quiet too, and its one row dated 2 days ahead does not count as fresh
    assert sorted(rows) == [("c", "newest row too old", 0), ("d", "newest row too old", 1)]
