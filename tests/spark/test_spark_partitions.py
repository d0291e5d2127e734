"""What is particular to Spark tables partitioned by day: the overwrite mode of the session cannot change what
replace_window does, a target that is not partitioned by a date column is refused at compile time, and
lookback_window's partition_column makes the source scan read only the window's partitions."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from tests.late_data.project_copy import project_copy
from tests.spark.daily_orders import MODEL, built, count_on, create_daily, delete_day, rows
from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import day, end_of, generate_orders
from tests.support.spark import SparkEngine

SETTING = "spark.sql.sources.partitionOverwriteMode"
WINDOW = {"backfill_start": "2024-01-04", "backfill_end": "2024-01-08"}


def test_a_backfill_gives_the_same_rows_whatever_the_sessions_overwrite_mode(
    spark: DbtProject, spark_engine: SparkEngine
) -> None:
    built(spark)
    delete_day(spark, 5)
    results = {}
    for mode in ("STATIC", "DYNAMIC", "static"):
        spark_engine.session.conf.set(SETTING, mode)
        spark.dbt("run", "-s", MODEL, vars=WINDOW)
        results[mode] = rows(spark)
        assert spark_engine.session.conf.get(SETTING) == mode  # set back to the session's own value
    spark_engine.session.conf.set(SETTING, "STATIC")
    assert results["STATIC"] == results["DYNAMIC"] == results["static"]
    # static mode did not truncate the table: the 6 days outside the window are all there, day 5 is empty
    assert len(results["STATIC"]) == 450
    assert count_on(spark, 5) == 0 and count_on(spark, 0) == 50


def _partition_by(value: str) -> object:
    def edit(project_dir: Path) -> None:
        model = project_dir / "models" / "partitioned" / "orders_daily.sql"
        text = model.read_text()
        assert "partition_by='order_date'," in text
        model.write_text(text.replace("partition_by='order_date',", value))

    return edit


def test_a_target_not_partitioned_by_a_date_column_is_refused_naming_the_config(
    spark: DbtProject, tmp_path: Path
) -> None:
    unpartitioned = project_copy(spark, tmp_path / "none", _partition_by(""))
    built(unpartitioned)  # the first build creates the table: nothing to replace yet
    res = unpartitioned.dbt("run", "-s", MODEL, vars=WINDOW, expect=False)
    assert (
        "steadyflow.replace_window: on Spark (file_format='parquet') the window is replaced as whole date partitions,"
        " so "
        in res.text
        and "must be partitioned by one date column holding the UTC date of ordered_at: set config"
        " partition_by='order_date'; got partition_by=unset"
        in res.text
    )
    on_timestamp = project_copy(spark, tmp_path / "ts", _partition_by("partition_by='ordered_at',"))
    res = on_timestamp.dbt("run", "-s", MODEL, vars=WINDOW, expect=False)
    assert "got partition_by='ordered_at' (ordered_at is timestamp)" in res.text
    assert len(rows(unpartitioned)) == 500  # the refused runs changed nothing


def _partition_filters(project: DbtProject, sql: str) -> str:
    """The PartitionFilters of the plan's one scan of raw_orders_daily ("" when it has none: every partition)."""
    plan = "\n".join(r[0] for r in query(project, f"explain formatted {sql}"))
    assert "Scan parquet" in plan and plan.count("Scan parquet") == 2, plan  # the tree line and its details
    found = re.findall(r"PartitionFilters: \[(.*?)\]\n", plan)
    return re.sub(r"#\d+", "", found[0]) if found else ""  # order_date#589 -> order_date


def test_partition_column_limits_the_source_scan_to_the_windows_partitions(spark: DbtProject) -> None:
    built(spark)
    spark.dbt("compile", "-s", MODEL, vars={"steadyflow_now": end_of(day(9))})
    sql = next((spark.work_dir / "target" / "compiled").rglob(f"{MODEL}.sql")).read_text()
    # newest loaded order on day 9 (2024-01-10) minus 3 days; the end rounds up to midnight after now + 1 day
    assert "order_date >= date '2024-01-07' and order_date < date '2024-01-12'" in sql

    filters = _partition_filters(spark, sql)
    assert "order_date >= 2024-01-07" in filters and "order_date < 2024-01-12" in filters
    # the same window on the timestamp alone: Spark cannot prune, every partition is listed
    timestamp_only = re.sub(r" and order_date >= date '[^']+' and order_date < date '[^']+'", "", sql)
    assert timestamp_only != sql
    assert _partition_filters(spark, timestamp_only) == ""


def test_a_table_partitioned_by_another_time_zones_date_is_refused_before_a_backfill_deletes_rows(
    spark: DbtProject,
) -> None:
    # order_date is the New York date of ordered_at (not the UTC date): an order at 2024-01-04 02:00 UTC is filed
    # under 2024-01-03, so replacing the partition 2024-01-03 from the UTC window [01-03, 01-04) would drop it
    orders = generate_orders(days=6, late_5=0)
    create_daily(spark)
    values = ",\n".join(
        f"({o.order_id}, {o.customer_id}, {o.amount}, timestamp '{o.ordered_at:%Y-%m-%d %H:%M:%S}',"
        f" date '{o.loaded_on}', date '{(o.ordered_at - timedelta(hours=5)).date()}')"
        for o in orders
    )
    query(spark, f"insert into raw_orders_daily values {values}")
    spark.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(5))})
    before = rows(spark)
    early = sum(1 for o in orders if o.ordered_at.date() == day(3) and o.ordered_at.hour < 5)
    assert early > 0

    log = spark.failed_log("run", "-s", MODEL, vars={"backfill_date": day(2).isoformat()})

    assert f"steadyflow.replace_window: {early} row(s) of " in log, log
    assert (
        " in the partitions being replaced (order_date from 2024-01-03 to 2024-01-03) have ordered_at outside the"
        " window [2024-01-03 00:00:00, 2024-01-04 00:00:00)" in log
    ), log
    assert "order_date must hold the UTC date of ordered_at" in log
    assert "to_date(to_utc_timestamp(ordered_at, current_timezone()))" in log
    assert rows(spark) == before  # refused before anything was dropped or overwritten
