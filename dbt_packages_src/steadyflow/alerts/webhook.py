"""Post a Slack-compatible `{"text": ...}` message to a webhook whose URL comes from an Airflow connection.

Where the URL lives in the connection, first match wins:
1. `extra.webhook_url` — the full URL;
2. `password` holding a full `http(s)://` URL;
3. `host` (a full URL, or a bare host with `conn_type`/`extra.scheme` giving http or https, default
   https) plus `port`, then `schema` as a path, then `password` as the last path part — the Slack
   provider's layout (`host=https://hooks.slack.com/services`, `password=T000/B000/XXXX`).

The URL is a credential: it is never logged and never put in an exception message (errors name the
connection id and the host only). Only the standard library is used here, with a timeout on every call.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import urlsplit

DEFAULT_TIMEOUT_SECONDS = 10.0
DEFAULT_WEBHOOK_CONN_ID = "steadyflow_webhook"
MAX_TEXT_CHARS = 3000


class WebhookError(RuntimeError):
    """The webhook could not be resolved from its connection, or the POST failed."""


class ConnectionLike(Protocol):
    """The fields of `airflow.sdk.Connection` this module reads."""

    conn_id: str
    conn_type: str | None
    host: str | None
    schema: str | None
    password: str | None
    port: int | None
    extra: str | None


def _extra(conn: ConnectionLike) -> dict[str, Any]:
    if not conn.extra:
        return {}
    try:
        value = json.loads(conn.extra)
    except json.JSONDecodeError as exc:
        raise WebhookError(f"connection {conn.conn_id!r}: extra is not valid JSON ({exc.msg})") from None
    return value if isinstance(value, dict) else {}


def _is_url(value: str | None) -> bool:
    return bool(value) and str(value).lower().startswith(("http://", "https://"))


def webhook_url(conn: ConnectionLike) -> str:
    """The webhook URL the connection describes; WebhookError naming the connection id when it has none."""
    extra = _extra(conn)
    explicit = extra.get("webhook_url")
    if isinstance(explicit, str) and _is_url(explicit):
        return explicit
    if _is_url(conn.password):
        return str(conn.password)
    if not conn.host:
        raise WebhookError(
            f"connection {conn.conn_id!r} has no webhook URL: set extra.webhook_url, a full URL in password, "
            "or host (+ port, schema as path, password as the token path)"
        )
    if _is_url(conn.host):
        base = conn.host.rstrip("/")
    else:
        scheme = str(extra.get("scheme") or conn.conn_type or "https").lower()
        if scheme not in ("http", "https"):
            scheme = "https"
        base = f"{scheme}://{conn.host}"
    if conn.port:
        parts = urlsplit(base)
        if parts.port is None:
            base = f"{parts.scheme}://{parts.netloc}:{conn.port}{parts.path}"
    for piece in (conn.schema, conn.password):
        if piece:
            base = f"{base}/{piece.strip().strip('/')}"
    return base


def post_text(url: str, text: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS, conn_id: str = "?") -> int:
    """POST `{"text": text}` as JSON; returns the HTTP status. WebhookError on a non-2xx answer or no answer."""
    body = json.dumps({"text": text[:MAX_TEXT_CHARS]}).encode("utf-8")
    try:
        host = urlsplit(url).hostname or "?"
    except ValueError:
        host = "?"
    try:
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "User-Agent": "steadyflow-alerts"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        raise WebhookError(f"webhook of connection {conn_id!r} at host {host} answered HTTP {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise WebhookError(f"webhook of connection {conn_id!r} at host {host} unreachable: {reason}") from None
    except (ValueError, http.client.HTTPException) as exc:  # their messages quote the URL: name the type only
        raise WebhookError(
            f"webhook of connection {conn_id!r} at host {host}: invalid webhook URL ({type(exc).__name__}); "
            "check the connection's host, schema and password for spaces or stray characters"
        ) from None
    if not 200 <= status < 300:
        raise WebhookError(f"webhook of connection {conn_id!r} at host {host} answered HTTP {status}")
    return status


def post_to_connection(conn: ConnectionLike, text: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> int:
    return post_text(webhook_url(conn), text, timeout=timeout, conn_id=conn.conn_id)


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _redact(text: str) -> str:
    """Mask registered secrets (connection passwords...) with Airflow's masker when it is available."""
    try:
        from airflow.sdk._shared.secrets_masker import redact
    except ImportError:  # pragma: no cover - older/newer layouts: fall back to the text as is
        return text
    return str(redact(text))


def task_event_text(context: Mapping[str, Any], event: str) -> str:
    """One line naming the DAG, task, run, try and log URL of a task callback's context."""
    ti = context.get("ti") or context.get("task_instance")
    dag_id = _get(ti, "dag_id") or _get(context.get("dag"), "dag_id") or "?"
    task_id = _get(ti, "task_id") or _get(context.get("task"), "task_id") or "?"
    run_id = _get(ti, "run_id") or context.get("run_id") or _get(context.get("dag_run"), "run_id") or "?"
    try_number = _get(ti, "try_number")
    max_tries = _get(ti, "max_tries")
    lines = [f"[steadyflow] task {event}: dag={dag_id} task={task_id} run={run_id}"]
    if try_number is not None:
        lines[0] += f" try={try_number}" + (f"/{int(max_tries) + 1}" if isinstance(max_tries, int) else "")
    try:
        log_url = _get(ti, "log_url")
    except Exception:  # the property reads config; a callback must never fail because of it
        log_url = None
    if log_url:
        lines.append(f"log: {log_url}")
    error = context.get("exception")
    if error is not None:
        summary = f"{type(error).__name__}: {error}" if isinstance(error, BaseException) else str(error)
        lines.append("error: " + _redact(summary.splitlines()[0] if summary else "")[:300])
    return "\n".join(lines)


def deadline_text(context: Mapping[str, Any] | None, *, reference: str, after: str) -> str:
    """The message for a missed deadline, from the simple context the scheduler hands the triggerer."""
    ctx = context or {}
    dag_run = ctx.get("dag_run") or {}
    deadline = ctx.get("deadline") or {}
    dag_id = _get(dag_run, "dag_id") or "?"
    run_id = _get(dag_run, "dag_run_id") or _get(dag_run, "run_id") or "?"
    when = _get(deadline, "deadline_time")
    line = f"[steadyflow] deadline missed: dag={dag_id} run={run_id} not done {after} after {reference}"
    return line + (f" (deadline {when})" if when else "")
