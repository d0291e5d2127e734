"""Task defaults every template applies: retries, retry delay, an execution timeout (so a task on a
dead worker is failed and reported instead of hanging in "running"), and the alert callbacks."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from steadyflow.specs.alerts import AlertsSpec

# Rendered DAG files import this module; it imports the spec models only when a DAG has alerts, so a
# rendered file without alerts costs no pydantic model building at parse time.


def alert_callbacks(alerts: AlertsSpec) -> dict[str, list[Any]]:
    """`{"on_failure_callback": [...], "on_retry_callback": [...]}` from the alerts runtime."""
    from steadyflow.alerts.callbacks import failure_callbacks

    return failure_callbacks(alerts)


def task_defaults(
    *,
    owner: str,
    retries: int,
    retry_delay_seconds: int,
    execution_timeout_seconds: int,
    alerts: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """`default_args` for a steadyflow DAG (called both by the YAML loader and by rendered files)."""
    args: dict[str, Any] = {
        "owner": owner,
        "retries": retries,
        "retry_delay": timedelta(seconds=retry_delay_seconds),
        "execution_timeout": timedelta(seconds=execution_timeout_seconds),
    }
    if alerts is not None:
        from steadyflow.specs.alerts import AlertsSpec

        args.update(alert_callbacks(AlertsSpec.model_validate(alerts)))
    return args


def deadline_alert(*, reference: str, after_seconds: int, webhook_conn_id: str) -> Any:
    """The DAG's `DeadlineAlert`, built by the alerts runtime."""
    from steadyflow.alerts.deadline import build_deadline_alert
    from steadyflow.specs.alerts import DeadlineSpec

    spec = DeadlineSpec.model_validate({"reference": reference, "after": after_seconds})
    return build_deadline_alert(spec, webhook_conn_id)
