"""Airflow provider metadata, found through the `apache_airflow_provider` entry point.

Airflow's ProvidersManager calls `get_provider_info()` while it builds its configuration, so this
module must stay cheap: it imports nothing from Airflow (or from the rest of steadyflow beyond the
version string) and does no I/O.
"""

from __future__ import annotations

from typing import Any

from steadyflow import __version__

NOTIFIER_CLASS = "steadyflow.alerts.notifier.SteadyflowWebhookNotifier"
DEADLINE_CALLBACK = "steadyflow.alerts.deadline.post_deadline_missed"


def get_provider_info() -> dict[str, Any]:
    """The provider record Airflow validates against its runtime `provider_info.schema.json`."""
    return {
        "package-name": "steadyflow",
        "name": "steadyflow",
        "description": (
            "Reliable dbt + Airflow pipelines: typed YAML DAG templates with Asset dependencies, "
            "deadline and failure alerts to a Slack-compatible webhook, and secrets-backend hygiene."
        ),
        "versions": [__version__],
        "notifications": [NOTIFIER_CLASS],
    }
