"""Shell commands that run dbt from the project root named by an environment variable.

The variable is expanded by the task's shell when the task runs, so its value never lands in the DAG,
its serialized form, or its docs."""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping, Sequence

from steadyflow.specs.common import Scalar
from steadyflow.specs.dag import DbtProjectSpec


def cd_root(dbt: DbtProjectSpec) -> str:
    var = dbt.root_env
    return f'cd "${{{var}:?set {var} to the folder that holds the dbt project}}"'


def dbt_args(dbt: DbtProjectSpec) -> list[str]:
    args = ["--project-dir", dbt.project_dir]
    if dbt.profiles_dir is not None:
        args += ["--profiles-dir", dbt.profiles_dir]
    if dbt.target is not None:
        args += ["--target", dbt.target]
    return args


def dbt_command(
    dbt: DbtProjectSpec,
    command: Sequence[str],
    *,
    select: Sequence[str] = (),
    exclude: Sequence[str] = (),
    vars: Mapping[str, Scalar] | None = None,
    extra: Sequence[str] = (),
) -> str:
    words = [dbt.executable, *command, *dbt_args(dbt)]
    if select:
        words += ["--select", *select]
    if exclude:
        words += ["--exclude", *exclude]
    if vars:
        words += ["--vars", json.dumps(dict(vars), sort_keys=True)]
    words += list(extra)
    return cd_root(dbt) + " && " + " ".join(shlex.quote(w) for w in words)
