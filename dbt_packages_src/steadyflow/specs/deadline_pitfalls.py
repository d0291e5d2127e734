"""Deadline pitfalls of Airflow 3.3 that a validated spec already shows (run by `steadyflow lint`).

A `deadline` measured from `logical_date` is skipped, silently, for a run whose logical date is NULL
(apache/airflow#71750: no Deadline row is created; the scheduler only logs "Could not find DagRun").
Asset-triggered runs never have a logical date (AIP-83, also on an assets-or-time schedule), nor do runs
of a schedule-less DAG triggered without one; a cron DAG's scheduled runs do, its manual runs may not.
"""

from __future__ import annotations

from dataclasses import dataclass

from steadyflow.specs.dag import CommonDagSpec
from steadyflow.specs.schedule import asset_paths

ISSUE = "apache/airflow#71750"


@dataclass(frozen=True)
class DeadlinePitfall:
    """One finding: where (under `dags[index]`), how bad, what happens, and the reference to use instead."""

    severity: str  # "error" | "warning"
    path: tuple[str, ...]
    message: str
    suggestion: str = "queued_at"


def deadline_pitfalls(dag: CommonDagSpec) -> list[DeadlinePitfall]:
    """The pitfalls of `dag`'s `alerts.deadline` (an empty list when it has none, or it is fine)."""
    deadline = dag.alerts.deadline if dag.alerts is not None else None
    if deadline is None or deadline.reference != "logical_date":
        return []
    path = ("alerts", "deadline", "reference")
    if dag.schedule is None:
        kind = "schedule-less: its runs are triggered, and a run triggered without a logical date has none"
    elif asset_paths(dag.schedule):
        kind = "asset-scheduled: a run an Asset event starts has no logical date (AIP-83)"
    else:
        message = (
            f"deadline reference logical_date: DAG '{dag.dag_id}' runs on a cron, but a manual run triggered "
            f"without a logical date has none and its deadline never fires ({ISSUE}); queued_at covers every run"
        )
        return [DeadlinePitfall("warning", path, message)]
    message = (
        f"deadline reference logical_date: DAG '{dag.dag_id}' is {kind}, so the deadline never fires "
        f"({ISSUE}: Airflow creates no deadline for a run whose logical_date is NULL); use reference: queued_at"
    )
    return [DeadlinePitfall("error", path, message)]
