"""A deterministic stream of daily orders, some of which arrive days after they were placed.

Shared by the late-data tests and `make demo`. Each order has the time it was placed (`ordered_at`, the
event time) and the day it lands in `raw_orders` (`loaded_on`). `raw_orders` lives in the target schema,
where the integration project declares it as the source `late_data.raw_orders`.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tests.support.dbt import DbtProject, query

DAY0 = date(2024, 1, 1)
RAW_ORDERS_DDL = (
    "create table if not exists raw_orders (order_id integer, customer_id integer, amount numeric(12, 2), "
    "ordered_at timestamp, loaded_on date)"
)
MODELS = ("orders_replace_window", "orders_delete_insert", "orders_merge")


def day(n: int) -> date:
    """Day n of the stream (day 0 = 2024-01-01)."""
    return DAY0 + timedelta(days=n)


def end_of(d: date) -> str:
    """The `steadyflow_now` of a daily run made late on day d."""
    return f"{d.isoformat()} 23:00:00"


@dataclass(frozen=True)
class Order:
    order_id: int
    customer_id: int
    amount: str
    ordered_at: datetime
    loaded_on: date

    @property
    def days_late(self) -> int:
        return (self.loaded_on - self.ordered_at.date()).days

    def row(self) -> tuple[Any, ...]:
        return (self.order_id, self.customer_id, self.amount, self.ordered_at, self.loaded_on)


def generate_orders(
    days: int, per_day: int = 50, late_1_to_3: float = 0.05, late_5: float = 0.01, seed: int = 7
) -> list[Order]:
    """`days` days of `per_day` orders; exactly round(share * total) arrive 1-3 / 5 days late.

    Late orders are picked among those whose late arrival still falls inside the stream, so by the last
    day every order has arrived.
    """
    rng = random.Random(seed)
    placed = []
    for d in range(days):
        for _ in range(per_day):
            at = datetime.combine(day(d), datetime.min.time()) + timedelta(seconds=rng.randrange(86_400))
            placed.append(at)
    placed.sort()
    total = len(placed)
    lateness = [0] * total
    n5, n13 = round(total * late_5), round(total * late_1_to_3)
    last = day(days - 1)
    five_ok = [i for i, at in enumerate(placed) if at.date() + timedelta(days=5) <= last]
    for i in rng.sample(five_ok, n5):
        lateness[i] = 5
    on_time_with_room = [i for i in range(total) if lateness[i] == 0 and placed[i].date() < last]
    for i in rng.sample(on_time_with_room, n13):
        lateness[i] = rng.randint(1, min(3, (last - placed[i].date()).days))
    orders = []
    for i, at in enumerate(placed):
        late = lateness[i]
        amount = f"{rng.randint(500, 50_000) / 100:.2f}"
        orders.append(Order(i + 1, rng.randint(1, 200), amount, at, at.date() + timedelta(days=late)))
    return orders


def create_raw_orders(project: DbtProject) -> None:
    query(project, RAW_ORDERS_DDL)


def insert_orders(project: DbtProject, orders: Iterable[Order]) -> int:
    """Land orders in raw_orders with one multi-row insert; returns how many."""
    rows = list(orders)
    if not rows:
        return 0
    values = ",\n".join(
        f"({o.order_id}, {o.customer_id}, {o.amount}, timestamp '{o.ordered_at:%Y-%m-%d %H:%M:%S}', "
        f"date '{o.loaded_on.isoformat()}')"
        for o in rows
    )
    query(project, f"insert into raw_orders values {values}")
    return len(rows)


def table_fingerprint(project: DbtProject, table: str, where: str = "1 = 1") -> tuple[int, str, list[tuple[Any, ...]]]:
    """(row count, md5 of the rows in order_id order, the sorted rows) of `table`, computed in the warehouse."""
    text = (
        "cast(order_id as varchar) || '|' || cast(customer_id as varchar) || '|' || cast(amount as varchar)"
        " || '|' || cast(ordered_at as varchar)"
    )
    count, checksum = query(
        project,
        f"select count(*), coalesce(md5(string_agg({text}, ';' order by order_id)), '') from {table} where {where}",
    )[0]
    rows = query(project, f"select order_id, customer_id, amount, ordered_at from {table} where {where} order by 1")
    return int(count), str(checksum), rows
