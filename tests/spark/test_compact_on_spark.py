"""steadyflow_compact on Spark's Parquet tables: no OPTIMIZE there, so it refreshes the table and column
statistics (the planner's row counts), and refuses zorder_by naming the table; Delta stays `optimize`."""

from __future__ import annotations

import json

from tests.spark.daily_orders import MODEL, create_daily, insert_daily
from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import day, end_of, generate_orders


def statistics(project: DbtProject) -> str:
    info = {r[0]: r[1] for r in query(project, f"describe table extended {MODEL}")}
    return str(info.get("Statistics", ""))


def test_compact_on_parquet_computes_the_statistics_and_refuses_zorder(spark: DbtProject) -> None:
    create_daily(spark)
    insert_daily(spark, generate_orders(days=4, late_5=0))
    spark.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(3))})
    assert "rows" not in statistics(spark)

    res = spark.dbt("run-operation", "steadyflow_compact", "--args", json.dumps({"relation": MODEL}))

    assert "200 rows" in statistics(spark)
    log = (spark.work_dir / "logs" / "dbt.log").read_text()
    assert "not a Delta table: no OPTIMIZE on Spark; refreshing the table and column statistics" in log
    assert res.success and "compute statistics for all columns" in log

    res = spark.dbt(
        "run-operation",
        "steadyflow_compact",
        "--args",
        json.dumps({"relation": MODEL, "zorder_by": "order_id"}),
        expect=False,
    )
    log = (spark.work_dir / "logs" / "dbt.log").read_text()  # run-operation reports its error in the log
    assert not res.success
    assert "steadyflow_compact: argument `zorder_by` is only supported on Delta tables (OPTIMIZE ... ZORDER BY);" in log
    assert "is not Delta (Parquet: Spark has no OPTIMIZE for it), remove zorder_by, got" in log
