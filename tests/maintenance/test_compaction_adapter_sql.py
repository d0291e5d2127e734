"""Compile-only checks of the Databricks (Delta), Snowflake and BigQuery compaction statements (Spark on
Parquet runs for real in tests/spark/test_compact_on_spark.py).

Those adapters are not installed here, so one `dbt compile --inline` on DuckDB renders each variant
macro directly (steadyflow.<adapter>__compact_statements) and the test reads what it returned. Identifier
quoting comes from the adapter that renders (DuckDB: double quotes); the rest is each variant's own SQL.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.support.dbt import DbtProject

RELATION = "api.Relation.create(database='db', schema='sales', identifier='orders')"
PIECES = {
    "databricks": f"steadyflow.databricks__compact_statements({RELATION}, [])",
    "databricks_zorder_two": f"steadyflow.databricks__compact_statements({RELATION}, ['customer_id', 'ordered_at'])",
    "databricks_zorder": f"steadyflow.databricks__compact_statements({RELATION}, ['customer_id'])",
    "snowflake": f"steadyflow.snowflake__compact_statements({RELATION}, [])",
    "bigquery": f"steadyflow.bigquery__compact_statements({RELATION}, [])",
    "postgres": f"steadyflow.postgres__compact_statements({RELATION}, [])",
    "default": f"steadyflow.default__compact_statements({RELATION}, [])",
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> dict[str, dict[str, object]]:
    project = DbtProject(work_dir=tmp_path_factory.mktemp("compact_sql"), target="duckdb")
    inline = "\n".join(f"-- @@{name}\n{{{{ tojson({expr}) }}}}" for name, expr in PIECES.items())
    res = project.dbt("compile", "--inline", inline)
    compiled = res.raw.result.results[0].node.compiled_code
    parts = re.split(r"^-- @@(\w+)$", compiled, flags=re.M)[1:]
    return {name: json.loads(body) for name, body in zip(parts[::2], parts[1::2], strict=True)}


@pytest.mark.parametrize(
    ("piece", "statements", "note"),
    [
        ("databricks", ['optimize "db"."sales"."orders"'], None),
        ("databricks_zorder_two", ['optimize "db"."sales"."orders" zorder by (customer_id, ordered_at)'], None),
        ("databricks_zorder", ['optimize "db"."sales"."orders" zorder by (customer_id)'], None),
        ("snowflake", [], "snowflake manages micro-partitions and automatic clustering itself; nothing to run"),
        ("bigquery", [], "bigquery manages storage and automatic re-clustering itself; nothing to run"),
        ("postgres", ['vacuum (analyze) "db"."sales"."orders"'], None),
        ("default", ['analyze "db"."sales"."orders"', 'checkpoint "db"'], None),
    ],
)
def test_each_adapter_variant_returns_its_own_compaction_statements(
    rendered: dict[str, dict[str, object]], piece: str, statements: list[str], note: str | None
) -> None:
    assert rendered[piece] == {"statements": statements, "note": note}
