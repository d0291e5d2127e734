"""guard_now is UTC wall-clock time, the clock of run_started_at, even when the session's TimeZone is not UTC.

The event times come from Python's UTC clock, not from guard_now, and dbt runs with TZ (DuckDB) and PGTZ
(PostgreSQL) set to America/New_York, so a guard reading the session's local time sees them 4-5 hours off.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.support.dbt import DbtProject

NEW_YORK = {"TZ": "America/New_York", "PGTZ": "America/New_York"}


def utc_hours_ago(hours: int) -> str:
    return (datetime.now(UTC) - timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M:%S")


def test_recency_guard_measures_age_in_utc_under_a_new_york_session(warehouse: DbtProject) -> None:
    warehouse.extra_env.update(NEW_YORK)
    vars = {"guard_clock_fresh_at": utc_hours_ago(1), "guard_clock_stale_at": utc_hours_ago(3)}

    res = warehouse.dbt("build", "-s", "guard_clock_events", vars=vars, expect=None)

    # interval 2 hours: the event 1 hour old (UTC) is fresh, the one 3 hours old is 1 stale group
    assert res.failures["guard_clock_fresh_within_2_hours"] == 0
    assert res.statuses["guard_clock_fresh_within_2_hours"] == "pass"
    assert res.failures["guard_clock_stale_within_2_hours"] == 1
    assert res.statuses["guard_clock_stale_within_2_hours"] == "fail"
