"""The documented recipe (docs/changing-models.md, "Fill a new column across history"): a replace_window model
gains a column under on_schema_change='append_new_columns'; the next run fills it in the window only; the
chunked backfill (steadyflow.runtime.backfill, what the `backfill` template's task runs) over every day since
`begin` rewrites history with it, and no null is left in the column."""

from __future__ import annotations

import pytest

from tests.late_data.project_copy import project_copy
from tests.schema_drift.dbt_process import DBT, dbt_process
from tests.schema_drift.matrix import load_raw, model_name, write_models
from tests.support.dbt import DbtProject, patched_env, query

MODEL = model_name("replace_window", "append_new_columns", "column added")


@pytest.fixture
def drifted(warehouse: DbtProject) -> DbtProject:
    """The model built on 10 days, then with its new column qty_x10 after a late day 11."""
    project = project_copy(warehouse, warehouse.work_dir, lambda d: write_models(d, ["replace_window"]))
    load_raw(project, range(1, 11))
    dbt_process(project, "run", "-s", MODEL, vars={"drift_step": 1})
    load_raw(project, range(11, 12))
    dbt_process(project, "run", "-s", MODEL, vars={"drift_step": 2})
    return project


def test_the_chunked_backfill_fills_a_new_column_across_history(drifted: DbtProject) -> None:
    from steadyflow.runtime.backfill import run_backfill

    # after the run: the 9 rows of the window carry the column, the 24 before it are null
    assert query(drifted, f"select count(*), count(qty_x10) from {MODEL}") == [(33, 9)]

    settings = {
        "root_env": "STEADYFLOW_DRIFT_ROOT",
        "project_dir": str(drifted.project_dir),
        "profiles_dir": str(drifted.project_dir),
        "target": drifted.target,
        "executable": DBT,
    }
    with patched_env({**drifted.env(), "STEADYFLOW_DRIFT_ROOT": str(drifted.project_dir)}):
        chunks = run_backfill(
            start="2024-01-01",
            end="2024-01-12",
            chunk_days=4,
            dbt=settings,
            select=[MODEL],
            window_vars={"start": "backfill_start", "end": "backfill_end"},
            vars={"drift_step": 2},
        )

    assert chunks == 3
    # every row kept, none duplicated, and the column filled everywhere
    assert query(drifted, f"select count(*), count(distinct id), count(qty_x10) from {MODEL}") == [(33, 33, 33)]
    assert query(drifted, f"select count(*) from {MODEL} where qty_x10 <> qty * 10") == [(0,)]
