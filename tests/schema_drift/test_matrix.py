"""Schema drift, as a tested matrix: replace_window, delete+insert and merge (with lookback_window) x each
on_schema_change mode x a column added, removed, widened (integer -> bigint, decimal(10,2) -> decimal(18,2)) or
changed to an incompatible type, on DuckDB and PostgreSQL. Every model is built in one dbt invocation per
step; the outcome of each is the one tests/schema_drift/outcomes.py states (and docs/changing-models.md shows),
and in every cell the rows outside the window keep their checksum over the columns present before and after."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import WAREHOUSES, fresh_warehouse
from tests.late_data.project_copy import project_copy
from tests.schema_drift.matrix import (
    AFTER,
    CHANGES,
    COMMON,
    MODES,
    STRATEGIES,
    Outcome,
    build_step,
    checksum,
    columns_of,
    load_raw,
    model_name,
    outcome,
    write_models,
)
from tests.schema_drift.outcomes import CARRIED, ERROR, ERROR_NAMES, IGNORED, REFUSED, expected
from tests.support.dbt import REPO_ROOT, DbtProject, query

CELLS = list(itertools.product(STRATEGIES, MODES, CHANGES))
OUT_OF_SYNC = "The source and target schemas on this incremental model are out of sync!"


@dataclass
class MatrixRun:
    project: DbtProject
    step1_columns: dict[str, dict[str, str]]
    step1_checksums: dict[str, str]
    outcomes: dict[str, Outcome]


@pytest.fixture(scope="module", params=WAREHOUSES)
def matrix(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, integration_deps: None
) -> MatrixRun:
    """Step 1: 10 days loaded, every model built with its original columns. Step 2: a late day 11 loaded, every
    model built again with its changed columns (one `dbt run` per step)."""
    work_dir: Path = tmp_path_factory.mktemp(f"drift_{request.param}")
    base = fresh_warehouse(request, request.param, work_dir)
    project = project_copy(base, work_dir, write_models)
    load_raw(project, range(1, 11))
    first = build_step(project, 1)
    assert first.success, first.text
    names = {cell: model_name(*cell) for cell in CELLS}
    columns = {name: columns_of(project, name) for name in names.values()}
    checksums = {name: checksum(project, name, COMMON[cell[2]]) for cell, name in names.items()}

    load_raw(project, range(11, 12))
    second = build_step(project, 2)
    outcomes = {name: outcome(project, second, name, cell[2]) for cell, name in names.items()}
    return MatrixRun(project, columns, checksums, outcomes)


@pytest.mark.parametrize("strategy, mode, change", CELLS, ids=[model_name(*cell) for cell in CELLS])
def test_the_outcome_is_the_documented_one(matrix: MatrixRun, strategy: str, mode: str, change: str) -> None:
    name = model_name(strategy, mode, change)
    got = matrix.outcomes[name]
    before = matrix.step1_columns[name]
    want = expected(strategy, mode, change, matrix.project.target)

    # whatever happens, the rows outside the window are untouched
    assert got.outside_checksum == matrix.step1_checksums[name]
    assert got.succeeded == (want in (CARRIED, IGNORED)), got.message
    # 30 rows of days 1-10 before; the late day 11 adds 3 when the run goes through
    assert got.rows == (33 if got.succeeded else 30)
    if want == CARRIED:
        assert got.columns == carried_columns(before, change, matrix.project)
    if want in (IGNORED, REFUSED, ERROR):
        assert got.columns == before
    if want == REFUSED:
        assert OUT_OF_SYNC in got.message
    if want == ERROR:
        assert ERROR_NAMES[change] in got.message, got.message
    if got.succeeded:
        assert late_day(matrix.project, name, change) == LATE_DAY[(want, change)]


# what the 3 rows of the late day 11 hold, per outcome and change (the notes of the docs table)
LATE_DAY = {
    (IGNORED, "column added"): "3 rows",
    (CARRIED, "column added"): "3 rows, qty_x10 filled; none filled before the window",
    (IGNORED, "column removed"): "3 rows, note null",
    (CARRIED, "column removed"): "3 rows",
    (IGNORED, "column widened"): "3 rows",
    (CARRIED, "column widened"): "3 rows",
    (IGNORED, "incompatible type change"): "3 rows, note holds the new values as text",
}


def late_day(project: DbtProject, name: str, change: str) -> str:
    late = f"from {name} where event_at >= '2024-01-11'"
    rows = query(project, f"select count(*) {late}")[0][0]
    said = f"{rows} rows"
    columns = columns_of(project, name)
    if change == "column added" and "qty_x10" in columns:
        filled = query(project, f"select count(qty_x10) {late}")[0][0]
        before = query(project, f"select count(qty_x10) from {name} where event_at < '2024-01-09'")[0][0]
        said += f", qty_x10 {'filled' if filled == rows else 'not filled'}"
        said += f"; {'none' if before == 0 else before} filled before the window"
    if change == "column removed" and "note" in columns:
        said += ", note null" if query(project, f"select count(note) {late}")[0][0] == 0 else ", note set"
    if change == "incompatible type change":
        as_text = query(project, f"select count(*) {late} and note = cast(id as varchar(20))")[0][0]
        said += ", note holds the new values as text" if as_text == rows else ""
    return said


def carried_columns(before: dict[str, str], change: str, project: DbtProject) -> dict[str, str]:
    after = dict(before)
    if change == "column added":
        after["qty_x10"] = "integer"
    elif change == "column removed":
        del after["note"]
    elif change == "column widened":
        after.update(qty="bigint", price="decimal(18,2)")
    return after


def test_a_carried_new_column_is_filled_in_the_window_and_null_outside(matrix: MatrixRun) -> None:
    name = model_name("replace_window", "append_new_columns", "column added")
    rows = query(
        matrix.project,
        f"select event_at >= '2024-01-09' as in_window, count(*), count(qty_x10) from {name} group by 1 order by 1",
    )
    assert [tuple(row) for row in rows] == [(False, 24, 0), (True, 9, 9)]


def test_the_docs_show_the_matrix_as_asserted() -> None:
    from tests.schema_drift.outcomes import markdown_table

    page = (REPO_ROOT / "docs" / "changing-models.md").read_text(encoding="utf-8")
    regenerate = "python -c 'from tests.schema_drift.outcomes import markdown_table; print(markdown_table())'"
    assert markdown_table() in page, f"paste the table printed by: {regenerate}"


def test_the_matrix_covers_every_combination() -> None:
    assert len(CELLS) == 3 * 4 * 4
    assert set(AFTER) == set(CHANGES)
