"""The notifier reads its webhook from a connection when it runs, and posts the same line sync or async."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from steadyflow.alerts.notifier import SteadyflowWebhookNotifier

CONTEXT = {"ti": {"dag_id": "orders_build", "task_id": "dbt_build", "run_id": "manual__1", "try_number": 1}}


@pytest.fixture
def webhook_conn(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    posts: list[tuple[str, dict[str, Any]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            posts.append((self.path, json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    conn = {"conn_type": "http", "host": "127.0.0.1", "port": httpd.server_address[1], "password": "T/B/tok"}
    monkeypatch.setenv("AIRFLOW_CONN_NOTIFIER_HOOK", json.dumps(conn))
    yield posts
    httpd.shutdown()
    httpd.server_close()


def test_the_notifier_posts_the_task_line_when_called_as_a_callback(webhook_conn: list[Any]) -> None:
    SteadyflowWebhookNotifier("notifier_hook", "failure")(dict(CONTEXT))
    assert webhook_conn == [
        ("/T/B/tok", {"text": "[steadyflow] task failure: dag=orders_build task=dbt_build run=manual__1 try=1"})
    ]


def test_the_notifier_can_be_awaited_as_in_the_triggerer(webhook_conn: list[Any]) -> None:
    notifier = SteadyflowWebhookNotifier("notifier_hook", "retry", text="custom {{ ti.task_id }}")
    notifier.context = dict(CONTEXT)

    async def send() -> None:
        await notifier

    asyncio.run(send())
    assert webhook_conn == [("/T/B/tok", {"text": "custom dbt_build"})]
