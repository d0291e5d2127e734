"""Daily runs over a stream where 5% of orders arrive 1-3 days late and 1% arrive 5 days late.

The three integration models (replace_window, delete+insert, merge) share one 3-day lookback window.
Each "day" lands that day's arrivals in raw_orders, then runs dbt with `steadyflow_now` pinned to the
evening of that day, so nothing depends on the wall clock.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import (
    MODELS,
    create_raw_orders,
    day,
    end_of,
    generate_orders,
    insert_orders,
    table_fingerprint,
)

LATE_CHECK = "orders_replace_window_late_rows_missed"


def run_day(project: DbtProject, orders: list, d: int) -> None:
    insert_orders(project, [o for o in orders if o.loaded_on == day(d)])
    project.dbt("run", "-s", *MODELS, vars={"steadyflow_now": end_of(day(d))})


def order_ids(project: DbtProject, model: str) -> list[int]:
    return [r[0] for r in query(project, f"select order_id from {model}")]


def test_every_order_up_to_three_days_late_lands_exactly_once_and_the_check_counts_the_rest(
    warehouse: DbtProject,
) -> None:
    orders = generate_orders(days=9, per_day=100)
    lateness = Counter(o.days_late for o in orders)
    assert (len(orders), lateness[1] + lateness[2] + lateness[3], lateness[5]) == (900, 45, 9)
    create_raw_orders(warehouse)

    for d in range(9):
        run_day(warehouse, orders, d)

    five_days_late = {o.order_id for o in orders if o.days_late == 5}
    expected = sorted(o.order_id for o in orders if o.days_late <= 3)
    assert len(expected) == 891
    for model in MODELS:
        ids = order_ids(warehouse, model)
        assert len(ids) == len(set(ids)) == 891, model  # no duplicates
        assert sorted(ids) == expected, model  # every row up to 3 days late, none of the 5-days-late rows
        assert not five_days_late & set(ids)
    fingerprints = {table_fingerprint(warehouse, m)[1] for m in MODELS}
    assert len(fingerprints) == 1  # the three strategies built the same table

    # The last run (day 8) looked back from the newest loaded order (day 7, 2024-01-08) truncated to the
    # day: the bound is a literal in the compiled SQL, not a subquery.
    compiled = next((warehouse.work_dir / "target" / "compiled").rglob("orders_replace_window.sql")).read_text()
    assert "ordered_at >= '2024-01-05 00:00:00+00'" in compiled
    assert "ordered_at < '2024-01-10 23:00:00+00'" in compiled
    assert "max(" not in compiled

    # The documented check: per event date, source rows vs model rows. It counts exactly the 9 orders
    # that arrived 5 days late.
    res = warehouse.dbt("test", "-s", "orders_replace_window", vars={"steadyflow_now": end_of(day(8))})
    assert res.failures[LATE_CHECK] == 9
    assert res.statuses[LATE_CHECK] == "warn"

    # Recovering them: a backfill of the dates the check reported.
    dates = sorted({o.ordered_at.date() for o in orders if o.order_id in five_days_late})
    vars = {"backfill_start": dates[0].isoformat(), "backfill_end": (dates[-1] + timedelta(days=1)).isoformat()}
    warehouse.dbt("run", "-s", "orders_replace_window", vars=vars)
    assert sorted(order_ids(warehouse, "orders_replace_window")) == sorted(o.order_id for o in orders)
    res = warehouse.dbt("test", "-s", "orders_replace_window", vars={"steadyflow_now": end_of(day(8))})
    assert res.failures[LATE_CHECK] == 0


def test_four_skipped_daily_runs_are_caught_up_by_the_next_run(warehouse: DbtProject) -> None:
    orders = generate_orders(days=10, late_5=0, seed=11)
    create_raw_orders(warehouse)
    # Days 0-3 arrive and the first build loads them; day 4 runs as usual.
    insert_orders(warehouse, [o for o in orders if o.loaded_on <= day(3)])
    warehouse.dbt("run", "-s", *MODELS, vars={"steadyflow_now": end_of(day(3))})
    run_day(warehouse, orders, 4)
    for d in range(5, 9):  # days 5-8: orders keep arriving, the job does not run
        insert_orders(warehouse, [o for o in orders if o.loaded_on == day(d)])
    run_day(warehouse, orders, 9)

    # dbt's microbatch (lookback=3) would reprocess days 6-9 only, counted back from the run: orders placed
    # on day 5 would be lost. The lookback counts from the newest loaded order (day 4): all are here.
    skipped_by_clock = [o for o in orders if day(5) <= o.ordered_at.date() < day(9) - timedelta(days=3)]
    assert len(skipped_by_clock) == 50
    compiled = next((warehouse.work_dir / "target" / "compiled").rglob("orders_replace_window.sql")).read_text()
    assert "ordered_at >= '2024-01-02 00:00:00+00'" in compiled  # day 4 (2024-01-05) minus 3 days
    for model in MODELS:
        ids = order_ids(warehouse, model)
        assert len(ids) == len(set(ids)) == 500, model
        assert sorted(ids) == [o.order_id for o in orders], model


def test_rows_dated_beyond_the_future_cap_are_left_out_and_reported(warehouse: DbtProject) -> None:
    orders = generate_orders(days=3, per_day=20, late_1_to_3=0, late_5=0)
    create_raw_orders(warehouse)
    insert_orders(warehouse, orders)
    # Three orders with a clock-skewed timestamp 2 days after "now" (the cap is now + 1 day).
    query(
        warehouse,
        "insert into raw_orders values (901, 1, 1.00, timestamp '2024-01-05 12:00:00', date '2024-01-03'),"
        " (902, 1, 1.00, timestamp '2024-01-05 13:00:00', date '2024-01-03'),"
        " (903, 1, 1.00, timestamp '2024-01-06 00:00:00', date '2024-01-03')",
    )
    warehouse.dbt("run", "-s", "orders_replace_window", vars={"steadyflow_now": end_of(day(2))})

    assert table_fingerprint(warehouse, "orders_replace_window")[0] == 60
    log = (warehouse.work_dir / "logs" / "dbt.log").read_text()
    assert (
        "steadyflow.lookback_window: 3 row(s) of" in log
        and "have ordered_at >= '2024-01-04 23:00:00+00' (now + future_days=1) and were left out of" in log
    )


def test_the_lookback_counts_whole_grains_back_from_the_newest_loaded_event(warehouse: DbtProject) -> None:
    """grain truncates the newest loaded event before the lookback: week -> Monday, hour -> the hour."""
    orders = generate_orders(days=10, per_day=20, late_1_to_3=0, late_5=0)
    create_raw_orders(warehouse)
    insert_orders(warehouse, orders)
    warehouse.dbt("run", "-s", "orders_replace_window", vars={"steadyflow_now": end_of(day(9))})
    newest = max(o.ordered_at for o in orders)
    assert (newest.date(), newest.hour) == (day(9), 22)  # 2024-01-10 (a Wednesday) 22:xx

    compiled_sql = {}
    for grain in ("week", "hour"):
        warehouse.dbt("compile", "-s", "orders_replace_window", vars={"late_data_grain": grain})
        path = next((warehouse.work_dir / "target" / "compiled").rglob("orders_replace_window.sql"))
        compiled_sql[grain] = path.read_text()
    # week: Monday 2024-01-08 minus 3 days; hour: 2024-01-10 22:00 minus 3 days.
    assert "ordered_at >= '2024-01-05 00:00:00+00'" in compiled_sql["week"]
    assert "ordered_at >= '2024-01-07 22:00:00+00'" in compiled_sql["hour"]
