"""Window-replace backfills (strategy replace_window): idempotent, exact to the window, and they empty
days deleted upstream, where delete+insert on a unique_key keeps the deleted rows forever."""

from __future__ import annotations

from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import (
    create_raw_orders,
    day,
    end_of,
    generate_orders,
    insert_orders,
    table_fingerprint,
)

WINDOW = {"backfill_start": "2024-01-04", "backfill_end": "2024-01-08"}  # days 3, 4, 5, 6
IN_WINDOW = "ordered_at >= timestamp '2024-01-04' and ordered_at < timestamp '2024-01-08'"
OUTSIDE = f"not ({IN_WINDOW})"


def rows_on(project: DbtProject, table: str, d: int) -> int:
    return int(query(project, f"select count(*) from {table} where cast(ordered_at as date) = date '{day(d)}'")[0][0])


def test_a_backfill_replaces_exactly_its_window_and_running_it_twice_changes_nothing(warehouse: DbtProject) -> None:
    orders = generate_orders(days=10, late_5=0)
    create_raw_orders(warehouse)
    insert_orders(warehouse, orders)
    warehouse.dbt("run", "-s", "orders_replace_window", "orders_delete_insert", vars={"steadyflow_now": end_of(day(9))})
    assert table_fingerprint(warehouse, "orders_replace_window")[0] == 500

    # Upstream: day 5 is deleted (a bad extract withdrawn), day 4's amounts are corrected, and day 1's
    # amounts change too, but day 1 is outside the backfill window.
    query(warehouse, f"delete from raw_orders where cast(ordered_at as date) = date '{day(5)}'")
    query(warehouse, f"update raw_orders set amount = amount + 1 where cast(ordered_at as date) = date '{day(4)}'")
    query(warehouse, f"update raw_orders set amount = amount + 7 where cast(ordered_at as date) = date '{day(1)}'")
    outside_before = table_fingerprint(warehouse, "orders_replace_window", OUTSIDE)
    assert outside_before[0] == 300

    warehouse.dbt("run", "-s", "orders_replace_window", "orders_delete_insert", vars=WINDOW)

    # The window now equals the source's window: day 5 is empty, day 4 carries the corrected amounts.
    assert rows_on(warehouse, "orders_replace_window", 5) == 0
    assert (
        table_fingerprint(warehouse, "orders_replace_window", IN_WINDOW)[1:]
        == table_fingerprint(warehouse, "raw_orders", IN_WINDOW)[1:]
    )
    assert table_fingerprint(warehouse, "orders_replace_window", IN_WINDOW)[0] == 150
    # Outside the window nothing moved, not even day 1 whose source changed.
    assert table_fingerprint(warehouse, "orders_replace_window", OUTSIDE) == outside_before
    # delete+insert on order_id, same window: the 50 orders deleted upstream stay forever.
    assert rows_on(warehouse, "orders_delete_insert", 5) == 50

    # The same backfill again: same rows, same count, same checksum.
    first = table_fingerprint(warehouse, "orders_replace_window")
    warehouse.dbt("run", "-s", "orders_replace_window", vars=WINDOW)
    assert table_fingerprint(warehouse, "orders_replace_window") == first
    assert first[0] == 450


def test_backfill_date_empties_a_day_deleted_upstream_and_nothing_else(warehouse: DbtProject) -> None:
    orders = generate_orders(days=10, late_5=0)
    create_raw_orders(warehouse)
    insert_orders(warehouse, orders)
    warehouse.dbt("run", "-s", "orders_replace_window", vars={"steadyflow_now": end_of(day(9))})
    query(warehouse, f"delete from raw_orders where cast(ordered_at as date) = date '{day(8)}'")
    other_days = f"cast(ordered_at as date) <> date '{day(8)}'"
    before = table_fingerprint(warehouse, "orders_replace_window", other_days)

    warehouse.dbt("run", "-s", "orders_replace_window", vars={"backfill_date": day(8).isoformat()})

    assert rows_on(warehouse, "orders_replace_window", 8) == 0
    assert table_fingerprint(warehouse, "orders_replace_window", other_days) == before
    assert before[0] == 450
    # The compiled SQL of the backfill carries its window as literals.
    compiled = next((warehouse.work_dir / "target" / "run").rglob("orders_replace_window.sql")).read_text()
    assert "ordered_at >= '2024-01-09 00:00:00+00' and ordered_at < '2024-01-10 00:00:00+00'" in compiled


def test_a_backfill_whose_insert_fails_leaves_the_window_as_it_was(warehouse: DbtProject) -> None:
    """Delete and insert run in one transaction: when the insert fails, the delete is rolled back."""
    orders = generate_orders(days=10, late_5=0)
    create_raw_orders(warehouse)
    insert_orders(warehouse, orders)
    # The target exists before dbt runs (so the run is incremental) and refuses negative amounts.
    query(
        warehouse,
        "create table orders_replace_window (order_id integer, customer_id integer,"
        " amount numeric(12, 2) check (amount >= 0), ordered_at timestamp)",
    )
    query(
        warehouse, "insert into orders_replace_window select order_id, customer_id, amount, ordered_at from raw_orders"
    )
    before = table_fingerprint(warehouse, "orders_replace_window")
    query(warehouse, f"update raw_orders set amount = -1 where order_id = {orders[260].order_id}")  # on day 5

    res = warehouse.dbt("run", "-s", "orders_replace_window", vars=WINDOW, expect=False)

    assert "check constraint" in res.text.lower()  # the insert failed, after the delete ran
    assert table_fingerprint(warehouse, "orders_replace_window") == before
    assert before[0] == 500


def test_a_model_that_selects_everything_still_only_replaces_the_backfill_window(warehouse: DbtProject) -> None:
    """orders_backfill_only has no lookback_window: the strategy filters the model's rows to the window."""
    orders = generate_orders(days=10, late_5=0)
    create_raw_orders(warehouse)
    insert_orders(warehouse, orders)
    warehouse.dbt("run", "-s", "orders_backfill_only")  # first build: every row
    query(warehouse, "update raw_orders set amount = amount + 1")  # every day changes upstream
    outside_before = table_fingerprint(warehouse, "orders_backfill_only", OUTSIDE)

    warehouse.dbt("run", "-s", "orders_backfill_only", vars=WINDOW)

    assert table_fingerprint(warehouse, "orders_backfill_only", OUTSIDE) == outside_before
    assert (
        table_fingerprint(warehouse, "orders_backfill_only", IN_WINDOW)[1:]
        == table_fingerprint(warehouse, "raw_orders", IN_WINDOW)[1:]
    )
    assert outside_before[0] == 300

    # A daily run has no window to replace: refused, table untouched.
    res = warehouse.dbt("run", "-s", "orders_backfill_only", expect=False)
    assert (
        "steadyflow.replace_window: model " in res.text
        and "has no window to replace: call steadyflow.lookback_window(event_time, ...) in its where clause, or set"
        " config event_time and vars backfill_start/backfill_end or backfill_date; got event_time='ordered_at'"
        in res.text
    )
