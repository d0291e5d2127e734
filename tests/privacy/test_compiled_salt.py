"""SQL that `dbt compile` writes without a salt, pasted into a query tool in a session without one, fails
loudly instead of giving null digests: DuckDB reads the salt table (missing: an error), PostgreSQL reads the
setting without `missing_ok` (unset: an error)."""

from __future__ import annotations

import pytest

from tests.support.dbt import DbtProject, query

MODEL = "privacy_customers_hashed"  # the docs example: three hash_pii columns over privacy_customers


def test_compiled_sql_pasted_into_a_session_without_a_salt_fails_loudly(warehouse: DbtProject) -> None:
    warehouse.dbt("run", "-s", "privacy_customers")
    warehouse.dbt("compile", "-s", MODEL)
    [compiled] = (warehouse.work_dir / "target" / "compiled").rglob(f"{MODEL}.sql")
    sql = compiled.read_text(encoding="utf-8")

    expected = (
        'unrecognized configuration parameter "steadyflow.pii_salt"'
        if warehouse.target == "postgres"
        else 'Table with name "steadyflow_private.pii_salt" does not exist'
    )
    with pytest.raises(Exception, match=expected):
        query(warehouse, sql)
