"""lookback_window never loads a row whose event time is null (no window contains it). With `relation=` given,
those rows are counted in the same query as the rows beyond the future cap and reported as a dbt warning, so
a source holding 501 rows and a model holding 500 is explained in the log."""

from __future__ import annotations

from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import create_raw_orders, day, end_of, generate_orders, insert_orders

NULL_ROWS = "(9001, 1, 1.00, null, date '2024-01-09'), (9002, 1, 2.00, null, date '2024-01-09')"
FUTURE_ROW = "(9999, 1, 1.00, timestamp '2030-01-01 08:00:00', date '2024-01-09')"


def relation_name(project: DbtProject) -> str:
    return (
        '"warehouse"."main"."raw_orders"'
        if project.target == "duckdb"
        else f'"steadyflow"."{project.schema}"."raw_orders"'
    )


def test_rows_with_a_null_event_time_are_reported_with_their_count(warehouse: DbtProject) -> None:
    create_raw_orders(warehouse)
    insert_orders(warehouse, generate_orders(days=10, late_5=0))
    query(warehouse, f"insert into raw_orders values {NULL_ROWS}, {FUTURE_ROW}")

    warehouse.dbt("run", "-s", "orders_replace_window", vars={"steadyflow_now": end_of(day(9))})

    assert query(warehouse, "select count(*) from raw_orders")[0][0] == 503
    assert query(warehouse, "select count(*) from orders_replace_window")[0][0] == 500
    log = (warehouse.work_dir / "logs" / "dbt.log").read_text()
    source = relation_name(warehouse)
    assert f"steadyflow.lookback_window: 2 row(s) of {source} have a null ordered_at and are never loaded into " in log
    assert f"steadyflow.lookback_window: 1 row(s) of {source} have ordered_at >= " in log
