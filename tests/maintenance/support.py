"""Shared by the compaction tests: a built orders table, the compaction run-operation, and what it logged."""

from __future__ import annotations

import json
from typing import Any

from tests.support.dbt import DbtProject, DbtResult, connect, query
from tests.support.orders_stream import create_raw_orders, day, end_of, generate_orders, insert_orders

DAYS = 10


def build_orders(project: DbtProject) -> int:
    """raw_orders landed and the orders_merge model built from it; returns the row count."""
    create_raw_orders(project)
    rows = insert_orders(project, generate_orders(DAYS, per_day=20))
    project.dbt("run", "-s", "orders_merge", vars={"steadyflow_now": end_of(day(DAYS - 1))})
    return rows


def compact(project: DbtProject, expect: bool | None = True, **args: Any) -> DbtResult:
    return project.dbt("run-operation", "steadyflow_compact", "--args", json.dumps(args), expect=expect)


def last_invocation_log(project: DbtProject) -> str:
    """The dbt.log lines of the most recent dbt invocation of `project`."""
    text = (project.work_dir / "logs" / "dbt.log").read_text(encoding="utf-8")
    return text.rsplit("Running with dbt=", 1)[-1]


def delete_rows(project: DbtProject, table: str, where: str) -> int:
    """Delete rows in one session; on PostgreSQL flush that session's stats so n_dead_tup shows them now."""
    conn = connect(project)
    try:
        if project.target == "duckdb":
            return int(conn.execute(f"delete from {table} where {where}").fetchone()[0])
        with conn.cursor() as cur:
            cur.execute(f"delete from {table} where {where}")
            deleted = int(cur.rowcount)
            cur.execute("select pg_stat_force_next_flush()")
        return deleted
    finally:
        conn.close()


def pg_vacuum_stats(project: DbtProject, table: str) -> dict[str, Any]:
    """PostgreSQL's cumulative statistics of `table`: manual vacuums/analyzes and dead tuples."""
    (row,) = query(
        project,
        "select vacuum_count, analyze_count, n_dead_tup, last_vacuum from pg_stat_user_tables"
        " where schemaname = %s and relname = %s",
        (project.schema, table),
    )
    return dict(zip(("vacuum_count", "analyze_count", "n_dead_tup", "last_vacuum"), row, strict=True))
