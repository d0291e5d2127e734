"""Rows dated in the future cannot stall the window: no mode loads rows at or after now + future_days, a stray
future row already in the target does not move the anchor, and an impossible window is a compile error."""

from __future__ import annotations

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

STRAY = "(9999, 1, 1.00, timestamp '2030-01-01 08:00:00', date '2024-01-09')"
STRAY_TARGET = "(9999, 1, 1.00, timestamp '2030-01-01 08:00:00')"
NOW = {"steadyflow_now": end_of(day(8))}  # 2024-01-09 23:00, so the bound is 2024-01-10 23:00


def compiled(project: DbtProject, model: str) -> str:
    return next((project.work_dir / "target" / "compiled").rglob(f"{model}.sql")).read_text()


def test_a_backfill_reaching_past_now_plus_future_days_is_refused_naming_the_bound(warehouse: DbtProject) -> None:
    create_raw_orders(warehouse)
    insert_orders(warehouse, generate_orders(days=9, late_5=0))
    query(warehouse, f"insert into raw_orders values {STRAY}")
    warehouse.dbt("run", "-s", "orders_replace_window", "orders_backfill_only", vars=NOW)
    before = table_fingerprint(warehouse, "orders_replace_window")

    for model in ("orders_replace_window", "orders_backfill_only"):
        res = warehouse.dbt("run", "-s", model, vars={**NOW, "backfill_date": "2030-01-01"}, expect=False)
        assert (
            "steadyflow: backfill window [2030-01-01 00:00:00, 2030-01-02 00:00:00) reaches past now + future_days ="
            " 2024-01-10 23:00:00 (now 2024-01-09 23:00:00 from var steadyflow_now + future_days=1)" in res.text
        ), res.text
        assert (
            "widen it with the future_days argument of steadyflow.lookback_window or the var future_days"
            " (this window needs future_days >= 2185)" in res.text
        )
    assert table_fingerprint(warehouse, "orders_replace_window") == before
    assert before[0] == 450  # the stray 2030 row was never loaded

    # Widened on purpose, the same backfill loads exactly the 2030 row.
    warehouse.dbt(
        "run", "-s", "orders_replace_window", vars={**NOW, "backfill_date": "2030-01-01", "future_days": 2200}
    )
    assert table_fingerprint(warehouse, "orders_replace_window")[0] == 451


def test_a_stray_future_row_in_the_target_no_longer_moves_the_window_and_is_reported(warehouse: DbtProject) -> None:
    orders = generate_orders(days=10, late_5=0)
    create_raw_orders(warehouse)
    insert_orders(warehouse, [o for o in orders if o.ordered_at.date() <= day(8)])
    warehouse.dbt("run", "-s", *MODELS, vars=NOW)
    for model in MODELS:  # written by an older release, or by hand
        query(warehouse, f"insert into {model} values {STRAY_TARGET}")

    insert_orders(warehouse, [o for o in orders if o.ordered_at.date() == day(9)])
    warehouse.dbt("run", "-s", *MODELS, vars={"steadyflow_now": end_of(day(9))})

    for model in MODELS:
        assert table_fingerprint(warehouse, model)[0] == 501, model  # day 9 arrived; the stray row is still there
    # The anchor is the newest order before the bound (day 8, 2024-01-09), not 2030-01-01.
    assert "ordered_at >= '2024-01-06 00:00:00+00'" in compiled(warehouse, "orders_replace_window")
    log = (warehouse.work_dir / "logs" / "dbt.log").read_text()
    for model in MODELS:
        assert (
            f'steadyflow.lookback_window: 1 row(s) of "{model}" have ordered_at at or after'
            " 2024-01-11 23:00:00 (now + future_days=1)" in log.replace(_qualifier(warehouse), "")
        ), model


def _qualifier(project: DbtProject) -> str:
    return '"warehouse"."main".' if project.target == "duckdb" else f'"steadyflow"."{project.schema}".'


def test_a_begin_in_the_future_is_refused_naming_both_bounds(warehouse: DbtProject) -> None:
    create_raw_orders(warehouse)
    insert_orders(warehouse, generate_orders(days=2, late_5=0))

    res = warehouse.dbt(
        "run", "-s", "orders_replace_window", vars={**NOW, "late_data_begin": "2030-01-01"}, expect=False
    )

    assert (
        "steadyflow.lookback_window: the window start 2030-01-01 00:00:00 (argument begin) is not before its end"
        " 2024-01-10 23:00:00 (now 2024-01-09 23:00:00 from var steadyflow_now + future_days=1)" in res.text
    ), res.text
    assert not query(
        warehouse,
        "select 1 from information_schema.tables where table_name = 'orders_replace_window'"
        + ("" if warehouse.target == "duckdb" else f" and table_schema = '{warehouse.schema}'"),
    )


def test_a_future_row_of_the_source_is_not_a_late_row_missed(warehouse: DbtProject) -> None:
    """late_rows_missed's `before` defaults to steadyflow.now(): a row dated at or after now is a future row
    (lookback_window reports it), not a late one, so the check does not ask for a backfill that would be refused.
    Unpinned: now is run_started_at, years after the 2024 orders and years before the 2030 row."""
    create_raw_orders(warehouse)
    insert_orders(warehouse, generate_orders(days=9, late_5=0))
    query(warehouse, f"insert into raw_orders values {STRAY}")

    res = warehouse.dbt("build", "-s", "orders_replace_window")

    assert table_fingerprint(warehouse, "orders_replace_window")[0] == 450
    assert res.failures["orders_replace_window_late_rows_missed"] == 0
    assert res.statuses["orders_replace_window_late_rows_missed"] == "pass"
