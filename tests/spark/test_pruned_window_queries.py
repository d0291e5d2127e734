"""With `partition_column`, lookback_window's two metadata queries read only a few partitions (on Spark a scan of
every day partition costs seconds: docs/benchmarks.md), and still find what the whole table holds: the newest
row of a table whose pipeline was paused for two weeks (found outside the 7 days first looked at), a future-dated
row in the target, and every source row without an event time (in the window's days or with no date at all).
Each runs on Spark and on DuckDB with the same model file (integration_tests/models/partitioned/orders_daily.sql)."""

from __future__ import annotations

import re

from tests.spark.daily_orders import MODEL, built, compiled, create_daily, insert_daily, land_and_run, rows
from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import day, end_of, generate_orders


def log(project: DbtProject) -> str:
    return (project.work_dir / "logs" / "dbt.log").read_text()


def test_a_pipeline_paused_for_two_weeks_looks_back_from_its_newest_day(engine: DbtProject) -> None:
    orders = generate_orders(days=20, late_5=0, seed=3)
    create_daily(engine)
    insert_daily(engine, [o for o in orders if o.loaded_on <= day(5)])
    engine.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(5))})
    for d in range(6, 19):
        insert_daily(engine, [o for o in orders if o.loaded_on == day(d)])
    land_and_run(engine, orders, 19)

    # the newest order in the table (day 5, 2024-01-06) is 14 days before the run: not in the 7 days first
    # queried, so it is found in the whole table; the window starts 3 days before it, not at `begin`
    sql = compiled(engine)
    assert "mode=lookback" in sql
    assert "order_date >= date '2024-01-03'" in sql
    ids = [r[0] for r in rows(engine)]
    assert ids == sorted(o.order_id for o in orders)


def test_a_future_dated_row_in_the_target_is_counted_by_the_pruned_query(engine: DbtProject) -> None:
    built(engine, days=6)
    # the run's bound is now (2024-01-06 23:00) + 1 day: one stray row 30 minutes after it, one in 2030
    query(
        engine,
        f"insert into {MODEL} values (9998, 1, 1.00, timestamp '2030-01-02 08:00:00', date '2030-01-02'),"
        " (9997, 1, 1.00, timestamp '2024-01-07 23:30:00', date '2024-01-07')",
    )
    engine.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(5))})

    assert re.search(r"steadyflow\.lookback_window: 2 row\(s\) of \S+ have ordered_at at or after", log(engine))
    assert "order_date >= date '2024-01-03'" in compiled(engine)  # the window did not move


def test_every_source_row_without_an_event_time_is_reported_in_the_window_or_without_a_date(
    engine: DbtProject,
) -> None:
    orders = generate_orders(days=6, late_5=0)
    create_daily(engine)
    insert_daily(engine, orders)
    engine.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(4))})
    # two rows without any date, one with a null ordered_at filed under a day of the next run's window
    query(
        engine,
        "insert into raw_orders_daily values (9001, 1, 1.00, null, date '2024-01-06', null),"
        " (9002, 1, 1.00, null, date '2024-01-06', null), (9003, 1, 1.00, null, date '2024-01-06', date '2024-01-05')",
    )
    engine.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(5))})

    assert re.search(r"steadyflow\.lookback_window: 3 row\(s\) of \S+ have a null ordered_at", log(engine))
    assert len(rows(engine)) == 300
