"""The scenarios of the late-data benchmark: generate the states, run every scenario from a fresh copy of
them (round-robin, medians kept) and collect the results."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.late_data.data import Scale, apply_change, check_same_rows, generate_source, sql, ts
from benchmarks.late_data.runner import Bench, Run, dbt_fixed_costs, median_run
from benchmarks.late_data.settings import BACKFILL_DAYS, HISTORY_DAYS, LOOKBACK, LOOKBACK_DAYS, MICROBATCH, WORK_ROOT


@dataclass
class Results:
    scale: Scale
    small: Scale
    small_prop: Scale
    today: datetime
    lower: datetime = datetime.min
    runs: dict[str, Run] = field(default_factory=dict)
    fixed: dict[str, float] = field(default_factory=dict)
    load: tuple[float, float] = (0.0, 0.0)
    overhead: dict[str, float] = field(default_factory=dict)
    total_s: float = 0.0


def run_model(bench: Bench, state: Path, model: str, *args: str, vars: dict[str, str] | None = None) -> Run:
    bench.restore(state)
    run = bench.dbt("run", "-s", model, *args, vars=vars)
    check_same_rows(bench.db, model)
    return run


def run_floor(bench: Bench, state: Path, predicate: str) -> Run:
    bench.restore(state)
    run = bench.floor(predicate)
    check_same_rows(bench.db, LOOKBACK)
    return run


def interleaved(n: int, scenarios: dict[str, Callable[[], Run]]) -> dict[str, Run]:
    """Repeat each scenario n times, round-robin (so a noisy neighbour hurts all alike); keep medians."""
    runs: dict[str, list[Run]] = {k: [] for k in scenarios}
    for _ in range(n):
        for key, fn in scenarios.items():
            runs[key].append(fn())
    return {k: median_run(v) for k, v in runs.items()}


def measure(rows: int, small_rows: int, n: int) -> Results:
    started, load_start = time.perf_counter(), os.getloadavg()[0]
    today = datetime.now(UTC).replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    scale = Scale.proportional(rows)
    res = Results(scale, Scale(small_rows, scale.new_rows, scale.late_rows), Scale.proportional(small_rows), today)
    shutil.rmtree(WORK_ROOT, ignore_errors=True)
    WORK_ROOT.mkdir(parents=True)
    bench = Bench(WORK_ROOT, (today - timedelta(days=HISTORY_DAYS)).date())
    res.fixed = dbt_fixed_costs(bench)
    R = res.runs

    small_states: dict[str, Path] = {}  # (b) at the small scale runs interleaved with (b) at full scale
    for key, small in (("b_small_same_change", res.small), ("b_small_prop_change", res.small_prop)):
        print(f"preparing {small.rows:,} rows, change {small.new_rows:,} + {small.late_rows:,} ...", flush=True)
        generate_source(bench.db, small.rows, today)
        bench.dbt("run", "-s", LOOKBACK)
        apply_change(bench.db, small, today)
        small_states[key] = bench.save(key)
        bench.clear()

    print(f"generating {rows:,} source rows ...", flush=True)
    generate_source(bench.db, rows, today)
    s0 = bench.save("s0_source_only")

    print("microbatch's first build ...", flush=True)
    R["first_microbatch"] = run_model(bench, s0, MICROBATCH)  # once: it is the slow one
    bench.dbt("run", "-s", LOOKBACK)  # yesterday's state: both models built
    apply_change(bench.db, scale, today)
    s1 = bench.save("s1_built_plus_change")
    max_ts = sql(s1, f"select date_trunc('day', max(event_ts)) from main.{LOOKBACK}")[0][0]
    res.lower = max_ts - timedelta(days=LOOKBACK_DAYS)
    small_max = sql(small_states["b_small_same_change"], f"select date_trunc('day', max(event_ts)) from {LOOKBACK}")
    small_floor = f"event_ts >= timestamp '{ts(small_max[0][0] - timedelta(days=LOOKBACK_DAYS))}'"

    print("first builds and daily runs ...", flush=True)
    R |= interleaved(
        n,
        {
            "first_lookback": lambda: run_model(bench, s0, LOOKBACK),
            "a_full_refresh": lambda: run_model(bench, s1, LOOKBACK, "--full-refresh"),
            "b_lookback": lambda: run_model(bench, s1, LOOKBACK),
            "c_microbatch": lambda: run_model(bench, s1, MICROBATCH),
            "d_floor": lambda: run_floor(bench, s1, f"event_ts >= timestamp '{ts(res.lower)}'"),
            **{k: (lambda st=st: run_model(bench, st, LOOKBACK)) for k, st in small_states.items()},
            "d_floor_small": lambda: run_floor(bench, small_states["b_small_same_change"], small_floor),
        },
    )

    print(f"{BACKFILL_DAYS}-day backfills ...", flush=True)
    bench.restore(s1)
    bench.dbt("run", "-s", LOOKBACK, MICROBATCH)
    s2 = bench.save("s2_up_to_date")
    start, end = today - timedelta(days=BACKFILL_DAYS), today
    window = {"backfill_start": start.date().isoformat(), "backfill_end": end.date().isoformat()}
    flags = ("--event-time-start", start.date().isoformat(), "--event-time-end", end.date().isoformat())
    between = f"event_ts >= timestamp '{ts(start)}' and event_ts < timestamp '{ts(end)}'"
    R |= interleaved(
        n,
        {
            "backfill_replace_window": lambda: run_model(bench, s2, LOOKBACK, vars=window),
            "backfill_microbatch": lambda: run_model(bench, s2, MICROBATCH, *flags),
            "backfill_hand": lambda: run_floor(bench, s2, between),
        },
    )

    res.overhead = {k: R[k].wall_s - R[k].model_s for k in ("b_lookback", "c_microbatch", "backfill_replace_window")}
    res.total_s = time.perf_counter() - started
    res.load = (load_start, os.getloadavg()[0])
    return res
