"""Template details a user relies on: safe defaults, dbt commands that expand the project root only at
run time, the allow-list, and the backfill task's chunking (run for real against a stand-in `dbt`)."""

from __future__ import annotations

import json
import logging
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from steadyflow.allowlist import NotAllowedError, check_callable
from steadyflow.loader import LoaderError, build_dags, load_dags
from steadyflow.runtime.backfill import chunk_windows, run_backfill
from steadyflow.runtime.call import call_allowed


def write_spec(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text("version: 1\ndags:\n" + body)
    return path


def test_tasks_get_retries_and_an_execution_timeout_by_default(tmp_path: Path) -> None:
    (dag,) = build_dags(write_spec(tmp_path, "  - {dag_id: d, template: ingest, command: echo hi}\n"))
    task = dag.task_dict["ingest"]
    assert task.retries == 2
    assert task.retry_delay == timedelta(minutes=5)
    assert task.execution_timeout == timedelta(hours=1)
    assert dag.max_active_runs == 1 and dag.catchup is False
    assert "template:ingest" in dag.tags


def test_dbt_commands_expand_the_root_only_in_the_task_shell(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        "  - dag_id: b\n    template: dbt_build\n    select: [a, 'tag:x']\n    exclude: [c]\n"
        "    vars: {day: '{{ ds }}'}\n    dbt: {project_dir: proj, target: prod}\n",
    )
    (dag,) = build_dags(spec)
    command = dag.task_dict["dbt_build"].bash_command
    assert command.startswith('cd "${STEADYFLOW_DBT_ROOT:?set STEADYFLOW_DBT_ROOT')
    assert "dbt build --project-dir proj --target prod --select a tag:x --exclude c" in command
    assert """--vars '{"day": "{{ ds }}", "steadyflow_now": "{{ dag_run | steadyflow_now }}"}'""" in command


def test_only_allow_listed_or_declared_callables(tmp_path: Path) -> None:
    check_callable("steadyflow.runtime.call.noop", [])
    check_callable("acme.loaders.orders.load", ["acme.loaders"])
    with pytest.raises(NotAllowedError, match="declare its module under 'python_modules:'"):
        check_callable("acme_evil.load", ["acme"])
    with pytest.raises(NotAllowedError):
        call_allowed("os.system", [], {"command": "true"})
    assert call_allowed("steadyflow.runtime.call.noop", [], {"a": 1}) == {"a": 1}


def test_backfill_windows_are_half_open_chunks() -> None:
    windows = chunk_windows(date(2024, 1, 1), date(2024, 3, 5), 30)
    assert windows == [
        (date(2024, 1, 1), date(2024, 1, 31)),
        (date(2024, 1, 31), date(2024, 3, 1)),
        (date(2024, 3, 1), date(2024, 3, 5)),
    ]
    with pytest.raises(ValueError, match="must be after start"):
        chunk_windows(date(2024, 1, 2), date(2024, 1, 1), 30)


def fake_dbt(tmp_path: Path, fail_on: str | None = None) -> Path:
    log = tmp_path / "calls.jsonl"
    script = tmp_path / "fake-dbt"
    fail = f'case "$*" in *{fail_on}*) echo "boom" >&2; exit 2;; esac\n' if fail_on else ""
    script.write_text(
        f"#!/bin/sh\n{fail}python3 -c 'import json,sys; print(json.dumps(sys.argv[1:]))' \"$@\" >> {log}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_backfill_runs_one_dbt_run_per_chunk_and_logs_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("BF_ROOT", str(tmp_path))
    dbt = {"root_env": "BF_ROOT", "project_dir": "p", "profiles_dir": None, "target": None}
    with caplog.at_level(logging.INFO, logger="steadyflow.runtime.backfill"):
        chunks = run_backfill(
            start="2024-01-01",
            end="2024-02-15",
            chunk_days=30,
            dbt={**dbt, "executable": str(fake_dbt(tmp_path))},
            select=["orders_replace_window"],
            window_vars={"start": "backfill_start", "end": "backfill_end"},
            vars={"max_backfill_days": 31},
        )
    assert chunks == 2
    calls = [json.loads(line) for line in (tmp_path / "calls.jsonl").read_text().splitlines()]
    assert [json.loads(c[c.index("--vars") + 1]) for c in calls] == [
        {"backfill_end": "2024-01-31", "backfill_start": "2024-01-01", "max_backfill_days": 31},
        {"backfill_end": "2024-02-15", "backfill_start": "2024-01-31", "max_backfill_days": 31},
    ]
    assert sum("done in" in r.getMessage() for r in caplog.records) == 2


def test_a_failed_chunk_names_itself_and_says_rerun_is_safe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BF_ROOT", str(tmp_path))
    dbt = {"root_env": "BF_ROOT", "project_dir": "p", "executable": str(fake_dbt(tmp_path, fail_on="2024-02-15"))}
    with pytest.raises(RuntimeError, match=r"chunk 2/2 \[2024-01-31, 2024-02-15\) failed .*re-running is safe"):
        run_backfill(
            start="2024-01-01",
            end="2024-02-15",
            chunk_days=30,
            dbt=dbt,
            select=["m"],
            window_vars={"start": "s", "end": "e"},
            vars={},
        )


def test_loader_without_a_spec_beside_it_says_what_it_looked_for(tmp_path: Path) -> None:
    with pytest.raises(LoaderError, match="looked for orphan.yaml"):
        load_dags({"__file__": str(tmp_path / "orphan.py")})


def test_a_loader_finds_the_spec_beside_it_and_init_loaders_writes_one_per_spec(tmp_path: Path) -> None:
    from steadyflow.cli import main

    write_spec(tmp_path, "  - {dag_id: beside, template: ingest, command: echo hi}\n")
    namespace: dict[str, object] = {"__file__": str(tmp_path / "spec.py")}
    (dag,) = load_dags(namespace)
    assert namespace["beside"] is dag

    assert main(["init-loaders", str(tmp_path)]) == 0
    loader = (tmp_path / "spec.py").read_text()
    assert "load_dags(globals(), 'spec.yaml')" in loader
    assert "airflow" in loader.lower() and "dag" in loader.lower()  # DagBag's safe-mode heuristic
    assert main(["init-loaders", str(tmp_path)]) == 0  # an existing loader is left alone
    assert (tmp_path / "spec.py").read_text() == loader
