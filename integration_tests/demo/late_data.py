"""The late-data story on an embedded DuckDB file: daily runs over a stream with late orders, the check
that catches what the lookback window missed, then the same window-replace backfill run twice.

`run(workdir)` is called by integration_tests/demo/run.py (`make demo`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.support.dbt import DbtProject, ensure_deps, query
from tests.support.orders_stream import (
    create_raw_orders,
    day,
    end_of,
    generate_orders,
    insert_orders,
    table_fingerprint,
)

MODEL = "orders_replace_window"
CHECK = "orders_replace_window_late_rows_missed"
DAYS = 10


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(c) for c in headers], *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    line = "  ".join("-" * w for w in widths)
    print("  ".join(h.ljust(w) for h, w in zip(cells[0], widths, strict=True)).rstrip())
    print(line)
    for r in cells[1:]:
        print("  ".join(c.rjust(w) if c[:1].isdigit() else c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    print()


def scalar(project: DbtProject, sql: str) -> Any:
    return query(project, sql)[0][0]


def duplicates(project: DbtProject) -> int:
    return int(scalar(project, f"select count(*) - count(distinct order_id) from {MODEL}"))


def window_of(project: DbtProject) -> str:
    """The window the last run replaced, as dbt compiled it."""
    sql = next((project.work_dir / "target" / "run").rglob(f"{MODEL}.sql")).read_text()
    start = re.search(r">= (?:timestamp )?'([^']+)'", sql).group(1)[:10]  # type: ignore[union-attr]
    end = re.search(r"< (?:timestamp )?'([^']+)'", sql).group(1)[:16]  # type: ignore[union-attr]
    return f"[{start}, {end})"


def run(workdir: Path) -> None:
    ensure_deps()
    workdir.mkdir(parents=True, exist_ok=True)
    project = DbtProject(work_dir=workdir, target="duckdb")
    orders = generate_orders(days=DAYS)
    create_raw_orders(project)
    late = [o for o in orders if o.days_late]
    print(
        f"{len(orders)} orders over {DAYS} days from {day(0)}: {sum(o.days_late <= 3 for o in late)} arrive 1-3 days"
        f" late, {sum(o.days_late == 5 for o in late)} arrive 5 days late.\nModel {MODEL}:"
        " steadyflow.lookback_window(lookback_days=3) + strategy replace_window, no unique_key.\n"
    )

    print("Step 1: one run a day (steadyflow_now = that evening)")
    rows = []
    for d in range(DAYS):
        landed = [o for o in orders if o.loaded_on == day(d)]
        insert_orders(project, landed)
        project.dbt("run", "-s", MODEL, vars={"steadyflow_now": end_of(day(d))})
        late_today = [o.order_id for o in landed if o.days_late]
        captured = (
            int(scalar(project, f"select count(*) from {MODEL} where order_id in ({','.join(map(str, late_today))})"))
            if late_today
            else 0
        )
        total = int(scalar(project, f"select count(*) from {MODEL}"))
        rows.append(
            (str(day(d)), window_of(project), len(landed), len(late_today), captured, total, duplicates(project))
        )
    table(["run day", "window replaced", "landed", "late", "late captured", "rows", "duplicates"], rows)
    loaded = {r[0] for r in query(project, f"select order_id from {MODEL}")}
    for label, lateness in (("1-3 days late", (1, 2, 3)), ("5 days late", (5,))):
        ids = [o.order_id for o in late if o.days_late in lateness]
        print(f"late rows captured, {label}: {sum(i in loaded for i in ids)} of {len(ids)}")
    print()

    print("Step 2: the check `steadyflow.late_rows_missed` (dbt test --store-failures)")
    res = project.dbt("test", "-s", MODEL, "--store-failures", vars={"steadyflow_now": end_of(day(DAYS - 1))})
    missed = query(
        project,
        f"select event_date, source_rows, model_rows, missing_rows from main_dbt_test__audit.{CHECK} order by 1",
    )
    table(["event_date", "source_rows", "model_rows", "missing_rows"], missed)
    print(f"{CHECK}: {res.statuses[CHECK]}, failures = {res.failures[CHECK]} missing rows\n")

    first, last = missed[0][0], missed[-1][0]
    window = {"backfill_start": str(first), "backfill_end": str(last + timedelta(days=1))}
    in_window = f"ordered_at >= timestamp '{first}' and ordered_at < timestamp '{window['backfill_end']}'"
    withdrawn = day(3)  # inside the window
    query(project, f"delete from raw_orders where cast(ordered_at as date) = date '{withdrawn}'")
    print(
        f"Step 3: upstream withdraws all orders of {withdrawn}; backfill the reported dates "
        f"backfill_start={window['backfill_start']} backfill_end={window['backfill_end']}, twice"
    )
    outside = f"not ({in_window})"
    outside_before = table_fingerprint(project, MODEL, outside)
    rows = []
    previous = None
    for attempt in (1, 2):
        before = int(scalar(project, f"select count(*) from {MODEL} where {in_window}"))
        project.dbt("run", "-s", MODEL, vars=window)
        after = table_fingerprint(project, MODEL)
        rows.append(
            (
                attempt,
                window_of(project),
                before,
                int(scalar(project, f"select count(*) from {MODEL} where {in_window}")),
                int(scalar(project, f"select count(*) from {MODEL} where cast(ordered_at as date) = '{withdrawn}'")),
                after[0],
                duplicates(project),
                "yes" if table_fingerprint(project, MODEL, outside) == outside_before else "NO",
                after[1][:12],
                "-" if previous is None else ("yes" if after == previous else "NO"),
            )
        )
        previous = after
    table(
        [
            "backfill",
            "window",
            "in window before",
            "in window after",
            f"rows on {withdrawn}",
            "rows",
            "duplicates",
            "outside unchanged",
            "md5",
            "same as run 1",
        ],
        rows,
    )
    res = project.dbt("test", "-s", MODEL, vars={"steadyflow_now": end_of(day(DAYS - 1))})
    print(f"{CHECK} after the backfill: {res.statuses[CHECK]}, failures = {res.failures[CHECK]}")
