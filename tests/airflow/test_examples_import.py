"""The example specs, loaded through their loader files by a real DagBag: no import errors, the
expected DAGs, tasks, dependencies, schedules and Assets; every DAG survives serialization as the DAG
processor does it; the DAG with a deadline carries a DeadlineAlert whose callback is a top-level
coroutine in the installed package."""

from __future__ import annotations

import inspect
import json
from datetime import timedelta
from typing import Any

import pytest
from steadyflow.dotted import import_path

EXPECTED: dict[str, dict[str, list[str]]] = {
    # dag_id -> task_id -> downstream task ids
    "orders_ingest": {"ingest": []},
    "customers_ingest": {"ingest": []},
    "orders_build": {"dbt_build": ["gate"], "gate": []},
    "orders_report": {"dbt_run": ["dbt_test"], "dbt_test": ["gate"], "gate": []},
    "orders_backfill": {"backfill_chunks": ["trigger__orders_report"], "trigger__orders_report": []},
    "orders_compaction": {
        "compact__orders_replace_window": [],
        "compact__orders_delete_insert": [],
        "compact__orders_merge": [],
    },
    "orders_export": {"wait_for__orders_compaction": ["ingest"], "ingest": []},
}


def asset_names(objs: Any) -> list[str]:
    return [o.name for o in objs]


def test_examples_import_without_errors(examples_dagbag: Any) -> None:
    assert examples_dagbag.import_errors == {}
    assert sorted(examples_dagbag.dag_ids) == sorted(EXPECTED)


@pytest.mark.parametrize("dag_id", sorted(EXPECTED))
def test_example_tasks_and_dependencies(examples_dagbag: Any, dag_id: str) -> None:
    dag = examples_dagbag.dags[dag_id]
    assert {t.task_id: sorted(t.downstream_task_ids) for t in dag.tasks} == EXPECTED[dag_id]
    for task in dag.tasks:
        assert task.execution_timeout is not None and task.execution_timeout > timedelta(0)
        assert task.retries >= 1


@pytest.mark.parametrize("dag_id", sorted(EXPECTED))
def test_example_dag_survives_serialization(examples_dagbag: Any, dag_id: str) -> None:
    from airflow.serialization.serialized_objects import DagSerialization

    data = DagSerialization.to_dict(examples_dagbag.dags[dag_id])
    restored = DagSerialization.from_dict(data)
    assert restored.dag_id == dag_id
    assert sorted(restored.task_dict) == sorted(EXPECTED[dag_id])


def test_outlets_are_published_only_by_the_gate(examples_dagbag: Any) -> None:
    build = examples_dagbag.dags["orders_build"]
    assert asset_names(build.task_dict["gate"].outlets) == ["marts.orders"]
    assert build.task_dict["dbt_build"].outlets == []
    assert asset_names(examples_dagbag.dags["orders_ingest"].task_dict["ingest"].outlets) == ["raw.orders"]


def test_schedules_become_asset_conditions_and_timetables(examples_dagbag: Any) -> None:
    from airflow.sdk import AssetAll, AssetOrTimeSchedule

    build = examples_dagbag.dags["orders_build"]
    assert isinstance(build.timetable.asset_condition, AssetAll)
    assert sorted(a.name for a in build.timetable.asset_condition.objects) == ["raw.customers", "raw.orders"]
    report = examples_dagbag.dags["orders_report"]
    assert isinstance(report.timetable, AssetOrTimeSchedule)
    assert report.timetable.timetable.expression == "0 7 * * *"
    assert type(examples_dagbag.dags["orders_backfill"].timetable).__name__ == "NullTimetable"
    assert examples_dagbag.dags["orders_compaction"].timetable.expression == "0 * * * *"


def test_wait_for_is_a_rescheduling_sensor_with_its_offset(examples_dagbag: Any) -> None:
    sensor = examples_dagbag.dags["orders_export"].task_dict["wait_for__orders_compaction"]
    assert type(sensor).__name__ == "ExternalTaskSensor"
    assert sensor.mode == "reschedule"
    assert sensor.execution_delta == timedelta(minutes=30)
    assert sensor.external_dag_id == "orders_compaction"


def test_trigger_runs_last(examples_dagbag: Any) -> None:
    trigger = examples_dagbag.dags["orders_backfill"].task_dict["trigger__orders_report"]
    assert type(trigger).__name__ == "TriggerDagRunOperator"
    assert trigger.trigger_dag_id == "orders_report"
    assert trigger.upstream_task_ids == {"backfill_chunks"}


def test_backfill_has_start_and_end_params(examples_dagbag: Any) -> None:
    dag = examples_dagbag.dags["orders_backfill"]
    assert dag.params["start"] == "2024-01-01"
    assert dag.params["end"] == "2024-03-01"
    op_kwargs = dag.task_dict["backfill_chunks"].op_kwargs
    assert op_kwargs["chunk_days"] == 30
    assert op_kwargs["start"] == "{{ params.start }}"


def test_compaction_runs_the_configured_operation_per_table(examples_dagbag: Any) -> None:
    dag = examples_dagbag.dags["orders_compaction"]
    command = dag.task_dict["compact__orders_merge"].bash_command
    assert "run-operation steadyflow_compact" in command
    assert '"relation": "orders_merge"' in command


def test_alerts_become_failure_and_retry_callbacks(examples_dagbag: Any) -> None:
    task = examples_dagbag.dags["orders_ingest"].task_dict["ingest"]
    assert task.on_failure_callback and task.on_retry_callback


def test_deadline_dag_serializes_and_its_callback_is_a_packaged_coroutine(examples_dagbag: Any) -> None:
    from airflow.sdk import DeadlineAlert
    from airflow.serialization.serialized_objects import DagSerialization

    dag = examples_dagbag.dags["orders_build"]
    alerts = dag.deadline if isinstance(dag.deadline, list) else [dag.deadline]
    assert len(alerts) == 1 and isinstance(alerts[0], DeadlineAlert)
    assert alerts[0].interval == timedelta(hours=2)
    path = alerts[0].callback.path
    module_name, _, func_name = path.rpartition(".")
    func = import_path(path)
    assert module_name.startswith("steadyflow.") and func.__qualname__ == func_name  # top level
    assert inspect.iscoroutinefunction(func)
    assert "deadline" in json.dumps(DagSerialization.to_dict(dag)["dag"])
