"""The late-orders stream (tests/support/orders_stream.py) landed in raw_orders_daily, the day-partitioned
source of integration_tests/models/partitioned/orders_daily.sql, and read back the same way on any target."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import Order, day, end_of, generate_orders

MODEL = "orders_daily"
COLUMNS = "order_id int, customer_id int, amount decimal(12, 2), ordered_at timestamp, loaded_on date, order_date date"


def create_daily(project: DbtProject) -> None:
    """raw_orders_daily as the on-run-start hook creates it (on Spark: Parquet, partitioned by order_date)."""
    spark = " using parquet partitioned by (order_date)" if project.target == "spark" else ""
    query(project, f"create table if not exists raw_orders_daily ({COLUMNS}){spark}")


def insert_daily(project: DbtProject, orders: Iterable[Order]) -> int:
    """Land orders in raw_orders_daily (order_date = the UTC date of ordered_at); returns how many."""
    rows = list(orders)
    if rows:
        values = ",\n".join(
            f"({o.order_id}, {o.customer_id}, {o.amount}, timestamp '{o.ordered_at:%Y-%m-%d %H:%M:%S}', "
            f"date '{o.loaded_on.isoformat()}', date '{o.ordered_at.date().isoformat()}')"
            for o in rows
        )
        query(project, f"insert into raw_orders_daily values {values}")
    return len(rows)


def land_and_run(project: DbtProject, orders: list[Order], d: int) -> None:
    """Day d: its arrivals land, then the daily run at 23:00 that day."""
    insert_daily(project, [o for o in orders if o.loaded_on == day(d)])
    project.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(d))})


def rows(project: DbtProject, table: str = MODEL, where: str = "1 = 1") -> list[tuple[Any, ...]]:
    """(order_id, customer_id, amount as text, ordered_at) of `table`, in order_id order."""
    return [
        tuple(r)
        for r in query(
            project,
            f"select order_id, customer_id, cast(amount as varchar(20)), ordered_at from {table}"
            f" where {where} order by order_id",
        )
    ]


def count_on(project: DbtProject, d: int, table: str = MODEL) -> int:
    return int(query(project, f"select count(*) from {table} where order_date = date '{day(d)}'")[0][0])


def delete_day(project: DbtProject, d: int) -> None:
    """Upstream withdraws day d (Spark's Parquet tables have no delete: the same change as a partition drop)."""
    if project.target == "spark":
        query(project, f"alter table raw_orders_daily drop if exists partition (order_date = '{day(d)}')")
    else:
        query(project, f"delete from raw_orders_daily where order_date = date '{day(d)}'")


def add_to_amounts(project: DbtProject, d: int, delta: int) -> None:
    """Upstream corrects day d's amounts (on Spark: that partition rewritten from a copy of it)."""
    if project.target != "spark":
        query(project, f"update raw_orders_daily set amount = amount + {delta} where order_date = date '{day(d)}'")
        return
    query(project, f"create table steadyflow_day as select * from raw_orders_daily where order_date = date '{day(d)}'")
    query(
        project,
        f"insert overwrite table raw_orders_daily partition (order_date = '{day(d)}') select order_id, customer_id,"
        f" amount + {delta}, ordered_at, loaded_on from steadyflow_day",
    )
    query(project, "drop table steadyflow_day")


def compiled(project: DbtProject) -> str:
    """The SQL the last dbt invocation compiled for the model (its window comment says which window it read)."""
    return next((project.work_dir / "target" / "compiled").rglob(f"{MODEL}.sql")).read_text()


def built(project: DbtProject, days: int = 10) -> list[Order]:
    """`days` days of orders, all landed, then one daily run late on the last day; returns the orders."""
    orders = generate_orders(days=days, late_5=0)
    create_daily(project)
    insert_daily(project, orders)
    project.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(days - 1))})
    return orders
