"""The window is the same UTC instants whatever the session time zone and the event column's type.

raw_events holds each event twice, as a naive UTC timestamp (events_naive) and as a timestamp with time zone
(events_tz). The session runs in a zone west of UTC (America/New_York, -05:00) or east with a half-hour
offset (Asia/Kolkata, +05:30), set the way a user sets it: `settings: {TimeZone: ...}` in the dbt-duckdb
profile, the PGTZ environment variable for PostgreSQL (read by libpq). Both models use the hour grain.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.late_data.project_copy import project_in_zone
from tests.support.dbt import DbtProject, query

START = datetime(2024, 1, 1)
MODELS = ("events_naive", "events_tz")


def land(project: DbtProject, events: dict[int, datetime]) -> None:
    values = ", ".join(
        f"({i}, timestamp '{at:%Y-%m-%d %H:%M:%S}', timestamptz '{at:%Y-%m-%d %H:%M:%S}+00')"
        for i, at in events.items()
    )
    query(project, f"insert into raw_events values {values}")


def in_zone(base: DbtProject, work_dir: Path, zone: str) -> DbtProject:
    return project_in_zone(base, work_dir, zone)


def ids(project: DbtProject, model: str) -> list[int]:
    return sorted(r[0] for r in query(project, f"select event_id from {model}"))


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Kolkata"])
def test_bounds_are_the_same_utc_instants_in_any_session_time_zone(
    warehouse: DbtProject, tmp_path: Path, zone: str
) -> None:
    project = in_zone(warehouse, tmp_path, zone)
    project.dbt("run", "-s", "events_naive", vars={"steadyflow_now": "2024-01-02 23:50"})  # creates raw_events
    query(project, "drop table events_naive")
    # Every 20 minutes from 2024-01-01 00:00 UTC to 2024-01-02 23:40 UTC: 144 events.
    first = {i: START + timedelta(minutes=20 * i) for i in range(144)}
    land(project, first)

    project.dbt("run", "-s", *MODELS, vars={"steadyflow_now": "2024-01-02 23:50"})
    for model in MODELS:  # begin='2024-01-01' is 00:00 UTC: the first hours are there too
        assert ids(project, model) == list(range(144)), model

    # The newest event is 23:40 UTC: hour grain -> 23:00, minus 1 day -> the window starts 2024-01-01 23:00 UTC.
    # Two late events: 23:10 UTC (inside the window) and 22:50 UTC (before it, left for a backfill).
    land(project, {1000: datetime(2024, 1, 1, 23, 10), 1001: datetime(2024, 1, 1, 22, 50)})
    project.dbt("run", "-s", *MODELS, vars={"steadyflow_now": "2024-01-03 00:30"})

    for model in MODELS:
        assert ids(project, model) == [*range(144), 1000], model
    for model, column in (("events_naive", "event_at"), ("events_tz", "event_at_tz")):
        sql = next((project.work_dir / "target" / "run").rglob(f"{model}.sql")).read_text()
        assert f"{column} >= '2024-01-01 23:00:00+00' and {column} < '2024-01-04 00:30:00+00'" in sql, model
