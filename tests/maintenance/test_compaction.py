"""`dbt run-operation steadyflow_compact` on a real table, on DuckDB and PostgreSQL.

Compaction must leave the rows exactly as they were (same count and md5 over the rows in order), run the
adapter's statements for real (PostgreSQL: VACUUM outside any transaction block, seen in
pg_stat_user_tables; DuckDB: `analyze` + `checkpoint`, seen executed in the dbt log), and with
dry_run run nothing.
"""

from __future__ import annotations

from tests.maintenance.support import build_orders, compact, delete_rows, last_invocation_log, pg_vacuum_stats
from tests.support.dbt import DbtProject
from tests.support.orders_stream import table_fingerprint

STATEMENTS = {
    "duckdb": ['analyze "warehouse"."main"."orders_merge"', 'checkpoint "warehouse"'],
    "postgres": ['vacuum (analyze) "steadyflow"."{schema}"."orders_merge"'],
}


def statements(project: DbtProject) -> list[str]:
    return [s.format(schema=project.schema) for s in STATEMENTS[project.target]]


def test_compaction_runs_the_adapter_statements_and_leaves_the_rows_unchanged(warehouse: DbtProject) -> None:
    build_orders(warehouse)
    deleted = delete_rows(warehouse, "orders_merge", "order_id % 10 = 0")
    before = table_fingerprint(warehouse, "orders_merge")
    if warehouse.target == "postgres":
        old = pg_vacuum_stats(warehouse, "orders_merge")
        assert (old["vacuum_count"], old["n_dead_tup"], old["last_vacuum"]) == (0, deleted, None)

    compact(warehouse, relation="orders_merge", dry_run=False)

    assert deleted == 20 and before[0] == 180
    assert table_fingerprint(warehouse, "orders_merge") == before
    log = last_invocation_log(warehouse)
    for sql in statements(warehouse):
        assert f"\n{sql}\n" in log, f"{sql!r} was not sent to the warehouse"  # dbt logs each executed statement
        assert f": ran {sql} in " in log
    summary = f"compacted, {len(statements(warehouse))} statement(s) in "
    assert summary in log and "; ".join(statements(warehouse)) in log
    if warehouse.target == "postgres":
        stats = pg_vacuum_stats(warehouse, "orders_merge")
        assert (stats["vacuum_count"], stats["n_dead_tup"]) == (1, 0)  # the vacuum ran and removed them all
        assert stats["analyze_count"] == old["analyze_count"] + 1 and stats["last_vacuum"] is not None


def test_a_table_named_schema_dot_table_is_compacted_too(warehouse: DbtProject) -> None:
    build_orders(warehouse)
    schema = warehouse.schema or "main"
    count_before = table_fingerprint(warehouse, "raw_orders")  # raw_orders has order_id, customer_id, ...

    compact(warehouse, relation=f"{schema}.raw_orders")

    assert table_fingerprint(warehouse, "raw_orders") == count_before
    assert f"steadyflow_compact: {schema}.raw_orders (" in last_invocation_log(warehouse)
    if warehouse.target == "postgres":
        assert pg_vacuum_stats(warehouse, "raw_orders")["vacuum_count"] == 1


def test_a_dry_run_logs_the_statements_and_runs_nothing(warehouse: DbtProject) -> None:
    build_orders(warehouse)
    deleted = delete_rows(warehouse, "orders_merge", "order_id % 10 = 0")
    before = table_fingerprint(warehouse, "orders_merge")

    compact(warehouse, relation="orders_merge", dry_run=True)

    assert table_fingerprint(warehouse, "orders_merge") == before
    log = last_invocation_log(warehouse)
    for sql in statements(warehouse):
        assert f"): dry run, would run: {sql}" in log
        assert f"\n{sql}\n" not in log and ": ran " not in log
    assert f"dry run, {len(statements(warehouse))} statement(s) not run: " in log
    if warehouse.target == "postgres":
        stats = pg_vacuum_stats(warehouse, "orders_merge")
        assert (stats["vacuum_count"], stats["n_dead_tup"], stats["last_vacuum"]) == (0, deleted, None)
