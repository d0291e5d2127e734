"""History mode for tables without an event time: with the var steadyflow_row_count_history on, the package's
on-run-end hook steadyflow.record_row_counts() appends the row count of every table model the run built (not
views, nothing under --empty) to the package model steadyflow_row_count_history (incremental, full_refresh:
false), and volume_drop_guard(mode: history) reads one bucket per recorded run. Off, the model does not exist."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.support.dbt import DbtProject, query

ON = {"steadyflow_row_count_history": True}
FIRST_DAY = datetime(2024, 3, 1, 6, 0)


def recorded(project: DbtProject) -> list[tuple[object, ...]]:
    return query(
        project,
        "select table_name, recorded_at, row_count from steadyflow_row_count_history order by recorded_at, table_name",
    )


def daily_run(project: DbtProject, day: int, rows: int = 100, *models: str) -> None:
    at = FIRST_DAY + timedelta(days=day)
    vars = {**ON, "steadyflow_now": at.isoformat(sep=" "), "volume_daily_rows": rows}
    project.dbt("run", "-s", "volume_daily_load", *models, vars=vars)


def test_each_run_appends_the_row_count_of_every_table_it_built(warehouse: DbtProject) -> None:
    warehouse.dbt("run", "-s", "steadyflow_row_count_history", vars=ON)
    daily_run(warehouse, 0, 100, "volume_events", "volume_events_poisoned")
    day_1_events = query(warehouse, "select count(*) from volume_events")[0][0]
    daily_run(warehouse, 1, 90)

    # volume_events_poisoned is a view: not counted
    assert recorded(warehouse) == [
        ("volume_daily_load", FIRST_DAY, 100),
        ("volume_events", FIRST_DAY, day_1_events),
        ("volume_daily_load", FIRST_DAY + timedelta(days=1), 90),
    ]


def test_empty_builds_record_nothing_and_full_refresh_keeps_the_history(warehouse: DbtProject) -> None:
    warehouse.dbt("run", "-s", "steadyflow_row_count_history", vars=ON)
    daily_run(warehouse, 0)

    warehouse.dbt("build", "--empty", "-s", "volume_daily_load", "steadyflow_row_count_history", vars=ON)
    warehouse.dbt("run", "--full-refresh", "-s", "volume_daily_load", "steadyflow_row_count_history", vars=ON)

    counts = [row[2] for row in recorded(warehouse) if row[0] == "volume_daily_load"]
    assert counts == [100, 100]  # the --empty build added nothing; the full refresh kept the first run


def test_a_partial_load_after_four_runs_is_caught(warehouse: DbtProject) -> None:
    warehouse.dbt("run", "-s", "steadyflow_row_count_history", vars=ON)
    for day in range(4):
        daily_run(warehouse, day)
    daily_run(warehouse, 4, 60)

    # the guard (mode: history, baseline: 4): the newest run's 60 rows against the median of the 4 runs before
    now = {**ON, "steadyflow_now": (FIRST_DAY + timedelta(days=4, hours=1)).isoformat(sep=" ")}
    result = warehouse.dbt("test", "-s", "volume_history_daily_load", vars=now, expect=False)

    assert (result.statuses["volume_history_daily_load"], result.failures["volume_history_daily_load"]) == ("fail", 1)


def test_off_by_default_the_model_is_disabled_and_nothing_is_recorded(warehouse: DbtProject) -> None:
    listed = warehouse.dbt("ls", "-s", "steadyflow_row_count_history")
    assert listed.raw.result == []

    warehouse.dbt("run", "-s", "volume_daily_load")

    assert query(warehouse, "select count(*) from volume_daily_load") == [(100,)]
    tables = query(
        warehouse,
        "select count(*) from information_schema.tables where table_name = 'steadyflow_row_count_history'"
        f" and table_schema = '{warehouse.schema or 'main'}'",
    )
    assert tables == [(0,)]
