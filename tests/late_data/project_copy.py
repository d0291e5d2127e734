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


def project_in_zone(
    base: DbtProject, work_dir: Path, zone: str, edit: Callable[[Path], None] = lambda _: None
) -> DbtProject:
    """A copy of the project (edited by `edit`) whose sessions run in time zone `zone`, set the way a user sets
    it: `settings: {TimeZone: ...}` in the dbt-duckdb profile, the PGTZ environment variable for PostgreSQL."""
    if base.target == "postgres":
        return project_copy(base, work_dir, edit, extra_env={"PGTZ": zone})

    def edit_in_zone(project_dir: Path) -> None:
        edit(project_dir)
        profiles = project_dir / "profiles.yml"
        text = profiles.read_text()
        anchor = "      threads: 1\n    postgres:"
        assert anchor in text
        profiles.write_text(
            text.replace(anchor, f"      threads: 1\n      settings:\n        TimeZone: {zone}\n    postgres:")
        )

    return project_copy(base, work_dir, edit_in_zone)
