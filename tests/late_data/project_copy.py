"""A private copy of the integration project, for scenarios that change the project itself (a missing root
macro, a session time zone in the profile). The copy keeps `dbt_packages/steadyflow` pointing at this checkout,
so it runs the package under test exactly as integration_tests/ does."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.support.dbt import INTEGRATION_DIR, DbtProject

IGNORED = shutil.ignore_patterns("target", "logs", "*.duckdb", "*.duckdb.wal", ".user.yml")


def copy_integration_project(dest: Path) -> Path:
    """Copy integration_tests/ to `dest` (symlinks kept: the package link still points at the checkout)."""
    shutil.copytree(INTEGRATION_DIR, dest, symlinks=True, ignore=IGNORED)
    return dest


def project_copy(
    base: DbtProject, work_dir: Path, edit: Callable[[Path], None], extra_env: dict[str, str] | None = None
) -> DbtProject:
    """A DbtProject like `base` (same target, schema and server) that runs an edited copy of the project."""
    project_dir = copy_integration_project(work_dir / "project")
    edit(project_dir)
    return DbtProject(
        work_dir=work_dir,
        target=base.target,
        project_dir=project_dir,
        extra_env={**base.extra_env, **(extra_env or {})},
        schema=base.schema,
    )
