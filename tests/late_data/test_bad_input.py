"""Bad vars and arguments stop the model with a compile error naming the var or argument and the value.

Validation is Jinja that runs the same on every adapter, so these run on DuckDB only. Each case
compiles orders_replace_window, whose lookback_days and begin come from vars.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.dbt import DbtProject
from tests.support.orders_stream import create_raw_orders

BAD_INPUT = [
    (
        {"backfill_start": "2024-13-01", "backfill_end": "2024-02-01"},
        "steadyflow: var backfill_start must be an ISO date or timestamp (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS),"
        " got '2024-13-01' (no such date or time)",
    ),
    (
        {"backfill_start": "2024-01-01", "backfill_end": "next tuesday"},
        "steadyflow: var backfill_end must be an ISO date or timestamp (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS),"
        " got 'next tuesday'",
    ),
    (
        {"backfill_date": "2024-02-30"},
        "steadyflow: var backfill_date must be an ISO date or timestamp (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS),"
        " got '2024-02-30' (no such date or time)",
    ),
    (
        {"backfill_start": "2024-01-10", "backfill_end": "2024-01-05"},
        "steadyflow: var backfill_start must be before var backfill_end (the end is exclusive),"
        " got backfill_start='2024-01-10', backfill_end='2024-01-05'",
    ),
    (
        {"backfill_start": "2024-01-05", "backfill_end": "2024-01-05"},
        "steadyflow: var backfill_start must be before var backfill_end (the end is exclusive),"
        " got backfill_start='2024-01-05', backfill_end='2024-01-05'",
    ),
    (
        {"backfill_start": "2024-01-05"},
        "steadyflow: vars backfill_start and backfill_end go together (or use backfill_date): var backfill_end"
        " is missing, got backfill_start='2024-01-05', backfill_end=unset",
    ),
    (
        {"backfill_start": "2023-01-01", "backfill_end": "2024-06-01"},
        "steadyflow: backfill window [2023-01-01 00:00:00, 2024-06-01 00:00:00) spans 517 days, more than"
        " max_backfill_days=366",
    ),
    (
        {"backfill_start": "2024-01-01", "backfill_end": "2024-03-01", "max_backfill_days": 30},
        "steadyflow: backfill window [2024-01-01 00:00:00, 2024-03-01 00:00:00) spans 60 days, more than"
        " max_backfill_days=30",
    ),
    (
        {"backfill_date": "2024-01-05", "max_backfill_days": 0},
        "steadyflow: argument `max_backfill_days` must be an integer >= 1 (the var max_backfill_days overrides the"
        " argument), got 0",
    ),
    (
        {"late_data_lookback_days": -2},
        "steadyflow.lookback_window: argument `lookback_days` must be an integer >= 0, got -2",
    ),
    (
        {"late_data_lookback_days": 1.5},
        "steadyflow.lookback_window: argument `lookback_days` must be an integer >= 0, got 1.5",
    ),
    (
        {"late_data_lookback_days": "3"},
        'steadyflow.lookback_window: argument `lookback_days` must be an integer >= 0, got the string "3"',
    ),
    (
        {"future_days": -1},
        "steadyflow.lookback_window: argument `future_days` must be an integer >= 0 (the var future_days overrides"
        " the argument), got -1",
    ),
    (
        {"late_data_begin": "2024-1-1"},
        "steadyflow.lookback_window: argument begin must be an ISO date or timestamp"
        " (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS), got '2024-1-1'",
    ),
    (
        {"late_data_begin": None},
        'steadyflow.lookback_window: argument begin is required when "warehouse"."main"."orders_replace_window"'
        " is empty or built for the first time (no newest ordered_at to look back from), got unset",
    ),
    (
        {"late_data_grain": "fortnight"},
        'steadyflow.lookback_window: argument `grain` must be one of hour, day, week, month, year, got "fortnight"',
    ),
    (
        {"backfill_date": "2024-01-05", "backfill_end": "2024-01-09"},
        "steadyflow: var backfill_date cannot be combined with backfill_start/backfill_end,"
        " got backfill_date='2024-01-05', backfill_start=unset, backfill_end='2024-01-09'",
    ),
    (
        {"future_days": "2"},
        "steadyflow.lookback_window: argument `future_days` must be an integer >= 0 (the var future_days overrides"
        ' the argument), got the string "2"',
    ),
    (
        {"steadyflow_now": "2024-01-09T23:00:00+24:00"},
        "steadyflow: var steadyflow_now must be an ISO date or timestamp (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS),"
        " got '2024-01-09T23:00:00+24:00' (no such date or time)",
    ),
    (
        {"steadyflow_now": "today"},
        "steadyflow: var steadyflow_now must be an ISO date or timestamp (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS),"
        " got 'today'",
    ),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    project = DbtProject(work_dir=Path(tmp_path_factory.mktemp("bad_input")), target="duckdb")
    create_raw_orders(project)
    return project


@pytest.mark.parametrize(("vars", "message"), BAD_INPUT, ids=[", ".join(map(str, v)) for v, _ in BAD_INPUT])
def test_bad_input_stops_the_model_with_a_message_naming_it(
    project: DbtProject, vars: dict[str, object], message: str
) -> None:
    res = project.dbt("compile", "-s", "orders_replace_window", vars=vars, expect=False)
    assert message in res.text


def test_a_missing_begin_on_an_existing_but_empty_target_is_refused(project: DbtProject) -> None:
    project.dbt("run", "-s", "orders_replace_window", vars={"steadyflow_now": "2024-01-02"})  # empty table
    res = project.dbt("run", "-s", "orders_replace_window", vars={"late_data_begin": None}, expect=False)
    assert "steadyflow.lookback_window: argument begin is required when" in res.text
    project.dbt("run", "-s", "orders_replace_window", vars={"steadyflow_now": "2024-01-02"})


def test_a_wide_window_passes_once_max_backfill_days_is_raised(project: DbtProject) -> None:
    vars = {"backfill_start": "2023-01-01", "backfill_end": "2024-06-01", "max_backfill_days": 600}
    project.dbt("compile", "-s", "orders_replace_window", vars=vars)
