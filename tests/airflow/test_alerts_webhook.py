"""The webhook client: where the URL comes from in a connection, what gets posted, how failures read."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from steadyflow.alerts.webhook import WebhookError, deadline_text, post_to_connection, task_event_text, webhook_url

from tests.support.webhook import WebhookServer


@dataclass
class Conn:
    conn_id: str = "hook"
    conn_type: str | None = None
    host: str | None = None
    schema: str | None = None
    password: str | None = None
    port: int | None = None
    extra: str | None = None


@pytest.mark.parametrize(
    ("conn", "url"),
    [
        (Conn(extra=json.dumps({"webhook_url": "https://example.test/a/b"})), "https://example.test/a/b"),
        (Conn(password="https://hooks.example.test/services/T/B/X"), "https://hooks.example.test/services/T/B/X"),
        (
            Conn(host="https://hooks.slack.com/services", password="T0/B0/XYZ"),
            "https://hooks.slack.com/services/T0/B0/XYZ",
        ),
        (
            Conn(conn_type="http", host="127.0.0.1", port=8080, schema="hooks", password="T/B/X"),
            "http://127.0.0.1:8080/hooks/T/B/X",
        ),
        (Conn(host="chat.example.test", schema="/incoming/"), "https://chat.example.test/incoming"),
        (
            Conn(host="https://hooks.slack.com/services", password=" T0/B0/XYZ\n"),  # pasted with a newline
            "https://hooks.slack.com/services/T0/B0/XYZ",
        ),
    ],
)
def test_the_webhook_url_is_read_from_the_connection(conn: Conn, url: str) -> None:
    assert webhook_url(conn) == url


def test_a_connection_without_a_url_is_an_error_naming_the_connection() -> None:
    with pytest.raises(WebhookError, match="connection 'hook' has no webhook URL"):
        webhook_url(Conn())


def test_a_message_is_posted_as_slack_json(webhook_server: WebhookServer) -> None:
    conn = Conn(conn_type="http", host="127.0.0.1", port=webhook_server.port, schema="hooks", password="T/B/X")
    assert post_to_connection(conn, "hello") == 200
    assert webhook_server.posts == [("/hooks/T/B/X", {"text": "hello"})]
    (request,) = webhook_server.requests
    assert request.headers["Content-Type"].startswith("application/json")


def test_an_error_answer_is_reported_without_the_secret_path(webhook_server: WebhookServer) -> None:
    webhook_server.status = 500
    conn = Conn(conn_type="http", host="127.0.0.1", port=webhook_server.port, password="T/B/SECRETTOKEN")
    with pytest.raises(WebhookError) as caught:
        post_to_connection(conn, "hello")
    assert "HTTP 500" in str(caught.value) and "'hook'" in str(caught.value)
    assert "SECRETTOKEN" not in str(caught.value)


def test_an_unreachable_webhook_fails_fast_without_the_secret_path() -> None:
    conn = Conn(conn_type="http", host="127.0.0.1", port=9, password="T/B/SECRETTOKEN")
    with pytest.raises(WebhookError, match="unreachable") as caught:
        post_to_connection(conn, "hello", timeout=2)
    assert "SECRETTOKEN" not in str(caught.value)


def test_a_webhook_path_with_a_space_is_an_error_without_the_secret_path(webhook_server: WebhookServer) -> None:
    conn = Conn(conn_type="http", host="127.0.0.1", port=webhook_server.port, password="T000/B000/SECRET XYZ")
    with pytest.raises(WebhookError) as caught:
        post_to_connection(conn, "hello")
    message = str(caught.value)
    assert "connection 'hook' at host 127.0.0.1: invalid webhook URL" in message
    assert "SECRET" not in message and "T000" not in message
    assert webhook_server.requests == []


def test_a_task_message_names_dag_task_run_and_try() -> None:
    ti = {"dag_id": "ingest_orders", "task_id": "load", "run_id": "manual__1", "try_number": 2, "max_tries": 2}
    text = task_event_text({"ti": ti, "exception": ValueError("bad row\nsecond line")}, "retry")
    assert text.splitlines()[0] == "[steadyflow] task retry: dag=ingest_orders task=load run=manual__1 try=2/3"
    assert text.splitlines()[-1] == "error: ValueError: bad row"


def test_a_deadline_message_names_dag_run_and_interval() -> None:
    context = {"dag_run": {"dag_id": "dbt_orders", "dag_run_id": "scheduled__1"}, "deadline": {"deadline_time": "T"}}
    text = deadline_text(context, reference="queued_at", after="2h")
    assert (
        text == "[steadyflow] deadline missed: dag=dbt_orders run=scheduled__1 not done 2h after queued_at (deadline T)"
    )
