"""The notifier reads its webhook from a connection when it runs, and posts the same line sync or async."""

from __future__ import annotations

import asyncio
import json

import pytest
from steadyflow.alerts.notifier import SteadyflowWebhookNotifier

from tests.support.webhook import WebhookServer

CONTEXT = {"ti": {"dag_id": "orders_build", "task_id": "dbt_build", "run_id": "manual__1", "try_number": 1}}


@pytest.fixture
def webhook_conn(webhook_server: WebhookServer, monkeypatch: pytest.MonkeyPatch) -> WebhookServer:
    webhook_server.status = 204
    conn = {"conn_type": "http", "host": "127.0.0.1", "port": webhook_server.port, "password": "T/B/tok"}
    monkeypatch.setenv("AIRFLOW_CONN_NOTIFIER_HOOK", json.dumps(conn))
    return webhook_server


def test_the_notifier_posts_the_task_line_when_called_as_a_callback(webhook_conn: WebhookServer) -> None:
    SteadyflowWebhookNotifier("notifier_hook", "failure")(dict(CONTEXT))
    assert webhook_conn.posts == [
        ("/T/B/tok", {"text": "[steadyflow] task failure: dag=orders_build task=dbt_build run=manual__1 try=1"})
    ]


def test_the_notifier_can_be_awaited_as_in_the_triggerer(webhook_conn: WebhookServer) -> None:
    notifier = SteadyflowWebhookNotifier("notifier_hook", "retry", text="custom {{ ti.task_id }}")
    notifier.context = dict(CONTEXT)

    async def send() -> None:
        await notifier

    asyncio.run(send())
    assert webhook_conn.posts == [("/T/B/tok", {"text": "custom dbt_build"})]
