"""replace_window and lookback_window on Apache Spark (Parquet, day partitions), against the same model file
on DuckDB: integration_tests/models/partitioned/orders_daily.sql, unchanged. Each scenario of tests/late_data
(exactly once in the window, four skipped runs caught up, a backfill run twice, a day deleted upstream,
rows outside the window) runs on both engines, so "same file, same rows" is what is asserted."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from tests.spark.daily_orders import (
    MODEL,
    add_to_amounts,
    compiled,
    count_on,
    create_daily,
    delete_day,
    insert_daily,
    land_and_run,
    rows,
)
from tests.support.dbt import DbtProject
from tests.support.orders_stream import day, end_of, generate_orders

WINDOW = {"backfill_start": "2024-01-04", "backfill_end": "2024-01-08"}  # days 3, 4, 5, 6
IN_WINDOW = "order_date >= date '2024-01-04' and order_date < date '2024-01-08'"
OUTSIDE = f"not ({IN_WINDOW})"


def test_every_order_up_to_three_days_late_lands_exactly_once(engine: DbtProject) -> None:
    orders = generate_orders(days=9, per_day=100)
    assert Counter(o.days_late for o in orders)[5] == 9
    create_daily(engine)
    for d in range(9):
        land_and_run(engine, orders, d)

    ids = [r[0] for r in rows(engine)]
    assert len(ids) == len(set(ids)) == 891
    assert sorted(ids) == sorted(o.order_id for o in orders if o.days_late <= 3)
    res = engine.dbt("test", "-s", MODEL, vars={"steadyflow_now": end_of(day(8))})
    assert res.failures["orders_daily_late_rows_missed"] == 9

    five_late = sorted({o.ordered_at.date() for o in orders if o.days_late == 5})
    engine.dbt(
        "run",
        "-s",
        MODEL,
        vars={"backfill_start": five_late[0].isoformat(), "backfill_end": (five_late[-1] + timedelta(1)).isoformat()},
    )
    assert [r[0] for r in rows(engine)] == [o.order_id for o in orders]
    res = engine.dbt("test", "-s", MODEL, vars={"steadyflow_now": end_of(day(8))})
    assert res.failures["orders_daily_late_rows_missed"] == 0


def test_four_skipped_daily_runs_are_caught_up_by_the_next_run(engine: DbtProject) -> None:
    orders = generate_orders(days=10, late_5=0, seed=11)
    create_daily(engine)
    insert_daily(engine, [o for o in orders if o.loaded_on <= day(3)])
    engine.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(3))})
    land_and_run(engine, orders, 4)
    for d in range(5, 9):
        insert_daily(engine, [o for o in orders if o.loaded_on == day(d)])
    land_and_run(engine, orders, 9)

    # the last run looked back from day 4 (2024-01-05) minus 3 days; on Spark its end is rounded up to midnight
    assert "order_date >= date '2024-01-02'" in compiled(engine)
    ids = [r[0] for r in rows(engine)]
    assert ids == [o.order_id for o in orders]


def test_a_backfill_replaces_exactly_its_days_empties_a_deleted_day_and_is_idempotent(engine: DbtProject) -> None:
    orders = generate_orders(days=10, late_5=0)
    create_daily(engine)
    insert_daily(engine, orders)
    engine.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(9)), "late_data_begin": "2024-01-01"})
    assert len(rows(engine)) == 500

    # Upstream: day 5 deleted, day 4 corrected, day 1 changed too but outside the backfill window.
    delete_day(engine, 5)
    add_to_amounts(engine, 4, 1)
    add_to_amounts(engine, 1, 7)
    outside_before = rows(engine, where=OUTSIDE)
    assert len(outside_before) == 300

    engine.dbt("run", "-s", MODEL, vars=WINDOW)

    assert count_on(engine, 5) == 0
    assert rows(engine, where=IN_WINDOW) == rows(engine, "raw_orders_daily", IN_WINDOW)
    assert len(rows(engine, where=IN_WINDOW)) == 150
    assert rows(engine, where=OUTSIDE) == outside_before
    first = rows(engine)
    engine.dbt("run", "-s", MODEL, vars=WINDOW)
    assert rows(engine) == first
    assert len(first) == 450
