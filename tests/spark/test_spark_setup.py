"""The consumer's set-up on Spark: one root file of two one-line overrides (dbt-spark validates the strategy name
against a fixed list and never calls a package's strategy). Without it, the first run of a replace_window model
stops before anything is built, printing the file; other models and strategies are unaffected."""

from __future__ import annotations

from pathlib import Path

from tests.late_data.project_copy import project_copy
from tests.spark.daily_orders import MODEL, create_daily
from tests.support.dbt import DbtProject, query

OVERRIDES = "macros/steadyflow_spark.sql"


def test_replace_window_on_spark_without_the_root_overrides_fails_first_printing_them(
    spark: DbtProject, tmp_path: Path
) -> None:
    project = project_copy(spark, tmp_path, lambda p: (p / OVERRIDES).unlink())
    create_daily(project)

    res = project.dbt("run", "-s", MODEL, expect=False)

    assert (
        f"steadyflow: model {MODEL} uses incremental_strategy='replace_window' on Spark, but the root project"
        " 'steadyflow_integration_tests' does not define dbt_spark_validate_get_incremental_strategy and"
        " dbt_spark_get_incremental_sql" in res.text
    ), res.text
    assert "add this file to the root project: macros/steadyflow_spark.sql" in res.text
    expected = (Path(__file__).parents[2] / "integration_tests" / OVERRIDES).read_text().splitlines()[-2:]
    assert all(line in res.text for line in expected)
    assert MODEL not in {r[1] for r in query(project, "show tables")}

    # dbt-spark's own strategies do not need it.
    project.dbt("run", "-s", "guards_orders")
