"""The schema-drift matrix: one incremental model per strategy x on_schema_change x change, in a copy of the
integration project, built in two steps (`drift_step` 1: the original columns; 2: the changed ones) with one
dbt invocation per step, and what each model then holds.

Every model reads the landing table drift_raw (10 days x 3 rows at step 1, a late day 11 at step 2) through
steadyflow.lookback_window (1 day of lookback), so step 2 replaces days 10-11 and leaves days 1-9 alone."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.support.dbt import DbtProject, DbtResult, query

STRATEGIES = ("replace_window", "delete+insert", "merge")
MODES = ("ignore", "fail", "append_new_columns", "sync_all_columns")
CHANGES = ("column added", "column removed", "column widened", "incompatible type change")

# the model's columns at step 1, and at step 2 per change (SQL select items)
BEFORE = [
    "id",
    "event_at",
    "cast(qty as integer) as qty",
    "cast(price as decimal(10, 2)) as price",
    "note",
]
AFTER = {
    "column added": [*BEFORE, "cast(qty * 10 as integer) as qty_x10"],
    "column removed": BEFORE[:4],
    "column widened": [*BEFORE[:2], "cast(qty as bigint) as qty", "cast(price as decimal(18, 2)) as price", "note"],
    "incompatible type change": [*BEFORE[:4], "cast(id as integer) as note"],
}
# the columns present both before and after, over which rows outside the window keep their checksum
COMMON = {
    "column added": ["id", "event_at", "qty", "price", "note"],
    "column removed": ["id", "event_at", "qty", "price"],
    "column widened": ["id", "event_at", "qty", "price", "note"],
    "incompatible type change": ["id", "event_at", "qty", "price"],
}
OUTSIDE_WINDOW = "event_at < '2024-01-09'"


SHORT = {
    "replace_window": "rw",
    "delete+insert": "di",
    "merge": "mg",
    "append_new_columns": "append",
    "sync_all_columns": "sync",
    "column added": "added",
    "column removed": "removed",
    "column widened": "widened",
    "incompatible type change": "retyped",
}


def model_name(strategy: str, mode: str, change: str) -> str:
    """e.g. drift_rw_sync_retyped (PostgreSQL names stop at 63 characters)."""
    return "drift_" + "_".join(SHORT.get(part, part) for part in (strategy, mode, change))


def model_sql(strategy: str, mode: str, change: str) -> str:
    unique_key = "" if strategy == "replace_window" else ",\n        unique_key='id'"
    before = ",\n    ".join(BEFORE)
    after = ",\n    ".join(AFTER[change])
    return f"""{{{{
    config(
        materialized='incremental',
        incremental_strategy='{strategy}',
        on_schema_change='{mode}'{unique_key}
    )
}}}}

select
    {{% if var('drift_step', 1) == 1 %}}
    {before}
    {{% else %}}
    {after}
    {{% endif %}}
from {{{{ adapter.quote(target.schema) }}}}.drift_raw
where {{{{ steadyflow.lookback_window('event_at', lookback_days=1, begin='2024-01-01') }}}}
"""


def write_models(project_dir: Path, strategies: Iterable[str] = STRATEGIES) -> list[str]:
    """Write the matrix's models into models/drift of a project copy; returns their names."""
    folder = project_dir / "models" / "drift"
    folder.mkdir(parents=True)
    names = []
    for strategy in strategies:
        for mode in MODES:
            for change in CHANGES:
                name = model_name(strategy, mode, change)
                (folder / f"{name}.sql").write_text(model_sql(strategy, mode, change), encoding="utf-8")
                names.append(name)
    return names


def load_raw(project: DbtProject, days: range) -> None:
    """drift_raw with 3 rows per day of `days` (January 2024); created on the first call."""
    query(
        project,
        "create table if not exists drift_raw "
        "(id integer, event_at timestamp, qty integer, price decimal(10, 2), note varchar(20))",
    )
    for day in days:
        for n in range(3):
            row_id = day * 10 + n
            query(
                project,
                "insert into drift_raw values "
                f"({row_id}, timestamp '2024-01-{day:02d} {8 + n:02d}:00:00', {row_id % 7}, {row_id}.25, 'n{row_id}')",
            )


@dataclass(frozen=True)
class Outcome:
    """What one model of the matrix did at step 2."""

    succeeded: bool
    message: str
    columns: dict[str, str]  # name -> data type as the warehouse reports it
    rows: int
    outside_checksum: str  # rows before the window, over the columns present before and after


def columns_of(project: DbtProject, table: str) -> dict[str, str]:
    if project.target == "duckdb":
        sql = f"select column_name, data_type from information_schema.columns where table_name = '{table}'"
        return {name: kind.lower() for name, kind in query(project, sql + " order by ordinal_position")}
    sql = (
        "select column_name, case when data_type = 'numeric' then "
        "'decimal(' || numeric_precision || ',' || numeric_scale || ')' else data_type end "
        f"from information_schema.columns where table_name = '{table}' and table_schema = '{project.schema}' "
        "order by ordinal_position"
    )
    return {name: kind.lower() for name, kind in query(project, sql)}


def checksum(project: DbtProject, table: str, columns: list[str]) -> str:
    rows = query(project, f"select {', '.join(columns)} from {table} where {OUTSIDE_WINDOW} order by id")
    return hashlib.sha256(repr([tuple(str(v) for v in row) for row in rows]).encode()).hexdigest()


def outcome(project: DbtProject, result: DbtResult, name: str, change: str) -> Outcome:
    status = result.statuses.get(name, "missing")
    message = next((m for m in result.messages if m.startswith(name + ":")), "")
    rows = query(project, f"select count(*) from {name}")[0][0]
    return Outcome(
        succeeded=status == "success",
        message=message,
        columns=columns_of(project, name),
        rows=int(rows),
        outside_checksum=checksum(project, name, COMMON[change]),
    )


def build_step(project: DbtProject, step: int) -> DbtResult:
    return project.dbt("run", "-s", "path:models/drift", vars={"drift_step": step}, expect=None)
