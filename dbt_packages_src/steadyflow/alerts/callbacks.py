"""Turn a spec's `alerts:` block into `default_args` callbacks.

Typed with Protocols so any object with these attributes works (the pydantic `AlertsSpec` of the
spec models, or a plain dataclass in tests).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Protocol


class DeadlineLike(Protocol):
    @property
    def reference(self) -> str: ...

    @property
    def after(self) -> str | timedelta: ...


class AlertsLike(Protocol):
    @property
    def webhook_conn_id(self) -> str: ...

    @property
    def on_failure(self) -> bool: ...

    @property
    def on_retry(self) -> bool: ...

    @property
    def deadline(self) -> DeadlineLike | None: ...


def failure_callbacks(alerts: AlertsLike | None) -> dict[str, list[Any]]:
    """`{"on_failure_callback": [...], "on_retry_callback": [...]}` for `default_args`; empty lists when off."""
    out: dict[str, list[Any]] = {"on_failure_callback": [], "on_retry_callback": []}
    if alerts is None:
        return out
    from steadyflow.alerts.notifier import SteadyflowWebhookNotifier

    if alerts.on_failure:
        out["on_failure_callback"].append(SteadyflowWebhookNotifier(alerts.webhook_conn_id, "failure"))
    if alerts.on_retry:
        out["on_retry_callback"].append(SteadyflowWebhookNotifier(alerts.webhook_conn_id, "retry"))
    return out
