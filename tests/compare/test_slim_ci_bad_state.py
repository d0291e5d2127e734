"""`steadyflow slim-ci` with a state that cannot say what changed (no manifest, an unreadable one, one of another
manifest schema version): it says so, then builds everything (`--on-bad-state full`, the default) or fails
without building (`--on-bad-state fail`); never nothing. A two-model DuckDB project keeps the full builds short."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.schema_drift.dbt_process import DBT

PREFIX = "steadyflow slim-ci: "
PROFILES = """tiny:
  target: ci
  outputs:
    ci: {type: duckdb, path: "{{ env_var('TINY_DUCKDB') }}", threads: 1}
"""
OTHER_VERSION = {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v11.json"}, "nodes": {}}
STATES = {
    "missing": (None, "is missing"),
    "unreadable": ("{not json", "is unreadable (JSONDecodeError"),
    "another schema version": (json.dumps(OTHER_VERSION), "has manifest schema v11, this dbt writes v12"),
}


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    project = tmp_path / "tiny"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: tiny\nversion: '1.0'\nconfig-version: 2\nprofile: tiny\n")
    (project / "profiles.yml").write_text(PROFILES)
    (project / "models" / "one.sql").write_text("select 1 as id\n")
    (project / "models" / "two.sql").write_text("select id from {{ ref('one') }}\n")
    return project


def slim_ci(project: Path, state: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable, "-m", "steadyflow.cli", "slim-ci", "--state", str(state), "--project-dir", str(project),
        "--profiles-dir", str(project), "--dbt", DBT, *extra,
    ]  # fmt: skip
    env = {
        "PATH": str(Path(DBT).parent),
        "TINY_DUCKDB": str(project / "ci.duckdb"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def state_dir(tmp_path: Path, content: str | None) -> Path:
    state = tmp_path / "state"
    state.mkdir()
    if content is not None:
        (state / "manifest.json").write_text(content)
    return state


@pytest.mark.parametrize("case", list(STATES))
def test_a_bad_state_builds_everything_by_default(tiny: Path, tmp_path: Path, case: str) -> None:
    content, said = STATES[case]
    state = state_dir(tmp_path, content)

    done = slim_ci(tiny, state)

    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{PREFIX}state manifest {state / 'manifest.json'} {said}" in done.stdout
    assert "; building everything (--on-bad-state full)" in done.stdout
    reason = "[success]: the state cannot be compared: everything is built"
    assert f"{PREFIX}built model.tiny.one {reason}" in done.stdout
    assert f"{PREFIX}built model.tiny.two {reason}" in done.stdout
    assert f"{PREFIX}2 node(s) built, 0 failed" in done.stdout


@pytest.mark.parametrize("case", list(STATES))
def test_a_bad_state_fails_without_building_when_asked(tiny: Path, tmp_path: Path, case: str) -> None:
    content, said = STATES[case]
    state = state_dir(tmp_path, content)

    done = slim_ci(tiny, state, "--on-bad-state", "fail")

    assert done.returncode == 2
    assert f"{PREFIX}state manifest {state / 'manifest.json'} {said}" in done.stderr
    assert "; nothing built (--on-bad-state fail)" in done.stderr
    assert "built model" not in done.stdout
    assert not (tiny / "ci.duckdb").exists()


def test_the_state_folder_cannot_be_the_target_path(tiny: Path) -> None:
    done = slim_ci(tiny, tiny / "target")

    assert done.returncode == 2
    assert "is also dbt's target path; pass --target-path DIR" in done.stderr
