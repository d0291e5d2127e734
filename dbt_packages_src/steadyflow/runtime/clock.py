"""The clock a dbt task runs on: the run's own time, so a cleared run replays the window it loaded.

`dbt_build` and `backfill` DAGs pass dbt the var `steadyflow_now` (the dbt package's single clock:
the lookback window's end, the future-row cap and every guard read it) rendered from
`{{ dag_run | steadyflow_now }}`: the run's data interval end, or its `run_after` when it has no
data interval (manual and asset-triggered runs in Airflow 3 may have none). Both are stored with the
run, so clearing last week's run gives dbt last week's "now", not the wall clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

#: The Jinja filter name the dbt templates register on their DAGs (`user_defined_filters`).
FILTER_NAME = "steadyflow_now"

#: The templated value of the dbt var `steadyflow_now` (rendered by Airflow when the task runs).
PINNED_NOW = "{{ dag_run | " + FILTER_NAME + " }}"

#: What the dbt package's `parse_timestamp` accepts: naive UTC, no offset.
NOW_FORMAT = "%Y-%m-%d %H:%M:%S"


def run_now(dag_run: Any) -> str:
    """`'YYYY-MM-DD HH:MM:SS'` (UTC) of the run's data interval end, else of its `run_after`."""
    moment = getattr(dag_run, "data_interval_end", None) or getattr(dag_run, "run_after", None)
    if not isinstance(moment, datetime):
        raise ValueError(
            f"steadyflow_now: the DAG run has neither a data interval end nor a run_after to pin dbt's clock to "
            f"(got {moment!r}); set pin_now: false in the spec to let dbt use its own clock"
        )
    if moment.tzinfo is None:  # Airflow stores UTC; a naive value is UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(NOW_FORMAT)


def now_filters() -> dict[str, Any]:
    """`user_defined_filters` for a DAG whose tasks template `PINNED_NOW`."""
    return {FILTER_NAME: run_now}
