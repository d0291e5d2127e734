"""The webhook client: where the URL comes from in a connection, what gets posted, how failures read."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from steadyflow.alerts.webhook import WebhookError, deadline_text, post_to_connection, task_event_text, webhook_url


@dataclass
class Conn:
    conn_id: str = "hook"
    conn_type: str | None = None
    host: str | None = None
    schema: str | None = None
    password: str | None = None
    port: int | None = None
    extra: str | None = None


@dataclass
class Received:
    status: int = 200
    posts: list[tuple[str, dict[str, object]]] | None = None


@pytest.fixture
def server() -> Iterator[tuple[HTTPServer, Received]]:
    received = Received(posts=[])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            assert received.posts is not None
            received.posts.append((self.path, json.loads(body)))
            self.send_response(received.status)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, received
    httpd.shutdown()
    httpd.server_close()


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


def test_a_message_is_posted_as_slack_json(server: tuple[HTTPServer, Received]) -> None:
    httpd, received = server
    conn = Conn(conn_type="http", host="127.0.0.1", port=httpd.server_address[1], schema="hooks", password="T/B/X")
    assert post_to_connection(conn, "hello") == 200
    assert received.posts == [("/hooks/T/B/X", {"text": "hello"})]


def test_an_error_answer_is_reported_without_the_secret_path(server: tuple[HTTPServer, Received]) -> None:
    httpd, received = server
    received.status = 500
    conn = Conn(conn_type="http", host="127.0.0.1", port=httpd.server_address[1], password="T/B/SECRETTOKEN")
    with pytest.raises(WebhookError) as caught:
        post_to_connection(conn, "hello")
    assert "HTTP 500" in str(caught.value) and "'hook'" in str(caught.value)
    assert "SECRETTOKEN" not in str(caught.value)


def test_an_unreachable_webhook_fails_fast_without_the_secret_path() -> None:
    conn = Conn(conn_type="http", host="127.0.0.1", port=9, password="T/B/SECRETTOKEN")
    with pytest.raises(WebhookError, match="unreachable") as caught:
        post_to_connection(conn, "hello", timeout=2)
    assert "SECRETTOKEN" not in str(caught.value)


def test_a_webhook_path_with_a_space_is_an_error_without_the_secret_path(
    server: tuple[HTTPServer, Received],
) -> None:
    httpd, received = server
    conn = Conn(conn_type="http", host="127.0.0.1", port=httpd.server_address[1], password="T000/B000/SECRET XYZ")
    with pytest.raises(WebhookError) as caught:
        post_to_connection(conn, "hello")
    message = str(caught.value)
    assert "connection 'hook' at host 127.0.0.1: invalid webhook URL" in message
    assert "SECRET" not in message and "T000" not in message
    assert received.posts == []


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
