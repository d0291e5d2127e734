"""The scenarios of the late-data benchmark: generate the states, run every scenario from a fresh copy of
them (round-robin, medians kept) and collect the results."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from benchmarks.late_data.data import Scale, apply_change, check_same_rows, generate_source
from benchmarks.late_data.runner import Bench, Run, dbt_fixed_costs, median_run
from benchmarks.late_data.settings import BACKFILL_DAYS, HISTORY_DAYS, LOOKBACK, MICROBATCH, RANDOM, WORK_ROOT


@dataclass
class Results:
    scale: Scale
    small: Scale
    small_prop: Scale
    today: datetime
    windows: dict[str, str] = field(default_factory=dict)  # scenario -> the predicate its window renders
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


def built_state(bench: Bench, name: str, rows: int, scale: Scale, today: datetime, layout: str) -> Path:
    """Yesterday's state on a source of `layout`: both models built by their own first build (so each target
    keeps the order its strategy writes), then today's change loaded into the source. Untimed."""
    bench.clear()
    generate_source(bench.db, rows, today, layout)
    bench.dbt("run", "-s", MICROBATCH)
    bench.dbt("run", "-s", LOOKBACK)
    apply_change(bench.db, scale, today)
    return bench.save(name)


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
    print(f"the same on a source stored in {RANDOM} ...", flush=True)
    s1_random = built_state(bench, "s1_random_built_plus_change", rows, scale, today, RANDOM)
    res.windows = {
        "b_lookback": bench.window_predicate(s1),
        "b_lookback_random": bench.window_predicate(s1_random),
        "b_small_same_change": bench.window_predicate(small_states["b_small_same_change"]),
    }
    W = res.windows

    print("first builds and daily runs ...", flush=True)
    R |= interleaved(
        n,
        {
            "first_lookback": lambda: run_model(bench, s0, LOOKBACK),
            "a_full_refresh": lambda: run_model(bench, s1, LOOKBACK, "--full-refresh"),
            "b_lookback": lambda: run_model(bench, s1, LOOKBACK),
            "c_microbatch": lambda: run_model(bench, s1, MICROBATCH),
            "d_floor": lambda: run_floor(bench, s1, W["b_lookback"]),
            "b_lookback_random": lambda: run_model(bench, s1_random, LOOKBACK),
            "c_microbatch_random": lambda: run_model(bench, s1_random, MICROBATCH),
            "d_floor_random": lambda: run_floor(bench, s1_random, W["b_lookback_random"]),
            **{k: partial(run_model, bench, st, LOOKBACK) for k, st in small_states.items()},
            "d_floor_small": lambda: run_floor(bench, small_states["b_small_same_change"], W["b_small_same_change"]),
        },
    )

    print(f"{BACKFILL_DAYS}-day backfills ...", flush=True)
    bench.restore(s1)
    bench.dbt("run", "-s", LOOKBACK, MICROBATCH)
    s2 = bench.save("s2_up_to_date")
    start, end = today - timedelta(days=BACKFILL_DAYS), today
    window = {"backfill_start": start.date().isoformat(), "backfill_end": end.date().isoformat()}
    flags = ("--event-time-start", start.date().isoformat(), "--event-time-end", end.date().isoformat())
    W["backfill_replace_window"] = bench.window_predicate(s2, vars=window)
    R |= interleaved(
        n,
        {
            "backfill_replace_window": lambda: run_model(bench, s2, LOOKBACK, vars=window),
            "backfill_microbatch": lambda: run_model(bench, s2, MICROBATCH, *flags),
            "backfill_hand": lambda: run_floor(bench, s2, W["backfill_replace_window"]),
        },
    )

    res.overhead = {k: R[k].wall_s - R[k].model_s for k in ("b_lookback", "c_microbatch", "backfill_replace_window")}
    res.total_s = time.perf_counter() - started
    res.load = (load_start, os.getloadavg()[0])
    return res
