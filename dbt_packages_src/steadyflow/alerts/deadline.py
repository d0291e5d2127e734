"""Deadlines: `deadline: {reference: queued_at | logical_date, after: 2h}` -> an Airflow `DeadlineAlert`.

When a run misses its deadline the scheduler queues the callback for the triggerer, which imports it
by dotted path. That is why `post_deadline_missed` is a top-level coroutine in the installed package
(`steadyflow.alerts.deadline.post_deadline_missed`), not something defined in a DAG file: the
triggerer does not have the DAG folder on its path. Its kwargs are plain JSON (connection id,
reference, interval as a duration string); the scheduler adds `context` (the DAG run and the deadline).

Airflow 3.3 drops a run's deadline only when the run succeeds: a run that failed before its deadline keeps
it, and the scheduler fires it later (apache/airflow#60927). The run already had its failure notice, so
the callback reads the run's state from `context` and posts nothing for a failed run.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from steadyflow.alerts.webhook import DEFAULT_TIMEOUT_SECONDS, deadline_text, post_to_connection
from steadyflow.durations import format_duration

if TYPE_CHECKING:
    from airflow.sdk.definitions.deadline import DeadlineAlert

REFERENCES = ("queued_at", "logical_date")
CALLBACK_PATH = "steadyflow.alerts.deadline.post_deadline_missed"


async def post_deadline_missed(
    webhook_conn_id: str,
    reference: str,
    after: str,
    context: dict[str, Any] | None = None,
) -> str:
    """Runs in the triggerer when a deadline is missed: post one line naming the DAG and run to the webhook
    (nothing when the run had already failed: its failure notice said so, apache/airflow#60927)."""
    from airflow.sdk import BaseHook

    dag_run = (context or {}).get("dag_run") or {}
    if isinstance(dag_run, dict) and dag_run.get("state") == "failed":
        run_id = dag_run.get("dag_run_id") or dag_run.get("run_id")
        return f"run {run_id!r} had failed before its deadline was handled: no deadline notice (its failure was sent)"

    conn = await BaseHook.aget_connection(webhook_conn_id)
    text = deadline_text(context, reference=reference, after=after)
    status = await asyncio.to_thread(post_to_connection, conn, text, timeout=DEFAULT_TIMEOUT_SECONDS)
    return f"posted deadline notice via connection {webhook_conn_id!r} (HTTP {status})"


def build_deadline_alert(*, reference: str, after: timedelta, webhook_conn_id: str) -> DeadlineAlert:
    """A `DeadlineAlert` whose async callback posts to the webhook of `webhook_conn_id` when a run is not
    done `after` past its `reference` (`queued_at` or `logical_date`).

    Plain values: a spec's `deadline:` was validated when the spec was loaded; a hand-written DAG passes a
    `timedelta`. The checks here only name a wrong argument."""
    from airflow.sdk.definitions.callback import AsyncCallback
    from airflow.sdk.definitions.deadline import DeadlineAlert, DeadlineReference

    if reference not in REFERENCES:
        raise ValueError(f"deadline.reference: {reference!r} is not one of {', '.join(REFERENCES)}")
    if not isinstance(after, timedelta):
        raise ValueError(f"deadline.after: {after!r} is not a duration; pass a datetime.timedelta")
    if after <= timedelta(0):
        raise ValueError(f"deadline.after: {after!r} must be longer than zero")
    callback = AsyncCallback(
        post_deadline_missed,
        kwargs={"webhook_conn_id": webhook_conn_id, "reference": reference, "after": format_duration(after)},
    )
    airflow_reference = (
        DeadlineReference.DAGRUN_QUEUED_AT if reference == "queued_at" else DeadlineReference.DAGRUN_LOGICAL_DATE
    )
    return DeadlineAlert(reference=airflow_reference, interval=after, callback=callback)
