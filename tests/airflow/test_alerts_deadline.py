"""Deadlines: a spec's `deadline:` becomes a DeadlineAlert whose callback the triggerer can import and run.

What is proven here: the DAG imports through a real DagBag and survives serialization with the
callback path intact, the path names a top-level coroutine of the installed package, and Airflow's own
`CallbackTrigger` (what the triggerer runs for a missed deadline) imports it by path and posts to the
webhook. That a deadline *fires* needs a scheduler and a triggerer (`dag.test()` cannot run a DAG with
`deadline=` on Airflow 3.3, apache/airflow#73428); that proof is left to the later scheduler test.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from steadyflow.alerts.deadline import CALLBACK_PATH, build_deadline_alert, post_deadline_missed

from tests.support.webhook import WebhookServer


@dataclass
class Deadline:
    reference: str
    after: object  # a spec's `after:` arrives as a timedelta, validated once when the spec loaded


def build(deadline: Deadline) -> Any:
    """The alert for a deadline posting to `ops_webhook` (`after` deliberately untyped: bad values are tested)."""
    after: Any = deadline.after
    return build_deadline_alert(reference=deadline.reference, after=after, webhook_conn_id="ops_webhook")


def test_the_callback_is_a_top_level_coroutine_of_the_installed_package() -> None:
    from airflow.sdk._shared.module_loading import import_string

    assert f"{post_deadline_missed.__module__}.{post_deadline_missed.__qualname__}" == CALLBACK_PATH
    assert import_string(CALLBACK_PATH) is post_deadline_missed
    assert inspect.iscoroutinefunction(post_deadline_missed)


def test_a_fresh_process_without_the_dag_folder_imports_the_callback_by_its_path(tmp_path: Path) -> None:
    probe = (
        "import inspect, sys\n"
        "from airflow.sdk._shared.module_loading import import_string\n"
        f"callback = import_string({CALLBACK_PATH!r})\n"
        "assert inspect.iscoroutinefunction(callback)\n"
        "print(callback.__module__)\n"
    )
    env = {**os.environ, "PYTHONPATH": "", "AIRFLOW__CORE__DAGS_FOLDER": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "steadyflow.alerts.deadline"


@pytest.mark.parametrize(
    ("reference", "after", "reference_class", "interval"),
    [
        ("queued_at", timedelta(hours=2), "DagRunQueuedAtDeadline", timedelta(hours=2)),
        ("logical_date", timedelta(minutes=90), "DagRunLogicalDateDeadline", timedelta(minutes=90)),
        ("queued_at", timedelta(days=1), "DagRunQueuedAtDeadline", timedelta(days=1)),
    ],
)
def test_a_deadline_spec_becomes_a_deadline_alert(
    reference: str, after: timedelta, reference_class: str, interval: timedelta
) -> None:
    alert = build(Deadline(reference, after))
    assert type(alert.reference).__name__ == reference_class
    assert alert.interval == interval
    assert type(alert.callback).__name__ == "AsyncCallback"
    assert alert.callback.path == CALLBACK_PATH
    assert alert.callback.kwargs["webhook_conn_id"] == "ops_webhook"


@pytest.mark.parametrize(
    ("deadline", "message"),
    [
        (
            Deadline("started_at", timedelta(hours=2)),
            "deadline.reference: 'started_at' is not one of queued_at, logical_date",
        ),
        (Deadline("queued_at", "2 hours"), "deadline.after: '2 hours' is not a duration"),
        (Deadline("queued_at", timedelta(0)), "deadline.after: .* must be longer than zero"),
    ],
)
def test_a_bad_deadline_is_rejected_with_the_field_and_value(deadline: Deadline, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build(deadline)


DAG_FILE = textwrap.dedent(
    """
    import datetime as dt
    from airflow.sdk import DAG
    from airflow.providers.standard.operators.empty import EmptyOperator
    from steadyflow.alerts.deadline import build_deadline_alert

    with DAG(
        "late_report",
        schedule="@daily",
        start_date=dt.datetime(2024, 1, 1),
        catchup=False,
        deadline=build_deadline_alert(
            reference="queued_at", after=dt.timedelta(hours=2), webhook_conn_id="ops_webhook"
        ),
    ):
        EmptyOperator(task_id="noop")
    """
)


def test_a_dag_with_a_deadline_imports_and_serializes_with_the_callback_path(tmp_path: Path) -> None:
    from airflow.dag_processing.dagbag import DagBag
    from airflow.serialization.decoders import decode_deadline_alert
    from airflow.serialization.serialized_objects import DagSerialization

    (tmp_path / "late_report.py").write_text(DAG_FILE)
    bag = DagBag(str(tmp_path))
    assert bag.import_errors == {}
    dag = bag.dags["late_report"]

    serialized = DagSerialization.to_dict(dag)
    restored = DagSerialization.from_dict(json.loads(json.dumps(serialized)))
    (encoded,) = restored.deadline
    alert = decode_deadline_alert(encoded)  # what the scheduler does with the stored DAG
    assert type(alert.reference).__name__ == "DagRunQueuedAtDeadline"
    assert alert.interval == timedelta(hours=2)
    assert alert.callback.path == CALLBACK_PATH
    assert alert.callback.kwargs == {"webhook_conn_id": "ops_webhook", "reference": "queued_at", "after": "2h"}


def test_the_triggerer_imports_the_callback_by_path_and_it_posts_to_the_webhook(
    webhook_server: WebhookServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from airflow.triggers.callback import CallbackTrigger

    port = webhook_server.port
    conn = {"conn_type": "http", "host": "127.0.0.1", "port": port, "schema": "hooks", "password": "T/B/X"}
    monkeypatch.setenv("AIRFLOW_CONN_OPS_WEBHOOK", json.dumps(conn))
    alert = build(Deadline("queued_at", timedelta(hours=2)))
    context = {
        "dag_run": {"dag_id": "late_report", "dag_run_id": "scheduled__2024-01-02T00:00:00+00:00"},
        "deadline": {"id": "d1", "deadline_time": "2024-01-02T02:00:00+00:00"},
    }
    trigger = CallbackTrigger(
        callback_path=alert.callback.path, callback_kwargs={**alert.callback.kwargs, "context": context}
    )

    async def collect() -> list[dict[str, Any]]:
        return [event.payload async for event in trigger.run()]

    events = asyncio.run(collect())
    assert [e["state"] for e in events] == ["running", "success"], events
    assert [body for _, body in webhook_server.posts] == [
        {
            "text": "[steadyflow] deadline missed: dag=late_report run=scheduled__2024-01-02T00:00:00+00:00 "
            "not done 2h after queued_at (deadline 2024-01-02T02:00:00+00:00)"
        }
    ]


def test_a_spec_with_a_deadline_loads_through_a_dagbag_and_serializes_with_the_callback(
    examples_dir: Path, dag_folder_factory: Any
) -> None:
    from airflow.dag_processing.dagbag import DagBag
    from airflow.serialization.decoders import decode_deadline_alert
    from airflow.serialization.serialized_objects import DagSerialization

    folder = dag_folder_factory([examples_dir / "orders_build.yaml"])
    bag = DagBag(dag_folder=str(folder), bundle_path=folder)
    assert bag.import_errors == {}
    restored = DagSerialization.from_dict(json.loads(json.dumps(DagSerialization.to_dict(bag.dags["orders_build"]))))
    (alert,) = [decode_deadline_alert(encoded) for encoded in restored.deadline]
    assert type(alert.reference).__name__ == "DagRunQueuedAtDeadline"
    assert alert.interval == timedelta(hours=2)
    assert alert.callback.path == CALLBACK_PATH
    assert alert.callback.kwargs == {"webhook_conn_id": "slack_data_alerts", "reference": "queued_at", "after": "2h"}
    assert not bag.dags["orders_report"].deadline  # only the DAG whose spec asks for one gets a deadline
