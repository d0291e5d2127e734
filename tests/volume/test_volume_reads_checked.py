"""volume_drop_guard stops with a steadyflow error (not a warehouse's raw message, not a guard that can never
judge) when what it reads is wrong: history mode on a view (views are never recorded, so it would pass forever),
history mode before steadyflow_row_count_history exists, and a group_by column the model does not have."""

from __future__ import annotations

from tests.guards.support import failed_compile_log
from tests.support.dbt import DbtProject
from tests.volume.support import HISTORY_ON, PINNED_NOW


def test_history_mode_on_a_view_names_the_model_and_says_views_are_not_recorded(warehouse: DbtProject) -> None:
    vars = {**HISTORY_ON, **PINNED_NOW}
    warehouse.dbt("run", "-s", "steadyflow_row_count_history", vars=vars)

    log = failed_compile_log(
        warehouse, "steadyflow.test_volume_drop_guard(model=ref('volume_events_poisoned'), mode='history')", vars
    )

    assert (
        "steadyflow.volume_drop_guard: argument `mode` needs a table or incremental model, but volume_events_poisoned"
        " is materialized view: only tables are recorded in steadyflow_row_count_history (views never are)"
    ) in log


def test_history_mode_before_the_history_exists_says_how_to_build_it(warehouse: DbtProject) -> None:
    vars = {**HISTORY_ON, **PINNED_NOW}
    warehouse.dbt("run", "-s", "volume_daily_load", vars=vars)  # the hook warns: no history table yet

    log = failed_compile_log(
        warehouse, "steadyflow.test_volume_drop_guard(model=ref('volume_daily_load'), mode='history')", vars
    )

    assert (
        "steadyflow.volume_drop_guard: argument `mode` reads steadyflow_row_count_history, which does not exist yet"
        " (testing volume_daily_load): build it once with dbt run -s steadyflow_row_count_history"
    ) in log
    assert "Catalog Error" not in log and "does not exist!" not in log


def test_a_group_by_column_the_model_lacks_is_named_with_the_models_columns(warehouse: DbtProject) -> None:
    warehouse.dbt("run", "-s", "volume_events", vars={**PINNED_NOW, "volume_days": 10})

    log = failed_compile_log(
        warehouse,
        "steadyflow.test_volume_drop_guard(model=ref('volume_events'), event_time='event_at', group_by=['country'])",
        PINNED_NOW,
    )

    assert (
        "steadyflow.volume_drop_guard: argument `group_by` names a column that volume_events does not have"
        ' (its columns: scenario, event_id, region, event_at), got "country"'
    ) in log
    assert "Binder Error" not in log
