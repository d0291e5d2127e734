"""Demo step: a currency-conversion join silently drops rows; row_count_guard and parity_guard catch it.

guards_orders_usd converts guards_orders to USD with an inner join on the rates. First the GBP rate is
missing (`guards_missing_currency: GBP`): nothing errors, the model builds, and revenue is less than half of
what it should be, until the guards compare it per day with the source. Then the rate is back and the same
guards pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.dbt import DbtProject, DbtResult, query

MODEL = "guards_orders_usd"
GUARDS = ["guards_rows_clean_per_day", "guards_parity_clean_per_day"]


def print_table(title: str, header: list[str], rows: list[tuple[Any, ...]]) -> None:
    cells = [[f"{v:.1f}" if isinstance(v, float) else str(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(header)]
    print(f"\n{title}")
    print("  " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  " + "  ".join("-" * w for w in widths))
    for row in cells:
        print("  " + "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))


def failing_rows(project: DbtProject, result: DbtResult, test_name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The guard's failure output: its compiled query, run again on the demo's DuckDB file."""
    import duckdb

    node = next(r.node for r in result.raw.result.results if r.node.name == test_name)
    with duckdb.connect(str(project.duckdb_path)) as con:
        cur = con.execute(f"select * from ({node.compiled_code}) as guard_output order by 1")
        header = [d[0] for d in cur.description]
        return header, cur.fetchall()


def play(project: DbtProject, title: str, vars: dict[str, str]) -> DbtResult:
    project.dbt("run", "-s", f"+{MODEL}", vars=vars)
    revenue = query(project, f"select count(*), sum(amount_usd) from {MODEL}")[0]
    print_table(title, ["orders in model", "revenue (USD)"], [(revenue[0], f"{revenue[1]:.2f}")])
    result = project.dbt("test", "-s", *GUARDS, "--log-level", "none", vars=vars, expect=None)
    print_table(
        "guards",
        ["test", "status", "failures"],
        [(name, result.statuses[name], result.failures[name]) for name in GUARDS],
    )
    return result


def run(workdir: Path) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    project = DbtProject(work_dir=workdir, target="duckdb")

    broken = play(
        project,
        "1. the GBP rate is missing: the inner join drops GBP orders, no error",
        {"guards_missing_currency": "GBP"},
    )
    assert not broken.success, "the guards should have caught the dropped rows"
    for name in GUARDS:
        header, rows = failing_rows(project, broken, name)
        print_table(f"{name}: one row per day that does not match the source", header, rows)

    clean = play(project, "2. the rate is back: same model, same guards", {})
    assert clean.success, clean.text
