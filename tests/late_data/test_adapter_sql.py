"""Compile-only checks of the Databricks (and Spark Delta), Snowflake and BigQuery variants (Spark on Parquet
runs for real in tests/spark).

Those adapters are not installed here, so one `dbt compile --inline` on DuckDB renders each variant
macro directly (steadyflow.<adapter>__<macro>) and the test reads the SQL it produced. Identifier quoting
comes from the adapter that renders (DuckDB: double quotes); the rest is each variant's own SQL.
"""

from __future__ import annotations

import re

import pytest

from tests.support.dbt import DbtProject

ARGS = (
    "api.Relation.create(database='db', schema='sales', identifier='orders'), "
    "api.Relation.create(database='db', schema='sales', identifier='orders__dbt_tmp'), "
    '\'ordered_at\', steadyflow.{lit}("2024-01-07"), steadyflow.{lit}("2024-01-12 23:00:00"), '
    "[api.Column('order_id', 'integer'), api.Column('ordered_at', 'timestamp')]"
)
PIECES = {
    "default_literal": 'steadyflow.default__timestamp_literal("2024-01-07T06:30:00.5")',
    "snowflake_literal": 'steadyflow.snowflake__timestamp_literal("2024-01-07")',
    "postgres_utc_literal": 'steadyflow.postgres__utc_literal("2024-01-07T06:30:00.5")',
    "duckdb_utc_literal": 'steadyflow.duckdb__utc_literal("2024-01-07")',
    "default_utc_literal": 'steadyflow.default__utc_literal("2024-01-07")',
    "default_trunc": "steadyflow.default__truncate_timestamp('max(ordered_at)', 'day')",
    "postgres_trunc": "steadyflow.postgres__truncate_timestamp('max(ordered_at)', 'month')",
    "bigquery_trunc": "steadyflow.bigquery__truncate_timestamp('max(ordered_at)', 'week')",
    "bigquery_trunc_hour": "steadyflow.bigquery__truncate_timestamp('max(ordered_at)', 'hour')",
    "default_replace": "steadyflow.default__replace_window_sql(" + ARGS.format(lit="default__timestamp_literal") + ")",
    "databricks_replace": "steadyflow.databricks__replace_window_sql("
    + ARGS.format(lit="default__timestamp_literal")
    + ")",
    "spark_utc_literal": 'steadyflow.spark__utc_literal("2024-01-07T06:30:00")',
    "databricks_utc_literal": 'steadyflow.databricks__utc_literal("2024-01-07")',
    "partition_days": "steadyflow._partition_days_predicate('order_date', modules.datetime.datetime(2024, 1, 7, 6),"
    " modules.datetime.datetime(2024, 1, 12, 23))",
    "snowflake_replace": "steadyflow.snowflake__replace_window_sql("
    + ARGS.format(lit="snowflake__timestamp_literal")
    + ")",
    "bigquery_replace": "steadyflow.bigquery__replace_window_sql("
    + ARGS.format(lit="default__timestamp_literal")
    + ")",
}


def squash(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> dict[str, str]:
    project = DbtProject(work_dir=tmp_path_factory.mktemp("adapter_sql"), target="duckdb")
    inline = "\n".join(f"-- @@{name}\n{{{{ {expr} }}}}" for name, expr in PIECES.items())
    res = project.dbt("compile", "--inline", inline)
    compiled = res.raw.result.results[0].node.compiled_code
    parts = re.split(r"^-- @@(\w+)$", compiled, flags=re.M)[1:]
    return {name: squash(body) for name, body in zip(parts[::2], parts[1::2], strict=True)}


WINDOW = "ordered_at >= timestamp '2024-01-07 00:00:00' and ordered_at < timestamp '2024-01-12 23:00:00'"
SNOWFLAKE_WINDOW = (
    "ordered_at >= '2024-01-07 00:00:00'::timestamp_ntz and ordered_at < '2024-01-12 23:00:00'::timestamp_ntz"
)
DELETE_INSERT = (
    'delete from "db"."sales"."orders" where {w}; insert into "db"."sales"."orders" ("order_id", "ordered_at") '
    'select "order_id", "ordered_at" from "db"."sales"."orders__dbt_tmp" where {w}'
)


@pytest.mark.parametrize(
    ("piece", "sql"),
    [
        ("default_literal", "timestamp '2024-01-07 06:30:00.500000'"),
        ("snowflake_literal", "'2024-01-07 00:00:00'::timestamp_ntz"),
        ("postgres_utc_literal", "'2024-01-07 06:30:00.500000+00'"),
        ("duckdb_utc_literal", "'2024-01-07 00:00:00+00'"),
        ("default_utc_literal", "timestamp '2024-01-07 00:00:00'"),
        ("spark_utc_literal", "timestamp '2024-01-07 06:30:00+00:00'"),
        ("databricks_utc_literal", "timestamp '2024-01-07 00:00:00+00:00'"),
        ("partition_days", "order_date >= date '2024-01-07' and order_date < date '2024-01-13'"),
        ("default_trunc", "date_trunc('day', max(ordered_at))"),
        ("postgres_trunc", "date_trunc('month', cast(max(ordered_at) as timestamp))"),
        ("bigquery_trunc", "timestamp_trunc(cast(max(ordered_at) as timestamp), isoweek)"),
        ("bigquery_trunc_hour", "timestamp_trunc(cast(max(ordered_at) as timestamp), hour)"),
        ("default_replace", DELETE_INSERT.format(w=WINDOW)),
        (
            "databricks_replace",
            f'insert into "db"."sales"."orders" replace where {WINDOW} select "order_id", "ordered_at" '
            f'from "db"."sales"."orders__dbt_tmp" where {WINDOW}',
        ),
        ("snowflake_replace", "begin; " + DELETE_INSERT.format(w=SNOWFLAKE_WINDOW) + "; commit"),
        ("bigquery_replace", "begin transaction; " + DELETE_INSERT.format(w=WINDOW) + "; commit transaction"),
    ],
)
def test_each_adapter_variant_renders_its_own_sql(rendered: dict[str, str], piece: str, sql: str) -> None:
    assert rendered[piece] == sql
