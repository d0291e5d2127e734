"""What each cell of the schema-drift matrix does, on DuckDB and PostgreSQL: the one statement of the outcomes
that tests/schema_drift/test_matrix.py asserts and docs/changing-models.md shows (as `markdown_table()`)."""

from __future__ import annotations

from tests.schema_drift.matrix import CHANGES, MODES, STRATEGIES

CARRIED = "carried"  # the run succeeds and the table's columns follow the model
IGNORED = "ignored"  # the run succeeds and the table keeps its columns
REFUSED = "refused"  # dbt stops the model: "The source and target schemas ... are out of sync!"
ERROR = "error"  # the warehouse stops the statement (the table is left as it was)


def expected(strategy: str, mode: str, change: str, target: str) -> str:
    """The outcome of step 2 for one model of the matrix."""
    if mode == "fail":
        return REFUSED
    if mode == "sync_all_columns":
        # dbt copies the column into one of the new type: text that is not a number cannot be
        return ERROR if change == "incompatible type change" else CARRIED
    if mode == "append_new_columns":
        return CARRIED if change == "column added" else IGNORED
    # ignore: the insert names the table's columns (the merge of dbt-duckdb names the model's instead)
    merge_on_duckdb = strategy == "merge" and target == "duckdb"
    if change == "column removed":
        return IGNORED if merge_on_duckdb else ERROR
    if change == "column added" and merge_on_duckdb:
        return ERROR
    return IGNORED


# the column an ERROR names, per change
ERROR_NAMES = {"column removed": "note", "column added": "qty_x10", "incompatible type change": "note"}

NOTES = {
    (IGNORED, "column added"): "the new column is left out",
    (IGNORED, "column removed"): "new rows get null",
    (IGNORED, "column widened"): "values still fit",
    (IGNORED, "incompatible type change"): "new values stored as text",
    (CARRIED, "column added"): "null outside the window",
    (ERROR, "column removed"): "names the missing column",
    (ERROR, "column added"): "names the new column",
    (ERROR, "incompatible type change"): "cast of the old text fails",
}


def _described(outcome: str, change: str) -> str:
    note = NOTES.get((outcome, change))
    return f"{outcome} ({note})" if note else outcome


def _cell(strategy: str, mode: str, change: str) -> str:
    duckdb, postgres = (expected(strategy, mode, change, target) for target in ("duckdb", "postgres"))
    if duckdb != postgres:
        return f"DuckDB: {_described(duckdb, change)}; PostgreSQL: {_described(postgres, change)}"
    return _described(duckdb, change)


def markdown_table() -> str:
    """Strategy x change rows, one column per on_schema_change mode, as in docs/changing-models.md."""
    lines = [
        "| strategy | change | " + " | ".join(f"`{mode}`" for mode in MODES) + " |",
        "|---|---|" + "---|" * len(MODES),
    ]
    for strategy in STRATEGIES:
        for change in CHANGES:
            cells = " | ".join(_cell(strategy, mode, change) for mode in MODES)
            lines.append(f"| `{strategy}` | {change} | {cells} |")
    return "\n".join(lines) + "\n"
