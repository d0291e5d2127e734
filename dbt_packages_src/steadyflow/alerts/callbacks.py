"""Failure and retry notices as `default_args` callbacks, from plain values (a connection id, two flags)."""

from __future__ import annotations

from typing import Any


def failure_callbacks(
    webhook_conn_id: str | None, *, on_failure: bool = True, on_retry: bool = True
) -> dict[str, list[Any]]:
    """`{"on_failure_callback": [...], "on_retry_callback": [...]}` for `default_args`: one webhook notifier
    per event switched on; empty lists when an event is off or there is no connection (alerts off)."""
    out: dict[str, list[Any]] = {"on_failure_callback": [], "on_retry_callback": []}
    if webhook_conn_id is None:
        return out
    from steadyflow.alerts.notifier import SteadyflowWebhookNotifier

    if on_failure:
        out["on_failure_callback"].append(SteadyflowWebhookNotifier(webhook_conn_id, "failure"))
    if on_retry:
        out["on_retry_callback"].append(SteadyflowWebhookNotifier(webhook_conn_id, "retry"))
    return out
