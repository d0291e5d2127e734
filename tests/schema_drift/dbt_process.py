"""dbt in a child process, for scenarios that mix dbt with other processes on one DuckDB file (an in-process
dbt-duckdb keeps the file locked for the life of the test process)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.support.dbt import DbtProject

DBT = str(Path(sys.executable).parent / "dbt")


def project_args(project: DbtProject) -> list[str]:
    return [
        "--project-dir",
        str(project.project_dir),
        "--profiles-dir",
        str(project.project_dir),
        "--target",
        project.target,
    ]


def dbt_process(
    project: DbtProject, *args: str, vars: Mapping[str, Any] | None = None
) -> subprocess.CompletedProcess[str]:
    """`dbt <args>` on the project in a child process; fails the test with dbt's output if dbt fails."""
    command = [DBT, *args, *project_args(project)]
    if vars:
        command += ["--vars", json.dumps(dict(vars))]
    done = subprocess.run(command, env=child_env(project), capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"dbt {' '.join(args)} failed:\n{done.stdout[-4000:]}\n{done.stderr[-2000:]}"
    return done


def child_env(project: DbtProject, **extra: str) -> dict[str, str]:
    import os

    return {**os.environ, **project.env(), **extra}
