"""The benchmark's data, inside DuckDB: the generated source, the change between runs, the row check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.late_data.settings import HISTORY_DAYS, LOOKBACK_DAYS, ORDERED, RANDOM


@dataclass(frozen=True)
class Scale:
    rows: int
    new_rows: int  # arriving today
    late_rows: int  # arriving now with an event time within the last LOOKBACK_DAYS days

    @staticmethod
    def proportional(rows: int) -> Scale:
        return Scale(rows, rows // 100, rows // 1000)


def ts(d: datetime) -> str:
    return f"{d:%Y-%m-%d %H:%M:%S}"


def rows_sql(first_id: int, n: int, start: datetime, span: timedelta) -> str:
    """n deterministic rows with ids first_id.., event times spread over [start, start + span)."""
    span_us = int(span.total_seconds() * 1_000_000)
    return f"""
        select i as event_id,
               (hash(i, 'user') % 1000000)::bigint as user_id,
               ['view', 'click', 'add_to_cart', 'purchase'][1 + (hash(i, 'type') % 4)::integer] as event_type,
               ((hash(i, 'amount') % 1000000) / 100.0)::decimal(12, 2) as amount,
               timestamp '{start:%Y-%m-%d %H:%M:%S}' + to_microseconds((hash(i, 'ts') % {span_us})::bigint)
                   as event_ts
        from range({first_id}, {first_id + n}) t(i)"""


def sql(path: Path, *statements: str) -> list[tuple[Any, ...]]:
    import duckdb

    con = duckdb.connect(str(path))
    try:
        rows: list[tuple[Any, ...]] = []
        for s in statements:
            cur = con.execute(s)
            rows = list(cur.fetchall()) if cur.description else []
        return rows
    finally:
        con.close()


# How raw.events is stored: the order its rows are written in, hence what DuckDB's zone maps (min/max of
# event_ts per row group) can skip when a query filters on event_ts.
LAYOUTS = {
    ORDERED: "event_ts",  # as an append-only load leaves it: a window reads only its row groups
    RANDOM: "hash(event_id)",  # every row group spans the whole year: nothing is skipped
}


def generate_source(path: Path, rows: int, today: datetime, layout: str = ORDERED) -> None:
    start = today - timedelta(days=HISTORY_DAYS)
    body = rows_sql(0, rows, start, timedelta(days=HISTORY_DAYS))
    order = LAYOUTS[layout]
    sql(path, "create schema if not exists raw", f"create or replace table raw.events as {body} order by {order}")


def apply_change(path: Path, scale: Scale, today: datetime) -> None:
    first = scale.rows
    new = rows_sql(first, scale.new_rows, today, timedelta(days=1))
    late_start = today - timedelta(days=LOOKBACK_DAYS)
    late = rows_sql(first + scale.new_rows, scale.late_rows, late_start, timedelta(days=LOOKBACK_DAYS))
    sql(path, f"insert into raw.events {new}", f"insert into raw.events {late}")


def check_same_rows(path: Path, table: str) -> None:
    """The model must hold exactly the source's rows after every scenario (untimed)."""
    got = sql(
        path,
        f"select (select count(*) from raw.events), (select count(*) from main.{table}),"
        f" (select count(distinct event_id) from main.{table})",
    )[0]
    if not got[0] == got[1] == got[2]:
        raise AssertionError(f"{table}: source has {got[0]} rows, model {got[1]} rows ({got[2]} distinct ids)")
