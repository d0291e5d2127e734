"""`alerts:` -> default_args callbacks: one webhook notifier per enabled event, none when alerts are off.
The callbacks get plain values (a connection id, two flags): the spec was validated once, when it loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from steadyflow.alerts.callbacks import failure_callbacks
from steadyflow.alerts.notifier import SteadyflowWebhookNotifier
from steadyflow.loader import build_dags


def test_failure_and_retry_each_get_a_notifier_for_the_connection() -> None:
    callbacks = failure_callbacks("ops_webhook")
    (on_failure,) = callbacks["on_failure_callback"]
    (on_retry,) = callbacks["on_retry_callback"]
    assert isinstance(on_failure, SteadyflowWebhookNotifier) and on_failure.event == "failure"
    assert isinstance(on_retry, SteadyflowWebhookNotifier) and on_retry.event == "retry"
    assert on_failure.conn_id == on_retry.conn_id == "ops_webhook"


def test_switched_off_events_and_missing_alerts_add_no_callbacks() -> None:
    assert failure_callbacks("ops_webhook", on_retry=False)["on_retry_callback"] == []
    assert failure_callbacks("ops_webhook", on_failure=False, on_retry=False) == {
        "on_failure_callback": [],
        "on_retry_callback": [],
    }
    assert failure_callbacks(None) == {"on_failure_callback": [], "on_retry_callback": []}


def test_a_specs_alerts_block_becomes_the_tasks_callbacks(tmp_path: Path) -> None:
    spec = tmp_path / "alerts.yaml"
    spec.write_text(
        "dags:\n  - dag_id: a\n    template: ingest\n    command: echo\n"
        "    alerts: {webhook_conn_id: ops_webhook, on_retry: false}\n"
    )
    (dag,) = build_dags(spec)
    task = dag.task_dict["ingest"]
    assert [(n.event, n.conn_id) for n in task.on_failure_callback] == [("failure", "ops_webhook")]
    assert not task.on_retry_callback


@pytest.mark.parametrize(("kwargs", "message"), [({"event": "late"}, "event: 'late'"), ({"conn_id": ""}, "conn_id")])
def test_a_notifier_with_a_bad_event_or_no_connection_is_refused(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SteadyflowWebhookNotifier(**kwargs)
