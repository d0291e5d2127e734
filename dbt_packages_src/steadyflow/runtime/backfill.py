"""The backfill task: replace [start, end) in chunks of `chunk_days`, one `dbt run` per chunk with the
window passed as vars. Each chunk deletes and rewrites its own window (window-replace models), so
re-running a failed backfill from the start gives the same result."""

from __future__ import annotations

import json
import logging
import subprocess
import time
from datetime import date, timedelta
from typing import Any

from steadyflow.runtime.project import dbt_project

log = logging.getLogger(__name__)


def chunk_windows(start: date, end: date, chunk_days: int) -> list[tuple[date, date]]:
    """[start, end) cut into half-open windows of at most `chunk_days` days."""
    if chunk_days < 1:
        raise ValueError(f"chunk_days must be at least 1, got {chunk_days}")
    if end <= start:
        raise ValueError(f"backfill end ({end}) must be after start ({start})")
    windows = []
    cursor = start
    while cursor < end:
        stop = min(cursor + timedelta(days=chunk_days), end)
        windows.append((cursor, stop))
        cursor = stop
    return windows


def _parse_day(name: str, value: object) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"backfill param '{name}' must be a date YYYY-MM-DD, got {value!r}") from None


def run_backfill(
    *,
    start: str,
    end: str,
    chunk_days: int,
    dbt: dict[str, Any],
    select: list[str],
    window_vars: dict[str, str],
    vars: dict[str, Any],
) -> int:
    """Run every chunk in order (`dbt`: the spec's project settings); return the number of chunks replaced."""
    windows = chunk_windows(_parse_day("start", start), _parse_day("end", end), chunk_days)
    project = dbt_project(dbt)
    base = [project.executable, "run", *project.args]
    for number, (lo, hi) in enumerate(windows, start=1):
        chunk_vars = {**vars, window_vars["start"]: lo.isoformat(), window_vars["end"]: hi.isoformat()}
        command = [*base, "--select", *select, "--vars", json.dumps(chunk_vars, sort_keys=True)]
        began = time.monotonic()
        log.info("backfill chunk %d/%d: [%s, %s) starting", number, len(windows), lo, hi)
        done = subprocess.run(command, cwd=project.root, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
            raise RuntimeError(
                f"backfill chunk {number}/{len(windows)} [{lo}, {hi}) failed (dbt exit {done.returncode}); "
                f"chunks before it are complete, and re-running is safe (each chunk replaces its window):\n{tail}"
            )
        log.info("backfill chunk %d/%d: [%s, %s) done in %.1fs", number, len(windows), lo, hi, time.monotonic() - began)
    return len(windows)
