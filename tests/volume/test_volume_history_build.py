"""History mode in the daily `dbt build`: the guard judges the tested table's live count (count(*) now) against
the recorded runs, so the build that publishes a partial load fails its own guard (the on-run-end hook records
only after the tests ran), the next clean build passes, and a separate `dbt run` then `dbt test` (whose run was
recorded already: that newest recorded row, equal to the live count, is left out) gives the same verdict. A
`dbt build --empty` leaves the next normal build judging (its ref() to the history does not depend on --empty)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.support.dbt import DbtProject

ON = {"steadyflow_row_count_history": True}
FIRST_DAY = datetime(2024, 3, 1, 6, 0)
GUARD = "volume_history_daily_load"  # volume_schema.yml: mode history, baseline 4


def day_vars(day: int, rows: int) -> dict[str, object]:
    return {**ON, "steadyflow_now": (FIRST_DAY + timedelta(days=day)).isoformat(sep=" "), "volume_daily_rows": rows}


def build(project: DbtProject, day: int, rows: int, *flags: str) -> tuple[str, int | None]:
    result = project.dbt("build", *flags, "-s", "volume_daily_load", vars=day_vars(day, rows), expect=None)
    return result.statuses[GUARD], result.failures[GUARD]


def test_a_build_that_publishes_a_partial_load_fails_its_own_guard_and_the_next_clean_build_passes(
    warehouse: DbtProject,
) -> None:
    warehouse.dbt("run", "-s", "steadyflow_row_count_history", vars=ON)
    first_days = [build(warehouse, day, 100) for day in range(4)]
    assert first_days == [("pass", 0)] * 4  # day 0 has no recorded run before it: not judged

    assert build(warehouse, 4, 60) == ("fail", 1)  # 60 live rows against the median of 4 runs of 100
    assert build(warehouse, 5, 100) == ("pass", 0)  # the recorded 60 breached its own baseline: left out


def test_dbt_run_then_dbt_test_gives_the_verdict_of_dbt_build(warehouse: DbtProject) -> None:
    warehouse.dbt("run", "-s", "steadyflow_row_count_history", vars=ON)
    for day in range(4):
        warehouse.dbt("run", "-s", "volume_daily_load", vars=day_vars(day, 100))
    warehouse.dbt("run", "-s", "volume_daily_load", vars=day_vars(4, 60))  # recorded before the test runs

    tested = warehouse.dbt("test", "-s", "volume_daily_load", vars=day_vars(4, 60), expect=False)
    assert (tested.statuses[GUARD], tested.failures[GUARD]) == ("fail", 1)

    warehouse.dbt("run", "-s", "volume_daily_load", vars=day_vars(5, 100))
    tested = warehouse.dbt("test", "-s", "volume_daily_load", vars=day_vars(5, 100))
    assert (tested.statuses[GUARD], tested.failures[GUARD]) == ("pass", 0)


def test_an_empty_build_leaves_the_next_build_judging(warehouse: DbtProject) -> None:
    warehouse.dbt("run", "-s", "steadyflow_row_count_history", vars=ON)
    for day in range(4):
        build(warehouse, day, 100)

    assert build(warehouse, 4, 60, "--empty") == ("pass", 0)  # nothing read, nothing recorded
    assert build(warehouse, 4, 60) == ("fail", 1)  # same vars: the partial parse of the --empty run is reused
    assert build(warehouse, 5, 100) == ("pass", 0)
