"""Helpers for the volume guard tests: the generated series in integration_tests/models/volume and its clock."""

from __future__ import annotations

from tests.support.dbt import INTEGRATION_DIR

VOLUME = "path:models/volume"
VOLUME_SCHEMA = INTEGRATION_DIR / "models" / "volume" / "volume_schema.yml"
# a Friday at midnight: day 1 (yesterday) is Thursday 2024-03-14, the judged day 4 is Monday 2024-03-11
PINNED_NOW = {"steadyflow_now": "2024-03-15 00:00:00"}

HISTORY_ON = {"steadyflow_row_count_history": True}


def runs_of(scenario: str, runs: int = 30) -> list[int]:
    """Row counts of the recorded runs of one history scenario, newest first (run 1 is at the pinned now, one run a
    day before it): 1000 rows on weekday runs, 300 on weekend runs, then the scenario's change."""
    from datetime import datetime, timedelta

    newest = datetime.fromisoformat(PINNED_NOW["steadyflow_now"])
    counts = []
    for run in range(1, runs + 1):
        rows = 300 if (newest - timedelta(days=run - 1)).weekday() >= 5 else 1000
        incident = {"partial_load": run == 1, "repeat_incident": run == 1 or 8 <= run <= 19}.get(scenario, False)
        if incident:
            rows = rows * 6 // 10
        elif scenario == "empty_latest" and run == 1:
            rows = 0
        elif scenario == "wobble" and run % 2 == 0:
            rows = rows * 9 // 10
        counts.append(rows)
    return counts
