"""volume_drop_guard's tired-user day: bad arguments are compile errors naming the argument and the value, the
guard under a column fails alone, and `dbt build --empty` passes without reading a table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.guards.support import failed_compile_log
from tests.late_data.project_copy import project_copy
from tests.support.dbt import DbtProject
from tests.volume.support import PINNED_NOW, VOLUME

GUARD = "steadyflow.test_volume_drop_guard(model=ref('volume_events'), "
CASES = {
    "no event_time": (
        GUARD + "grain='day')",
        "steadyflow.volume_drop_guard: argument `event_time` is required, got null",
    ),
    "a grain it cannot bucket": (
        GUARD + "event_time='event_at', grain='week')",
        'steadyflow.volume_drop_guard: argument `grain` must be one of hour, day, got "week"',
    ),
    "judge 0": (
        GUARD + "event_time='event_at', judge=0)",
        "steadyflow.volume_drop_guard: argument `judge` must be an integer >= 1, got 0",
    ),
    "settle as a string": (
        GUARD + "event_time='event_at', settle='3')",
        'steadyflow.volume_drop_guard: argument `settle` must be an integer >= 0, got the string "3"',
    ),
    "a weekday baseline shorter than a week": (
        GUARD + "event_time='event_at', seasonality='weekday', baseline=6)",
        "steadyflow.volume_drop_guard: argument `baseline` must be at least 7 (one week of buckets) with "
        "seasonality weekday, got 6",
    ),
    "an hourly weekday baseline shorter than a week": (
        GUARD + "event_time='event_at', grain='hour', seasonality='weekday')",
        "steadyflow.volume_drop_guard: argument `baseline` must be at least 168 (one week of hours) with "
        "seasonality weekday, got 28",
    ),
    "unknown seasonality": (
        GUARD + "event_time='event_at', seasonality='monthly')",
        'steadyflow.volume_drop_guard: argument `seasonality` must be one of none, weekday, got "monthly"',
    ),
    "a drop above 100%": (
        GUARD + "event_time='event_at', max_drop_percent=120)",
        "steadyflow.volume_drop_guard: argument `max_drop_percent` must be a number >= 0 and <= 100, got 120",
    ),
    "a negative rise": (
        GUARD + "event_time='event_at', max_rise_percent=-5)",
        "steadyflow.volume_drop_guard: argument `max_rise_percent` must be a number >= 0, got -5",
    ),
    "unknown mode": (
        GUARD + "event_time='event_at', mode='rows')",
        'steadyflow.volume_drop_guard: argument `mode` must be one of event_time, history, got "rows"',
    ),
    "event_time in history mode": (
        GUARD + "event_time='event_at', mode='history')",
        "steadyflow.volume_drop_guard: argument `event_time` is not used with mode history (one bucket per "
        'recorded run of the whole table), got "event_at"',
    ),
    "history mode while the history is off": (
        GUARD + "mode='history')",
        "steadyflow.volume_drop_guard: argument `mode` reads the package model steadyflow_row_count_history, "
        "which is off: set the var steadyflow_row_count_history: true",
    ),
    "a threshold that is neither a count nor a percent": (
        GUARD + "event_time='event_at', warn_above='many')",
        "steadyflow.volume_drop_guard: argument `warn_above` must be a row/group count (e.g. 10) or a percent "
        'string (e.g. "5%"), got "many"',
    ),
}


@pytest.fixture(scope="module")
def compiler(tmp_path_factory: pytest.TempPathFactory, integration_deps: None) -> DbtProject:
    """One DuckDB project for all cases, so each `dbt compile --inline` reuses the partial parse."""
    return DbtProject(work_dir=tmp_path_factory.mktemp("volume_arguments"), target="duckdb")


@pytest.mark.parametrize("call, message", list(CASES.values()), ids=list(CASES))
def test_bad_arguments_are_named_in_the_error(compiler: DbtProject, call: str, message: str) -> None:
    assert message in failed_compile_log(compiler, call)


ANCHOR = "  - name: volume_events\n    data_tests:\n"
MISPLACED = """\
  - name: volume_events
    columns:
      - name: event_at
        data_tests:
          - steadyflow.volume_drop_guard:
              name: volume_misplaced
              arguments: {event_time: event_at}
    data_tests:
"""


def test_the_guard_under_a_column_fails_alone_naming_the_column_and_the_model(
    duckdb_project: DbtProject, tmp_path: Path
) -> None:
    def misplace(project_dir: Path) -> None:
        schema = project_dir / "models" / "volume" / "volume_schema.yml"
        text = schema.read_text()
        assert ANCHOR in text
        schema.write_text(text.replace(ANCHOR, MISPLACED, 1))

    project = project_copy(duckdb_project, tmp_path, misplace)
    project.dbt("run", "-s", "volume_events", vars=PINNED_NOW)  # the whole project parses

    res = project.dbt("test", "-s", "volume_events", vars=PINNED_NOW, expect=False)

    assert res.statuses["volume_misplaced"] == "error"
    assert (
        "steadyflow.volume_drop_guard is a model test, but it is attached to column event_at of model volume_events."
        in res.text
    )
    others = {name: status for name, status in res.statuses.items() if name != "volume_misplaced"}
    assert set(others.values()) <= {"pass", "warn"} and len(others) > 5, others


def test_the_guards_pass_under_dbt_build_empty_without_reading_a_table(warehouse: DbtProject) -> None:
    result = warehouse.dbt("build", "--empty", "-s", VOLUME, vars=PINNED_NOW)

    tests = {r.node.name: r for r in result.raw.result.results if r.node.resource_type == "test"}
    assert len(tests) > 10
    assert {name: str(r.status) for name, r in tests.items()} == dict.fromkeys(tests, "pass")
    for name, r in tests.items():
        assert " from " not in r.node.compiled_code.lower(), f"{name} reads a table under --empty"
