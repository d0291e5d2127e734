"""Compile-only checks of the privacy macros' Spark/Databricks, Snowflake and BigQuery variants (not installed
here): one `dbt compile --inline` on DuckDB renders each variant directly and the test reads its SQL, as
tests/late_data/test_adapter_sql.py does. Identifier quoting is DuckDB's (the adapter that renders)."""

from __future__ import annotations

import re

import pytest

from tests.late_data.test_adapter_sql import squash
from tests.support.dbt import DbtProject

RELATION = "api.Relation.create(database='db', schema='sales', identifier='orders')"
SPEC = "{'column': 'region', 'allow': {'analyst_de': \"region = 'DE'\"}, 'see_all': ['admin']}"
SALT = "steadyflow.default__pii_salt_sql()"
PIECES = {
    "duckdb_hash": f"steadyflow.default__hash_pii_sql('email', 'email', {SALT})",
    "postgres_hash": "steadyflow.postgres__hash_pii_sql('email', 'email', steadyflow.postgres__pii_salt_sql())",
    "spark_hash": f"steadyflow.spark__hash_pii_sql('email', 'email', {SALT})",
    "databricks_hash": f"steadyflow.databricks__hash_pii_sql('full_name', 'trim', {SALT})",
    "snowflake_hash": f"steadyflow.snowflake__hash_pii_sql('email', 'email', {SALT})",
    "bigquery_hash": f"steadyflow.bigquery__hash_pii_sql('full_name', 'none', {SALT})",
    "databricks_purge": "steadyflow.databricks__purge_statements()['each'] | join('; ')",
    "snowflake_purge": "steadyflow.snowflake__purge_statements()['note']",
    "databricks_row_filter": f"steadyflow.databricks__row_filter_sql({RELATION}, {SPEC})",
    "snowflake_row_filter": f"steadyflow.snowflake__row_filter_sql({RELATION}, {SPEC})",
}
SALT_SQL = "(select salt from steadyflow_private.pii_salt)"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> dict[str, str]:
    project = DbtProject(work_dir=tmp_path_factory.mktemp("privacy_adapter_sql"), target="duckdb")
    inline = "\n".join(f"-- @@{name}\n{{{{ {expr} }}}}" for name, expr in PIECES.items())
    res = project.dbt("compile", "--inline", inline)
    compiled = res.raw.result.results[0].node.compiled_code
    parts = re.split(r"^-- @@(\w+)$", compiled, flags=re.M)[1:]
    return {name: squash(body) for name, body in zip(parts[::2], parts[1::2], strict=True)}


@pytest.mark.parametrize(
    ("piece", "sql"),
    [
        ("duckdb_hash", f"sha256({SALT_SQL} || lower(trim(cast(email as varchar), ' ')))"),
        (
            "postgres_hash",
            "encode(sha256(convert_to(current_setting('steadyflow.pii_salt') || lower(btrim(cast(email as text),"
            " ' ')), 'UTF8')), 'hex')",
        ),
        ("spark_hash", f"sha2({SALT_SQL} || lower(trim(both ' ' from cast(email as string))), 256)"),
        ("databricks_hash", f"sha2({SALT_SQL} || trim(both ' ' from cast(full_name as string)), 256)"),
        ("snowflake_hash", f"sha2({SALT_SQL} || lower(trim(cast(email as varchar), ' ')), 256)"),
        ("bigquery_hash", f"to_hex(sha256({SALT_SQL} || cast(full_name as string)))"),
        (
            "databricks_purge",
            "reorg table {relation} apply (purge); set spark.databricks.delta.retentionDurationCheck.enabled = false;"
            " vacuum {relation} retain 0 hours; set spark.databricks.delta.retentionDurationCheck.enabled = true",
        ),
        (
            "snowflake_purge",
            "Time Travel (data_retention_time_in_days) and Fail-safe (7 days) keep the deleted rows;"
            " Snowflake removes them when those periods end",
        ),
        (
            "databricks_row_filter",
            "create or replace function db.sales.orders__row_filter(region string) returns boolean return"
            " is_account_group_member('admin') or (is_account_group_member('analyst_de') and region = 'DE');"
            ' alter table "db"."sales"."orders" set row filter db.sales.orders__row_filter on (region)',
        ),
        (
            "snowflake_row_filter",
            'alter table "db"."sales"."orders" drop all row access policies; create or replace row access policy'
            " db.sales.orders__row_filter as (region varchar) returns boolean -> is_role_in_session('ADMIN') or"
            ' (is_role_in_session(\'ANALYST_DE\') and region = \'DE\'); alter table "db"."sales"."orders" add row'
            " access policy db.sales.orders__row_filter on (region)",
        ),
    ],
)
def test_each_adapter_variant_renders_its_own_sql(rendered: dict[str, str], piece: str, sql: str) -> None:
    assert rendered[piece] == sql
