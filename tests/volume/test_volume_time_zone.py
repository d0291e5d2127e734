"""volume_drop_guard cuts UTC buckets from a `timestamp with time zone` column whatever the session's time zone.

A copy of the partial-load scenario holds event_at as timestamptz, and the session runs in Asia/Kolkata (UTC+5:30,
so both days and hours would move if the buckets were cut in the session's zone), set as a user sets it (the
dbt-duckdb profile's TimeZone setting, PGTZ for PostgreSQL). The guard reads each row's bucket from its epoch, so
the counts and the breaching day are those of the UTC run (test_volume_accuracy.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.guards.support import guard_rows
from tests.late_data.project_copy import project_in_zone
from tests.support.dbt import DbtProject
from tests.volume.support import PINNED_NOW

ZONED_EVENTS = """\
select
    region,
    cast(cast(event_at as {{ dbt.type_string() }}) || '+00' as timestamp with time zone) as event_at
from {{ ref('volume_events') }}
where scenario = 'partial_load'
"""
GUARDS = """\
version: 2
models:
  - name: volume_tz_events
    data_tests:
      - steadyflow.volume_drop_guard:
          name: volume_tz_partial_load
          arguments: {event_time: event_at, seasonality: weekday}
      - steadyflow.volume_drop_guard:
          name: volume_tz_partial_load_hourly
          arguments: {event_time: event_at, grain: hour, seasonality: weekday, settle: 72, judge: 24, baseline: 672}
"""


def add_zoned_events(project_dir: Path) -> None:
    folder = project_dir / "models" / "volume_tz"
    folder.mkdir()
    (folder / "volume_tz_events.sql").write_text(ZONED_EVENTS)
    (folder / "volume_tz.yml").write_text(GUARDS)


def test_a_timestamptz_column_is_bucketed_in_utc_under_a_kolkata_session(warehouse: DbtProject, tmp_path: Path) -> None:
    project = project_in_zone(warehouse, tmp_path, "Asia/Kolkata", add_zoned_events)

    result = project.dbt("build", "-s", "volume_events", "volume_tz_events", vars=PINNED_NOW, expect=False)

    assert result.failures["volume_tz_partial_load"] == 1
    assert result.failures["volume_tz_partial_load_hourly"] == 14
    rows = guard_rows(project, result, "volume_tz_partial_load", "bucket_start, row_count, baseline_median")
    assert rows == [(datetime(2024, 3, 11), 60, 100)]
