"""`alerts:` -> default_args callbacks: one webhook notifier per enabled event, none when alerts are off."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from steadyflow.alerts.callbacks import failure_callbacks
from steadyflow.alerts.notifier import SteadyflowWebhookNotifier


@dataclass
class Alerts:
    webhook_conn_id: str = "ops_webhook"
    on_failure: bool = True
    on_retry: bool = True
    deadline: None = None


def test_failure_and_retry_each_get_a_notifier_for_the_connection() -> None:
    callbacks = failure_callbacks(Alerts())
    (on_failure,) = callbacks["on_failure_callback"]
    (on_retry,) = callbacks["on_retry_callback"]
    assert isinstance(on_failure, SteadyflowWebhookNotifier) and on_failure.event == "failure"
    assert isinstance(on_retry, SteadyflowWebhookNotifier) and on_retry.event == "retry"
    assert on_failure.conn_id == on_retry.conn_id == "ops_webhook"


def test_switched_off_events_and_missing_alerts_add_no_callbacks() -> None:
    assert failure_callbacks(Alerts(on_retry=False))["on_retry_callback"] == []
    assert failure_callbacks(Alerts(on_failure=False, on_retry=False)) == {
        "on_failure_callback": [],
        "on_retry_callback": [],
    }
    assert failure_callbacks(None) == {"on_failure_callback": [], "on_retry_callback": []}


def test_the_spec_models_alerts_block_is_accepted_as_is() -> None:
    specs = pytest.importorskip("steadyflow.specs.alerts")
    alerts = specs.AlertsSpec(webhook_conn_id="ops_webhook", on_retry=False)
    callbacks = failure_callbacks(alerts)
    assert [n.event for n in callbacks["on_failure_callback"]] == ["failure"]
    assert callbacks["on_retry_callback"] == []


@pytest.mark.parametrize(("kwargs", "message"), [({"event": "late"}, "event: 'late'"), ({"conn_id": ""}, "conn_id")])
def test_a_notifier_with_a_bad_event_or_no_connection_is_refused(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SteadyflowWebhookNotifier(**kwargs)
