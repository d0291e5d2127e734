"""volume_drop_guard in history mode: the accuracy story of test_volume_accuracy.py over 30 recorded runs, one a
day, of tables without an event time (integration_tests/models/volume/history). The runs are written into the
package's steadyflow_row_count_history as the on-run-end hook writes them (the hook itself is proven by real runs
in test_row_count_history.py); each guard test states its failure count once, in `meta: {expected_failures: N}`."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import WAREHOUSES, fresh_warehouse
from tests.guards.support import counted_guard_names, guard_rows, guard_runs
from tests.support.dbt import INTEGRATION_DIR, DbtProject, DbtResult, query
from tests.volume.support import HISTORY_ON, PINNED_NOW, runs_of

HISTORY = "path:models/volume/history"
HISTORY_SCHEMA = INTEGRATION_DIR / "models" / "volume" / "history" / "volume_runs_schema.yml"
SCENARIOS = ["clean", "partial_load", "repeat_incident", "empty_latest", "wobble"]


def record_runs(project: DbtProject, scenario: str) -> None:
    """Thirty runs of volume_runs_<scenario>, one a day up to the pinned now, as the hook records them. The live
    table holds the newest run's count, so the guard leaves out that newest recorded row (the same load)."""
    newest = datetime.fromisoformat(PINNED_NOW["steadyflow_now"])
    schema = project.schema or "main"
    assert query(project, f"select count(*) from volume_runs_{scenario}") == [(runs_of(scenario)[0],)]
    for run, rows in enumerate(runs_of(scenario), start=1):
        query(
            project,
            "insert into steadyflow_row_count_history"
            " (model_name, schema_name, table_name, invocation_id, recorded_at, row_count)"
            f" values ('volume_runs_{scenario}', '{schema}', 'volume_runs_{scenario}', 'run-{run}',"
            f" timestamp '{newest - timedelta(days=run - 1)}', {rows})",
        )


@pytest.fixture(scope="module", params=WAREHOUSES)
def history_judged(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, integration_deps: None
) -> tuple[DbtProject, DbtResult]:
    work_dir: Path = tmp_path_factory.mktemp(f"volume_history_{request.param}")
    project = fresh_warehouse(request, request.param, work_dir)
    vars = {**HISTORY_ON, **PINNED_NOW}
    project.dbt("run", "-s", "steadyflow_row_count_history", HISTORY, vars=vars)
    query(project, "delete from steadyflow_row_count_history")  # the hook's record of the build above
    for scenario in SCENARIOS:
        record_runs(project, scenario)
    return project, project.dbt("test", "-s", HISTORY, vars=vars)


@pytest.mark.parametrize("guard", counted_guard_names(HISTORY_SCHEMA))
def test_the_guard_counts_its_recorded_runs_exactly(history_judged: tuple[DbtProject, DbtResult], guard: str) -> None:
    run = guard_runs(history_judged[1], prefix="volume_runs_")[guard]
    assert run.expected_failures is not None
    assert (run.failures, run.status) == (run.expected_failures, "pass" if run.expected_failures == 0 else "warn")


def test_the_earlier_incident_is_left_out_of_the_runs_baseline(history_judged: tuple[DbtProject, DbtResult]) -> None:
    project, result = history_judged
    columns = "bucket_start, row_count, baseline_median, baseline_buckets, change_percent, reason"
    rows = guard_rows(project, result, "volume_runs_repeat_incident", columns)
    assert rows == [(datetime(2024, 3, 15), 600, 1000, 2, -40, "drop")]


def test_history_tests_exist_only_with_the_history_on(history_judged: tuple[DbtProject, DbtResult]) -> None:
    project, _ = history_judged
    listed = project.dbt("ls", "-s", HISTORY, "--resource-type", "test")
    assert listed.raw.result == []
