"""Paths, model names and day counts of the late-data benchmark."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROJECT_DIR = REPO / "benchmarks" / "late_data_project"
WORK_ROOT = REPO / ".bench" / "late_data"
DOC = REPO / "docs" / "benchmarks.md"
SECTION = ("<!-- section:late-data -->", "<!-- /section:late-data -->")
COLUMNS = "event_id, user_id, event_type, amount, event_ts"
LOOKBACK = "events_lookback"
MICROBATCH = "events_microbatch"
HISTORY_DAYS, LOOKBACK_DAYS, BACKFILL_DAYS = 365, 3, 90
ORDERED, RANDOM = "event-time order", "random order"  # the layouts of raw.events (data.LAYOUTS)
