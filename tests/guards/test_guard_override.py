"""A project overrides a guard whole, the dbt-utils way: the `{% test %}` block only dispatches, so a
`<adapter>__test_<guard>` macro in the root project (with a `dispatch` search order naming the project first)
receives every argument as the user wrote it and its own `config()` calls apply, exactly like the package's
`default__test_<guard>`, which holds the argument checks, the config and the SQL."""

from __future__ import annotations

from pathlib import Path

from tests.late_data.project_copy import project_copy
from tests.support.dbt import DbtProject

DISPATCH = """
dispatch:
  - macro_namespace: steadyflow
    search_order: ["steadyflow_integration_tests", "steadyflow"]
"""

ARGUMENTS = (
    "model, min_rows, max_rows, compare_model, tolerance_percent, compare_where, group_by, compare_group_by,"
    " warn_above, error_above"
)
OVERRIDE = f"""\
{{% macro duckdb__test_row_count_guard({ARGUMENTS}) %}}
    {{{{ config(fail_calc="count(*) * 1000") }}}}
    {{%- do log("override saw min_rows=" ~ min_rows ~ " compare_model=" ~ compare_model, info=True) -%}}
    {{{{ return(steadyflow.default__test_row_count_guard({ARGUMENTS})) }}}}
{{% endmacro %}}
"""


def with_override(base: DbtProject, work_dir: Path) -> DbtProject:
    def edit(project_dir: Path) -> None:
        project_yml = project_dir / "dbt_project.yml"
        project_yml.write_text(project_yml.read_text() + DISPATCH)
        (project_dir / "macros" / "duckdb__test_row_count_guard.sql").write_text(OVERRIDE)

    return project_copy(base, work_dir, edit)


def test_a_project_override_of_a_guard_sees_its_arguments_and_sets_its_own_config(
    duckdb_project: DbtProject, tmp_path: Path
) -> None:
    project = with_override(duckdb_project, tmp_path)

    res = project.dbt("build", "-s", "+guards_orders_empty", expect=None)

    # the package's SQL still finds the one broken bound (an empty model, min_rows 1), counted by the
    # override's fail_calc; the 0 vs 0 comparisons still pass
    assert res.failures["guards_rows_empty_model"] == 1000
    assert res.failures["guards_rows_0_vs_0"] == 0
    # the override got min_rows as written (unset), not the package's default of 1
    assert "override saw min_rows=None compare_model=None" in (project.work_dir / "logs" / "dbt.log").read_text()
