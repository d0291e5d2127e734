"""The dbt project a task runs, from the settings a spec's `dbt:` block hands to run-time code.

Templates pass the one plain dict `templates.dbt_command.project_settings(spec.dbt)` produces (keys
`root_env`, `project_dir`, `profiles_dir`, `target`, `executable`); `dbt_project` reads it when the task
runs. `dbt_args` is the one builder of dbt's project arguments, for shell commands (paths relative to
the root the shell `cd`s into) and for run-time calls (paths under the root)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class DbtProject:
    """Where dbt runs: the project root (from the environment), its executable and its arguments."""

    root: Path
    executable: str
    args: list[str]  # --project-dir, --profiles-dir, --target


def project_root(root_env: str) -> Path:
    value = os.environ.get(root_env)
    if not value:
        raise RuntimeError(f"set {root_env} to the folder that holds the dbt project (the spec's dbt.root_env)")
    return Path(value)


def dbt_args(settings: Mapping[str, Any], root: Path | None = None) -> list[str]:
    """`--project-dir`, `--profiles-dir` and `--target` from the settings; paths under `root` when given."""

    def where(path: str) -> str:
        return str(root / path) if root is not None else path

    args = ["--project-dir", where(settings["project_dir"])]
    if settings.get("profiles_dir") is not None:
        args += ["--profiles-dir", where(settings["profiles_dir"])]
    if settings.get("target") is not None:
        args += ["--target", settings["target"]]
    return args


def dbt_project(settings: Mapping[str, Any]) -> DbtProject:
    """The project the settings name, its root read from the environment variable `root_env` now."""
    root = project_root(settings["root_env"])
    return DbtProject(root=root, executable=settings.get("executable", "dbt"), args=dbt_args(settings, root))
