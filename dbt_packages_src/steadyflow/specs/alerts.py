"""`alerts:` in a spec: failure/retry notices and a deadline, all posted to one webhook connection.

The webhook URL never appears in a spec: `webhook_conn_id` names an Airflow connection (resolved at
run time by the alerts runtime, `steadyflow.alerts`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from pydantic import field_validator

from steadyflow.specs.common import Duration, Identifier, StrictModel


class DeadlineSpec(StrictModel):
    """Alert when a DAG run has not finished `after` this long past its reference time."""

    reference: Literal["queued_at", "logical_date"]
    after: Duration

    @field_validator("after")
    @classmethod
    def _positive(cls, value: timedelta) -> timedelta:
        if value <= timedelta(0):
            raise ValueError("a deadline must be later than its reference, e.g. '2h'")
        return value


class AlertsSpec(StrictModel):
    """Where and when to send failure, retry and deadline notices."""

    webhook_conn_id: Identifier
    on_failure: bool = True
    on_retry: bool = True
    deadline: DeadlineSpec | None = None
