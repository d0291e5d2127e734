"""recency_guard and relationship_guard's grace_period judge a `timestamp with time zone` column in UTC.

The orders of guard_clock_pinned_orders (around 2024-03-10 12:00 UTC) are held as timestamptz, and the session
runs in America/New_York (UTC-4 that day), set the way a user sets it: `settings: {TimeZone: ...}` in the
dbt-duckdb profile, PGTZ for PostgreSQL. The guards compare the column itself with an untyped UTC literal
(steadyflow.utc_literal), so the zone changes nothing. Casting the column to a naive timestamp, as the guards
once did, read it in New York time: the newest order (10:55 UTC) looked 5 hours old, so the 2-hour recency
guard failed (1 stale group), and the 3-hour grace period ended at 09:00 New York = 13:00 UTC, so customer 7's
two orders loaded at 10:00 and 11:00 UTC counted as orphans too (3 instead of 1).
"""

from __future__ import annotations

from pathlib import Path

from tests.guards.time_zone_project import in_new_york_with_zoned_orders
from tests.support.dbt import DbtProject

PINNED = {"steadyflow_now": "2024-03-10 12:00:00"}


def test_a_timestamptz_column_is_judged_in_utc_under_a_new_york_session(warehouse: DbtProject, tmp_path: Path) -> None:
    project = in_new_york_with_zoned_orders(warehouse, tmp_path)

    project.dbt("run", "-s", "guard_clock_pinned_orders", "guard_clock_pinned_customers")
    res = project.dbt("build", "-s", "guard_tz_orders", vars=PINNED, expect=None)

    assert {name: res.failures[name] for name in res.failures if name.startswith("guard_tz_")} == {
        "guard_tz_orders": None,
        # the newest order (10:55 UTC) is 65 minutes old at the pinned noon
        "guard_tz_fresh_within_2_hours": 0,
        "guard_tz_stale_within_1_hour": 1,
        # loaded by 09:00 UTC: only customer 8's order (loaded two days before) is an orphan
        "guard_tz_grace_3_hours": 1,
        "guard_tz_grace_1_day": 1,
    }
