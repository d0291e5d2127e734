"""A run that failed before its deadline gets its failure notice and no deadline notice.

Airflow 3.3 prunes a run's deadlines only when the run succeeds; a failed run keeps its deadline, and the
scheduler fires it when it passes (apache/airflow#60927). The deadline callback reads the run's state from
the context the scheduler hands the triggerer and posts nothing for a failed run. (Proven end to end under
a real scheduler and triggerer in tests/airflow_real; here through Airflow's own `CallbackTrigger`.)"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from typing import Any

import pytest
from steadyflow.alerts.deadline import build_deadline_alert

from tests.support.webhook import WebhookServer


def fire(state: str | None) -> list[dict[str, Any]]:
    """Run the deadline callback the way the triggerer does, for a run in `state`; the trigger's events."""
    from airflow.triggers.callback import CallbackTrigger

    alert = build_deadline_alert(reference="queued_at", after=timedelta(minutes=45), webhook_conn_id="ops_webhook")
    dag_run: dict[str, Any] = {"dag_id": "nightly", "dag_run_id": "manual__2024-01-02T00:00:00+00:00"}
    if state is not None:
        dag_run["state"] = state
    context = {"dag_run": dag_run, "deadline": {"id": "d1", "deadline_time": "2024-01-02T00:45:00+00:00"}}
    trigger = CallbackTrigger(
        callback_path=alert.callback.path, callback_kwargs={**alert.callback.kwargs, "context": context}
    )

    async def collect() -> list[dict[str, Any]]:
        return [event.payload async for event in trigger.run()]

    return asyncio.run(collect())


@pytest.fixture
def ops_webhook(webhook_server: WebhookServer, monkeypatch: pytest.MonkeyPatch) -> WebhookServer:
    conn = {
        "conn_type": "http",
        "host": "127.0.0.1",
        "port": webhook_server.port,
        "schema": "hooks",
        "password": "T000/B000/deadline",
    }
    monkeypatch.setenv("AIRFLOW_CONN_OPS_WEBHOOK", json.dumps(conn))
    return webhook_server


def test_the_deadline_of_a_run_that_already_failed_posts_nothing(ops_webhook: WebhookServer) -> None:
    events = fire("failed")
    assert [e["state"] for e in events] == ["running", "success"]
    assert "had failed before its deadline" in str(events[-1])
    assert ops_webhook.posts == []


@pytest.mark.parametrize("state", ["running", "queued", "success", None])
def test_the_deadline_of_a_run_not_failed_posts_one_notice(ops_webhook: WebhookServer, state: str | None) -> None:
    events = fire(state)
    assert [e["state"] for e in events] == ["running", "success"]
    (text,) = ops_webhook.texts
    assert text.startswith("[steadyflow] deadline missed: dag=nightly run=manual__2024-01-02T00:00:00+00:00 ")
