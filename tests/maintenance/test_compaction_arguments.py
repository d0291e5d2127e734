"""Bad arguments and unknown tables stop steadyflow_compact with a compile error naming them, before any
statement runs. Validation and lookup are adapter-neutral Jinja, so these run on DuckDB only."""

from __future__ import annotations

from typing import Any

import pytest

from tests.maintenance.support import compact, last_invocation_log
from tests.support.dbt import DbtProject, query

CASES = [
    ({"relation": "no_such_table"},
     "steadyflow_compact: relation 'no_such_table' not found: no table warehouse.main.no_such_table in the"
     " warehouse (no model, seed or snapshot of that name; table in the target schema); build it first or fix"
     " the name"),
    ({"relation": "orders_merge"},
     "steadyflow_compact: relation 'orders_merge' not found: no table warehouse.main.orders_merge in the"
     " warehouse (model model.steadyflow_integration_tests.orders_merge); build it first or fix the name"),
    ({"relation": "main.nope"},
     "steadyflow_compact: relation 'main.nope' not found: no table warehouse.main.nope in the warehouse (table)"),
    ({"relation": "compact_me_view"},
     "steadyflow_compact: relation 'compact_me_view' is a view (\"warehouse\".\"main\".\"compact_me_view\"),"
     " not a table; only tables are compacted"),
    ({},
     "steadyflow_compact: argument `relation` must be a model, seed or snapshot name, a table in the target"
     " schema, schema.table or database.schema.table, got null"),
    ({"relation": "orders; drop table x"},
     "steadyflow_compact: argument `relation` must be a model, seed or snapshot name, a table in the target"
     ' schema, schema.table or database.schema.table, got "orders; drop table x"'),
    ({"relation": "compact_me", "dry_run": "yes"},
     'steadyflow_compact: argument `dry_run` must be true or false, got "yes"'),
    ({"relation": "compact_me", "dryrun": True},
     'steadyflow_compact: unknown argument(s) dryrun, got {"dryrun": true} (accepted: relation, dry_run, zorder_by)'),
    ({"relation": "compact_me", "zorder_by": "a; drop"},
     'steadyflow_compact: argument `zorder_by` must list plain column names, got "a; drop"'),
    ({"relation": "compact_me", "zorder_by": "order_id"},
     "steadyflow_compact: argument `zorder_by` is only supported on spark/databricks (Delta OPTIMIZE), not on"
     ' target type duckdb, got ["order_id"]'),
]  # fmt: skip


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    """One DuckDB warehouse with a table and a view, shared by the cases (nothing here changes it)."""
    project = DbtProject(work_dir=tmp_path_factory.mktemp("compact_arguments"), target="duckdb")
    query(project, "create table compact_me as select 1 as order_id")
    query(project, "create view compact_me_view as select 1 as order_id")
    return project


@pytest.mark.parametrize(("args", "message"), CASES, ids=[m.split(":", 2)[1].strip()[:40] for _, m in CASES])
def test_bad_input_is_a_compile_error_naming_it_and_nothing_runs(
    project: DbtProject, args: dict[str, Any], message: str
) -> None:
    compact(project, expect=False, **args)

    log = last_invocation_log(project)  # run-operation reports its error through the log
    assert "Encountered an error while running operation: Compilation Error" in log and message in log, log
    assert "\nanalyze " not in log and "\ncheckpoint " not in log and ": ran " not in log
