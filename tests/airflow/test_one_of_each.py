"""One of each: one dotted-path importer, one builder of dbt's project arguments, and one form in which
a spec's `dbt:` block reaches run-time code (a plain dict, the same for every task that runs dbt)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from steadyflow.dotted import DottedPathError, import_callable, import_path
from steadyflow.loader import build_dags
from steadyflow.runtime.project import dbt_project

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "dbt_packages_src" / "steadyflow"

SPEC = """\
defaults:
  dbt: {root_env: SF_ROOT, project_dir: proj, profiles_dir: prof, target: ci}
dags:
  - dag_id: counted
    template: dbt_build
    select: [orders]
    outlets: [warehouse.orders]
    gate: {type: row_count, model: orders}
  - dag_id: tested
    template: dbt_build
    select: [orders]
    outlets: [warehouse.orders_tested]
    gate: {type: dbt_test, select: [orders]}
  - dag_id: refill
    template: backfill
    select: [orders]
"""


def package_files_containing(*needles: str) -> list[str]:
    return sorted(
        str(path.relative_to(PACKAGE_DIR))
        for path in PACKAGE_DIR.rglob("*.py")
        if all(needle in path.read_text() for needle in needles)
    )


def test_one_importer_of_dotted_paths() -> None:
    assert package_files_containing("import_module(", "rpartition(") == ["dotted.py"]
    assert import_path("steadyflow.runtime.call.noop") is import_callable("steadyflow.runtime.call.noop")
    with pytest.raises(DottedPathError, match="module 'steadyflow.runtime.call' has no callable 'nope'"):
        import_callable("steadyflow.runtime.call.nope")
    with pytest.raises(DottedPathError, match="module 'no_such_module_here' cannot be imported here"):
        import_path("no_such_module_here.f")
    with pytest.raises(DottedPathError, match="'noop' is not a dotted path"):
        import_path("noop")


def files_passing_dbt(option: str) -> list[str]:
    """Package files that hand `option` to dbt (a command-line flag of steadyflow's own CLI is not that)."""
    return sorted(
        str(path.relative_to(PACKAGE_DIR))
        for path in PACKAGE_DIR.rglob("*.py")
        if any(option in line and "add_argument(" not in line for line in path.read_text().splitlines())
    )


def test_one_builder_of_dbt_project_arguments() -> None:
    assert files_passing_dbt('"--project-dir"') == ["runtime/project.py"]


def test_every_task_that_runs_dbt_gets_the_same_project_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "dbt.yaml"
    spec.write_text(SPEC)
    dags = {dag.dag_id: dag for dag in build_dags(spec)}
    settings = {
        "root_env": "SF_ROOT",
        "project_dir": "proj",
        "profiles_dir": "prof",
        "target": "ci",
        "executable": "dbt",
    }
    handed = [
        dags["counted"].task_dict["gate"].op_kwargs["dbt"],
        dags["tested"].task_dict["gate"].op_kwargs["dbt"],
        dags["refill"].task_dict["backfill_chunks"].op_kwargs["dbt"],
    ]
    assert handed == [settings] * 3

    monkeypatch.setenv("SF_ROOT", str(tmp_path))
    project = dbt_project(settings)
    assert project.root == tmp_path
    assert project.args == [
        "--project-dir", str(tmp_path / "proj"), "--profiles-dir", str(tmp_path / "prof"), "--target", "ci",
    ]  # fmt: skip
    shell = shlex.split(dags["counted"].task_dict["dbt_build"].bash_command.split(" && ", 1)[1])
    assert shell[:8] == ["dbt", "build", "--project-dir", "proj", "--profiles-dir", "prof", "--target", "ci"]
