"""volume_drop_guard on 90 generated days (integration_tests/models/volume/volume_events.sql): weekends at 30% of
weekdays, 5% of events up to 3 days late, and one scenario per broken load. Each guard test there states its
failure count once, as `meta: {expected_failures: N}` (breaching buckets); the folder is built once per warehouse
with the clock pinned, and each guard is its own case, compared with the N dbt parsed into the manifest."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import WAREHOUSES, fresh_warehouse
from tests.guards.support import GuardRun, counted_guard_names, guard_rows, guard_runs
from tests.support.dbt import DbtProject, DbtResult
from tests.volume.support import PINNED_NOW, VOLUME, VOLUME_SCHEMA


@pytest.fixture(scope="module", params=WAREHOUSES)
def volume_built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, integration_deps: None
) -> tuple[DbtProject, DbtResult]:
    """One `dbt build` of the generated series and every volume guard on one warehouse, clock pinned."""
    work_dir: Path = tmp_path_factory.mktemp(f"volume_{request.param}")
    project = fresh_warehouse(request, request.param, work_dir)
    return project, project.dbt("build", "-s", VOLUME, vars=PINNED_NOW)


@pytest.mark.parametrize("guard", counted_guard_names(VOLUME_SCHEMA))
def test_the_guard_counts_its_scenario_exactly(volume_built: tuple[DbtProject, DbtResult], guard: str) -> None:
    run = guard_runs(volume_built[1], prefix="volume_")[guard]
    assert run.expected_failures is not None
    # clean scenarios pass; broken ones warn (severity: warn) with exactly the expected count
    assert (run.failures, run.status) == (run.expected_failures, "pass" if run.expected_failures == 0 else "warn")


def test_every_volume_guard_has_an_expected_count(volume_built: tuple[DbtProject, DbtResult]) -> None:
    runs: dict[str, GuardRun] = guard_runs(volume_built[1], prefix="volume_")
    missing = sorted(name for name, run in runs.items() if run.expected_failures is None)
    assert not missing, f"add `meta: {{expected_failures: N}}` to these tests in volume_schema.yml: {missing}"
    assert sorted(runs) == sorted(counted_guard_names(VOLUME_SCHEMA))


def test_a_partial_load_is_one_row_with_its_count_the_median_and_the_change(
    volume_built: tuple[DbtProject, DbtResult],
) -> None:
    project, result = volume_built
    columns = "bucket_start, row_count, baseline_median, baseline_buckets, change_percent, reason"
    assert guard_rows(project, result, "volume_partial_load", columns) == [
        (datetime(2024, 3, 11), 60, 100, 4, -40, "drop")
    ]


def test_the_earlier_incident_is_left_out_of_the_baseline(volume_built: tuple[DbtProject, DbtResult]) -> None:
    project, result = volume_built
    # 2 of the 4 Mondays before were 40% low too; both breached against their own baseline and are left out
    columns = "bucket_start, row_count, baseline_median, baseline_buckets, change_percent"
    rows = guard_rows(project, result, "volume_repeat_incident", columns)
    assert rows == [(datetime(2024, 3, 11), 60, 100, 2, -40)]


def test_an_empty_day_is_judged_while_still_settling(volume_built: tuple[DbtProject, DbtResult]) -> None:
    project, result = volume_built
    columns = "bucket_start, row_count, baseline_median, change_percent, reason"
    assert guard_rows(project, result, "volume_empty_latest", columns) == [
        (datetime(2024, 3, 14), 0, 100, -100, "empty")
    ]


def test_one_missing_region_is_named(volume_built: tuple[DbtProject, DbtResult]) -> None:
    project, result = volume_built
    rows = guard_rows(project, result, "volume_region_missing", "region, bucket_start, row_count, baseline_median")
    assert rows == [("eu", datetime(2024, 3, 11), 0, 50)]


def test_without_seasonality_the_weekend_breaches(volume_built: tuple[DbtProject, DbtResult]) -> None:
    project, result = volume_built
    rows = guard_rows(project, result, "volume_clean_week_no_seasonality", "bucket_start, row_count, change_percent")
    assert sorted(rows) == [(datetime(2024, 3, 9), 30, -70), (datetime(2024, 3, 10), 30, -70)]


def test_a_duplicate_load_is_a_rise(volume_built: tuple[DbtProject, DbtResult]) -> None:
    project, result = volume_built
    columns = "bucket_start, row_count, baseline_median, change_percent, reason"
    assert guard_rows(project, result, "volume_duplicated_rise", columns) == [
        (datetime(2024, 3, 11), 200, 100, 100, "rise")
    ]
