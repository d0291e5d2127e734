"""An event time renamed between source and model (`ordered_at as order_time`): the model's config event_time
(or lookback_window's target_event_time, which defaults to it) names the target's column for the anchor and for
replace_window's delete, and a column the target does not have is a steadyflow compile error naming that one
setting, not the database's Binder Error on the second run."""

from __future__ import annotations

import pytest

from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import create_raw_orders, day, end_of, generate_orders, insert_orders


@pytest.mark.parametrize(
    "model",
    [
        pytest.param("orders_renamed", id="target_event_time"),  # lookback_window(..., target_event_time='order_time')
        pytest.param("orders_renamed_by_config", id="config_event_time"),  # config(event_time='order_time') alone
    ],
)
def test_a_renamed_event_time_loads_late_rows_on_every_run(warehouse: DbtProject, model: str) -> None:
    orders = generate_orders(days=6)
    create_raw_orders(warehouse)
    for d in range(6):
        insert_orders(warehouse, [o for o in orders if o.loaded_on == day(d)])
        warehouse.dbt("run", "-s", model, vars={"steadyflow_now": end_of(day(d))})

    ids = [r[0] for r in query(warehouse, f"select order_id from {model}")]
    assert len(ids) == len(set(ids)) == sum(1 for o in orders if o.days_late <= 3) == 297
    # the source is filtered on its own column; the anchor and the delete use the model's
    selected = next((warehouse.work_dir / "target" / "compiled").rglob(f"{model}.sql")).read_text()
    assert "ordered_at >= '2024-01-02 00:00:00+00'" in selected
    replaced = next((warehouse.work_dir / "target" / "run").rglob(f"{model}.sql")).read_text()
    assert "delete from" in replaced and "where order_time >= '2024-01-02 00:00:00+00'" in replaced


def test_late_rows_missed_compares_a_renamed_event_time_with_model_event_time(warehouse: DbtProject) -> None:
    orders = generate_orders(days=6)
    create_raw_orders(warehouse)
    for d in range(6):
        insert_orders(warehouse, [o for o in orders if o.loaded_on == day(d)])
        warehouse.dbt("run", "-s", "orders_renamed_by_config", vars={"steadyflow_now": end_of(day(d))})

    res = warehouse.dbt(
        "test", "-s", "orders_renamed_late_rows_missed", vars={"steadyflow_now": end_of(day(5))}, expect=True
    )

    # the rows more than 3 days late, compared on ordered_at in the source and order_time in the model
    assert res.failures["orders_renamed_late_rows_missed"] == len(orders) - 297 > 0, res.text
    assert "Binder Error" not in res.text and "does not exist" not in res.text


def test_an_event_time_missing_from_the_target_is_a_steadyflow_error_naming_column_and_relation(
    warehouse: DbtProject,
) -> None:
    create_raw_orders(warehouse)
    insert_orders(warehouse, generate_orders(days=2, late_5=0))
    warehouse.dbt("run", "-s", "orders_renamed", vars={"steadyflow_now": end_of(day(1))})

    res = warehouse.dbt(
        "run",
        "-s",
        "orders_renamed",
        vars={"steadyflow_now": end_of(day(1)), "renamed_target_event_time": None},
        expect=False,
    )

    assert "steadyflow.lookback_window: column ordered_at not found in " in res.text, res.text
    assert (
        "orders_renamed" in res.text
        and "(its columns: order_id, customer_id, amount, order_time); when the model renames the event time,"
        " set config event_time to its name in the model, e.g. config(event_time='order_time')"
        in res.text
    )
    assert "Binder Error" not in res.text and "does not exist" not in res.text
