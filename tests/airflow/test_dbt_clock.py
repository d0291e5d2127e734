"""dbt's "now" in the `dbt_build` and `backfill` templates is the run's own time: every dbt call gets the
var `steadyflow_now`, rendered by Airflow from the run's data interval end (or its run_after), in the
form the dbt package's parse_timestamp reads. A spec's own `steadyflow_now` wins; `pin_now: false`
turns it off. (The replay itself, on a real Airflow and dbt, is in test_e2e_clock_and_gate.py.)"""

from __future__ import annotations

import json
import re
import shlex
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from steadyflow.loader import build_dags
from steadyflow.runtime.clock import run_now

PINNED = "{{ dag_run | steadyflow_now }}"


def write_spec(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text("version: 1\ndags:\n" + body)
    return path


def dbt_vars(bash_command: str) -> dict[str, Any]:
    words = shlex.split(bash_command.split(" && ", 1)[1])
    loaded: dict[str, Any] = json.loads(words[words.index("--vars") + 1])
    return loaded


def a_run(data_interval_end: datetime | None, run_after: datetime) -> Any:
    """The fields of Airflow's `dag_run` template variable that pin the clock."""
    return SimpleNamespace(data_interval_end=data_interval_end, run_after=run_after)


def test_now_is_the_data_interval_end_in_utc_as_parse_timestamp_reads_it() -> None:
    tokyo = timezone(timedelta(hours=9))
    run = a_run(datetime(2024, 3, 10, 15, 0, 0, 250, tzinfo=tokyo), datetime(2026, 1, 1, tzinfo=UTC))
    assert run_now(run) == "2024-03-10 06:00:00"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", run_now(run))


def test_a_run_without_a_data_interval_uses_its_run_after() -> None:
    assert run_now(a_run(None, datetime(2024, 3, 20, 8, 30, 15, tzinfo=UTC))) == "2024-03-20 08:30:15"


def test_every_dbt_call_of_a_dbt_build_dag_gets_the_pinned_now(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        "  - dag_id: b\n    template: dbt_build\n    mode: run_test\n    select: [m]\n    vars: {day: x}\n"
        "    gate: {type: dbt_test, select: [m]}\n    outlets: [marts.m]\n",
    )
    (dag,) = build_dags(spec)
    for task_id in ("dbt_run", "dbt_test"):
        assert dbt_vars(dag.task_dict[task_id].bash_command) == {"day": "x", "steadyflow_now": PINNED}
    assert dag.task_dict["gate"].op_kwargs["vars"] == {"day": "x", "steadyflow_now": PINNED}
    assert dag.user_defined_filters["steadyflow_now"] is run_now


def test_the_pinned_now_renders_from_the_run_in_the_task_template(tmp_path: Path) -> None:
    (dag,) = build_dags(write_spec(tmp_path, "  - {dag_id: b, template: dbt_build, select: [m]}\n"))
    task = dag.task_dict["dbt_build"]
    context: Any = {"dag_run": a_run(datetime(2024, 3, 10, 6, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC))}
    rendered = task.render_template(task.bash_command, context)
    assert dbt_vars(rendered) == {"steadyflow_now": "2024-03-10 06:00:00"}


def test_each_backfill_chunk_gets_the_pinned_now(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, "  - {dag_id: bf, template: backfill, select: [m], vars: {max_backfill_days: 31}}\n")
    (dag,) = build_dags(spec)
    task = dag.task_dict["backfill_chunks"]
    assert task.op_kwargs["vars"] == {"max_backfill_days": 31, "steadyflow_now": PINNED}
    context: Any = {"dag_run": a_run(None, datetime(2024, 3, 20, 8, 30, tzinfo=UTC)), "params": {}}
    assert task.render_template(task.op_kwargs["vars"], context)["steadyflow_now"] == "2024-03-20 08:30:00"


def test_a_steadyflow_now_in_the_spec_vars_wins(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path, "  - {dag_id: b, template: dbt_build, select: [m], vars: {steadyflow_now: '{{ ds }}'}}\n"
    )
    (dag,) = build_dags(spec)
    assert dbt_vars(dag.task_dict["dbt_build"].bash_command) == {"steadyflow_now": "{{ ds }}"}


@pytest.mark.parametrize("template", ["dbt_build", "backfill"])
def test_pin_now_false_leaves_dbt_its_own_clock(tmp_path: Path, template: str) -> None:
    spec = write_spec(tmp_path, f"  - {{dag_id: b, template: {template}, select: [m], pin_now: false}}\n")
    (dag,) = build_dags(spec)
    if template == "dbt_build":
        assert "--vars" not in dag.task_dict["dbt_build"].bash_command
    else:
        assert dag.task_dict["backfill_chunks"].op_kwargs["vars"] == {}


def test_pin_now_is_in_the_schema_for_editors() -> None:
    from steadyflow.specs.file import json_schema

    defs: Any = json_schema()["$defs"]
    for model in ("DbtBuildDag", "BackfillDag"):
        field = defs[model]["properties"]["pin_now"]
        assert field["default"] is True and "data interval end" in field["description"]
