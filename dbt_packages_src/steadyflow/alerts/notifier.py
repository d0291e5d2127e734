"""`SteadyflowWebhookNotifier`: an Airflow notifier that posts task events to a Slack-compatible webhook.

Use it anywhere Airflow takes a callback (`on_failure_callback=[SteadyflowWebhookNotifier("my_hook")]`).
The webhook URL is read from the connection when the callback runs (worker or triggerer), never at
DAG parse time. A failed POST is logged by Airflow's callback runner and does not change the task state.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from airflow.sdk import BaseHook, BaseNotifier

from steadyflow.alerts.webhook import (
    DEFAULT_TIMEOUT_SECONDS,
    DEFAULT_WEBHOOK_CONN_ID,
    post_to_connection,
    task_event_text,
)

EVENTS = ("failure", "retry", "success")


class SteadyflowWebhookNotifier(BaseNotifier):
    """Post `[steadyflow] task <event>: dag=… task=… run=… try=…` (or `text`, templated) to the webhook."""

    template_fields: Sequence[str] = ("text",)

    def __init__(
        self,
        conn_id: str = DEFAULT_WEBHOOK_CONN_ID,
        event: str = "failure",
        *,
        text: str | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        if event not in EVENTS:
            raise ValueError(f"event: {event!r} is not one of {', '.join(EVENTS)}")
        if not conn_id:
            raise ValueError("conn_id: an Airflow connection id holding the webhook URL is required")
        super().__init__()
        self.conn_id = conn_id
        self.event = event
        self.text = text
        self.timeout = timeout

    def _message(self, context: Any) -> str:
        return self.text or task_event_text(context, self.event)

    def notify(self, context: Any) -> None:
        conn = BaseHook.get_connection(self.conn_id)
        post_to_connection(conn, self._message(context), timeout=self.timeout)

    async def async_notify(self, context: Any) -> None:
        conn = await BaseHook.aget_connection(self.conn_id)
        await asyncio.to_thread(post_to_connection, conn, self._message(context), timeout=self.timeout)
