"""A project that uses replace_window without the one-line root wrapper fails on its FIRST run, before
anything is built, with a steadyflow error that prints the wrapper and where it goes; a backfill-only model
(which calls no steadyflow macro) is caught too, and runs that select no replace_window model are not."""

from __future__ import annotations

from pathlib import Path

from tests.late_data.project_copy import project_copy
from tests.support.dbt import DbtProject, query
from tests.support.orders_stream import create_raw_orders, generate_orders, insert_orders

WRAPPER = (
    "{% macro get_incremental_replace_window_sql(arg_dict) %}"
    "{{ return(steadyflow.get_incremental_replace_window_sql(arg_dict)) }}{% endmacro %}"
)


def without_wrapper(base: DbtProject, work_dir: Path) -> DbtProject:
    return project_copy(base, work_dir, lambda p: (p / "macros" / "get_incremental_replace_window_sql.sql").unlink())


def tables(project: DbtProject) -> set[str]:
    rows = query(
        project,
        "select table_name from information_schema.tables"
        + ("" if project.target == "duckdb" else f" where table_schema = '{project.schema}'"),
    )
    return {r[0] for r in rows}


def test_replace_window_without_the_root_wrapper_fails_on_the_first_run_printing_the_fix(
    warehouse: DbtProject, tmp_path: Path
) -> None:
    project = without_wrapper(warehouse, tmp_path)
    create_raw_orders(project)
    insert_orders(project, generate_orders(days=2, late_5=0))

    for model in ("orders_replace_window", "orders_backfill_only"):
        res = project.dbt("run", "-s", model, expect=False)
        assert (
            f"steadyflow: model {model} uses incremental_strategy='replace_window', but the root project"
            " 'steadyflow_integration_tests' does not define the macro get_incremental_replace_window_sql" in res.text
        ), res.text
        assert "add this file to the root project: macros/get_incremental_replace_window_sql.sql" in res.text
        assert WRAPPER in res.text
    assert not {"orders_replace_window", "orders_backfill_only"} & tables(project)

    # Selections without a replace_window model, and commands that build nothing, are not affected.
    project.dbt("run", "-s", "orders_merge")
    project.dbt("compile", "-s", "orders_replace_window")
    project.dbt("parse")
    assert "orders_merge" in tables(project)


def test_the_check_passes_with_the_wrapper_on_a_full_build_and_an_empty_build(warehouse: DbtProject) -> None:
    create_raw_orders(warehouse)
    warehouse.dbt("build", "--empty", "-s", "orders_replace_window", "orders_backfill_only")
    warehouse.dbt("run", "-s", "orders_replace_window")
    warehouse.dbt("run", "-s", "orders_backfill_only", vars={"backfill_date": "2024-01-01"})
