"""compare_relations benchmark (issue 11, item 2): 1,000,000 rows x 50 columns on DuckDB, against
  - the floor: one hand-written full outer join counting, per column, the rows that differ;
  - the per-column approach of dbt-audit-helper's compare_all_columns, written out by hand: one full outer join of
    (key, column) per column classifying each row, the 50 results `union all`-ed, then counted per column.

Tables `legacy` and `rewrite` are generated inside DuckDB from `range()` and hashes (deterministic) in a file
under `.bench/compare/`; `rewrite` misses 0.1% of the keys, has 0.1% new ones and changes one column in 1% of the
rows. compare_relations' SQL is compiled by dbt (the integration project, `dbt compile --inline`); all three
queries then run on one plain DuckDB connection, interleaved, 5 times each; a query's time is its median, and
the three must return the same counts.

    .venv/bin/python -m benchmarks.bench_compare        # or: make bench (runs every bench_* module)
    STEADYFLOW_BENCH_COMPARE_ROWS=100000 ...            # a quick run
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / ".bench" / "compare"
DOC = REPO / "docs" / "benchmarks.md"
COLUMNS = 50
RUNS = 5

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import env_int, write_doc_section  # noqa: E402  (after the path: also runs as a script)

NAMES = [f"c{n:02d}" for n in range(COLUMNS)]


def generate(con: Any, rows: int) -> None:
    # a mix of integers, doubles and strings
    def column(n: int) -> str:
        h = f"hash(i * {COLUMNS} + {n})"
        if n % 3 == 0:
            return f"cast({h} % 100000 as integer) as c{n:02d}"
        if n % 3 == 1:
            return f"({h} % 1000000) / 100.0 as c{n:02d}"
        return f"'v' || cast({h} % 5000 as varchar) as c{n:02d}"

    con.execute(
        f"create or replace table legacy as select i as id, {', '.join(map(column, range(COLUMNS)))} "
        f"from range({rows}) t(i)"
    )
    changed = ", ".join(
        f"case when id % 100 = {n % 100} then {name} || 'x' else {name} end as {name}" if n % 3 == 2
        else f"case when id % 100 = {n % 100} then {name} + 1 else {name} end as {name}"
        for n, name in enumerate(NAMES)
    )  # fmt: skip
    con.execute(
        f"create or replace table rewrite as select id, {changed} from legacy where id % 1000 <> 999 "
        f"union all select id + {rows}, {', '.join(NAMES)} from legacy where id % 1000 = 0"
    )
    con.execute("checkpoint")


def floor_sql() -> str:
    per_column = ",\n".join(
        f"count(case when a.id is not null and b.id is not null and a.{c} is distinct from b.{c} then 1 end)"
        for c in NAMES
    )
    return (
        "select count(case when b.id is null then 1 end), count(case when a.id is null then 1 end),\n"
        f"{per_column}\nfrom legacy as a full outer join rewrite as b on a.id = b.id"
    )


def per_column_sql() -> str:
    """audit-helper's compare_all_columns (summarize=true), by hand: per column, a full outer join of (key, column)
    classifying every row (perfect match, missing from a / b, null in a / b only, conflicting values); the 50
    row-level results `union all`-ed, then counted per column."""
    parts = [
        f"select '{c}' as column_name,\n"
        f"  a.{c} = b.{c} and a.id is not null and b.id is not null as perfect_match,\n"
        f"  a.{c} is null and b.{c} is null and a.id is not null and b.id is not null as both_null,\n"
        "  a.id is null as missing_from_a,\n"
        "  b.id is null as missing_from_b,\n"
        f"  a.id is not null and b.id is not null and a.{c} is distinct from b.{c} as conflicting_values\n"
        f"from (select id, {c} from legacy) as a full outer join (select id, {c} from rewrite) as b on a.id = b.id"
        for c in NAMES
    ]
    rows = "\nunion all\n".join(parts)
    return (
        "select column_name, count(case when missing_from_b then 1 end) as only_a,\n"
        "  count(case when missing_from_a then 1 end) as only_b,\n"
        "  count(case when conflicting_values then 1 end) as differing\n"
        f"from (\n{rows}\n) as per_column group by column_name"
    )


def compiled_compare_sql(db: Path) -> str:
    from dbt.cli.main import dbtRunner

    project = REPO / "integration_tests"
    call = (
        "{{ steadyflow.compare_relations(a=adapter.get_relation(target.database, target.schema, 'legacy'), "
        "b=adapter.get_relation(target.database, target.schema, 'rewrite'), primary_key='id') }}"
    )
    os.environ.update(
        STEADYFLOW_DUCKDB_PATH=str(db),
        DBT_TARGET_PATH=str(WORK / "target"),
        DBT_LOG_PATH=str(WORK / "logs"),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    args = ["compile", "--inline", call, "--project-dir", str(project), "--profiles-dir", str(project), "--quiet"]
    result = dbtRunner().invoke(args)
    if not result.success:
        raise SystemExit(f"dbt compile of compare_relations failed: {result.exception}")
    sql: str = result.result.results[0].node.compiled_code
    return sql


def timed(con: Any, sql: str) -> tuple[float, list[tuple[Any, ...]]]:
    began = time.perf_counter()
    rows = con.execute(sql).fetchall()
    return time.perf_counter() - began, rows


def main() -> None:
    import duckdb

    rows = env_int("STEADYFLOW_BENCH_COMPARE_ROWS", 1_000_000)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    db = WORK / "compare.duckdb"
    with duckdb.connect(str(db)) as con:
        generate(con, rows)
    compare = compiled_compare_sql(db)  # dbt's connection is closed when the invocation ends
    queries = {"floor": floor_sql(), "compare_relations": compare, "per_column": per_column_sql()}
    times: dict[str, list[float]] = {name: [] for name in queries}
    results: dict[str, list[tuple[Any, ...]]] = {}
    load_before = os.getloadavg()[0]
    with duckdb.connect(str(db)) as con:
        for _ in range(RUNS):
            for name, sql in queries.items():
                seconds, got = timed(con, sql)
                times[name].append(seconds)
                results[name] = got
    load_after = os.getloadavg()[0]
    check_same_counts(results)
    median = {name: statistics.median(values) for name, values in times.items()}
    body = section(rows, median, load_before, load_after)
    write_doc_section(DOC, "compare", body)
    print(body)


def check_same_counts(results: dict[str, list[tuple[Any, ...]]]) -> None:
    """The three queries agree: rows only in a / only in b, and rows differing per column."""
    floor = results["floor"][0]
    per_column = {row[0]: row[1:] for row in results["per_column"]}
    mine = {row[2]: row for row in results["compare_relations"]}  # column_name -> row
    for n, name in enumerate(NAMES):
        want = (floor[0], floor[1], floor[2 + n])
        if per_column[name] != want or (mine[name][3], mine[name][4], mine[name][5]) != want:
            raise SystemExit(
                f"counts disagree on {name}: floor {want}, per-column {per_column[name]}, compare {mine[name]}"
            )


def section(rows: int, median: dict[str, float], load_before: float, load_after: float) -> str:
    floor, mine, per_column = median["floor"], median["compare_relations"], median["per_column"]
    over_floor, faster = mine / floor, per_column / mine
    yes = {True: "yes", False: "**no**"}
    title = "Comparing relations: `compare_relations` vs one join and vs a join per column"
    rows_floor = "floor: one hand-written full outer join counting the differing rows per column"
    rows_mine = "`steadyflow.compare_relations` (one join with the duplicate-key check, one row per column)"
    rows_per_column = (
        "per column, as dbt-audit-helper's `compare_all_columns` (a full outer join per column classifying each "
        "row, `union all`, counted per column)"
    )
    mine_ratio = f"/ floor = {over_floor:.2f}x | ≤ 1.5x | {yes[over_floor <= 1.5]}"
    per_column_ratio = f"/ compare_relations = {faster:.1f}x | ≥ 5x | {yes[faster >= 5]}"
    load = f"{load_before:.1f} at the start, {load_after:.1f} at the end"
    return f"""## {title} (`benchmarks/bench_compare.py`)

**Scale.** Two DuckDB tables of {rows:,} rows x {COLUMNS} columns (+ the key; integers, doubles and strings),
generated from `range()` and hashes; the second misses 0.1% of the keys, adds 0.1% new ones and changes one
column in 1% of its rows. Each query runs {RUNS} times on one plain DuckDB connection, interleaved with the
others; the table shows the median (the queries' SQL only: dbt's compile is not timed). The three return the
same counts (checked). Machine load (1-minute average, 2 cores): {load}.

| query | seconds | ratio | target | met? |
|---|---:|---|---|---|
| {rows_floor} | {floor:.3f} | — | — | — |
| {rows_mine} | {mine:.3f} | {mine_ratio} |
| {rows_per_column} | {per_column:.3f} | {per_column_ratio} |

compare_relations costs one join whatever the number of columns; its duplicate-key check rides on that join
(each side's `count(*)` against the joined rows holding that side, and the keys found on one side only must be
distinct), and each side's key is grouped, to name the duplicates, only when one is found (no duplicate here).
The per-column approach joins the two tables once per column.
"""


if __name__ == "__main__":
    main()
