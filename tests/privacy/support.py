"""Shared by the privacy tests: a salt given to dbt the way a user gives it (PostgreSQL: PGOPTIONS in the dbt
process's environment; DuckDB: `steadyflow salt set`), and dbt or the steadyflow CLI run as a child process
whose whole output is captured (so a test can count what reached the terminal)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.support.dbt import DbtProject

SALT = "golden-salt-7f3a9c2e5b1d4680"  # the salt of the golden digests below (test data, not a secret)
BIN = Path(sys.executable).parent


def digest(salt: str, value: str) -> str:
    """What hash_pii must produce: sha256 of the UTF-8 bytes of salt || normalized value, lowercase hex."""
    return hashlib.sha256((salt + value).encode("utf-8")).hexdigest()


@dataclass
class Captured:
    returncode: int
    output: str


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> Captured:
    """`steadyflow <args>` as a child process; stdout and stderr captured together."""
    proc = subprocess.run(
        [str(BIN / "steadyflow"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    return Captured(proc.returncode, proc.stdout + proc.stderr)


def run_dbt(project: DbtProject, *args: str, env: dict[str, str] | None = None) -> Captured:
    """`dbt <args>` as a child process with the project's environment (plus `env`), debug logging on."""
    cmd = [str(BIN / "dbt"), "--debug", *args, "--project-dir", str(project.project_dir)]
    cmd += ["--profiles-dir", str(project.project_dir), "--target", project.target]
    proc = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        env={**os.environ, **project.env(), **(env or {})},
        check=False,
        cwd=project.work_dir,
    )
    return Captured(proc.returncode, proc.stdout + proc.stderr)


def give_salt(project: DbtProject, salt: str = SALT) -> dict[str, str]:
    """Give `project` its salt as a user does; returns the environment the dbt process needs for it."""
    if project.target == "postgres":
        return {"PGOPTIONS": f"-c steadyflow.pii_salt={salt}"}
    project.work_dir.mkdir(parents=True, exist_ok=True)
    done = run_cli("salt", "set", "--duckdb", str(project.duckdb_path), stdin=salt + "\n")
    assert done.returncode == 0, done.output
    return {}


def with_salt(project: DbtProject, salt: str = SALT) -> DbtProject:
    """`project`, with its salt given (PGOPTIONS added to the environment of its in-process dbt runs)."""
    project.extra_env.update(give_salt(project, salt))
    return project


def occurrences(folder: Path, needle: str) -> dict[str, int]:
    """Files under `folder` (any format, read as bytes) that contain `needle`, with the count."""
    found: dict[str, int] = {}
    for path in folder.rglob("*"):
        if path.is_file():
            count = path.read_bytes().count(needle.encode("utf-8"))
            if count:
                found[str(path.relative_to(folder))] = count
    return found


def logged_by(project: DbtProject, *args: str) -> str:
    """Run `dbt <args>` (expected to fail) and return what that invocation wrote to the project's dbt.log:
    a compile error raised while parsing an inline query is only there, not in dbt's result."""
    return project.failed_log(*args)
