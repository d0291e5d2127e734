"""Demo step: a partial load (40% of a day's events missing) caught by volume_drop_guard, and a clean week passing.

volume_events holds 90 generated days before the pinned now, weekends at 30% of weekdays and 5% of events up to 3
days late; each scenario is its own copy. The guard judges each day against the same weekday of the 4 weeks
before it, by the median, leaving the still-settling newest 3 days alone.
"""

from __future__ import annotations

from pathlib import Path

from guards import failing_rows, print_table

from tests.support.dbt import DbtProject, query

NOW = {"steadyflow_now": "2024-03-15 00:00:00"}  # a Friday: the judged day 4 is Monday 2024-03-11
PARTIAL_LOAD = "volume_partial_load"
CLEAN_WEEK = "volume_clean_week"


def run(workdir: Path) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    project = DbtProject(work_dir=workdir, target="duckdb")
    project.dbt("run", "-s", "volume_events", vars=NOW)
    days = query(
        project,
        "select cast(event_at as date) as day, count(*) from volume_events"
        " where scenario = 'partial_load' and event_at >= timestamp '2024-03-04'"
        " group by 1 order by 1",
    )
    print_table(
        "1. events per day, now = 2024-03-15 00:00 (Monday 03-11 lost 40%; 03-12..14 still settling)",
        ["day", "events"],
        days,
    )

    result = project.dbt("test", "-s", PARTIAL_LOAD, CLEAN_WEEK, "--log-level", "none", vars=NOW, expect=None)
    print_table(
        "2. volume_drop_guard (seasonality: weekday)",
        ["test", "status", "failures"],
        [(name, result.statuses[name], result.failures[name]) for name in (PARTIAL_LOAD, CLEAN_WEEK)],
    )
    assert result.statuses[PARTIAL_LOAD] == "warn", "the partial load should have been caught"
    assert result.statuses[CLEAN_WEEK] == "pass", result.text
    header, rows = failing_rows(project, result, PARTIAL_LOAD)
    keep = ["bucket_start", "row_count", "baseline_median", "baseline_buckets", "change_percent", "reason"]
    print_table(
        f"{PARTIAL_LOAD}: the breaching day against the median of its 4 Mondays",
        keep,
        [tuple(row[header.index(name)] for name in keep) for row in rows],
    )
    print("\na clean week (judge: 7) passes: Saturday and Sunday are compared with Saturdays and Sundays")
