"""The dbt_build template's `state:` (a CI DAG): its one task runs `steadyflow slim-ci` (dbt build --select
state:modified+ --defer --state <path>, within the spec's selection); a CI DAG publishes nothing. On a real
throwaway Airflow with dbt on DuckDB: when nothing is modified against the state, the run builds nothing and
succeeds, and no asset event is emitted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from steadyflow.loader import build_dags
from steadyflow.specs.errors import SpecError

from tests.support.airflow_sandbox import AirflowSandbox
from tests.support.dbt import INTEGRATION_DIR, ensure_deps

CI_DAG = """\
  - dag_id: ci_changes
    template: dbt_build
    select: ['path:models/compare']
    state: {path: prod-artifacts, on_bad_state: fail}
    dbt: {project_dir: integration_tests, profiles_dir: integration_tests, target: duckdb}
"""


def write_spec(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text("version: 1\ndags:\n" + body)
    return path


def test_a_ci_dag_runs_slim_ci_within_its_selection(tmp_path: Path) -> None:
    (dag,) = build_dags(write_spec(tmp_path, CI_DAG))

    assert list(dag.task_dict) == ["slim_ci"]
    command = dag.task_dict["slim_ci"].bash_command
    assert command.startswith('cd "${STEADYFLOW_DBT_ROOT:?set STEADYFLOW_DBT_ROOT')
    assert (
        "steadyflow slim-ci --state prod-artifacts --on-bad-state fail --project-dir integration_tests "
        "--profiles-dir integration_tests --target duckdb --dbt dbt --select path:models/compare "
        """--vars '{"steadyflow_now": "{{ dag_run | steadyflow_now }}"}'"""
    ) in command
    assert dag.task_dict["slim_ci"].outlets == []


@pytest.mark.parametrize(
    "extra, message",
    [
        ("    outlets: [warehouse.ci]\n    gate: {type: row_count, model: compare_new_orders}\n", "remove outlets"),
        ("    gate: {type: dbt_test, select: [compare_new_orders]}\n", "remove gate"),
        ("    mode: run_test\n", "remove mode: run_test"),
        ("    full_refresh: true\n", "remove full_refresh"),
    ],
    ids=["outlets", "gate", "run_test", "full_refresh"],
)
def test_a_ci_dag_publishes_nothing_and_only_builds(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(SpecError, match=message) as raised:
        build_dags(write_spec(tmp_path, CI_DAG + extra))
    assert "a CI DAG (state:)" in str(raised.value)


def test_nothing_modified_builds_nothing_and_succeeds(tmp_path: Path) -> None:
    ensure_deps()
    sandbox = AirflowSandbox(root=tmp_path)
    state = tmp_path / "prod-artifacts"
    # production's artifacts: the same project, parsed (a manifest is all `state:modified` compares)
    parse = [
        str(Path(sys.executable).parent / "dbt"), "parse", "--project-dir", str(INTEGRATION_DIR),
        "--profiles-dir", str(INTEGRATION_DIR), "--target-path", str(state),
    ]  # fmt: skip
    done = subprocess.run(parse, env=sandbox.env(), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]
    (tmp_path / "specs").mkdir()
    spec = CI_DAG.replace("path: prod-artifacts", f"path: {state}")
    (tmp_path / "specs" / "ci.yaml").write_text("version: 1\ndefaults: {retries: 0}\ndags:\n" + spec)
    sandbox.prepare()
    assert sandbox.render(tmp_path / "specs") == ["ci.py"]

    report = sandbox.run(["ci_changes"])

    assert report.data["import_errors"] == {}
    run = report.run("ci_changes")
    assert (run["state"], run["tasks"]) == ("success", {"slim_ci": "success"}), report.output[-3000:]
    assert "steadyflow slim-ci: 0 nodes built: nothing is modified against the state" in report.output
    assert report.data["asset_events"] == []
