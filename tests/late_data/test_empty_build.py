"""`dbt build --empty` (refs and sources replaced by empty subqueries) never changes an existing table.

Every strategy a lookback_window model can use (replace_window, delete+insert, merge) and the backfill-only
replace_window model keep the same rows, proven by row count and an md5 of the rows in key order; a table
that does not exist yet is created empty, as dbt does for any model under --empty.
"""

from __future__ import annotations

from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import MODELS, create_raw_orders, day, end_of, generate_orders, insert_orders
from tests.support.orders_stream import table_fingerprint as fingerprint

INCREMENTAL = (*MODELS, "orders_backfill_only")


def test_an_empty_build_leaves_every_populated_incremental_table_exactly_as_it_was(warehouse: DbtProject) -> None:
    create_raw_orders(warehouse)
    insert_orders(warehouse, generate_orders(days=10, late_5=0))
    warehouse.dbt("run", "-s", *INCREMENTAL, vars={"steadyflow_now": end_of(day(9))})
    before = {model: fingerprint(warehouse, model) for model in INCREMENTAL}
    assert {model: fp[0] for model, fp in before.items()} == dict.fromkeys(INCREMENTAL, 500)

    # Pinned to the day of the data (the window covers days 6-9), then with the wall clock, then as a backfill.
    for vars in (
        {"steadyflow_now": end_of(day(9))},
        None,
        {"backfill_start": "2024-01-02", "backfill_end": "2024-01-09"},
    ):
        warehouse.dbt("build", "--empty", "-s", *INCREMENTAL, vars=vars)
        assert {model: fingerprint(warehouse, model) for model in INCREMENTAL} == before, vars


def test_an_empty_build_creates_missing_tables_empty_and_the_next_run_loads_everything(warehouse: DbtProject) -> None:
    create_raw_orders(warehouse)
    insert_orders(warehouse, generate_orders(days=4, late_5=0))

    warehouse.dbt("build", "--empty", "-s", *INCREMENTAL, vars={"steadyflow_now": end_of(day(3))})
    assert {
        model: int(query(warehouse, f"select count(*) from {model}")[0][0]) for model in INCREMENTAL
    } == dict.fromkeys(INCREMENTAL, 0)

    warehouse.dbt("run", "-s", *MODELS, vars={"steadyflow_now": end_of(day(3))})
    assert {model: fingerprint(warehouse, model)[0] for model in MODELS} == dict.fromkeys(MODELS, 200)
