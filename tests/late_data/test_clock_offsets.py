"""steadyflow_now, begin and the backfill vars accept an ISO timestamp with a UTC offset or `Z` (the form of
Airflow's data_interval_end, '2024-03-01T00:00:00+00:00') and read it as that UTC instant. Pure Jinja, the
same on every adapter: compiled on DuckDB. orders_replace_window's first build runs from begin to
now + 1 day, so the compiled end is steadyflow_now + 1 day in UTC."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.dbt import DbtProject
from tests.support.orders_stream import create_raw_orders

SAME_INSTANT = [
    "2024-01-09 23:00:00",
    "2024-01-09T23:00:00+00:00",
    "2024-01-09T23:00:00Z",
    "2024-01-10T04:30:00+05:30",
    "2024-01-09T18:00:00-05:00",
    "2024-01-10T04:30:00+0530",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    project = DbtProject(work_dir=Path(tmp_path_factory.mktemp("clock_offsets")), target="duckdb")
    create_raw_orders(project)
    return project


def compiled_window(project: DbtProject, vars: dict[str, str]) -> str:
    project.dbt("compile", "-s", "orders_replace_window", vars=vars)
    return next((project.work_dir / "target" / "compiled").rglob("orders_replace_window.sql")).read_text()


@pytest.mark.parametrize("now", SAME_INSTANT)
def test_steadyflow_now_with_an_offset_is_the_same_utc_instant(project: DbtProject, now: str) -> None:
    sql = compiled_window(project, {"steadyflow_now": now})
    assert "ordered_at >= '2024-01-01 00:00:00+00' and ordered_at < '2024-01-10 23:00:00+00'" in sql, sql


def test_begin_and_backfill_vars_with_offsets_are_converted_to_utc(project: DbtProject) -> None:
    sql = compiled_window(
        project,
        {
            "steadyflow_now": "2024-01-09T23:00:00Z",
            "backfill_start": "2024-01-04T00:00:00+01:00",
            "backfill_end": "2024-01-05T00:00:00Z",
        },
    )
    assert "ordered_at >= '2024-01-03 23:00:00+00' and ordered_at < '2024-01-05 00:00:00+00'" in sql, sql

    sql = compiled_window(
        project, {"steadyflow_now": "2024-01-09T23:00:00Z", "late_data_begin": "2024-01-02T02:00-02:00"}
    )
    assert "ordered_at >= '2024-01-02 04:00:00+00'" in sql, sql
