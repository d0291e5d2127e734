"""`--full-refresh` together with backfill vars would rebuild the table from only the backfill window (every
other row gone). It is refused before the table is touched, for lookback_window models with any strategy
(the model's compile error) and for replace_window models, backfill-only ones included (the package's
on-run-start check: a full refresh of those runs no steadyflow code). Either one alone still works."""

from __future__ import annotations

from tests.support.dbt import DbtProject
from tests.support.orders_stream import MODELS, create_raw_orders, day, end_of, generate_orders, insert_orders
from tests.support.orders_stream import table_fingerprint as fingerprint

NOW = {"steadyflow_now": end_of(day(9))}
WINDOW = {"backfill_start": "2024-01-04", "backfill_end": "2024-01-08"}
DROP_ONE = ": drop one (run the backfill without --full-refresh, or the full refresh without the backfill vars)"


def test_a_full_refresh_with_backfill_vars_is_refused_and_every_row_stays(warehouse: DbtProject) -> None:
    models = (*MODELS, "orders_backfill_only")
    create_raw_orders(warehouse)
    insert_orders(warehouse, generate_orders(days=10, late_5=0))
    warehouse.dbt("run", "-s", *models, vars=NOW)
    before = {model: fingerprint(warehouse, model) for model in models}
    assert {model: fp[0] for model, fp in before.items()} == dict.fromkeys(models, 500)

    # lookback_window with merge / delete+insert: the model's own compile error names the window
    for model in ("orders_delete_insert", "orders_merge"):
        res = warehouse.dbt("run", "-s", model, "--full-refresh", vars={**NOW, **WINDOW}, expect=False)
        assert "steadyflow.lookback_window: --full-refresh rebuilds " in res.text, res.text
        assert (
            f"{model}\" from begin; with the backfill vars (backfill_start='2024-01-04', backfill_end='2024-01-08')"
            " it would keep only [2024-01-04 00:00:00, 2024-01-08 00:00:00) and lose every other row"
            + DROP_ONE
            in res.text
        ), res.text
    # replace_window, with and without lookback_window: stopped by the on-run-start check, before any build
    for model in ("orders_replace_window", "orders_backfill_only"):
        res = warehouse.dbt(
            "run", "-s", model, "--full-refresh", vars={**NOW, "backfill_date": "2024-01-05"}, expect=False
        )
        assert (
            f"steadyflow: --full-refresh rebuilds model {model} from scratch; with the backfill vars"
            " (backfill_date='2024-01-05') it would keep only that window and lose every other row (a model without"
            " lookback_window would load every row it selects, ignoring the window)" + DROP_ONE in res.text
        ), res.text

    assert {model: fingerprint(warehouse, model) for model in models} == before

    # Either alone is fine: the backfill replaces its window, the full refresh rebuilds every row.
    warehouse.dbt("run", "-s", "orders_backfill_only", "orders_merge", vars={**NOW, **WINDOW})
    warehouse.dbt("run", "-s", "orders_replace_window", "orders_merge", "--full-refresh", vars=NOW)
    assert {model: fingerprint(warehouse, model) for model in models} == before
