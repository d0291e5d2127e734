"""The guards read the package's one clock, steadyflow.now(): var `steadyflow_now`, else run_started_at (UTC).

- Without the var, "now" is run_started_at in UTC even when the session's TimeZone is not UTC: the event times
  come from Python's UTC clock and dbt runs with TZ (DuckDB) and PGTZ (PostgreSQL) set to America/New_York,
  so a guard reading the session's local time would see them 4-5 hours off.
- With `steadyflow_now` pinned to a past moment, recency and grace periods are judged on that moment, as the
  incremental window is: a replayed or tested day gives the same verdict whenever it runs.
- Intervals are subtracted in Jinja (month and year ends clamp, as the warehouses' interval arithmetic does).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.support.dbt import DbtProject

NEW_YORK = {"TZ": "America/New_York", "PGTZ": "America/New_York"}
PINNED = {"steadyflow_now": "2024-03-10 12:00:00"}
PINNED_MODELS = ("guard_clock_pinned_orders", "guard_clock_pinned_customers")


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


def test_a_pinned_steadyflow_now_judges_recency_and_grace_periods_on_that_day(warehouse: DbtProject) -> None:
    warehouse.extra_env.update(NEW_YORK)

    res = warehouse.dbt("build", "-s", *PINNED_MODELS, vars=PINNED, expect=None)

    assert {name: res.failures[name] for name in res.failures if name.startswith("guard_clock_pinned_")} == {
        "guard_clock_pinned_orders": None,
        "guard_clock_pinned_customers": None,
        # recency: the newest order (10:55) is 65 minutes old at the pinned noon; the next day's is in its future
        "guard_clock_pinned_fresh_within_6_hours": 0,
        "guard_clock_pinned_stale_within_1_hour": 1,
        "guard_clock_pinned_fresh_within_1_month": 0,
        # grace: customer 7's orders (10:00, 11:00, next day) are too new to judge, customer 8's is an orphan
        "guard_clock_pinned_grace_1_day": 1,
        # a 1-hour grace period checks what was loaded by 11:00: customer 7's two orders and customer 8's
        "guard_clock_pinned_grace_1_hour": 3,
        "guard_clock_pinned_grace_1_week": 0,
    }


def test_without_the_pin_the_same_data_is_judged_by_todays_clock(warehouse: DbtProject) -> None:
    res = warehouse.dbt("build", "-s", *PINNED_MODELS, expect=None)

    # years later every order is old: stale, and every orphan row is past any grace period
    assert res.failures["guard_clock_pinned_fresh_within_6_hours"] == 1
    assert res.failures["guard_clock_pinned_stale_within_1_hour"] == 1
    assert res.failures["guard_clock_pinned_fresh_within_1_month"] == 1
    assert res.failures["guard_clock_pinned_grace_1_day"] == 4
    assert res.failures["guard_clock_pinned_grace_1_hour"] == 4
    assert res.failures["guard_clock_pinned_grace_1_week"] == 4


# steadyflow_now -> the literal _guard_time_ago(datepart, interval) renders
TIME_AGO = {
    "6 hours": ("2024-03-10 12:00:00", "hour", 6, "2024-03-10 06:00:00"),
    "90 minutes across midnight": ("2024-03-10 00:30:00", "minute", 90, "2024-03-09 23:00:00"),
    "1 week": ("2024-03-10 12:00:00", "week", 1, "2024-03-03 12:00:00"),
    "1 month from March 31 clamps to February 29": ("2024-03-31 12:00:00", "month", 1, "2024-02-29 12:00:00"),
    "13 months across a year": ("2024-01-31 00:00:00", "month", 13, "2022-12-31 00:00:00"),
    "1 year from a leap day clamps to February 28": ("2024-02-29 08:00:00", "year", 1, "2023-02-28 08:00:00"),
    "0 days is now": ("2024-03-10 12:00:00", "day", 0, "2024-03-10 12:00:00"),
}


@pytest.fixture(scope="module")
def compiler(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    return DbtProject(work_dir=tmp_path_factory.mktemp("guard_clock"), target="duckdb")


@pytest.mark.parametrize("now, datepart, interval, expected", list(TIME_AGO.values()), ids=list(TIME_AGO))
def test_intervals_are_subtracted_from_the_pinned_clock_in_jinja(
    compiler: DbtProject, now: str, datepart: str, interval: int, expected: str
) -> None:
    sql = f"select {{{{ steadyflow._guard_time_ago('{datepart}', {interval}) }}}} as stale_before"

    res = compiler.dbt("show", "--inline", sql, vars={"steadyflow_now": now})

    compiled = res.raw.result.results[0].node.compiled_code
    assert f"'{expected}" in compiled  # a literal (whatever its form), not the warehouse clock
    assert "now()" not in compiled


def test_an_interval_reaching_before_the_year_1_is_a_compile_error(compiler: DbtProject) -> None:
    sql = "select {{ steadyflow._guard_time_ago('year', 3000) }} as stale_before"

    log = compiler.failed_log("show", "--inline", sql, vars=PINNED)  # an inline query's error is only in the log
    assert "steadyflow: 3000 year(s) before 2024-03-10 12:00:00 is before the year 1" in log
