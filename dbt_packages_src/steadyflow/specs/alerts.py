"""`alerts:` in a spec: failure/retry notices and a deadline, all posted to one webhook connection.

The webhook URL never appears in a spec: `webhook_conn_id` names an Airflow connection (resolved at
run time by the alerts runtime, `steadyflow.alerts`)."""

from __future__ import annotations

from typing import Literal

from steadyflow.specs.common import Identifier, PositiveDuration, StrictModel


class DeadlineSpec(StrictModel):
    """Alert when a DAG run has not finished `after` this long past its reference time."""

    reference: Literal["queued_at", "logical_date"]
    after: PositiveDuration


class AlertsSpec(StrictModel):
    """Where and when to send failure, retry and deadline notices."""

    webhook_conn_id: Identifier
    on_failure: bool = True
    on_retry: bool = True
    deadline: DeadlineSpec | None = None
