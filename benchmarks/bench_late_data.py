"""Late-data benchmark (issue 2, item 8): steadyflow's lookback incremental and `replace_window` backfill
against a full refresh, dbt's built-in `microbatch` and hand-written DuckDB SQL (the floor).

Everything runs on DuckDB files under `.bench/late_data/`. The source (`raw.events`, N rows over the last 365
days, in event-time order as an append-only load leaves it) is generated inside DuckDB from `range()` and
hash-based columns, so it is deterministic for a given day. The daily runs are also measured on a copy stored
in random order (`order by hash(event_id)`: no row group can be skipped), so the report says which layout each
claim holds for. The "change" (1% new rows today, 0.1% late rows within the last 3 days) is inserted with SQL
between runs. Every timed scenario starts from a copy of the same saved file. dbt models are compared by the
execution time dbt reports in run_results.json; dbt's start-up, parse and per-invocation overhead are reported
apart. The floor runs without dbt: duckdb on the same file, timed from `begin` to `commit` on an open
connection, as a dbt node finds its connection open. Results go to the late-data section of
docs/benchmarks.md.

The parts live in `benchmarks/late_data/`: `settings` (paths, names, day counts), `data` (the source and the
change, inside DuckDB), `dbt_output` (run_results.json and dbt's debug log), `runner` (timed runs),
`scenarios` (what is timed, in which order) and `report` (targets and the markdown section).

    .venv/bin/python -m benchmarks.bench_late_data          # or: make bench
    STEADYFLOW_BENCH_ROWS=100000 STEADYFLOW_BENCH_SMALL_ROWS=10000 ...   # a quick run while developing
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:  # run as a script too: `benchmarks` and `tests.support` must import
    sys.path.insert(0, _ROOT)

from benchmarks.common import env_int  # noqa: E402
from benchmarks.late_data.report import report, targets, write_section  # noqa: E402
from benchmarks.late_data.scenarios import measure  # noqa: E402
from benchmarks.late_data.settings import DOC, REPO  # noqa: E402


def main() -> None:
    rows = env_int("STEADYFLOW_BENCH_ROWS", 10_000_000, "rows/repeats")
    small = env_int("STEADYFLOW_BENCH_SMALL_ROWS", 1_000_000, "rows/repeats")
    repeats = env_int("STEADYFLOW_BENCH_REPEATS", 5, "rows/repeats")
    res = measure(rows, small, repeats)
    for t, tc in zip(targets(res).values(), targets(res, True).values(), strict=True):
        print(
            f"{t.label:>40}: {t.ratio:6.2f}x  target {t.cell:<8} {'met' if t.met else 'MISSED':<7}"
            f" (with checkpoint at close: {tc.ratio:.2f}x)"
        )
    first = res.runs["first_microbatch"].model_s / res.runs["a_full_refresh"].model_s
    print(f"{'microbatch first build / (a)':>40}: {first:6.2f}x")
    for key, run in res.runs.items():
        print(f"{key:>40}: {run.model_s:8.3f} s model, {run.wall_s:8.3f} s wall, {run.close_s:6.3f} s close")
    text = report(res, repeats)
    write_section(text)
    print(f"wrote the late-data section of {DOC.relative_to(REPO)} ({res.total_s:.0f} s in all)")


if __name__ == "__main__":
    main()
