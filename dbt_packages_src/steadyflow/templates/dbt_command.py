"""Shell commands that run dbt from the project root named by an environment variable.

The variable is expanded by the task's shell when the task runs, so its value never lands in the DAG,
its serialized form, or its docs."""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping, Sequence

from steadyflow.runtime.clock import PINNED_NOW
from steadyflow.specs.common import Scalar
from steadyflow.specs.dag import DbtProjectSpec
from steadyflow.templates.plan import Call

#: The dbt var that is the dbt package's clock (macros/clock/now.sql).
NOW_VAR = "steadyflow_now"


def run_vars(vars: Mapping[str, Scalar], pin_now: bool) -> dict[str, Scalar]:
    """The spec's dbt vars plus `steadyflow_now` pinned to the run's time (unless the spec sets it,
    or turns pinning off with `pin_now: false`)."""
    merged = dict(vars)
    if pin_now:
        merged.setdefault(NOW_VAR, PINNED_NOW)
    return merged


def now_filters() -> dict[str, Call]:
    """`user_defined_filters` of a DAG that runs dbt: `{{ dag_run | steadyflow_now }}` in templated fields."""
    return {"user_defined_filters": Call("steadyflow.runtime.clock.now_filters")}


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
