"""Locate the dbt project at task run time from the environment variable a spec names."""

from __future__ import annotations

import os
from pathlib import Path


def project_root(root_env: str) -> Path:
    value = os.environ.get(root_env)
    if not value:
        raise RuntimeError(f"set {root_env} to the folder that holds the dbt project (the spec's dbt.root_env)")
    return Path(value)


def dbt_cli_args(root: Path, project_dir: str, profiles_dir: str | None, target: str | None) -> list[str]:
    args = ["--project-dir", str(root / project_dir)]
    if profiles_dir is not None:
        args += ["--profiles-dir", str(root / profiles_dir)]
    if target is not None:
        args += ["--target", target]
    return args
