"""Every guard in integration_tests/models/guards runs on Spark with the failure count its
`meta: {expected_failures: N}` states, the same fixtures and the same counts as on DuckDB and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.guards.support import GUARDS, GuardRun, counted_guard_names, guard_runs
from tests.support.spark import SparkEngine, spark_project

CLOCKS = {"today": {}, "a pinned past day": {"steadyflow_now": "2024-01-10 12:00:00"}}


@pytest.fixture(scope="module", params=list(CLOCKS))
def guards_built(
    request: pytest.FixtureRequest, spark_engine: SparkEngine, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, GuardRun]:
    """One `dbt build` of every guard and its fixtures on Spark with one clock."""
    project = spark_project(spark_engine, tmp_path_factory.mktemp("guards_spark"))
    return guard_runs(project.dbt("build", "-s", GUARDS, vars=CLOCKS[request.param]))


@pytest.mark.parametrize("guard", counted_guard_names())
def test_the_guard_counts_its_fixture_exactly_on_spark(guards_built: dict[str, GuardRun], guard: str) -> None:
    run = guards_built[guard]
    assert run.expected_failures is not None
    assert (run.failures, run.status) == (run.expected_failures, "pass" if run.expected_failures == 0 else "warn")


def test_every_guard_ran_on_spark(guards_built: dict[str, GuardRun]) -> None:
    assert sorted(guards_built) == sorted(counted_guard_names())
