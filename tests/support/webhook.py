"""A Slack-compatible webhook on 127.0.0.1 that records what it is sent, for the tests and `make demo`.

    with WebhookServer() as hook:              # ephemeral port, served from a thread
        post_to_connection(conn_pointing_at(hook.port), "hello")
        assert hook.posts == [("/T/B/X", {"text": "hello"})]

Every POST is answered with `hook.status` (200 unless a test sets another) after it is recorded, so a
synchronous client's call has been recorded by the time it returns; `wait_for(n)` waits, bounded, for posts
sent from another process or an event loop.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass(frozen=True)
class Request:
    """One POST the webhook received."""

    path: str
    headers: dict[str, str]
    body: bytes
    received_at: float = field(default_factory=time.time)  # wall clock (epoch s), for latency benchmarks

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class WebhookServer:
    """A threaded HTTP server on 127.0.0.1 (ephemeral port) that keeps every POST and answers `status`."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self._requests: list[Request] = []
        self._arrived = threading.Condition()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                server._record(Request(self.path, dict(self.headers.items()), body))
                self.send_response(server.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="webhook-server", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _record(self, request: Request) -> None:
        with self._arrived:
            self._requests.append(request)
            self._arrived.notify_all()

    @property
    def requests(self) -> list[Request]:
        with self._arrived:
            return list(self._requests)

    @property
    def posts(self) -> list[tuple[str, Any]]:
        """(path, JSON body) of every POST, in arrival order."""
        return [(r.path, r.json) for r in self.requests]

    @property
    def texts(self) -> list[str]:
        """The Slack `text` of every POST, in arrival order."""
        return [str(r.json["text"]) for r in self.requests]

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Request]:
        """The first `count` requests, once they have arrived; AssertionError after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self._requests) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    got = [(r.path, r.body[:200]) for r in self._requests]
                    raise AssertionError(f"webhook: expected {count} request(s) within {timeout}s, got {got}")
                self._arrived.wait(left)
            return list(self._requests[:count])

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> WebhookServer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
