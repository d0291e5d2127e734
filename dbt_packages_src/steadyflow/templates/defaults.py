"""Task defaults every template applies: retries, retry delay, an execution timeout (so a task on a
dead worker is failed and reported instead of hanging in "running"), and the alert callbacks.

Rendered DAG files import this module: it takes plain values (seconds, a connection id), validated
once when the spec was loaded, and imports the alerts runtime only for a DAG that has alerts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any


def task_defaults(
    *,
    owner: str,
    retries: int,
    retry_delay_seconds: int,
    execution_timeout_seconds: int,
    webhook_conn_id: str | None = None,
    on_failure: bool = True,
    on_retry: bool = True,
) -> dict[str, Any]:
    """`default_args` for a steadyflow DAG (called both by the YAML loader and by rendered files);
    `webhook_conn_id` set: failure / retry notices to that connection's webhook."""
    args: dict[str, Any] = {
        "owner": owner,
        "retries": retries,
        "retry_delay": timedelta(seconds=retry_delay_seconds),
        "execution_timeout": timedelta(seconds=execution_timeout_seconds),
    }
    if webhook_conn_id is not None:
        from steadyflow.alerts.callbacks import failure_callbacks

        args.update(failure_callbacks(webhook_conn_id, on_failure=on_failure, on_retry=on_retry))
    return args
