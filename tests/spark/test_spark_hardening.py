"""The hardening rules of tests/late_data hold on Spark too: `--empty` changes nothing, the window is the same
UTC instants whatever spark.sql.session.timeZone says, a row dated in the future (in the source or in the
target) can neither stall the window nor be loaded early, and `--full-refresh` with backfill vars is refused
before anything is built."""

from __future__ import annotations

from pathlib import Path

from tests.spark.daily_orders import MODEL, built, compiled, count_on, create_daily, insert_daily, land_and_run, rows
from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import day, end_of, generate_orders
from tests.support.spark import SparkEngine, spark_project


def test_an_empty_build_changes_nothing(spark: DbtProject) -> None:
    built(spark, days=6)
    before = rows(spark)
    assert len(before) == 300

    spark.dbt("build", "--empty", "-s", MODEL, vars={"steadyflow_now": end_of(day(5))})
    spark.dbt("build", "--empty", "-s", MODEL, vars={"backfill_date": day(2).isoformat()})

    assert rows(spark) == before


def test_a_full_refresh_with_backfill_vars_is_refused_before_anything_is_rebuilt(spark: DbtProject) -> None:
    built(spark, days=6)
    before = rows(spark)

    res = spark.dbt("run", "-s", MODEL, "--full-refresh", vars={"backfill_date": "2024-01-05"}, expect=False)

    assert (
        f"steadyflow: --full-refresh rebuilds model {MODEL} from scratch; with the backfill vars"
        " (backfill_date='2024-01-05') it would keep only that window and lose every other row" in res.text
    ), res.text
    assert rows(spark) == before and len(before) == 300


def test_the_window_is_the_same_utc_instants_in_a_new_york_session(spark_engine: SparkEngine, tmp_path: Path) -> None:
    orders = generate_orders(days=8, per_day=60, late_5=0, seed=5)
    runs = {}
    for zone in ("UTC", "America/New_York"):
        project = spark_project(spark_engine, tmp_path / zone.replace("/", "_"), {"STEADYFLOW_SPARK_TIME_ZONE": zone})
        create_daily(project)
        insert_daily(project, [o for o in orders if o.loaded_on <= day(5)])
        project.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(5))})
        insert_daily(project, [o for o in orders if day(5) < o.loaded_on <= day(7)])
        project.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(7))})
        assert spark_engine.session.conf.get("spark.sql.session.timeZone") == zone  # the profile's zone was used
        runs[zone] = (rows(project), compiled(project).replace(project.schema or "", "<schema>"))
    spark_engine.session.conf.set("spark.sql.session.timeZone", "UTC")

    (utc_rows, utc_sql), (ny_rows, ny_sql) = runs["UTC"], runs["America/New_York"]
    assert ny_sql == utc_sql
    assert (
        "ordered_at >= timestamp '2024-01-03 00:00:00+00:00' and ordered_at < timestamp '2024-01-10 00:00:00+00:00'"
        in utc_sql
    )
    assert ny_rows == utc_rows
    assert len(utc_rows) == len({o.order_id for o in orders if o.loaded_on <= day(7)})


def test_a_future_row_cannot_stall_the_window_or_load_early(spark: DbtProject) -> None:
    orders = generate_orders(days=9, late_5=0)
    create_daily(spark)
    insert_daily(spark, [o for o in orders if o.loaded_on <= day(6)])
    # the source has an order dated 2030 (clock skew); it is left out and reported
    query(
        spark,
        "insert into raw_orders_daily values (9999, 1, 1.00, timestamp '2030-01-01 08:00:00',"
        " date '2024-01-07', date '2030-01-01')",
    )
    spark.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(6))})
    assert 9999 not in {r[0] for r in rows(spark)}
    log = (spark.work_dir / "logs" / "dbt.log").read_text()
    assert "steadyflow.lookback_window: 1 row(s) of" in log

    # a stray 2030 row written into the target by hand does not move the window: the next run still looks back
    # from the newest order before now + 1 day, loads the new days, and leaves the stray partition alone
    query(spark, f"insert into {MODEL} values (9998, 1, 1.00, timestamp '2030-01-02 08:00:00', date '2030-01-02')")
    land_and_run(spark, orders, 7)
    land_and_run(spark, orders, 8)
    assert "order_date >= date '2024-01-05'" in compiled(spark)
    ids = {r[0] for r in rows(spark)}
    assert ids == {o.order_id for o in orders} | {9998}
    assert count_on(spark, 8) == 50
