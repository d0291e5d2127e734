"""Parquet writes are not transactional. A backfill stopped while its `insert overwrite` runs (every Spark job of
the session cancelled the moment the insert's staging directory appears) fails; what it leaves has no duplicate
and nothing outside the window moved; re-running the same backfill repairs the window exactly."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.late_data.project_copy import project_copy
from tests.spark.daily_orders import MODEL, create_daily, delete_day, insert_daily, rows
from tests.support.dbt import DbtResult
from tests.support.orders_stream import day, end_of, generate_orders
from tests.support.spark import SparkEngine, spark_project

WINDOW = {"backfill_start": "2024-01-04", "backfill_end": "2024-01-08"}
OUTSIDE = "not (order_date >= date '2024-01-04' and order_date < date '2024-01-08')"
SLOW_ROW = "and length(coalesce(reflect('java.lang.Thread', 'sleep', cast(30 as bigint)), '')) >= 0"


def _slow_model(project_dir: Path) -> None:
    """Each row of the model costs 30 ms, so its insert runs long enough to be stopped midway."""
    model = project_dir / "models" / "partitioned" / "orders_daily.sql"
    text = model.read_text()
    assert text.rstrip().endswith(") }}")
    model.write_text(text.rstrip() + f"\n{SLOW_ROW}\n")


def _stop_during_insert(engine: SparkEngine, table_dir: Path, run: threading.Thread) -> bool:
    """Cancel every job of the session once the insert's `.spark-staging-*` directory exists (the committer makes
    it before submitting the job) and its job is running."""
    context = engine.session.sparkContext
    while run.is_alive():
        staging = table_dir.is_dir() and any(p.name.startswith(".spark-staging") for p in table_dir.iterdir())
        if staging and context.statusTracker().getActiveJobsIds():
            context.cancelAllJobs()
            return True
        time.sleep(0.05)
    return False


def test_a_backfill_stopped_during_its_insert_is_repaired_by_running_it_again(
    spark_engine: SparkEngine, tmp_path: Path
) -> None:
    base = spark_project(spark_engine, tmp_path / "base")
    project = project_copy(base, tmp_path / "slow", _slow_model)
    orders = generate_orders(days=10, late_5=0)
    create_daily(project)
    insert_daily(project, orders)
    project.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(9))})
    delete_day(project, 5)
    outside = rows(project, where=OUTSIDE)

    result: list[DbtResult] = []
    run = threading.Thread(target=lambda: result.append(project.dbt("run", "-s", MODEL, vars=WINDOW, expect=None)))
    run.start()
    stopped = _stop_during_insert(spark_engine, spark_engine.root / "warehouse" / f"{project.schema}.db" / MODEL, run)
    run.join()

    assert stopped and not result[0].success, result[0].text
    left = rows(project)
    assert len(left) == len({r[0] for r in left})  # no order twice
    assert rows(project, where=OUTSIDE) == outside  # the days outside the window are as they were

    project.dbt("run", "-s", MODEL, vars=WINDOW)
    repaired = rows(project)
    assert [r[0] for r in repaired] == [o.order_id for o in orders if o.ordered_at.date() != day(5)]
    assert rows(project, where=OUTSIDE) == outside
