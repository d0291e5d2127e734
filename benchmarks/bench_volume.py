"""Volume guard benchmark (issue 13, item 4): `volume_drop_guard` on a 10-million-row, 20-column table against a
hand-written count per day over the timestamp column (the floor) and against a baseline computed over all columns
(what elementary's `volume_anomalies` reads: the table with every column, then counts, mean and stddev).

The table is generated inside DuckDB (`range()` and hashes: deterministic) under `.bench/volume/`: 60 days before
the pinned now (the guard's span with its defaults: settle 3 + judge 1 + 2 x baseline 28), weekends at 30% of
weekdays, and the judged day (day 4) 40% short, so the guard must report exactly 1 breaching day. Every check is a
dbt test of benchmarks/volume_project, run 7 times (interleaved) in one `dbt test`; the ratio basis is each check's
fastest run (the machine is shared), as in bench_guards.

    .venv/bin/python -m benchmarks.bench_volume          # or: make bench
    STEADYFLOW_BENCH_VOLUME_ROWS=1000000 .venv/bin/python -m benchmarks.bench_volume   # a quick run
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PROJECT_DIR = REPO / "benchmarks" / "volume_project"
WORK_ROOT = REPO / ".bench" / "volume"
DOC = REPO / "docs" / "benchmarks.md"
NOW = "2024-03-01 00:00:00"  # = vars.steadyflow_now in benchmarks/volume_project/dbt_project.yml
DAYS = 60
TARGET = 1.2

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.bench_guards import Check, run_checks, sql_only, table  # noqa: E402  (after the path)
from benchmarks.common import env_int, write_doc_section  # noqa: E402

CHECKS = [
    Check("volume_floor", "floor: hand-written count per day over `event_at`"),
    Check("volume_guard", "`volume_drop_guard` (`seasonality: weekday`, defaults)"),
    Check("volume_all_columns", "baseline over all columns (mean/stddev, what the anchor reads)"),
]


def generate(db: Path, rows: int) -> float:
    """events_wide: `rows` weighted over 60 days (weekdays 1, weekends 0.3, day 4 at 0.6), 20 columns."""
    import duckdb

    started = time.perf_counter()
    con = duckdb.connect(str(db))
    try:
        extra = ",\n".join(
            f"(hash(i, 'c{c}') % 1000000)::bigint as int_{c}"
            if c % 3 == 0
            else f"((hash(i, 'c{c}') % 100000) / 100.0)::double as amount_{c}"
            if c % 3 == 1
            else f"'value ' || (hash(i, 'c{c}') % 5000)::varchar as text_{c}"
            for c in range(1, 19)
        )
        con.execute(f"""
            create or replace table day_weights as
            select day_number, timestamp '{NOW}' - to_days(day_number::integer) as day_start,
                   case when dayofweek(timestamp '{NOW}' - to_days(day_number::integer)) in (0, 6) then 0.3
                        when day_number = 4 then 0.6 else 1.0 end as weight
            from range(1, {DAYS + 1}) t(day_number)""")
        con.execute("""
            create or replace table day_slots as
            select day_start, sum(weight) over (order by day_number) - weight as slot_from,
                   sum(weight) over (order by day_number) as slot_to, sum(weight) over () as total
            from day_weights""")
        con.execute(f"""
            create or replace table events_wide as
            select i as event_id,
                   day_slots.day_start + to_microseconds((hash(i, 'second') % 86400000000)::bigint) as event_at,
                   {extra}
            from range({rows}) t(i)
            join day_slots on (i + 0.5) / {rows} * day_slots.total >= day_slots.slot_from
                          and (i + 0.5) / {rows} * day_slots.total < day_slots.slot_to""")
        con.execute("drop table day_weights; drop table day_slots; checkpoint")
    finally:
        con.close()
    return time.perf_counter() - started


def main() -> None:
    rows = env_int("STEADYFLOW_BENCH_VOLUME_ROWS", 10_000_000)
    began = time.perf_counter()
    shutil.rmtree(WORK_ROOT, ignore_errors=True)
    WORK_ROOT.mkdir(parents=True)
    from tests.support.dbt import DbtProject, ensure_deps

    ensure_deps(PROJECT_DIR)
    project: Any = DbtProject(work_dir=WORK_ROOT, project_dir=PROJECT_DIR)
    db = project.duckdb_path
    gen_seconds = generate(db, rows)
    print(f"generated {rows:,} rows x 20 columns in {gen_seconds:.1f} s")
    times, failures, compiled, wall = run_checks(project)
    for hooks in (times, failures):  # the package's on-run-start/-end hooks are results too: not checks
        hooks.pop("", None)
    median = {key: statistics.median(samples) for key, samples in times.items()}
    best = {key: min(samples) for key, samples in times.items()}
    repeats = min(len(samples) for samples in times.values())
    sql = sql_only(db, compiled)

    problems = []
    if failures["volume_guard"] != 1:
        problems.append(f"volume_drop_guard found {failures['volume_guard']} breaching days, expected 1 (day 4)")
    if failures["volume_floor"] != DAYS:
        problems.append(f"the floor counted {failures['volume_floor']} days, expected {DAYS}")
    guard_ratio = best["volume_guard"] / best["volume_floor"]
    run_on = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "## Volume guard: `volume_drop_guard` vs a count per day and an all-columns baseline",
        "",
        f"DuckDB file with `events_wide` ({rows:,} rows, 20 columns: `event_id`, `event_at` and 18 integer, "
        f"double and text columns), {DAYS} days before the pinned now (the guard's span with its defaults), "
        "weekends at 30% of weekdays and the judged day 40% short; generated inside DuckDB. "
        f"Run on {run_on}. Every check is a dbt test (benchmarks/volume_project), run {repeats} times, interleaved, "
        "in one `dbt test` invocation (`threads: 1`); *dbt test* is the execution time dbt reports (fastest and "
        "median run), *SQL alone* the median of 3 runs of the compiled query on an open DuckDB connection. "
        "Failures: the floor returns one row per day; the guard the breaching days; the all-columns baseline "
        "(3 sigma on the newest day, as the anchor scores it) its alerts: none, since it scores the newest day, "
        "which is whole here, against a deviation the weekends inflate. The machine's 2 cores were shared.",
        "",
        *table(CHECKS, best, median, sql, failures),
        "",
        "| ratio (dbt test time, fastest run) | value | target | met? |",
        "|---|---:|---|---|",
        f"| `volume_drop_guard` / floor | {guard_ratio:.2f}x | ≤ {TARGET}x | "
        f"{'yes' if guard_ratio <= TARGET else '**no**'} |",
        f"| baseline over all columns / floor | {best['volume_all_columns'] / best['volume_floor']:.2f}x | — | — |",
        "",
    ]
    if problems:
        lines += ["Correctness problems: " + "; ".join(problems), ""]
    lines += [
        f"Whole benchmark: {time.perf_counter() - began:.0f} s (data generation {gen_seconds:.0f} s; the "
        f"`dbt test` invocation {wall:.0f} s). Reproduce: `make bench` or `.venv/bin/python -m "
        "benchmarks.bench_volume` (scale with `STEADYFLOW_BENCH_VOLUME_ROWS`).",
    ]
    write_doc_section(DOC, "volume", "\n".join(lines))
    print("\n".join(lines))
    print(json.dumps({"fastest": best, "median": median, "sql": sql, "failures": failures}, indent=1, default=str))


if __name__ == "__main__":
    main()
